"""Caption, source, tiers and alt text of a survey figure: which values are printed, which are not published."""

from __future__ import annotations

import pandas as pd

from .specs import POP_SOURCE, SurveyChart, report_words

NOT_PUBLISHED = "Not published"


def _short(bar: str) -> str:
    return bar.split(" (n=")[0]


def _alt(kind: str, title: str, data: pd.DataFrame) -> str:
    parts = []
    for bar, d in data.groupby("bar", sort=False):
        values = [
            f"{r.category} {r.printed or format(r.percent, 'g') + '%'}"
            + (" (printed)" if r.printed else "")
            + ("" if r.possible_for_n else f", impossible for n={r.n}, nearest {r.rows_count}/{r.n}")
            for r in d.itertuples()
            if r.category != NOT_PUBLISHED
        ]
        rest = d.loc[d["category"] == NOT_PUBLISHED, "percent"]
        if len(rest):
            values.append(f"the remaining {rest.iloc[0]:g}% not published")
        parts.append(f"{bar}: " + ", ".join(values))
    return f"{kind} of {title}. " + ". ".join(parts) + "."


def describe(
    number: int,
    chart: SurveyChart,
    data: pd.DataFrame,
    *,
    captions: pd.DataFrame,
    statements: pd.DataFrame,
) -> dict:
    """Title, caption, source, tiers and alt text of one survey figure, from its plotted data and the report's
    words on it."""
    label = f"Figure {number}"
    text = report_words(number, chart, captions, statements)
    title = text["caption"].split(": ", 1)[1]
    kind = {"diverging": "Diverging bar chart", "stacked": "100% stacked bar chart", "bar": "Bar chart"}[chart.kind]
    pops = list(dict.fromkeys(data["population"]))
    export = not (data["printed"] != "").any() and not (data["category"] == NOT_PUBLISHED).any()
    if export:
        ns = "; ".join(f"{b}" for b in dict.fromkeys(data["bar"]))
        return dict(
            title=title,
            caption=f"{label} drawn from the survey's own respondent-level export (survey_source folder), "
            f"answers recoded with likert.recode; shares over valid answers, rounded half up. Bars: {ns}.",
            source=f"Leapwise survey export, section '{chart.section}', {label}",
            tiers=["report"],
            alt=_alt(kind, title, data),
        )
    source = "; ".join(f"{POP_SOURCE[p]} as printed in the report (Leapwise for IASC, July 2025)" for p in pops)
    source += f", section '{chart.section}', {label}"
    said = " ".join(f'"{q}" (line {line})' for line, q in text["statements"])
    printed = data[data["printed"] != ""]
    if printed.empty:
        caption = (
            f"The report prints no value for {label}: no bar is drawn. Shown instead: the question, the "
            f"answer scale the text reveals ({text['scale']}), n ({text['n'] or 'not printed'}) and what the "
            f"text says: {said}"
        )
        alt = (
            f"Text panel for {title}: no value is published, so no bar is drawn. Question: {text['question']} "
            f"Answer scale: {text['scale']}. n: {text['n'] or 'not printed'}. The report says: {said}"
        )
        return dict(title=title, caption=caption, source=source, tiers=["not published"], alt=alt)
    impossible = printed[~printed["possible_for_n"].astype(bool)]
    caption = (
        f"{label} as far as the report prints it: every value shown is the value printed for this figure, "
        "exactly as printed (tier report). The hatched segment is the part of each bar whose answers the report "
        "did not print (not published); it is not a finding and not split into answers."
    )
    if len(impossible):
        caption += " Marked \u2020: " + "; ".join(
            f"{_short(r.bar)}, {r.category} printed {r.printed}: no whole number of {r.n} respondents gives it, "
            f"the nearest is {r.rows_count}/{r.n} = {r.rows_percent:g}%"
            for r in impossible.itertuples()
        )
        caption += (
            ". The reconstructed respondent rows hold these nearest counts and give back every other printed value."
        )
    else:
        caption += " The reconstructed respondent rows give back every printed value."
    also = printed[printed["also_printed"] != ""]
    if len(also):
        caption += " The same values are also printed in: " + "; ".join(
            f"{_short(r.bar)} {r.category}: {r.also_printed}" for r in also.itertuples()
        )
        caption += "."
    caption += f" n as printed: {text['n'] or 'not printed'}. The report says: {said}"
    tiers = ["report", "reconstructed"] + (["not published"] if (data["tier"] == "not published").any() else [])
    return dict(title=title, caption=caption, source=source, tiers=tiers, alt=_alt(kind, title, data))
