"""Shared drawing rules of the official-statistics figures: a value in its series colour and its tier's look (the
house style's), the series key and the one tier key, bounds printed by a source ('less than 2%'), values not
found, labels that would collide, and the source line in plain words."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.legend_handler import HandlerTuple
from matplotlib.ticker import StrMethodFormatter
from matplotlib.transforms import Bbox

from ...data.official import REPORT_CUTOFF, bound
from .. import style
from ..style import COMPUTED
from .edition import date_words

NOT_FOUND = style.NOT_FOUND_WORDS
A4_WIDTH = style.TEXT_WIDTH_IN
THOUSANDS = StrMethodFormatter("{x:,.0f}")  # axis numbers with a thousands separator
REPORT_COLOUR = style.REPORT_EDGE
NOTE_BOX = dict(facecolor="white", edgecolor="none", pad=1)  # a note stays readable over grid lines
PLOT_COLUMNS = [
    "series",
    "breakdown",
    "period",
    "period_type",
    "geography",
    "value",
    "bound",
    "unit",
    "release_date",
    "tier",
    "source_title",
    "source_url",
    "quote",
    "corroboration",
]


def with_bounds(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with a `bound` column ('<', '≥', '>', '≈' or '') read from each quote."""
    return rows.assign(bound=[bound(q, v) for q, v in zip(rows["quote"], rows["value"])])


def plot_columns(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.reindex(columns=PLOT_COLUMNS + [c for c in rows.columns if c not in PLOT_COLUMNS and c in _EXTRA])


_EXTRA = (
    "panel", "measure", "split", "coverage", "nationality", "exploitation", "group", "label", "inputs",
    "edition", "edition_name", "published", "file", "sheet", "cell", "status",
)  # fmt: skip


def label_value(value: float, sign: str = "", fmt: str = "{:,.0f}", suffix: str = "") -> str:
    words = {"<": "less than ", "≥": "at least ", ">": "more than ", "≈": "about "}
    return f"{words.get(sign, '')}{fmt.format(value)}{suffix}"


def bar(ax: plt.Axes, x, height, tier: str, colour: str, width: float = 0.8, **kw) -> None:
    """One bar in the series colour, drawn in its tier's look (the house style's, the same on every chart)."""
    ax.bar(x, height, width, **style.tier_bar(tier, colour), **kw)


def point(ax: plt.Axes, x, y, tier: str, colour: str, marker: str = "o", size: float = 7, **kw) -> None:
    """One marker in the series colour and its tier's look: filled for official, hollow for a copy, the black
    diamond for the report."""
    if tier == "report":
        ax.plot([x], [y], style.REPORT_MARKER, color=style.REPORT_EDGE, markersize=size, **kw)
    elif tier == "official":
        ax.plot([x], [y], marker, color=colour, markersize=size, **kw)
    else:
        face = "white" if tier == "official_secondary" else colour
        ax.plot(
            [x], [y], marker, markerfacecolor=face, markeredgecolor=colour, markeredgewidth=1.5, markersize=size, **kw
        )


def count_label(ax: plt.Axes, x, value: float):
    """A count printed just above its bar, turned to read upwards."""
    return ax.annotate(
        f"{value:,.0f}",
        (x, value),
        xytext=(0, 2),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=style.SMALL_PT,
        rotation=90,
    )


def not_found(ax: plt.Axes, x, text: str = NOT_FOUND, y: float = 0.0) -> None:
    ax.annotate(text, (x, y), rotation=90, ha="center", va="bottom", fontsize=style.SMALL_PT, color=style.MUTED)


def keys(fig: plt.Figure, series: list, tiers, ncols: int = 2) -> None:
    """One key under the chart: the series (colours), then the tier entries of the one tier key (fill, hatch,
    marker; the house style's handles, the same on every chart)."""
    handles, labels = style.tier_key_handles([t for t in tiers if isinstance(t, str)])
    fig.legend(
        [*series, *handles],
        [*(h.get_label() for h in series), *labels],
        handler_map={tuple: HandlerTuple(ndivide=None)},
        loc="outside lower left",
        ncols=ncols,
        fontsize=style.SMALL_PT,
        frameon=False,
    )


def record_tiers(*frames: pd.DataFrame) -> list[str]:
    """The tiers a figure record lists: every tier drawn (computed values count under their inputs' tiers)."""
    seen = set()
    for frame in frames:
        seen |= set(frame["tier"].dropna()) - {COMPUTED}
    return [t for t in ("official", "official_secondary", "report") if t in seen]


TIER_SOURCE_WORDS = {
    "official": "from the publisher's own page",
    "official_secondary": "from a copy of the publisher's table or page",
}


def sources(data: pd.DataFrame, vintage: str) -> str:
    """The source line of a figure in plain words: its published values by tier, which release of each value,
    the publications, and where the web address and quote (or file and cell) of each value are."""
    found = data[data["tier"].isin(list(TIER_SOURCE_WORDS)) & data["value"].notna()]
    counts = found["tier"].value_counts()
    tiers = ", ".join(f"{counts[t]} {TIER_SOURCE_WORDS[t]}" for t in TIER_SOURCE_WORDS if t in counts)
    which = (
        f"releases published by {date_words(REPORT_CUTOFF)} (as available to the report)"
        if vintage == "report"
        else "the newest release of each value"
    )
    titles = "; ".join(sorted(found["source_title"].dropna().unique())) if "source_title" in found else ""
    text = f"{len(found)} published value{'' if len(found) == 1 else 's'} ({tiers}); {which}."
    if titles:
        text += f" Publications: {titles}."
    text += " Web address and quote, or file, sheet and cell, of every value: the figure's data table."
    if (data["tier"] == "report").any():
        text += " The report's values as printed, with their quotes, in the same table."
    return text


def drop_colliding(fig: plt.Figure, texts: list, markers: list | None = None) -> list[str]:
    """Remove every text that would overlap one kept before it (``texts`` in order of priority) or a marker
    (``markers``: (axes, x, y) in data units); return the removed labels, so that a note under the chart can
    name them."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    half = 5 * fig.dpi / 72  # a marker's half width (7 pt markers, with their edge and a margin), in pixels
    kept = [
        Bbox.from_extents(px - half, py - half, px + half, py + half)
        for ax, x, y in markers or []
        for px, py in [ax.transData.transform((x, y))]
    ]
    dropped = []
    for text in texts:
        box = text.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(box.overlaps(other) for other in kept):
            dropped.append(text.get_text().replace("\n", " "))
            text.remove()
        else:
            kept.append(box)
    return dropped


def signed_percent(value: float, fmt: str) -> str:
    """A signed percentage with a true minus sign."""
    return fmt.format(value).replace("-", "\u2212") + "%"
