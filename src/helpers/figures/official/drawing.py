"""Shared drawing rules of the official-statistics figures: how a tier looks (fill, hatch, marker), the legend
that names it, bounds printed by a source ('less than 2%'), values not found, and alt text that names tiers."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ...data.official import bound, describe_sources
from ..style import CATEGORICAL, COMPUTED, TIER_WORDS

NOT_FOUND = "not found in the sources used here"
SECONDARY_HATCH = "xx"
REPORT_COLOUR = "#000000"
REPORT_MARKER = "D"
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


_EXTRA = ("panel", "measure", "split", "coverage", "nationality", "exploitation", "group", "label", "inputs")


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


def tier_handles(tiers, colour: str = CATEGORICAL[0], kind: str = "bar") -> list:
    """Legend entries naming each tier drawn (bar look or marker look)."""
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


def alt_points(prefix: str, data: pd.DataFrame) -> str:
    """Alt text naming every value drawn with its period, coverage and tier, and every value not found."""
    parts = []
    for r in data.to_dict("records"):
        where = f" ({r['coverage']})" if isinstance(r.get("coverage"), str) else ""
        if pd.isna(r["value"]):
            parts.append(f"{r['label']}{where}: {NOT_FOUND}")
            continue
        sign = r.get("bound") if isinstance(r.get("bound"), str) else ""
        fmt = "{:,.0f}" if float(r["value"]).is_integer() else "{:,.1f}"
        suffix = "%" if r.get("unit") == "percent" else ""
        tier = TIER_WORDS.get(r["tier"], r["tier"])
        parts.append(f"{r['label']}{where}: {label_value(r['value'], sign, fmt, suffix)} [{tier}]")
    return f"{prefix}. " + "; ".join(parts) + "."


def sources(data: pd.DataFrame, vintage: str) -> str:
    """The source line of a figure: its published values by tier and publication (report values in the caption)."""
    published = data[data["tier"].isin(["official", "official_secondary"])]
    return describe_sources(published, vintage)


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
