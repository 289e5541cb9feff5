"""Drawing survey figures: diverging Likert bars with a separate unsure / not-published strip, 100% stacked bars,
simple bars, and a text panel for figures with nothing printed. One meaning per colour across all charts."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from .. import style
from ..style import wrap
from .specs import SurveyChart

NOT_PUBLISHED = "Not published"
NP_STYLE = style.tier_bar("not published", style.GREY)
POSITIVE = {"Agree", "Agree (incl. strongly)", "Strongly agree"}
NEGATIVE = {"Disagree", "Disagree (incl. strongly)", "Strongly disagree"}
MIDDLE = {"Neither agree nor disagree"}
STRIP = {"Unsure", "Don't know", "Unsure or neither agree nor disagree", NOT_PUBLISHED}
NARROW = 9.0  # segments narrower than this (percentage points) get their label in the note below the chart
WIDTH, LEFT, RIGHT = style.TEXT_WIDTH_IN, 1.85, 0.3  # inches: canvas, bar labels, right margin


def colour(category: str, ordered: list[str]) -> str:
    """An answer's colour: the same answer the same colour on every chart; an ordered scale's ramp otherwise."""
    if category in style.ANSWER_COLOURS:
        return style.ANSWER_COLOURS[category]
    return style.ordered(ordered.index(category), len(ordered)) if category in ordered else style.GREY


def _segment(ax, y, left, row, col, notes, narrow: float = NARROW) -> None:
    width = float(row.percent)
    if row.category == NOT_PUBLISHED:
        ax.barh(y, width, left=left, height=0.6, **NP_STYLE)
        return
    ax.barh(y, width, left=left, height=0.6, **style.tier_bar("report", col))
    text = row.printed or f"{row.percent:g}%"
    text += "" if row.possible_for_n else "\u2020"
    if width >= narrow:
        ax.text(
            left + width / 2, y, text, ha="center", va="center", fontsize=style.SMALL_PT, color=style.text_colour(col)
        )
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


def _legend(categories: list[str], ordered: list[str]) -> list:
    """The answers' colours (the tier key names the hatched not-published part)."""
    return [Patch(facecolor=colour(c, ordered), label=c) for c in categories if c != NOT_PUBLISHED]


def _lines(text: str) -> int:
    return text.count("\n") + 1 if text else 0


def _layout(fig, axes: list, title: str, handles: list, notes: list[str], n_bars: int, tiers: list[str]) -> None:
    """Fixed layout in inches at the A4 text width, top to bottom: title, answer colours, bars, x axis, tier
    key, notes; nothing outside the canvas."""
    width, left, right = WIDTH, LEFT, RIGHT
    title_text = wrap(title, 68)
    note_text = "\n".join(wrap(n, 100) for n in notes)
    ncol = max(1, min(len(handles), 3 if sum(len(h.get_label()) for h in handles) < 60 else 2))
    title_h = 0.2 * _lines(title_text) + 0.12
    legend_h = (0.22 * -(-len(handles) // ncol) + 0.08) if handles else 0.0
    bars_h = 0.42 * n_bars + 0.25
    axis_h = 0.5
    key_h = 0.45
    notes_h = (0.15 * _lines(note_text) + 0.1) if notes else 0.05
    height = title_h + legend_h + bars_h + axis_h + key_h + notes_h + 0.1
    fig.set_size_inches(width, height)
    bottom = (notes_h + key_h + axis_h) / height
    plot_w = width - left - right
    if len(axes) == 2:
        main_w, gap = plot_w * 0.68, 0.45
        axes[0].set_position([left / width, bottom, main_w / width, bars_h / height])
        axes[1].set_position([(left + main_w + gap) / width, bottom, (plot_w - main_w - gap) / width, bars_h / height])
    else:
        axes[0].set_position([left / width, bottom, plot_w / width, bars_h / height])
    fig.text(
        0.1 / width, 1 - 0.08 / height, title_text, ha="left", va="top", fontsize=style.TITLE_PT, fontweight="bold"
    )
    if handles:
        fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.1 / width, 1 - title_h / height),
            ncol=ncol,
            fontsize=style.SMALL_PT,
            frameon=False,
            borderaxespad=0,
        )
    style.tier_key(fig, tiers, loc="upper left", bbox_to_anchor=(0.1 / width, (notes_h + key_h) / height), ncol=2)
    if notes:
        fig.text(
            0.1 / width,
            (notes_h - 0.03) / height,
            note_text,
            ha="left",
            va="top",
            fontsize=style.SMALL_PT,
            color=style.MUTED,
        )


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


def _scale_position(category: str) -> float | None:
    """Where a duration band sits on its scale ('Less than 1 year' < '1-3 years' < 'Over 3 years'), or None."""
    found = re.search(r"(\d+)", category)
    if not found:
        return None
    value = float(found.group(1))
    if category.lower().startswith(("less than", "under")):
        return value - 0.5
    return value + 0.5 if category.lower().startswith(("over", "more than")) else value


def _categories(data: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(categories in plotting order, the ordered categories of a scale that is not an evaluation): the scale's
    order (duration bands sorted along their scale), unsure, not published last."""
    present = list(dict.fromkeys(data["category"]))
    known = [c for c in ORDER if c in present]
    rest = [c for c in present if c not in known and c not in STRIP]
    if rest and all(_scale_position(c) is not None for c in rest):
        rest = sorted(rest, key=_scale_position)
    strip = [c for c in present if c in STRIP and c != NOT_PUBLISHED]
    return known + rest + strip + ([NOT_PUBLISHED] if NOT_PUBLISHED in present else []), rest


def _said_on_bars(ax, bars: list[str], chart: SurveyChart) -> None:
    """The report's statements of order or size with no number, written on the bar they are about."""
    for y, bar in enumerate(reversed(bars)):
        for name, words in chart.said_on_bars:
            if bar.split(" (n=")[0] == name:
                ax.annotate(
                    wrap(f"The report: \u201c{words}\u201d (no share printed)", 48),
                    (99, y),
                    ha="right",
                    va="center",
                    fontsize=style.SMALL_PT,
                    color=style.INK,
                    bbox=dict(boxstyle="round,pad=0.25", facecolor="white", edgecolor=style.KEY, linewidth=0.6),
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
    order, ordered = _categories(data)
    for y, bar in enumerate(reversed(bars)):
        d = data[data["bar"] == bar]
        if chart.kind == "diverging":
            main = d[~d["category"].isin(STRIP)]
            neg = main[main["category"].isin(NEGATIVE)]["percent"].sum()
            mid = main[main["category"].isin(MIDDLE)]["percent"].sum()
            left = -(neg + mid / 2)
            if not main["category"].isin(NEGATIVE).any() and (d["category"] == NOT_PUBLISHED).any():
                ax.text(
                    -50,
                    y,
                    "disagree: not published",
                    ha="center",
                    va="center",
                    fontsize=style.SMALL_PT,
                    color=style.MUTED,
                )
            for category in ["Strongly disagree", "Disagree", "Disagree (incl. strongly)", *MIDDLE, *POSITIVE]:
                for row in main[main["category"] == category].itertuples():
                    _segment(ax, y, left, row, colour(category, ordered), notes, narrow=14)
                    left += float(row.percent)
            left = 0.0
            strip_rows = d[d["category"].isin(STRIP)].sort_values("category", key=lambda s: s == NOT_PUBLISHED)
            for row in strip_rows.itertuples():
                _segment(strip, y, left, row, colour(row.category, ordered), notes, narrow=34)
                left += float(row.percent)
        else:
            left = 0.0
            for row in d.sort_values("category", key=lambda s: s.map(order.index)).itertuples():
                _segment(ax, y, left, row, colour(row.category, ordered), notes)
                left += float(row.percent)
    ax.set_yticks(range(len(bars)), [wrap(b, 22) for b in reversed(bars)], fontsize=style.TEXT_PT)
    for axis in fig.axes:
        axis.tick_params(axis="x", labelsize=style.SMALL_PT)
    ax.tick_params(axis="y", length=0)
    if chart.kind == "diverging":
        ax.axvline(0, color=style.INK, linewidth=0.8)
        ax.set_xlim(-100, 100)
        ax.set_xticks([-100, -50, 0, 50, 100])
        strip.set_xticks([0, 50, 100])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):.0f}%"))
        ax.set_xlabel("% of respondents: disagree left of 0, agree right", fontsize=style.SMALL_PT)
        strip.set_xlim(0, 100)
        strip.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
        strip.set_xlabel(wrap(_strip_label(data), 18), fontsize=style.SMALL_PT)
        strip.tick_params(axis="y", length=0)
        strip.grid(False)
    else:
        total = data.groupby("bar")["percent"].sum().max()
        ax.set_xlim(0, max(100.0, float(total)))
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
        ax.set_xlabel("% of respondents", fontsize=style.SMALL_PT)
        _said_on_bars(ax, bars, chart)
    sums = data.groupby("bar", sort=False)["percent"].sum()
    for bar, total in sums.items():
        if total > 100:
            notes.append(
                f"{bar.split(' (n=')[0]}: the printed shares sum to {total:g}% (rounding in the report); the axis "
                f"runs to {total:g}% so the bar fits."
            )
    notes = _dagger_notes(data) + notes
    if chart.quote_on_chart:
        notes += [f'The report says: "{quote}"' for _line, quote in text["statements"]]
    tiers = ["report"] + (["not published"] if NOT_PUBLISHED in order else [])
    axes = [ax, strip] if chart.kind == "diverging" else [ax]
    _layout(fig, axes, title, _legend(order, ordered), notes, len(bars), tiers)
    return fig


def text_panel(title: str, text: dict, blocks: list[tuple[str, str]] | None = None) -> plt.Figure:
    """What is known of a figure whose values the report did not print: question, scale, n and the text."""
    blocks = blocks or [
        ("Question", text["question"]),
        ("Answer scale", text["scale"]),
        ("n as printed", text["n"] or "not printed"),
        *(("The report says", f'"{quote}"') for _line, quote in text["statements"]),
        ("Not published", "The report prints no share of any answer for this figure, so no bar is drawn."),
    ]
    width = WIDTH
    title_text = wrap(title, 68)
    bodies = [wrap(body, 92) for _, body in blocks]
    title_h = 0.2 * _lines(title_text) + 0.2
    line_h = 0.16
    height = title_h + sum(0.18 + line_h * _lines(b) + 0.1 for b in bodies) + 0.12
    fig = plt.figure(figsize=(width, height), layout="none")
    fig.text(
        0.1 / width, 1 - 0.08 / height, title_text, ha="left", va="top", fontsize=style.TITLE_PT, fontweight="bold"
    )
    y = height - title_h
    for (head, _), body in zip(blocks, bodies):
        fig.text(0.1 / width, y / height, head, ha="left", va="top", fontsize=style.TEXT_PT, fontweight="bold")
        fig.text(0.1 / width, (y - 0.18) / height, body, ha="left", va="top", fontsize=style.TEXT_PT, color=style.INK)
        y -= 0.18 + line_h * _lines(body) + 0.1
    return fig
