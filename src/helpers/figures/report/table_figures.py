"""Figures that are tables or diagrams of what the report's text names, with no numbers: Figure 5 (the
sub-threat table) and Figures 1 and 57 (the research framework).

Cells the text leaves empty say so; nothing is filled. Each figure function returns the figure and its table;
its ``*_meta`` function gives title, caption, source, tiers and alt text.
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
SUB_THREATS_LINES = (
    "report text lines 464-469 (table above the caption 'Figure 5: Sub-threats of modern slavery & human trafficking')"
)
FIG05_COLUMNS = [
    "Type of MS",
    "Perceived Prioritisation",
    "Environment",
    "Detection",
    "Victim demographics",
    "Overlap with other offences",
]
FIG05_ROWS = [
    [
        "Domestic Servitude",
        "",
        "Hidden, Overlaps with VAWG",
        "Likely significantly underreported, relies on authorities & community",
        "",
        "Kidnap, assault, threats to kill, immigration offences",
    ],
    [
        "Sexual exploitation",
        "",
        "Overlaps with VAWG, OCGs",
        "Underreported, relies on law enforcement, local authorities, and NGOs",
        "",
        "Sexual offences, controlling prostitution, managing a brothel",
    ],
    [
        "Criminal exploitation",
        "",
        "County lines, OCGs",
        "Underreported, relies on law enforcement, NGOs & community \u2013 victims may not recognise victimhood",
        "",
        "Drug offences, supply of drugs, cultivating cannabis",
    ],
    [
        "Labour exploitation",
        "",
        "Hidden, OCGs, industry",
        "Underreported, relies on authorities, community \u2013 victims may not recognise victimhood",
        "",
        "Kidnap, assault, threats to kill, minimum wage offences, immigration offences",
    ],
    [
        "Organ harvesting",
        "",
        "Extremely hidden, OCGs",
        "Underreported, relies on authorities, healthcare, community",
        "Few victims identified",
        "",
    ],
]
NOT_IN_TEXT = "(not in the text)"


def fig05_table() -> pd.DataFrame:
    """The sub-threat table as the report's text gives it; cells empty in the text say so."""
    table = pd.DataFrame(FIG05_ROWS, columns=FIG05_COLUMNS)
    return table.replace("", NOT_IN_TEXT)


FIG05_TITLE = "Sub-threats of modern slavery & human trafficking (as named in the report's text)"


def fig05() -> tuple[plt.Figure, pd.DataFrame]:
    table = fig05_table()
    return _table_figure(table, FIG05_TITLE, [0.13, 0.13, 0.16, 0.22, 0.14, 0.22], 5.5), table


def fig05_meta(data: pd.DataFrame) -> dict:
    kinds = ", ".join(data[FIG05_COLUMNS[0]].str.lower())
    empty = [c for c in data.columns if (data[c] == NOT_IN_TEXT).all()]
    return dict(
        title=FIG05_TITLE,
        tiers=["report"],
        caption=(
            f"The forms of MSHT the text names ({kinds}) with the table's words as extracted from the report. "
            f"The {', '.join(repr(c) for c in empty)} column (and the other cells marked) carry no text in the "
            "extraction (probably graphical ratings in the original); they are marked "
            f"'{NOT_IN_TEXT}' and nothing is filled in. No numbers."
        ),
        source=f"{REPORT}, section 'Identifying the challenge / Defining Modern Slavery', Figure 5; "
        + SUB_THREATS_LINES,
        alt=(
            f"Table of the sub-threats of MSHT ({kinds}) with their environment, detection, victim demographics "
            "and overlapping offences as the report words them; the cells the text leaves empty are marked."
        ),
    )


# ---------------------------------------------------------------- Figures 1 and 57
FRAMEWORK = pd.DataFrame(
    {
        "component": [
            "Prioritisation and strategic approach",
            "Identifying the modern slavery challenge",
            "Investigating, and disrupting modern slavery",
            "Bringing perpetrators to justice",
        ],
        "report section": [
            "Prioritisation and Strategic Approach",
            "Identifying the Modern Slavery & Human Trafficking Challenge",
            "Investigating and Disrupting Modern Slavery & Human Trafficking",
            "Bringing Perpetrators to Justice",
        ],
        "notebook": [
            "01_prioritisation",
            "02_identifying_the_challenge",
            "03_investigating_and_disrupting",
            "04_bringing_perpetrators_to_justice",
        ],
    }
)
FRAMEWORK_QUOTE = "We employed a research framework focused on the sections of this report:"
FRAMEWORK_TITLE = "Leapwise research framework for analysing the policing response to MSHT"


def framework() -> tuple[plt.Figure, pd.DataFrame]:
    """Figures 1 and 57 (the same framework): its components as the methodology lists them."""
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
    for i, comp in enumerate(FRAMEWORK["component"]):
        ax.add_patch(plt.Rectangle((0.05 + i, 0.2), 0.9, 1.05, facecolor="#E8EEF4", edgecolor=style.CATEGORICAL[0]))
        ax.text(0.5 + i, 0.725, wrap(comp, 16), ha="center", va="center", fontsize=9)
    ax.set_title(FRAMEWORK_TITLE, loc="left", fontsize=11)
    return fig, FRAMEWORK


def framework_meta(data: pd.DataFrame) -> dict:
    components = "; ".join(data["component"])
    return dict(
        title=FRAMEWORK_TITLE,
        tiers=["report"],
        caption=(
            f"The framework's components as the methodology lists them: '{FRAMEWORK_QUOTE}' {components}. The "
            "report's graphic is not in the text; this is a plain redrawing of the named components (the same "
            "framework as Figure 1 in the introduction). Its layout is ours."
        ),
        source=f"{REPORT}, Appendices / Methodology / Research framework (Figure 57) and Introduction (Figure 1)",
        alt=(
            "Diagram: a bar labelled 'Policing response to MSHT' above one box per component of the research "
            f"framework: {components.lower()}."
        ),
    )
