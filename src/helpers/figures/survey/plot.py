"""Drawing survey figures: diverging Likert bars with a separate unsure / not-published strip, 100% stacked bars,
simple bars, and a text panel for figures with nothing printed. One meaning per colour across all charts."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from .. import style
from ..style import wrap
from .specs import SurveyChart

NOT_PUBLISHED = "Not published"
NP_STYLE = dict(facecolor="white", edgecolor="#8C8C8C", hatch="///", linewidth=0.6)
BLUE, PINK, ORANGE, PURPLE = (style.CATEGORICAL[i] for i in (0, 2, 3, 5))  # the house palette (afcharts)
MID_BLUE, GREY = "#5B8DBF", style.GREY
# The same colour means the same thing on every survey chart.
COLOUR = {
    "Agree": BLUE,
    "Agree (incl. strongly)": BLUE,
    "Strongly agree": BLUE,
    "Often or always": BLUE,
    "Always or often": BLUE,
    "Always": BLUE,
    "Often": MID_BLUE,
    "Neither agree nor disagree": GREY,
    "Sometimes": GREY,
    "Disagree": ORANGE,
    "Disagree (incl. strongly)": ORANGE,
    "Rarely": ORANGE,
    "Rarely or never": ORANGE,
    "Strongly disagree": PINK,
    "Never": PINK,
    "Unsure": PURPLE,
    "Don't know": PURPLE,
    "Unsure or neither agree nor disagree": PURPLE,
}
POSITIVE = {"Agree", "Agree (incl. strongly)", "Strongly agree"}
NEGATIVE = {"Disagree", "Disagree (incl. strongly)", "Strongly disagree"}
MIDDLE = {"Neither agree nor disagree"}
STRIP = {"Unsure", "Don't know", "Unsure or neither agree nor disagree", NOT_PUBLISHED}
GREENS = ["#C7E9C0", "#A1D99B", "#74C476", "#31A354", "#006D2C"]  # categories that are not an evaluation
NARROW = 7.0  # segments narrower than this (percentage points) get their label in the note below the chart


def colour(category: str, position: int = 0) -> str:
    return COLOUR.get(category, GREENS[position % len(GREENS)])


def _segment(ax, y, left, row, col, notes, narrow: float = NARROW) -> None:
    width = float(row.percent)
    if row.category == NOT_PUBLISHED:
        ax.barh(y, width, left=left, height=0.6, **NP_STYLE)
        return
    ax.barh(y, width, left=left, height=0.6, color=col, edgecolor="white", linewidth=0.6)
    text = row.printed or f"{row.percent:g}%"
    text += "" if row.possible_for_n else "\u2020"
    if width >= narrow:
        dark = col in (BLUE, MID_BLUE, PINK, "#31A354", "#006D2C")
        ax.text(left + width / 2, y, text, ha="center", va="center", fontsize=8, color="white" if dark else "black")
    else:
        notes.append(f"{row.bar.split(' (n=')[0]}, {row.category}: {text} (too narrow to label in the bar)")


def _dagger_notes(data: pd.DataFrame) -> list[str]:
    out = []
    for r in data[~data["possible_for_n"].astype(bool)].itertuples():
        out.append(
            f"\u2020 {r.bar.split(' (n=')[0]}, {r.category}: printed {r.printed}; no whole number of {r.n} "
            f"respondents gives it; the nearest is {r.rows_count}/{r.n} = {r.rows_percent:g}%."
        )
    return out


def _legend(fig, categories: list[str]) -> list:
    handles = [
        Patch(**NP_STYLE, label="Not published: answers whose shares the report did not print")
        if c == NOT_PUBLISHED
        else Patch(facecolor=colour(c, i), label=c)
        for i, c in enumerate(categories)
    ]
    return handles


def _layout(fig, axes: list, title: str, handles: list, notes: list[str], n_bars: int) -> None:
    """Fixed layout in inches, top to bottom: title, legend, bars, x axis, notes; nothing outside the canvas."""
    width, left, right = 9.0, 2.55, 0.25
    title_text = wrap(title, 88)
    note_text = "\n".join(wrap(n, 125) for n in notes)
    ncol = min(4, len(handles)) if sum(len(h.get_label()) for h in handles) < 110 else 2
    title_h = 0.22 * (title_text.count("\n") + 1) + 0.15
    legend_h = 0.24 * -(-len(handles) // ncol) + 0.1
    bars_h = 0.5 * n_bars + 0.3
    axis_h = 0.55
    notes_h = (0.15 * (note_text.count("\n") + 1) + 0.15) if notes else 0.1
    height = title_h + legend_h + bars_h + axis_h + notes_h + 0.1
    fig.set_size_inches(width, height)
    bottom = (notes_h + axis_h) / height
    plot_w = width - left - right
    if len(axes) == 2:
        main_w, gap = plot_w * 0.72, 0.35
        axes[0].set_position([left / width, bottom, main_w / width, bars_h / height])
        axes[1].set_position([(left + main_w + gap) / width, bottom, (plot_w - main_w - gap) / width, bars_h / height])
    else:
        axes[0].set_position([left / width, bottom, plot_w / width, bars_h / height])
    fig.text(0.1 / width, 1 - 0.1 / height, title_text, ha="left", va="top", fontsize=11, fontweight="bold")
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.1 / width, 1 - title_h / height),
        ncol=ncol,
        fontsize=8,
        frameon=False,
        borderaxespad=0,
    )
    if notes:
        fig.text(0.1 / width, (notes_h - 0.05) / height, note_text, ha="left", va="top", fontsize=7.5, color="#3D3D3D")


ORDER = [
    "Strongly disagree",
    "Disagree",
    "Disagree (incl. strongly)",
    "Neither agree nor disagree",
    "Agree",
    "Agree (incl. strongly)",
    "Strongly agree",
    "Often or always",
    "Always or often",
    "Always",
    "Often",
    "Sometimes",
    "Rarely",
    "Rarely or never",
    "Never",
]


def _strip_label(data: pd.DataFrame) -> str:
    """What the right-hand strip of a diverging chart holds: unsure answers, the not-published rest, or both."""
    held = set(data["category"]) & STRIP
    parts = ["Unsure"] if held - {NOT_PUBLISHED} else []
    if NOT_PUBLISHED in held:
        parts.append("not published")
    return ", and ".join(parts).capitalize()


def _categories(data: pd.DataFrame) -> list[str]:
    """Categories in plotting order: the scale's order, then others as they come, unsure, not published last."""
    present = list(dict.fromkeys(data["category"]))
    known = [c for c in ORDER if c in present]
    rest = [c for c in present if c not in known and c not in STRIP]
    return (
        known
        + rest
        + [c for c in present if c in STRIP and c != NOT_PUBLISHED]
        + ([NOT_PUBLISHED] if NOT_PUBLISHED in present else [])
    )


def plot(data: pd.DataFrame, chart: SurveyChart, text: dict) -> plt.Figure:
    """The figure: bars where something is printed (or the export has answers), a text panel otherwise."""
    style.use_house_style()
    title = text["caption"] + ("" if "n=" in text["caption"] or "n =" in text["caption"] else f" (n {text['n']})")
    printed = data[data["category"] != NOT_PUBLISHED]
    if printed.empty:
        return text_panel(title, text)
    bars = list(dict.fromkeys(data["bar"]))
    notes: list[str] = []
    if chart.kind == "diverging":
        fig, (ax, strip) = plt.subplots(1, 2, sharey=True, layout="none")
    else:
        fig, ax = plt.subplots(layout="none")
    order = _categories(data)
    for y, bar in enumerate(reversed(bars)):
        d = data[data["bar"] == bar]
        if chart.kind == "diverging":
            main = d[~d["category"].isin(STRIP)]
            neg = main[main["category"].isin(NEGATIVE)]["percent"].sum()
            mid = main[main["category"].isin(MIDDLE)]["percent"].sum()
            left = -(neg + mid / 2)
            if not main["category"].isin(NEGATIVE).any() and (d["category"] == NOT_PUBLISHED).any():
                ax.text(-50, y, "disagree: not published", ha="center", va="center", fontsize=7, color="#595959")
            for category in ["Strongly disagree", "Disagree", "Disagree (incl. strongly)", *MIDDLE, *POSITIVE]:
                for row in main[main["category"] == category].itertuples():
                    _segment(ax, y, left, row, colour(category), notes, narrow=12)
                    left += float(row.percent)
            left = 0.0
            strip_rows = d[d["category"].isin(STRIP)].sort_values("category", key=lambda s: s == NOT_PUBLISHED)
            for row in strip_rows.itertuples():
                _segment(strip, y, left, row, colour(row.category), notes, narrow=25)
                left += float(row.percent)
        else:
            left = 0.0
            for row in d.sort_values("category", key=lambda s: s.map(order.index)).itertuples():
                _segment(ax, y, left, row, colour(row.category, order.index(row.category)), notes)
                left += float(row.percent)
    ax.set_yticks(range(len(bars)), [wrap(b, 34) for b in reversed(bars)], fontsize=9)
    for axis in fig.axes:
        axis.tick_params(axis="x", labelsize=8)
    ax.tick_params(axis="y", length=0)
    if chart.kind == "diverging":
        ax.axvline(0, color="#3D3D3D", linewidth=0.8)
        ax.set_xlim(-100, 100)
        ax.set_xticks([-100, -50, 0, 50, 100])
        strip.set_xticks([0, 50, 100])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):.0f}%"))
        ax.set_xlabel("% of respondents: disagree to the left of 0, agree to the right", fontsize=8)
        strip.set_xlim(0, 100)
        strip.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
        strip.set_xlabel(_strip_label(data), fontsize=8)
        strip.tick_params(axis="y", length=0)
        strip.grid(False)
    else:
        total = data.groupby("bar")["percent"].sum().max()
        ax.set_xlim(0, max(100.0, float(total)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
        ax.set_xlabel("% of respondents", fontsize=8)
    sums = data.groupby("bar", sort=False)["percent"].sum()
    for bar, total in sums.items():
        if total > 100:
            notes.append(f"{bar.split(' (n=')[0]}: the printed shares sum to {total:g}% (rounding in the report).")
    notes = _dagger_notes(data) + notes
    if chart.quote_on_chart:
        notes += [f'The report says (line {line}): "{quote}"' for line, quote in text["statements"]]
    _layout(fig, [ax, strip] if chart.kind == "diverging" else [ax], title, _legend(fig, order), notes, len(bars))
    return fig


def text_panel(title: str, text: dict, blocks: list[tuple[str, str]] | None = None) -> plt.Figure:
    """What is known of a figure whose values the report did not print: question, scale, n and the text."""
    blocks = blocks or [
        ("Question", text["question"]),
        ("Answer scale", text["scale"]),
        ("n as printed", text["n"] or "not printed"),
        *((f"The report says (line {line})", f'"{quote}"') for line, quote in text["statements"]),
        ("Not published", "The report prints no share of any answer for this figure, so no bar is drawn."),
    ]
    width = 9.0
    title_text = wrap(title, 88)
    bodies = [wrap(body, 110) for _, body in blocks]
    title_h = 0.22 * (title_text.count("\n") + 1) + 0.25
    height = title_h + sum(0.2 + 0.17 * (b.count("\n") + 1) + 0.12 for b in bodies) + 0.15
    fig = plt.figure(figsize=(width, height), layout="none")
    fig.text(0.1 / width, 1 - 0.1 / height, title_text, ha="left", va="top", fontsize=11, fontweight="bold")
    y = height - title_h
    for (head, _), body in zip(blocks, bodies):
        fig.text(0.1 / width, y / height, head, ha="left", va="top", fontsize=8.5, fontweight="bold")
        fig.text(0.1 / width, (y - 0.2) / height, body, ha="left", va="top", fontsize=8.5, color="#262626")
        y -= 0.2 + 0.17 * (body.count("\n") + 1) + 0.12
    return fig
