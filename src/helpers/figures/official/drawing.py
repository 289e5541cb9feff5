"""Shared drawing rules of the official-statistics figures: how a tier looks (fill, hatch, marker), the legend
that names it, bounds printed by a source ('less than 2%'), values not found, and alt text that names tiers."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import StrMethodFormatter

from ...data.official import REPORT_CUTOFF, bound
from ..style import COMPUTED, TIER_WORDS
from .edition import date_words

NOT_FOUND = "not found in the sources used here"
A4_WIDTH = 16 / 2.54  # inches: the A4 text width the figures are drawn for (printed at 100%)
THOUSANDS = StrMethodFormatter("{x:,.0f}")  # axis numbers with a thousands separator
SECONDARY_HATCH = "xx"
REPORT_COLOUR = "#000000"
REPORT_MARKER = "D"
TIER_KEY_COLOUR = "#595959"  # neutral: no series is drawn in it
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
    """One bar drawn in its tier's look: solid for official, white with coloured cross-hatch for secondary."""
    if tier == "official":
        ax.bar(x, height, width, color=colour, edgecolor=colour, **kw)
    else:
        ax.bar(x, height, width, facecolor="white", edgecolor=colour, hatch=SECONDARY_HATCH, linewidth=1.2, **kw)


def point(ax: plt.Axes, x, y, tier: str, colour: str, marker: str = "o", size: float = 7, **kw) -> None:
    """One marker in its tier's look: filled for official, hollow for secondary, black diamond for the report."""
    if tier == "report":
        ax.plot([x], [y], REPORT_MARKER, color=REPORT_COLOUR, markersize=size, **kw)
    elif tier == "official":
        ax.plot([x], [y], marker, color=colour, markersize=size, **kw)
    else:
        face = "white" if tier == "official_secondary" else colour
        ax.plot(
            [x], [y], marker, markerfacecolor=face, markeredgecolor=colour, markeredgewidth=1.5, markersize=size, **kw
        )


def not_found(ax: plt.Axes, x, text: str = NOT_FOUND, y: float = 0.0) -> None:
    ax.annotate(text, (x, y), rotation=90, ha="center", va="bottom", fontsize=7, color="#595959")


def tier_handles(tiers, colour: str = TIER_KEY_COLOUR, kind: str = "bar") -> list:
    """Legend entries naming each tier drawn (bar look or marker look), in a neutral colour: colour is the
    series', the tier is the fill, hatch or marker."""
    handles = []
    for tier in [t for t in TIER_WORDS if t in set(tiers)]:
        label = TIER_WORDS[tier]
        if tier == "report":
            handles.append(Line2D([], [], marker=REPORT_MARKER, color=REPORT_COLOUR, linestyle="", label=label))
        elif kind == "bar" and tier in ("official", "official_secondary"):
            secondary = tier == "official_secondary"
            handles.append(
                Patch(
                    facecolor="white" if secondary else colour,
                    edgecolor=colour,
                    hatch=SECONDARY_HATCH if secondary else None,
                    label=label,
                )
            )
        else:
            face = "white" if tier == "official_secondary" else colour
            marker = "s" if tier == COMPUTED else "o"
            handles.append(
                Line2D([], [], marker=marker, markerfacecolor=face, markeredgecolor=colour, linestyle="", label=label)
            )
    return handles


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


def drop_colliding(fig: plt.Figure, texts: list) -> list[str]:
    """Remove every text that would overlap one kept before it (``texts`` in order of priority); return the
    removed labels, so that a note and the alt text can say which were left out."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    kept, dropped = [], []
    for text in texts:
        box = text.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(box.overlaps(other) for other in kept):
            dropped.append(text.get_text().replace("\n", " "))
            text.remove()
        else:
            kept.append(box)
    return dropped
