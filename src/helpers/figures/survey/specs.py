"""How a survey figure is declared (``SurveyChart``, one per figure in the registry), the report's words on it
(its caption and quoted statements, read from the report tables), and the survey's fixed vocabulary: population
names and sources, roles, the need-for-improvement themes and groups (Figures 27-56), collapsed labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class SurveyChart:
    """What a survey figure shows and what the report's text says of it besides its caption and statements."""

    kind: str  # diverging, stacked or bar
    section: str  # the report's section, named in the source line
    rows: tuple[tuple[str, str, str], ...]  # each bar: its text, population and item id
    question: str  # the question as the report's text gives it, with its lines
    scale: str  # the answer scale the text reveals, with its lines
    n: str  # n as printed
    collapse: str | None = None  # the scale whose answers the printed categories combine
    by_role: bool = False  # one bar per role, then all MS Leads
    quote_on_chart: bool = False  # the text's statements printed under the chart
    said_on_bars: tuple[tuple[str, str], ...] = ()  # (bar, the text's words of order or size with no number)


LINE_REFERENCE = re.compile(r"\s*\(L\d+(?:[-\u2013]L?\d+)?(?:, L\d+)*\)|\bL\d+(?:[-\u2013]L?\d+)?(?::\s*|;\s*|,\s*)?")


def plain(text: str) -> str:
    """A declaration's words for a reader: the references to lines of the report's text left out (the data
    files keep them)."""
    text = re.sub(r",?\s*\)", ")", LINE_REFERENCE.sub("", text))
    return re.sub(r"\s*\(\)|\s{2,}", "", text).replace("' '", "'; '").strip()


def report_words(number: int, chart: SurveyChart, captions: pd.DataFrame, statements: pd.DataFrame) -> dict:
    """Caption (figure_captions.csv), question, scale, n and the quoted statements (figure_statements.csv, each
    with its line) of one figure."""
    caption = captions.loc[captions["figure"] == number, "caption"]
    said = statements[statements["figure"] == number]
    return dict(
        caption=str(caption.iloc[0]),
        question=plain(chart.question),
        scale=plain(chart.scale),
        n=chart.n,
        statements=[(int(r.line), str(r.statement)) for r in said.itertuples()],
    )


POP_NAME = {"ms_leads": "MS Leads", "frontline": "Frontline officers", "system_leaders": "System Leaders"}
POP_SOURCE = {
    "ms_leads": "Leapwise MS Leads survey (n=37)",
    "frontline": "Leapwise focus groups with frontline officers",
    "system_leaders": "Leapwise System Leader interviews (22 giving scores)",
}
ROLES = [("strategic", "Strategic Leads"), ("tactical", "Tactical Leads"), ("other", "MS Champions / other")]

NEED_AREAS = [
    ("policy", "policy"),
    ("training_education", "training & education"),
    ("community_engagement", "community engagement"),
    ("multi_agency_collaboration", "multi-agency collaboration"),
    ("prevention", "prevention"),
    ("resource_allocation", "resource allocation"),
    ("data_infrastructure", "data & infrastructure"),
    ("victim_support", "victim support"),
    ("investigation_prosecution", "investigation and prosecution"),
    ("legislation", "legislation"),
]

NEED_GROUPS = [("system_leaders", "System Leaders"), ("ms_leads", "MS Leads"), ("frontline", "Frontline officers")]
NEED_FIRST = 27  # Figures 27-56: theme by theme, System Leaders, MS Leads, frontline officers


def need_figure_number(theme_index: int, group_index: int) -> int:
    return NEED_FIRST + 3 * theme_index + group_index


COLLAPSED_LABELS = {
    "agreement5": {
        "disagree": "Disagree (incl. strongly)",
        "neutral": "Neither agree nor disagree",
        "agree": "Agree (incl. strongly)",
        "dont_know": "Don't know",
    },
    "frequency5": {
        "rarely_or_never": "Rarely or never",
        "sometimes": "Sometimes",
        "always_or_often": "Always or often",
        "unsure": "Unsure",
    },
}
