"""Drawing survey figures: Likert palettes, diverging and stacked bars, illustrative stamps."""

from __future__ import annotations

import warnings

import matplotlib.colors as mcolors
import matplotlib.patheffects as patheffects
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..survey import likert
from . import style
from .survey_specs import COLLAPSED_LABELS

NON_SUB = set(likert.NON_SUBSTANTIVE) | {"Don't know", "Unsure"}


def order_of(scale_key: str) -> list[str]:
    """Category labels in plotting order for a scale or a collapsed scale ('agreement5:collapsed')."""
    scale, _, collapsed = scale_key.partition(":")
    if collapsed:
        labels = COLLAPSED_LABELS[scale]
        order = (
            ["disagree", "neutral", "agree", "dont_know"]
            if scale == "agreement5"
            else ["rarely_or_never", "sometimes", "always_or_often", "unsure"]
        )
        return [labels[k] for k in order]
    return likert.SCALES[scale]


def _lighten(colour: str, amount: float) -> tuple:
    r, g, b = mcolors.to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def palette(scale: str) -> dict[str, object]:
    labels = order_of(scale)
    substantive = [lab for lab in labels if lab not in NON_SUB]
    colours: dict[str, object] = {}
    if scale.endswith(":collapsed"):
        colours.update(zip(substantive, [style.CATEGORICAL[3], style.GREY, style.CATEGORICAL[0]]))
        colours.setdefault(labels[-1], "#E6E6E6")
        return colours
    if scale in ("agreement5", "need_improvement", "readiness", "frequency5") and len(substantive) == 5:
        neg, pos = style.CATEGORICAL[3], style.CATEGORICAL[0]
        colours.update(zip(substantive, [neg, _lighten(neg, 0.5), style.GREY, _lighten(pos, 0.5), pos]))
    elif scale == "need_improvement" or len(substantive) <= 5:
        colours.update(
            zip(substantive, style.SEQUENTIAL[::-1][: len(substantive)] if len(substantive) > 2 else style.DUO)
        )
    else:
        colours.update({lab: style.CATEGORICAL[i % len(style.CATEGORICAL)] for i, lab in enumerate(substantive)})
    if scale == "need_improvement":
        colours.update(
            zip(
                substantive,
                [
                    style.CATEGORICAL[0],
                    _lighten(style.CATEGORICAL[0], 0.5),
                    _lighten(style.CATEGORICAL[3], 0.5),
                    style.CATEGORICAL[3],
                ],
            )
        )
    for lab in labels:
        colours.setdefault(lab, "#E6E6E6")
    return colours


def _legend(ax, scale: str, colours: dict, any_illustrative: bool, present: list[str]) -> None:
    handles = [Patch(facecolor=colours[lab], label=lab) for lab in order_of(scale) if lab in present]
    if any_illustrative:
        handles.append(
            Patch(
                facecolor="white",
                edgecolor="#595959",
                hatch=style.ILLUSTRATIVE_HATCH,
                label="illustrative (not printed)",
            )
        )
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=8, frameon=False)


def _segment(ax, y, left, width, colour, tier, label_value):
    ax.barh(
        y,
        width,
        left=left,
        color=colour,
        edgecolor="white" if tier != "illustrative" else "#595959",
        hatch=style.ILLUSTRATIVE_HATCH if tier == "illustrative" else None,
        linewidth=0.5,
        height=0.6,
    )
    if width >= 6:
        dark = mcolors.rgb_to_hsv(mcolors.to_rgb(colour))[2] < 0.6
        ax.text(
            left + width / 2,
            y,
            f"{label_value:.0f}%",
            ha="center",
            va="center",
            fontsize=8,
            color="white" if dark else "black",
        )


def plot(data: pd.DataFrame, kind: str, title: str) -> plt.Figure:
    """Diverging (Likert), 100% stacked or simple horizontal bars of tidy `figure_data`."""
    style.use_house_style()
    scale = data["scale"].iloc[0]
    colours = palette(scale)
    bars = list(dict.fromkeys(data["bar"]))
    fig, ax = plt.subplots(
        figsize=(8, max(3.4, 2.2 + 0.7 * len(bars))) if kind != "bar" else (8, 1.5 + 0.4 * len(data))
    )
    present = list(dict.fromkeys(data["category"]))
    if kind == "bar":
        d = data.iloc[::-1]
        for y, r in enumerate(d.itertuples()):
            colour = style.CATEGORICAL[0]
            ax.barh(
                y,
                r.percent,
                color=colour,
                height=0.6,
                hatch=style.ILLUSTRATIVE_HATCH if r.tier == "illustrative" else None,
                edgecolor="#595959" if r.tier == "illustrative" else colour,
            )
            ax.text(r.percent + 1, y, f"{r.percent:.0f}% ({r.count})", va="center", fontsize=8)
        ax.set_yticks(range(len(d)), d["category"])
        ax.set_xlabel("% of respondents answering")
        handles = (
            []
            if all_illustrative(data)
            else [
                Patch(
                    facecolor=style.CATEGORICAL[0],
                    label="survey data" if (data["tier"] == "report").all() else "reconstructed from printed %",
                )
            ]
        )
        if (data["tier"] == "illustrative").any():
            handles.append(
                Patch(
                    facecolor=style.CATEGORICAL[0],
                    edgecolor="#595959",
                    hatch=style.ILLUSTRATIVE_HATCH,
                    label="illustrative (not printed)",
                )
            )
        ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    else:
        labels = order_of(scale)
        substantive = [lab for lab in labels if lab not in NON_SUB]
        for y, bar in enumerate(reversed(bars)):
            d = data[data["bar"] == bar].set_index("category")
            if kind == "diverging":
                mid = len(substantive) // 2
                neutral = substantive[mid] if len(substantive) % 2 else None
                negatives = substantive[:mid]
                left = -(
                    sum(d.at[lab, "percent"] for lab in negatives if lab in d.index)
                    + (d.at[neutral, "percent"] / 2 if neutral in d.index else 0)
                )
            else:
                left = 0.0
            for lab in labels:
                if lab not in d.index or d.at[lab, "count"] == 0:
                    continue
                if kind == "diverging" and lab in NON_SUB:
                    continue
                w = float(d.at[lab, "percent"])
                _segment(ax, y, left, w, colours[lab], d.at[lab, "tier"], w)
                left += w
            if kind == "diverging":
                dk = [lab for lab in labels if lab in NON_SUB and lab in d.index]
                for lab in dk:
                    if d.at[lab, "count"]:
                        _segment(
                            ax,
                            y,
                            105,
                            float(d.at[lab, "percent"]),
                            colours[lab],
                            d.at[lab, "tier"],
                            float(d.at[lab, "percent"]),
                        )
        ax.set_yticks(range(len(bars)), [b if len(b) < 45 else b[:42] + "..." for b in reversed(bars)])
        if kind == "diverging":
            ax.axvline(0, color="#3D3D3D", linewidth=0.8)
            ax.set_xlim(-100, 130)
            ax.set_xlabel("% of respondents (negative left of 0; don't know / unsure at right)", fontsize=9)
        else:
            ax.set_xlim(0, 100)
            ax.set_xlabel("% of respondents answering", fontsize=9)
        _legend(ax, scale, colours, (data["tier"] == "illustrative").any(), present)
    if all_illustrative(data):
        title = illustrative_title(title)
    ax.set_title(title, loc="left", fontsize=11, wrap=True)
    _tight(fig)
    if all_illustrative(data):
        stamp(ax)
    return fig


STAMP = "ILLUSTRATIVE: no data published"


def all_illustrative(data: pd.DataFrame) -> bool:
    return bool(len(data)) and bool((data["tier"] == "illustrative").all())


def illustrative_title(title: str) -> str:
    return title if title.startswith("Illustrative:") else f"Illustrative: {title}"


def stamp(ax) -> None:
    """A large light diagonal 'ILLUSTRATIVE: no data published' across the axes, above the bars."""
    box = ax.get_position()
    width_pt = box.width * ax.figure.get_figwidth() * 72
    size = max(12.0, min(28.0, 0.95 * width_pt / (0.66 * len(STAMP))))  # fits the axes width
    ax.text(
        0.5,
        0.5,
        STAMP,
        transform=ax.transAxes,
        rotation=12,
        ha="center",
        va="center",
        fontsize=size,
        fontweight="bold",
        color="#404040",
        alpha=0.55,
        zorder=10,
        clip_on=False,
        path_effects=[patheffects.withStroke(linewidth=3, foreground="white")],
    )


def _tight(fig) -> None:
    """tight_layout without the 'layout has changed to tight' warning (its text holds the install path)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The figure layout has changed to tight")
        fig.tight_layout()
