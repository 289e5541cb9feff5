"""Survey figures: every value the report prints for a figure, exactly as printed, and nothing invented.

Default (survey_source='reconstruction'): each bar shows the percentages the report prints for that figure
(survey_published rows whose `figure` is its number), labelled as printed; a value no whole count of n
respondents gives carries a dagger and a note with the nearest count (the count the reconstructed rows hold).
The rest of the bar is one hatched 'not published' segment. A figure with nothing printed shows the question,
scale, n and the text's sentences instead of bars (``plot``). survey_source=<folder> (a real export): the
shares of every answer, computed from the export's rows; nothing is 'not published' and no code changes.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ...survey import granularity, likert, reconstruct
from ...survey.items import PRINTED
from ...survey.populations import ROLE_LABELS
from .plot import plot
from .specs import COLLAPSED_LABELS, ROLES, SurveyChart, report_words

# Printed categories as the charts name them, and where they sit on a diverging bar.
CATEGORY = {
    "agree": "Agree",
    "disagree": "Disagree",
    "neutral": "Neither agree nor disagree",
    "unsure_or_neutral": "Unsure or neither agree nor disagree",
    "always_or_often": "Often or always",
    "often": "Often",
    "sometimes": "Sometimes",
    "rarely": "Rarely",
    "never": "Never",
    "unsure": "Unsure",
}
NOT_PUBLISHED = "Not published"


def _bars(chart: SurveyChart):
    """(bar text, population, item_id, subgroup) of every bar, role bars first for by-role figures."""
    for text, population, item_id in chart.rows:
        if chart.by_role:
            for code, name in ROLES:
                yield name, population, item_id, code
            yield "All MS Leads", population, item_id, "all"
        else:
            yield text, population, item_id, "all"


def _label(row) -> str:
    return CATEGORY.get(row.category) or " ".join(PRINTED[row.category])


def printed_data(
    figure_id: str,
    number: int,
    chart: SurveyChart,
    rows: dict[str, pd.DataFrame],
    published: pd.DataFrame,
    cells: pd.DataFrame,
) -> pd.DataFrame:
    """One row per printed value of the figure (tier report) and per bar's unprinted remainder (not published)."""
    stats = published[(published["unit"] == "percent") & published["n"].notna()]
    out = []
    for bar, population, item_id, subgroup in _bars(chart):
        item = stats[(stats["population"] == population) & (stats["item_id"] == item_id)]
        item = item[item["subgroup"] == subgroup]
        mine = item[item["figure"] == str(number)].drop_duplicates(["category", "value"])
        others = item[item["figure"] != str(number)]
        frame = rows[population]
        answers = reconstruct.recoded(frame, population, item_id, _scale(cells, item_id))
        if subgroup != "all":
            answers = answers[frame["role"] == ROLE_LABELS[subgroup]]
        n = int(mine["n"].iloc[0]) if len(mine) else int(answers.notna().sum())
        base = {"figure_id": figure_id, "bar": f"{bar} (n={n})"}
        base |= {"population": population, "item_id": item_id, "subgroup": subgroup, "n": n}
        for row in mine.itertuples():
            members = set(PRINTED[row.category])
            k = int(sum(1 for a in answers.dropna() if likert.members_of(a) and set(likert.members_of(a)) <= members))
            possible = bool(granularity.counts_for(float(row.value), n))
            also = others[others["value"] == row.value]
            out.append(
                base
                | {
                    "category": _label(row),
                    "percent": float(row.value),
                    "printed": f"{row.value:g}%",
                    "possible_for_n": possible,
                    "rows_count": k,
                    "rows_percent": granularity.percent_of(k, n),
                    "stat_id": row.stat_id,
                    "also_printed": "; ".join(f"{r.stat_id} as '{_label(r)}' ({r.section})" for r in also.itertuples()),
                    "tier": "report",
                }
            )
        rest = round(100 - float(mine["value"].sum()), 6) if len(mine) else 100.0
        if rest > 0:
            k = int((answers == likert.NOT_PUBLISHED).sum())
            out.append(
                base
                | {
                    "category": NOT_PUBLISHED,
                    "percent": rest,
                    "printed": "",
                    "possible_for_n": True,
                    "rows_count": k,
                    "rows_percent": granularity.percent_of(k, n),
                    "stat_id": "",
                    "also_printed": "",
                    "tier": "not published",
                }
            )
    frame = pd.DataFrame(out)
    if chart.by_role:  # an all-MS-Leads bar only where the report prints a value for it
        unprinted_all = (frame["subgroup"] == "all") & ~frame.groupby("subgroup")["printed"].transform(any)
        frame = frame[~unprinted_all].reset_index(drop=True)
    return frame


def _scale(cells: pd.DataFrame, item_id: str) -> str:
    return str(cells.loc[cells["item_id"] == item_id, "scale"].iloc[0])


def export_data(figure_id: str, chart: SurveyChart, rows: dict[str, pd.DataFrame], cells: pd.DataFrame) -> pd.DataFrame:
    """Shares of every answer of every bar, from a real export's rows, recoded once by ``survey.respondents.load``
    (tier report: the survey's own data)."""
    out = []
    for bar, population, item_id, subgroup in _bars(chart):
        frame = rows[population]
        scale = _scale(cells, item_id)
        answers = frame[item_id]
        if subgroup != "all":
            answers = answers[frame["role"] == ROLE_LABELS[subgroup]]
        if chart.collapse == scale:
            answers = likert.collapse(answers, likert.COLLAPSES[scale]).cat.rename_categories(COLLAPSED_LABELS[scale])
        table = likert.shares(answers)
        n = int(table["n"].iloc[0])
        for r in table.itertuples():
            out.append(
                {
                    "figure_id": figure_id,
                    "bar": f"{bar} (n={n})",
                    "population": population,
                    "item_id": item_id,
                    "subgroup": subgroup,
                    "n": n,
                    "category": r.category,
                    "percent": r.percent,
                    "printed": "",
                    "possible_for_n": True,
                    "rows_count": r.count,
                    "rows_percent": r.percent,
                    "stat_id": "",
                    "also_printed": "",
                    "tier": "report",
                }
            )
    return pd.DataFrame(out)


def draw(
    figure_id: str,
    number: int,
    chart: SurveyChart,
    *,
    survey: tuple[dict[str, pd.DataFrame], bool],
    published: pd.DataFrame,
    cells: pd.DataFrame,
    captions: pd.DataFrame,
    statements: pd.DataFrame,
) -> tuple[plt.Figure, pd.DataFrame]:
    """The figure and its plotted data, from the respondent rows (``survey.respondents.load``), the printed
    statistics, the answer cells (each item's scale) and the report's caption and statements on the figure. The
    plotted data are the printed values (reconstruction) or every answer's share (a real export)."""
    rows, is_export = survey
    if is_export:
        data = export_data(figure_id, chart, rows, cells)
    else:
        data = printed_data(figure_id, number, chart, rows, published, cells)
    return plot(data, chart, report_words(number, chart, captions, statements)), data
