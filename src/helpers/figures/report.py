"""Figures drawn only from what the report prints: Figure 4 (one printed rating), Figure 16 (printed counts),
Figure 5 (the sub-threat table as named in the text) and Figures 1/57 (the research framework).

Nothing is filled: what the report does not print is shown as 'not published'. Every value and label carries
its quote (line numbers refer to the report text, data/raw/report quotes for the numbers).
"""

from __future__ import annotations

import re
import textwrap
import warnings

import matplotlib.pyplot as plt
import pandas as pd

from ..survey.published import load_published
from . import style

REPORT = "Leapwise for IASC, 'Policing Response to Modern Slavery' (July 2025)"


# ---------------------------------------------------------------- Figure 4
def fig04_data(published: pd.DataFrame | None = None) -> pd.DataFrame:
    published = load_published() if published is None else published
    rows = published[(published["item_id"] == "sl_effectiveness_score") & (published["unit"] == "score")]
    if rows.empty:
        raise ValueError("survey_published.csv: no sl_effectiveness_score row (Figure 4)")
    r = rows.iloc[0]
    return pd.DataFrame(
        [
            {
                "point": "Over the last decade (2015 to before now)",
                "rating": float("nan"),
                "n": int(r["n"]),
                "status": "not published",
                "stat_id": "",
                "quote": "",
            },
            {
                "point": "Current (2025)",
                "rating": float(r["value"]),
                "n": int(r["n"]),
                "status": "printed",
                "stat_id": r["stat_id"],
                "quote": r["quote"],
            },
        ]
    )


def _as_printed(row: pd.Series) -> str:
    """The rating in the words of its quote ('five out of ten'), else its number out of 10."""
    found = re.search(r"\b\w+ out of \w+\b", str(row["quote"]))
    return found[0] if found else f"{row['rating']:g} out of 10"


def fig04(published: pd.DataFrame | None = None) -> tuple[plt.Figure, dict]:
    data = fig04_data(published)
    style.use_house_style()
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.axvspan(2015, 2024.5, facecolor="#F2F2F2", hatch="..", edgecolor="#BFBFBF", linewidth=0)
    ax.text(
        2019.75,
        5.5,
        "Ratings over the decade: NOT PUBLISHED\n(the report prints only the current rating)",
        ha="center",
        va="center",
        fontsize=10,
        color="#3D3D3D",
    )
    current = data[data["status"] == "printed"].iloc[0]
    ax.plot([2025], [current["rating"]], "o", color=style.CATEGORICAL[0], markersize=10)
    ax.annotate(
        f"{_as_printed(current)}\n(current rating, as printed;\nplaced at the report's year)",
        (2025, current["rating"]),
        xytext=(2023.2, 8.3),
        fontsize=9,
        arrowprops=dict(arrowstyle="->", color="#595959"),
    )
    ax.set_xlim(2014.5, 2025.8)
    ax.set_ylim(1, 10)
    ax.set_xticks([2015, 2017, 2019, 2021, 2023, 2025])
    ax.set_ylabel("Perceived effectiveness (1 to 10)")
    title = "System Leaders' perceived effectiveness of the policing response to MSHT over the last decade (n=22)"
    ax.set_title("\n".join(_wrap(title, 62)), loc="left", fontsize=11)
    _tight(fig)
    meta = dict(
        label="Figure 4",
        title=title,
        data=data,
        tiers=["report"],
        caption=(
            "The report's Figure 4 charts System Leaders' ratings (1 to 10, 10 most effective; n=22, not all "
            "interviewees gave a score) over the last decade, but its text prints only the current rating: "
            f"'{current['quote']}' ({current['stat_id']}). The earlier part of the series is not published "
            "and is left empty rather than invented; no trajectory is drawn."
        ),
        source=(
            f"{REPORT}, section 'Prioritisation and Strategic Approach / At a Glance: Key Themes & "
            "Findings' and Figure 4 (System Leader interviews)"
        ),
        alt=(
            "Chart of System Leaders' perceived effectiveness of the policing response on a 1 to 10 scale. "
            "A single point shows the current rating the report prints, 'five out of ten' (5), placed at the "
            "report's year, 2025, since the report gives it no date; the years "
            "2015 to 2024 are shaded and marked 'not published' because the report gives no earlier ratings."
        ),
    )
    return fig, meta


# ---------------------------------------------------------------- Figure 16
TEAM_FUNCTION = {
    "force_intelligence_bureau": "Force Intelligence Bureau (FIB)",
    "safeguarding_vulnerabilities": "Safeguarding / vulnerabilities teams",
    "soc": "Serious organised crime (SOC)",
    "dedicated_exploitation_team": "Dedicated exploitation teams",
    "cid": "CID",
    "embedded_operational_teams": "Embedded in operational teams",
    "unclear": "Unclear",
}


def fig16_data(published: pd.DataFrame | None = None) -> pd.DataFrame:
    published = load_published() if published is None else published
    rows = published[
        (published["item_id"] == "rocu_team_function") & (pd.to_numeric(published["figure"], errors="coerce") == 16)
    ]
    rows = rows.drop_duplicates("category")
    data = pd.DataFrame(
        {
            "function": [TEAM_FUNCTION[c] for c in rows["category"]],
            "category": rows["category"].to_numpy(),
            "teams": rows["value"].astype(int).to_numpy(),
            "n": rows["n"].astype(int).to_numpy(),
            "stat_id": rows["stat_id"].to_numpy(),
            "quote": rows["quote"].to_numpy(),
        }
    )
    if set(data["category"]) != set(TEAM_FUNCTION) or data["teams"].sum() != data["n"].iloc[0]:
        raise ValueError(
            f"Figure 16: printed team functions {data['teams'].sum()} do not add up to the "
            f"{data['n'].iloc[0]} dedicated teams, or a function is missing"
        )
    return data


def fig16(published: pd.DataFrame | None = None) -> tuple[plt.Figure, dict]:
    data = fig16_data(published)
    style.use_house_style()
    order = data.sort_values("teams")
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.barh(order["function"], order["teams"], color=style.CATEGORICAL[0], height=0.6)
    for y, v in enumerate(order["teams"]):
        ax.text(v + 0.15, y, str(v), va="center", fontsize=9)
    ax.set_xlabel(f"Number of dedicated MSHT teams (of {data['n'].iloc[0]})")
    title = "Function of the 24 dedicated MSHT teams (44 police forces incl. BTP; ROCU coordinators)"
    ax.set_title("\n".join(_wrap(title, 62)), loc="left", fontsize=11)
    _tight(fig)
    parts = ", ".join(f"{r.function} {r.teams}" for r in data.itertuples())
    meta = dict(
        label="Figure 16",
        title=title,
        data=data,
        tiers=["report"],
        caption=(
            "Counts as printed in the text (ROCU coordinators): 'five sat in the Force Intelligence Bureau "
            "(FIB), two sat in safeguarding/vulnerabilities teams, three sat in SOC, eight were dedicated "
            "exploitation teams, one sat in CID, and two were embedded in operational teams. Three were "
            "unclear.' They sum to the 24 forces with dedicated teams. The report's caption says 'across the "
            "44 police forces': 44 is the number of forces (incl. BTP) surveyed, of which 24 (55%) have a "
            "dedicated team; the 20 forces without one are not in the chart."
        ),
        source=(
            f"{REPORT}, section 'Investigating and Disrupting / Resources / Dedicated Teams', Figure 16 "
            f"(stat ids {', '.join(data['stat_id'])})"
        ),
        alt=f"Horizontal bar chart of where the 24 dedicated MSHT teams sit: {parts}.",
    )
    return fig, meta


# ---------------------------------------------------------------- tables drawn as figures
def _table_figure(table: pd.DataFrame, title: str, col_widths: list[float], height: float) -> plt.Figure:
    style.use_house_style()
    fig, ax = plt.subplots(figsize=(11, height))
    ax.axis("off")
    widths = {c: max(8, int(w * 100)) for c, w in zip(table.columns, col_widths)}
    wrapped = pd.DataFrame({c: table[c].map(lambda v, c=c: "\n".join(_wrap(str(v), widths[c]))) for c in table.columns})
    labels = ["\n".join(_wrap(c, widths[c])) for c in table.columns]
    t = ax.table(
        cellText=wrapped.to_numpy(),
        colLabels=labels,
        loc="upper center",
        cellLoc="left",
        colLoc="left",
        colWidths=col_widths,
    )
    t.auto_set_font_size(False)
    t.set_fontsize(8)
    lines = wrapped.map(lambda v: v.count("\n") + 1).max(axis=1)
    for (row, _col), cell in t.get_celld().items():
        cell.set_edgecolor("#BFBFBF")
        if row == 0:
            cell.set_facecolor(style.CATEGORICAL[0])
            cell.get_text().set_color("white")
            cell.get_text().set_fontweight("bold")
            cell.set_height(0.12)
        else:
            cell.set_height(0.055 * lines.iloc[row - 1] + 0.02)
    total = 0.12 + sum(0.055 * k + 0.02 for k in lines)
    if total > 0.97:  # keep the whole table inside the axes (and the canvas)
        for cell in t.get_celld().values():
            cell.set_height(cell.get_height() * 0.97 / total)
    ax.set_title(title, loc="left", fontsize=11)
    return fig


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, words kept whole (a longer word has a line of its own)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


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


def fig05() -> tuple[plt.Figure, dict]:
    table = fig05_table()
    title = "Sub-threats of modern slavery & human trafficking (as named in the report's text)"
    fig = _table_figure(table, title, [0.13, 0.13, 0.16, 0.22, 0.14, 0.22], 5.5)
    meta = dict(
        label="Figure 5",
        title=title,
        data=table,
        tiers=["report"],
        caption=(
            "The five forms of MSHT the text names ('domestic servitude, sexual exploitation, criminal "
            "exploitation, labour exploitation and organ harvesting') with the table's words as extracted "
            "from the report. The 'Perceived Prioritisation' column (and some 'Victim demographics' and "
            "'Overlap' cells) carry no text in the extraction (probably graphical ratings in the original); "
            "they are marked '(not in the text)' and nothing is filled in. No numbers."
        ),
        source=(
            f"{REPORT}, section 'Identifying the challenge / Defining Modern Slavery', Figure 5; {SUB_THREATS_LINES}"
        ),
        alt=(
            "Table of the five sub-threats of MSHT (domestic servitude, sexual exploitation, criminal exploitation, "
            "labour exploitation, organ harvesting) with their environment, detection, victim demographics and "
            "overlapping offences as the report words them; the perceived prioritisation column is not in the "
            "text."
        ),
    )
    return fig, meta


class _Styled:
    """A Styler shown as HTML, with a fixed plain-text form (a Styler's repr holds a memory address, which
    would make the executed notebooks differ from run to run)."""

    def __init__(self, styler, table: pd.DataFrame):
        self.styler, self.table = styler, table

    def _repr_html_(self) -> str:
        return self.styler.to_html()

    def __repr__(self) -> str:
        return self.table.to_string(index=False)


def styled(table: pd.DataFrame) -> _Styled:
    """The table styled for display in the notebooks (house colours, empty cells greyed)."""
    return _Styled(_styler(table), table)


def _styler(table: pd.DataFrame):
    return (
        table.style.set_uuid("report-table")
        .hide(axis="index")
        .set_table_styles(
            [
                {
                    "selector": "th",
                    "props": [("background-color", style.CATEGORICAL[0]), ("color", "white"), ("text-align", "left")],
                },
                {"selector": "td", "props": [("text-align", "left"), ("vertical-align", "top")]},
            ]
        )
        .map(lambda v: "color: #7F7F7F; font-style: italic" if v == NOT_IN_TEXT else "")
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


def framework(label: str = "Figure 57") -> tuple[plt.Figure, dict]:
    """Figures 1 and 57 (the same framework): its four components as the methodology lists them."""
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
        ax.text(0.5 + i, 0.725, "\n".join(_wrap(comp, 16)), ha="center", va="center", fontsize=9)
    title = "Leapwise research framework for analysing the policing response to MSHT"
    ax.set_title(title, loc="left", fontsize=11)
    _tight(fig)
    meta = dict(
        label=label,
        title=title,
        data=FRAMEWORK,
        tiers=["report"],
        caption=(
            "The framework's components as the methodology lists them: "
            f"'{FRAMEWORK_QUOTE}' Prioritisation and strategic approach; Identifying the modern slavery "
            "challenge; Investigating, and disrupting modern slavery; Bringing perpetrators to justice. "
            "The report's graphic is not in the text; this is a plain redrawing of the four named components "
            "(the same framework as Figure 1 in the introduction). Its layout is ours."
        ),
        source=f"{REPORT}, Appendices / Methodology / Research framework (Figure 57) and Introduction (Figure 1)",
        alt=(
            "Diagram: a bar labelled 'Policing response to MSHT' above four boxes, one per component of the "
            "research framework: prioritisation and strategic approach; identifying the modern slavery "
            "challenge; investigating and disrupting modern slavery; bringing perpetrators to justice."
        ),
    )
    return fig, meta


def _tight(fig) -> None:
    """tight_layout without the 'layout has changed to tight' warning (its text holds the install path)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The figure layout has changed to tight")
        fig.tight_layout()
