"""Figures 27-56 (need for improvement, ten themes x three groups) as one summary: per theme and group the
report's figure number, n as printed, any printed value and the text's finding. No invented share: the report
prints one value (Figure 32, 63%) and says in words which group expressed the greatest need."""

from __future__ import annotations

import re
import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from ...survey import likert
from .. import style
from .need_quotes import NEED_CAPTIONS, NEED_FINDINGS, NEED_INTRO
from .specs import NEED_AREAS, NEED_GROUPS, need_figure_number

USUAL_N = {"system_leaders": 22, "ms_leads": 37, "frontline": 41}
TITLE = "Figures 27–56: perceived need for improvement, by theme and group (what the report prints)"
HIGHLIGHT = "#DCE6F0"
SHORT = dict(zip(likert.SCALES["need_improvement"], ["none", "minor", "moderate", "significant", "don't know"]))


def export_shares(rows: pd.DataFrame, item_id: str) -> tuple[str, int]:
    """Every answer's share of one need-for-improvement item in a real export (over valid answers, half up, in
    the scale's order, named in short: 'none 5% · minor 10% · ...'), and its n."""
    table = likert.shares(rows[item_id])
    n = int(table["n"].iloc[0]) if len(table) else 0
    shares = " · ".join(f"{SHORT[r.category]} {r.percent:g}%" for r in table.itertuples())
    return shares, n


def summary(published: pd.DataFrame, survey: tuple[dict[str, pd.DataFrame], bool]) -> pd.DataFrame:
    """Per theme and group: figure number, n as printed (flagged where it is another group's), printed values
    and the text's finding, quoted; with a real export (survey_source), every answer's share from its rows."""
    rows, is_export = survey
    out = []
    for t, (key, theme) in enumerate(NEED_AREAS):
        greatest, statements = NEED_FINDINGS[theme]
        for g, (population, group) in enumerate(NEED_GROUPS):
            number = need_figure_number(t, g)
            n = int(re.search(r"n=(\d+)", NEED_CAPTIONS[number]).group(1))
            printed = published[(published["figure"] == str(number)) & (published["unit"] == "percent")]
            shares, n_export = export_shares(rows[population], f"need_improvement_{key}") if is_export else ("", 0)
            out.append(
                {
                    "figure": number,
                    "theme": theme,
                    "group": group,
                    "population": population,
                    "item_id": f"need_improvement_{key}",
                    "caption": NEED_CAPTIONS[number],
                    "n_printed": n,
                    "n_flag": "" if n == USUAL_N[population] else f"n={n} is the n of another group in the report",
                    "printed": "; ".join(
                        f"{r.value:g}% significant improvements required" for r in printed.itertuples()
                    ),
                    "stat_id": "; ".join(printed["stat_id"]),
                    "export": f"{shares} (n={n_export})" if is_export else "",
                    "text_finding": "greatest need (the text)" if greatest == population else "",
                    "quotes": " ".join(f'"{q}" (line {line})' for line, q in statements),
                    "tier": "report" if is_export or len(printed) or greatest == population else "not published",
                }
            )
    return pd.DataFrame(out)


def _flagged(table: pd.DataFrame) -> str:
    """'Figures 52 and 53 are captioned n=41 (MS Leads) and n=37 (frontline)', from the flagged rows."""
    rows = table[table["n_flag"] != ""]
    numbers = " and ".join(str(r.figure) for r in rows.itertuples())
    ns = " and ".join(f"n={r.n_printed} ({r.group})" for r in rows.itertuples())
    usual = ", ".join(f"{g} {USUAL_N[p]}" for p, g in NEED_GROUPS if p in set(rows["population"]))
    return f"Figures {numbers} are captioned {ns}, where every other figure gives {usual}" if len(rows) else ""


def _printed_values(table: pd.DataFrame) -> str:
    rows = table[table["printed"] != ""]
    return "; ".join(f"Figure {r.figure}, {r.group}, {r.theme}: {r.printed} ({r.stat_id})" for r in rows.itertuples())


def _cell_text(r) -> str:
    """What a theme and group's cell shows under its figure number: the export's shares, the printed value, the
    text's finding, or that nothing is published."""
    return r.export or r.printed or ("greatest need (text)" if r.text_finding else "values not published")


def draw(published: pd.DataFrame, survey: tuple[dict[str, pd.DataFrame], bool]) -> tuple[plt.Figure, pd.DataFrame]:
    """A table chart: theme rows, one cell per group (figure number, n, printed value or, with a real export, every
    answer's share; text finding), quotes."""
    table = summary(published, survey)
    is_export = bool((table["export"] != "").any())
    style.use_house_style()
    width, col = 13.0, [1.7, 2.0, 2.0, 2.0, 5.1]
    heads = ["Theme", *(g for _, g in NEED_GROUPS), "What the text says"]
    themes = list(dict.fromkeys(table["theme"]))
    quotes = {t: textwrap.fill(table.loc[table["theme"] == t, "quotes"].iloc[0], 78) for t in themes}
    shown = {(r.theme, r.group): textwrap.fill(_cell_text(r), 26) for r in table.itertuples()}
    cell_lines = {t: max(shown[t, g].count("\n") + 2 for _, g in NEED_GROUPS) for t in themes}
    heights = [max(0.62, 0.15 * (max(quotes[t].count("\n"), cell_lines[t] - 1) + 1) + 0.12) for t in themes]
    intro = textwrap.fill(f'"{NEED_INTRO[1]}" (line {NEED_INTRO[0]})', 150)
    top = 0.75 + 0.15 * (intro.count("\n") + 1)
    notes = "Shaded: the group the text says expressed the greatest need for that theme. " + (
        "Shares from the survey export (survey_source), over valid answers, rounded half up."
        if is_export
        else "No other share is printed: the bars of Figures 27–56 are not published."
    )
    if flagged := _flagged(table):
        notes += f"\n\u2691 {flagged}; shown as printed (see the claims audit in notebook 07)."
    height = top + 0.3 + sum(heights) + 0.6
    fig = plt.figure(figsize=(width, height), layout="none")
    title = TITLE.replace("what the report prints", "from the survey export") if is_export else TITLE
    fig.text(0.1 / width, 1 - 0.1 / height, title, ha="left", va="top", fontsize=12, fontweight="bold")
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
            lines.append(shown[theme, group])
            fig.text((x0[g + 1] + 0.05) / width, (y - 0.08) / height, "\n".join(lines), va="top", fontsize=8)
        fig.text(x0[4] / width, (y - 0.08) / height, quotes[theme], va="top", fontsize=7.2, color="#262626")
        y -= h
    fig.text(0.1 / width, 0.55 / height, notes, ha="left", va="top", fontsize=7.5, color="#3D3D3D")
    return fig, table


def describe(data: pd.DataFrame) -> dict:
    """Title, caption, source, tiers and alt text of the summary, from its rows."""
    if (data["export"] != "").any():
        return _describe_export(data)
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


def _describe_export(data: pd.DataFrame) -> dict:
    """The same, for the summary drawn from a real export: every answer's share of every theme and group."""
    cells = [
        f"Figure {r.figure} ({r.group}, {r.theme}): {r.export}"
        + ("; the report's text says this group expressed the greatest need" if r.text_finding else "")
        for r in data.itertuples()
    ]
    return dict(
        title=TITLE.split(": ", 1)[1].replace("what the report prints", "from the survey export"),
        caption="The report's thirty need-for-improvement charts (Figures 27–56) in one summary, drawn from the "
        "survey's own respondent-level export (survey_source folder): every answer's share per theme and group, "
        "over valid answers, rounded half up; shaded where the report's text says the group expressed the greatest "
        f"need. The report prints {_printed_values(data) or 'no value'}.",
        source="Leapwise survey export (MS Leads survey, frontline focus groups, System Leader interviews), section "
        "'Appendix: need for improvements', Figures 27–56",
        tiers=["report"],
        alt="Table chart of the need for improvement by theme (rows) and group (columns). " + ". ".join(cells) + ".",
    )
