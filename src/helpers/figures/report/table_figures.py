"""Figures that are tables or diagrams of what the report's text names, with no numbers: Figure 5 (the
sub-threat table) and Figures 1 and 57 (the research framework).

Their words are the report tables ``sub_threats.csv``, ``research_framework.csv``, the captions and the statements,
passed in; cells the text leaves empty say so and nothing is filled. Each figure function returns the figure and
its table; its ``*_meta`` function gives title, caption, source, tiers and alt text.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .. import style
from ..style import wrap
from .printed_values import REPORT


def _table_figure(table: pd.DataFrame, title: str, col_widths: list[float], height: float) -> plt.Figure:
    style.use_house_style()
    fig, ax = plt.subplots(figsize=(11, height))
    ax.axis("off")
    widths = {c: max(8, int(w * 100)) for c, w in zip(table.columns, col_widths)}
    wrapped = pd.DataFrame({c: table[c].map(lambda v, c=c: wrap(str(v), widths[c])) for c in table.columns})
    labels = [wrap(c, widths[c]) for c in table.columns]
    t = style.table(ax, wrapped.to_numpy(), labels, col_widths, 8)
    lines = wrapped.map(lambda v: v.count("\n") + 1).max(axis=1)
    for (row, _col), cell in t.get_celld().items():
        cell.set_height(0.12 if row == 0 else 0.055 * lines.iloc[row - 1] + 0.02)
    total = 0.12 + sum(0.055 * k + 0.02 for k in lines)
    if total > 0.97:  # keep the whole table inside the axes (and the canvas)
        for cell in t.get_celld().values():
            cell.set_height(cell.get_height() * 0.97 / total)
    ax.set_title(title, loc="left", fontsize=11)
    return fig


# ---------------------------------------------------------------- Figure 5
NOT_IN_TEXT = "(not in the text)"


def _words(captions: pd.DataFrame, number: int) -> str:
    """A figure's caption without its 'Figure N: ' label."""
    return captions.loc[captions["figure"] == number, "caption"].iloc[0].split(": ", 1)[1]


def fig05_table(sub_threats: pd.DataFrame) -> pd.DataFrame:
    """The sub-threat table as the report's text gives it (sub_threats.csv, one cell per row, in the printed
    order); cells empty in the text say so."""
    cells = sub_threats.fillna({"text": NOT_IN_TEXT})
    table = cells.pivot(index="line", columns="column", values="text")[list(dict.fromkeys(cells["column"]))]
    return table.reset_index(drop=True).rename_axis(columns=None)


def _fig05_title(captions: pd.DataFrame) -> str:
    return f"{_words(captions, 5)} (as named in the report's text)"


def fig05(sub_threats: pd.DataFrame, captions: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    table = fig05_table(sub_threats)
    return _table_figure(table, _fig05_title(captions), [0.13, 0.13, 0.16, 0.22, 0.14, 0.22], 5.5), table


def fig05_meta(data: pd.DataFrame, captions: pd.DataFrame, sub_threats: pd.DataFrame) -> dict:
    kinds = ", ".join(data[data.columns[0]].str.lower())
    empty = [c for c in data.columns if (data[c] == NOT_IN_TEXT).all()]
    header, last = sub_threats["line"].min() - 1, sub_threats["line"].max()  # the header is above the first row
    caption = captions.loc[captions["figure"] == 5, "caption"].iloc[0]
    return dict(
        title=_fig05_title(captions),
        tiers=["report"],
        caption=(
            f"The forms of MSHT the text names ({kinds}) with the table's words as extracted from the report. "
            f"The {', '.join(repr(c) for c in empty)} column (and the other cells marked) carry no text in the "
            "extraction (probably graphical ratings in the original); they are marked "
            f"'{NOT_IN_TEXT}' and nothing is filled in. No numbers."
        ),
        source=f"{REPORT}, section 'Identifying the challenge / Defining Modern Slavery', Figure 5; "
        f"report text lines {header}-{last} (table above the caption '{caption}')",
        alt=(
            f"Table of the sub-threats of MSHT ({kinds}) with their environment, detection, victim demographics "
            "and overlapping offences as the report words them; the cells the text leaves empty are marked."
        ),
    )


# ---------------------------------------------------------------- Figures 1 and 57
def framework(research_framework: pd.DataFrame, captions: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figures 1 and 57 (the same framework): its components as the methodology lists them
    (research_framework.csv), titled with Figure 1's caption."""
    data = research_framework[["component", "section", "notebook"]].rename(columns={"section": "report section"})
    style.use_house_style()
    fig, ax = plt.subplots(figsize=(9, 3.2))
    ax.axis("off")
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 2)
    ax.add_patch(plt.Rectangle((0.05, 1.45), 3.9, 0.45, color=style.CATEGORICAL[0]))
    ax.text(
        2,
        1.675,
        "Policing response to MSHT (since the Modern Slavery Act 2015)",
        ha="center",
        va="center",
        color="white",
        fontsize=10,
        fontweight="bold",
    )
    for i, comp in enumerate(data["component"]):
        ax.add_patch(plt.Rectangle((0.05 + i, 0.2), 0.9, 1.05, facecolor="#E8EEF4", edgecolor=style.CATEGORICAL[0]))
        ax.text(0.5 + i, 0.725, wrap(comp, 16), ha="center", va="center", fontsize=9)
    ax.set_title(_words(captions, 1), loc="left", fontsize=11)
    return fig, data


def framework_meta(data: pd.DataFrame, captions: pd.DataFrame, statements: pd.DataFrame) -> dict:
    """Titled with Figure 1's caption; quotes the methodology's sentence introducing Figure 57's components."""
    components = "; ".join(data["component"])
    quote = statements.loc[statements["figure"] == 57, "statement"].iloc[0]
    return dict(
        title=_words(captions, 1),
        tiers=["report"],
        caption=(
            f"The framework's components as the methodology lists them: '{quote}' {components}. The "
            "report's graphic is not in the text; this is a plain redrawing of the named components (the same "
            "framework as Figure 1 in the introduction). Its layout is ours."
        ),
        source=f"{REPORT}, Appendices / Methodology / Research framework (Figure 57) and Introduction (Figure 1)",
        alt=(
            "Diagram: a bar labelled 'Policing response to MSHT' above one box per component of the research "
            f"framework: {components.lower()}."
        ),
    )
