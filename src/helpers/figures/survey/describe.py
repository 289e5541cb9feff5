"""Caption, source, tiers and alt text of a survey figure: which values are printed, which are not published."""

from __future__ import annotations

import re

import pandas as pd

from .specs import POP_SOURCE, SurveyChart, report_words

NOT_PUBLISHED = "Not published"


def _sections(also_printed: str) -> str:
    """The report's sections named in an also-printed list, quoted, without the statement ids."""
    names = dict.fromkeys(re.findall(r"\(([^()]+)\)(?:;|$)", also_printed))
    return " and ".join(f"'{n}'" for n in names)


def _short(bar: str) -> str:
    return bar.split(" (n=")[0]


def _alt(kind: str, title: str, data: pd.DataFrame, limit: int = 250) -> str:
    """One or two sentences: what the chart shows and what the report prints; the values beyond the limit are
    left to the data table."""
    head = f"{kind}: {title}."
    printed = [
        f"{_short(r.bar)} {r.category.lower()} {r.printed or format(r.percent, 'g') + '%'}"
        for r in data.itertuples()
        if r.category != NOT_PUBLISHED
    ]
    rest = " The rest is not published." if (data["category"] == NOT_PUBLISHED).any() else ""
    shown: list[str] = []
    for i, part in enumerate(printed):
        more = len(printed) - i - 1
        tail = f"; {more} more in the data table" if more else ""
        if len(f"{head} Printed: {'; '.join([*shown, part])}{tail}.{rest}") > limit:
            left = len(printed) - len(shown)
            shown.append(f"{left} more value{'s' if left > 1 else ''} in the data table")
            break
        shown.append(part)
    return f"{head} Printed: {'; '.join(shown)}.{rest}" if printed else f"{head}{rest}"


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
            caption=f"{label} drawn from the survey's own respondent-level export: answers recoded to the "
            f"report's categories; shares of valid answers, rounded half up. Bars: {ns}.",
            source=f"Leapwise survey export, section '{chart.section}', {label}",
            tiers=["report"],
            alt=_alt(kind, title, data),
        )
    source = "; ".join(f"{POP_SOURCE[p]} as printed in the report (Leapwise for IASC, July 2025)" for p in pops)
    source += f", section '{chart.section}', {label}"
    said = " ".join(f'"{q}"' for _line, q in text["statements"])
    printed = data[data["printed"] != ""]
    if printed.empty:
        caption = (
            f"The report prints no value for {label}: no bar is drawn. Shown instead: the question, the "
            f"answer scale the text reveals ({text['scale']}), n ({text['n'] or 'not printed'}) and what the "
            f"text says: {said}"
        )
        alt = (
            f"Text panel: {title}{'' if 'n=' in title else '; n: ' + (text['n'] or 'not printed')}. No value is "
            "printed, so no bar is drawn."
        )
        return dict(title=title, caption=caption, source=source, tiers=["not published"], alt=alt)
    impossible = printed[~printed["possible_for_n"].astype(bool)]
    caption = (
        f"{label} as far as the report prints it: every value shown is the value printed for this figure, "
        "exactly as printed. The hatched segment is the part of each bar whose answers the report "
        "did not print (not published); it is not a finding and not split into answers."
    )
    if len(impossible):
        caption += " Marked \u2020: " + "; ".join(
            f"{_short(r.bar)}, {r.category} printed {r.printed}: no whole number of {r.n} respondents gives it, "
            f"the nearest is {r.rows_count}/{r.n} = {r.rows_percent:g}%"
            for r in impossible.itertuples()
        )
        caption += "."
    also = printed[printed["also_printed"] != ""]
    if len(also):
        caption += " The same values are also printed elsewhere in the report: " + "; ".join(
            f"{_short(r.bar)}, {r.category.lower()}: in section {_sections(r.also_printed)}" for r in also.itertuples()
        )
        caption += "."
    caption += f" n as printed: {text['n'] or 'not printed'}. The report says: {said}"
    tiers = ["report", "reconstructed"] + (["not published"] if (data["tier"] == "not published").any() else [])
    return dict(title=title, caption=caption, source=source, tiers=tiers, alt=_alt(kind, title, data))
