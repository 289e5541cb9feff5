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


def _table_figure(table: pd.DataFrame, title: str, col_widths: list[float], note: str = "") -> plt.Figure:
    """A table at the A4 text width, 8 pt, each row as tall as its longest cell; the note under it."""
    style.use_house_style()
    width = style.TEXT_WIDTH_IN
    chars = {
        c: max(8, int(w * (width - 0.2) * 72 / (style.SMALL_PT * 0.62)) - 3) for c, w in zip(table.columns, col_widths)
    }
    wrapped = pd.DataFrame({c: table[c].map(lambda v, c=c: wrap(str(v), chars[c])) for c in table.columns})
    labels = [wrap(c, chars[c]) for c in table.columns]
    line = style.SMALL_PT * 1.3 / 72
    rows = [max(v.count("\n") + 1 for v in labels) * line + 0.1]
    rows += [k * line + 0.1 for k in wrapped.map(lambda v: v.count("\n") + 1).max(axis=1)]
    title_text, note_text = wrap(title, 68), wrap(note, 100) if note else ""
    top, bottom = 0.2 * (title_text.count("\n") + 1) + 0.15, 0.15 * (note_text.count("\n") + 1) + 0.15 if note else 0.1
    height = top + sum(rows) + bottom
    fig = plt.figure(figsize=(width, height), layout="none")
    ax = fig.add_axes((0.1 / width, bottom / height, (width - 0.2) / width, sum(rows) / height))
    ax.axis("off")
    t = style.table(ax, wrapped.to_numpy(), labels, col_widths, style.SMALL_PT)
    for (row, _col), cell in t.get_celld().items():
        cell.set_height(rows[row] / sum(rows))
    fig.text(
        0.1 / width, 1 - 0.08 / height, title_text, ha="left", va="top", fontsize=style.TITLE_PT, fontweight="bold"
    )
    if note:
        fig.text(
            0.1 / width,
            (bottom - 0.08) / height,
            note_text,
            ha="left",
            va="top",
            fontsize=style.SMALL_PT,
            color=style.MUTED,
        )
    return fig


# ---------------------------------------------------------------- Figure 5
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
    """The table; a column with no text at all is named under it instead of drawn empty."""
    table = fig05_table()
    empty = [c for c in table.columns if (table[c] == NOT_IN_TEXT).all()]
    note = (
        f"The report's {', '.join(repr(c) for c in empty)} column has no text in the report's text (probably a "
        "graphic in the original): not drawn, nothing filled in."
        if empty
        else ""
    )
    shown = table.drop(columns=empty)
    widths = [0.15, 0.16, 0.25, 0.18, 0.26][: len(shown.columns)]
    return _table_figure(shown, FIG05_TITLE, widths, note), table


def fig05_meta(data: pd.DataFrame) -> dict:
    kinds = ", ".join(data[FIG05_COLUMNS[0]].str.lower())
    empty = [c for c in data.columns if (data[c] == NOT_IN_TEXT).all()]
    return dict(
        title=FIG05_TITLE,
        tiers=["report"],
        caption=(
            f"The forms of MSHT the text names ({kinds}) with the table's words as extracted from the report. "
            f"The {', '.join(repr(c) for c in empty)} column (and the other cells marked) carry no text in the "
            "report's text (probably graphical ratings in the original); they are marked "
            f"'{NOT_IN_TEXT}' and nothing is filled in. No numbers."
        ),
        source=f"{REPORT}, section 'Identifying the challenge / Defining Modern Slavery', Figure 5",
        alt=(
            f"Table of the {len(data)} forms of MSHT the report names ({kinds}): their environment, detection, "
            "victims and overlapping offences in the report's words."
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
    fig, ax = plt.subplots(figsize=(style.TEXT_WIDTH_IN, 2.9))
    ax.axis("off")
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 2)
    ax.add_patch(plt.Rectangle((0.05, 1.45), 3.9, 0.45, color=style.CATEGORICAL[0]))
    ax.text(
        2,
        1.675,
        "Policing response to modern slavery: how has it changed in the last 10 years?",
        ha="center",
        va="center",
        color="white",
        fontsize=style.TEXT_PT,
        fontweight="bold",
    )
    for i, comp in enumerate(FRAMEWORK["component"]):
        ax.add_patch(
            plt.Rectangle((0.05 + i, 0.2), 0.9, 1.05, facecolor=style.SEQUENTIAL[4], edgecolor=style.CATEGORICAL[0])
        )
        ax.text(0.5 + i, 0.725, wrap(comp, 14), ha="center", va="center", fontsize=style.TEXT_PT)
    ax.set_title(wrap(FRAMEWORK_TITLE, 68), loc="left", fontsize=style.TITLE_PT)
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
            "Diagram: the report's question above one box per component of the research framework: "
            f"{components.lower()}."
        ),
    )
