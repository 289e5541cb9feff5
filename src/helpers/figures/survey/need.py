"""Figures 27-56 (need for improvement, ten themes x three groups) as one summary: per theme and group the
report's figure number, n as printed, any printed value and the text's finding. No invented share: the report
prints one value (Figure 32, 63%) and says in words which group expressed the greatest need."""

from __future__ import annotations

import re
import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from .. import style
from .specs import NEED_AREAS, NEED_GROUPS, need_figure_number

INTRO = "all themes"  # need_statements.csv's theme of the survey's introduction to the ten themes
TITLE = "Figures 27–56: perceived need for improvement, by theme and group (what the report prints)"
HIGHLIGHT = "#DCE6F0"


def summary(published: pd.DataFrame, captions: pd.DataFrame, need_statements: pd.DataFrame) -> pd.DataFrame:
    """Per theme and group: figure number, caption and n as printed (flagged where it is the n most of another
    group's captions give), printed values and the text's finding (need_statements.csv), quoted."""
    out = []
    for t, (key, theme) in enumerate(NEED_AREAS):
        said = need_statements[need_statements["theme"] == theme]
        greatest = said["greatest_need"].dropna()
        greatest = greatest.iloc[0] if len(greatest) else None
        for g, (population, group) in enumerate(NEED_GROUPS):
            number = need_figure_number(t, g)
            caption = captions.loc[captions["figure"] == number, "caption"].iloc[0]
            n = int(re.search(r"n=(\d+)", caption).group(1))
            rows = published[(published["figure"] == str(number)) & (published["unit"] == "percent")]
            out.append(
                {
                    "figure": number,
                    "theme": theme,
                    "group": group,
                    "population": population,
                    "item_id": f"need_improvement_{key}",
                    "caption": caption,
                    "n_printed": n,
                    "printed": "; ".join(f"{r.value:g}% significant improvements required" for r in rows.itertuples()),
                    "stat_id": "; ".join(rows["stat_id"]),
                    "text_finding": "greatest need (the text)" if greatest == population else "",
                    "quotes": " ".join(f'"{q}" (line {line})' for line, q in zip(said["line"], said["statement"])),
                    "tier": "report" if len(rows) or greatest == population else "not published",
                }
            )
    table = pd.DataFrame(out)
    usual = _usual_n(table)
    flags = [
        "" if n == usual[p] else f"n={n} is the n of another group in the report"
        for n, p in zip(table["n_printed"], table["population"])
    ]
    table.insert(table.columns.get_loc("n_printed") + 1, "n_flag", flags)
    return table


def _usual_n(table: pd.DataFrame) -> dict[str, int]:
    """Per group, the n most of its need-for-improvement captions print."""
    return table.groupby("population")["n_printed"].agg(lambda ns: ns.mode().iloc[0]).to_dict()


def _flagged(table: pd.DataFrame) -> str:
    """'Figures 52 and 53 are captioned n=41 (MS Leads) and n=37 (frontline)', from the flagged rows."""
    rows = table[table["n_flag"] != ""]
    numbers = " and ".join(str(r.figure) for r in rows.itertuples())
    ns = " and ".join(f"n={r.n_printed} ({r.group})" for r in rows.itertuples())
    usual_n = _usual_n(table)
    usual = ", ".join(f"{g} {usual_n[p]}" for p, g in NEED_GROUPS if p in set(rows["population"]))
    return f"Figures {numbers} are captioned {ns}, where every other figure gives {usual}" if len(rows) else ""


def _printed_values(table: pd.DataFrame) -> str:
    rows = table[table["printed"] != ""]
    return "; ".join(f"Figure {r.figure}, {r.group}, {r.theme}: {r.printed} ({r.stat_id})" for r in rows.itertuples())


def draw(
    published: pd.DataFrame, captions: pd.DataFrame, need_statements: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """A table chart: theme rows, one cell per group (figure number, n, printed value, text finding), quotes."""
    table = summary(published, captions, need_statements)
    style.use_house_style()
    width, col = 13.0, [1.7, 2.0, 2.0, 2.0, 5.1]
    heads = ["Theme", *(g for _, g in NEED_GROUPS), "What the text says"]
    themes = list(dict.fromkeys(table["theme"]))
    quotes = {t: textwrap.fill(table.loc[table["theme"] == t, "quotes"].iloc[0], 78) for t in themes}
    heights = [max(0.62, 0.15 * (quotes[t].count("\n") + 1) + 0.12) for t in themes]
    first = need_statements[need_statements["theme"] == INTRO].iloc[0]
    intro = textwrap.fill(f'"{first.statement}" (line {first.line})', 150)
    top = 0.75 + 0.15 * (intro.count("\n") + 1)
    notes = (
        "Shaded: the group the text says expressed the greatest need for that theme. No other share is printed: "
        "the bars of Figures 27–56 are not published."
    )
    if flagged := _flagged(table):
        notes += f"\n\u2691 {flagged}; shown as printed (see the claims audit in notebook 07)."
    height = top + 0.3 + sum(heights) + 0.6
    fig = plt.figure(figsize=(width, height), layout="none")
    fig.text(0.1 / width, 1 - 0.1 / height, TITLE, ha="left", va="top", fontsize=12, fontweight="bold")
    fig.text(0.1 / width, 1 - 0.45 / height, intro, ha="left", va="top", fontsize=8, color="#3D3D3D")
    y = height - top
    x0 = [0.1 + sum(col[:i]) for i in range(len(col))]
    for x, head in zip(x0, heads):
        fig.text(x / width, y / height, head, ha="left", va="top", fontsize=9, fontweight="bold")
    y -= 0.3
    for theme, h in zip(themes, heights):
        fig.add_artist(plt.Line2D([0.1 / width, 1 - 0.1 / width], [y / height] * 2, color="#BFBFBF", linewidth=0.6))
        fig.text(x0[0] / width, (y - 0.08) / height, textwrap.fill(theme, 20), va="top", fontsize=8.5)
        for g, (_, group) in enumerate(NEED_GROUPS):
            r = table[(table["theme"] == theme) & (table["group"] == group)].iloc[0]
            if r.text_finding:
                rect = plt.Rectangle((x0[g + 1] / width, (y - h) / height), 1.9 / width, h / height, color=HIGHLIGHT)
                fig.add_artist(rect)
            lines = [f"Figure {r.figure} · n={r.n_printed}" + (" \u2691" if r.n_flag else "")]
            shown = r.printed or ("greatest need (text)" if r.text_finding else "values not published")
            lines.append(textwrap.fill(shown, 26))
            fig.text((x0[g + 1] + 0.05) / width, (y - 0.08) / height, "\n".join(lines), va="top", fontsize=8)
        fig.text(x0[4] / width, (y - 0.08) / height, quotes[theme], va="top", fontsize=7.2, color="#262626")
        y -= h
    fig.text(0.1 / width, 0.55 / height, notes, ha="left", va="top", fontsize=7.5, color="#3D3D3D")
    return fig, table


def describe(data: pd.DataFrame) -> dict:
    """Title, caption, source, tiers and alt text of the summary, from its rows."""
    table = data
    cells = [
        f"Figure {r.figure} ({r.group}, {r.theme}, n={r.n_printed}{'; ' + r.n_flag if r.n_flag else ''}): "
        + (r.printed + " (printed)" if r.printed else "")
        + (
            ("; " if r.printed else "") + "the text says this group expressed the greatest need"
            if r.text_finding
            else ""
        )
        + ("" if r.printed or r.text_finding else "no value published")
        for r in table.itertuples()
    ]
    caption = (
        "The report's thirty need-for-improvement charts (Figures 27–56) in one summary. Their bars are not "
        f"published: the text prints {_printed_values(table) or 'no value'} and says in words which group "
        "expressed the greatest need for each theme; both are shown as printed, nothing else is drawn. n as "
        "printed in each caption."
    )
    if flagged := _flagged(table):
        caption += f" {flagged}: shown as printed and flagged."
    return dict(
        title=TITLE.split(": ", 1)[1],
        caption=caption,
        source="Leapwise survey of MS Leads, focus groups with frontline officers and System Leader interviews, as "
        "printed in the report (Leapwise for IASC, July 2025), section 'Appendix: need for improvements', "
        "Figures 27–56",
        tiers=["report", "not published"],
        alt="Table chart of the need for improvement by theme (rows) and group (columns). " + ". ".join(cells) + ".",
    )
