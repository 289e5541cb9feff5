"""Figures 27-56 (need for improvement, ten themes x three groups) as one summary: per theme and group the
report's figure number, n as printed, any printed value and the text's finding. No invented share: the report
prints one value (Figure 32, 63%) and says in words which group expressed the greatest need. With a real survey
export every cell shows every answer's share from the export's rows instead."""

from __future__ import annotations

import re
from itertools import product

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.colors import ListedColormap

from ...survey import likert
from .. import style
from .specs import NEED_AREAS, NEED_GROUPS, need_figure_number

INTRO = "all themes"  # need_statements.csv's theme of the survey's introduction to the ten themes
TITLE = "Figures 27–56: perceived need for improvement, by theme and group (what the report prints)"
SHORT = dict(zip(likert.SCALES["need_improvement"], ["none", "minor", "moderate", "significant", "don't know"]))


def export_shares(rows: pd.DataFrame, item_id: str) -> tuple[str, int]:
    """Every answer's share of one need-for-improvement item in a real export (over valid answers, half up, in
    the scale's order, named in short: 'none 5% · minor 10% · ...'), and its n."""
    table = likert.shares(rows[item_id])
    n = int(table["n"].iloc[0]) if len(table) else 0
    shares = " · ".join(f"{SHORT[r.category]} {r.percent:g}%" for r in table.itertuples())
    return shares, n


def summary(
    published: pd.DataFrame,
    captions: pd.DataFrame,
    need_statements: pd.DataFrame,
    survey: tuple[dict[str, pd.DataFrame], bool],
) -> pd.DataFrame:
    """Per theme and group: figure number, caption and n as printed (flagged where it is the n most of another
    group's captions give), printed values and the text's finding (need_statements.csv), quoted; with a real
    export (``survey``'s flag), every answer's share from its rows."""
    respondents, is_export = survey
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
            key_id = f"need_improvement_{key}"
            shares, n_export = export_shares(respondents[population], key_id) if is_export else ("", 0)
            out.append(
                {
                    "figure": number,
                    "theme": theme,
                    "group": group,
                    "population": population,
                    "item_id": key_id,
                    "caption": caption,
                    "n_printed": n,
                    "printed": "; ".join(f"{r.value:g}% significant improvements required" for r in rows.itertuples()),
                    "stat_id": "; ".join(rows["stat_id"]),
                    "export": f"{shares} (n={n_export})" if is_export else "",
                    "text_finding": "greatest need (the text)" if greatest == population else "",
                    "quotes": " ".join(f'"{q}" (line {line})' for line, q in zip(said["line"], said["statement"])),
                    "tier": "report" if is_export or len(rows) or greatest == population else "not published",
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
    return "; ".join(f"Figure {r.figure}, {r.group}, {r.theme}: {r.printed}" for r in rows.itertuples())


def _cell(r) -> str:
    head = f"Fig. {r.figure} \u00b7 n={r.n_printed}" + (" \u2691" if r.n_flag else "")
    shown = r.export or r.printed or ("greatest need (text)" if r.text_finding else "not published")
    return head + "\n" + style.wrap(shown, 22)


def draw(
    published: pd.DataFrame,
    captions: pd.DataFrame,
    need_statements: pd.DataFrame,
    survey: tuple[dict[str, pd.DataFrame], bool],
) -> tuple[plt.Figure, pd.DataFrame]:
    """A grid (seaborn heatmap): theme rows, group columns; each cell its figure number, n as printed and what
    is printed (with a real export: every answer's share); shaded where the text says the group expressed the
    greatest need, hatched where nothing is."""
    table = summary(published, captions, need_statements, survey)
    is_export = bool((table["export"] != "").any())
    style.use_house_style()
    themes = list(dict.fromkeys(table["theme"]))
    groups = [g for _, g in NEED_GROUPS]
    grid = table.pivot(index="theme", columns="group", values="text_finding").loc[themes, groups] != ""
    cells = table.assign(cell=[_cell(r) for r in table.itertuples()])
    labels = cells.pivot(index="theme", columns="group", values="cell").loc[themes, groups]
    lines = max(label.count("\n") + 1 for label in labels.to_numpy().ravel())
    notes = "Shaded: the group the text says expressed the greatest need for that theme (its words). " + (
        "Shares from the survey export, over valid answers, rounded half up."
        if is_export
        else "No share printed there. Hatched: no value printed. The bars of Figures 27\u201356 are not published."
    )
    if flagged := _flagged(table):
        notes += f"\n\u2691 {flagged}; shown as printed."
    note_text = "\n".join(style.wrap(line, 100) for line in notes.split("\n"))
    title = style.wrap(TITLE.replace("what the report prints", "from the survey export") if is_export else TITLE, 68)
    row_h, top, bottom = (
        0.15 * lines + 0.14,
        0.3 + 0.2 * (title.count("\n") + 1),
        0.5 + 0.15 * (note_text.count("\n") + 1),
    )
    width, height = style.TEXT_WIDTH_IN, top + row_h * len(themes) + bottom
    fig = plt.figure(figsize=(width, height), layout="none")
    ax = fig.add_axes((1.55 / width, bottom / height, (width - 1.65) / width, row_h * len(themes) / height))
    sns.heatmap(
        grid.astype(int),
        ax=ax,
        annot=labels.to_numpy(),
        fmt="",
        cmap=ListedColormap(["white", style.SEQUENTIAL[4]]),
        vmin=0,
        vmax=1,
        cbar=False,
        linewidths=0.8,
        linecolor=style.GREY,
        annot_kws={"fontsize": style.SMALL_PT, "color": style.INK},
    )
    for text, ((i, theme), (j, group)) in zip(ax.texts, product(enumerate(themes), enumerate(groups))):
        r = table[(table["theme"] == theme) & (table["group"] == group)].iloc[0]
        if not r.printed and not r.text_finding and not r.export:
            ax.add_patch(plt.Rectangle((j, i), 1, 1, **style.tier_bar("not published", style.GREY), zorder=2))
            text.set_bbox(dict(facecolor="white", edgecolor="none", pad=1.0))
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.set_xticklabels(groups, fontsize=style.TEXT_PT, fontweight="bold")
    ax.set_yticklabels([style.wrap(t, 18) for t in themes], rotation=0, fontsize=style.TEXT_PT)
    ax.tick_params(length=0)
    fig.text(0.1 / width, 1 - 0.08 / height, title, ha="left", va="top", fontsize=style.TITLE_PT, fontweight="bold")
    style.tier_key(
        fig,
        ["report"] if is_export else ["report", "not published"],
        loc="upper left",
        bbox_to_anchor=(0.1 / width, (bottom - 0.02) / height),
    )
    fig.text(
        0.1 / width, (bottom - 0.5) / height, note_text, ha="left", va="top", fontsize=style.SMALL_PT, color=style.MUTED
    )
    return fig, table


def describe(data: pd.DataFrame) -> dict:
    """Title, caption, source, tiers and alt text of the summary, from its rows."""
    if (data["export"] != "").any():
        return _describe_export(data)
    table = data
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
        alt=f"Grid: need for improvement, {table['theme'].nunique()} themes by {table['group'].nunique()} groups "
        f"(Figures 27\u201356). Printed: {_printed_values(table) or 'no share'}; the text names the group in most need "
        "per theme; no other value is printed.",
    )


def _describe_export(data: pd.DataFrame) -> dict:
    """The same, for the summary drawn from a real export: every answer's share of every theme and group."""
    return dict(
        title=TITLE.split(": ", 1)[1].replace("what the report prints", "from the survey export"),
        caption="The report's thirty need-for-improvement charts (Figures 27–56) in one summary, drawn from the "
        "survey's own respondent-level export: every answer's share per theme and group, over valid answers, "
        "rounded half up; shaded where the report's text says the group expressed the greatest need. The report "
        f"prints {_printed_values(data) or 'no value'}.",
        source="Leapwise survey export (MS Leads survey, frontline focus groups, System Leader interviews), section "
        "'Appendix: need for improvements', Figures 27–56",
        tiers=["report"],
        alt=f"Grid: need for improvement, {data['theme'].nunique()} themes by {data['group'].nunique()} groups "
        "(Figures 27\u201356), each cell every answer's share from the survey export. Shaded: the group the text "
        "names as in most need.",
    )
