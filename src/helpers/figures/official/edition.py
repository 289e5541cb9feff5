"""One edition of a publisher's release file for a chart: the edition the `vintage` parameter chooses, its rows,
and its name in words ("year ending December 2025, published 23 April 2026").

A chart draws one edition per series (editions revise earlier years). ``latest``: the newest edition that gives
the series. ``report``: the newest one published by the report's cut-off; an edition whose publication date is
not stated counts only if its period ended by the cut-off (its caption says the date is not stated).
"""

from __future__ import annotations

import pandas as pd

from ...data.official import REPORT_CUTOFF, VINTAGES

MONTHS = "January February March April May June July August September October November December".split()


def date_words(date: str) -> str:
    year, month, *day = str(date).split("-")
    return " ".join([*(str(int(d)) for d in day), MONTHS[int(month) - 1], year])


def choose(editions: pd.DataFrame, series: str, vintage: str) -> pd.DataFrame:
    """The rows of the one edition the vintage chooses for `series` (every series that edition's file gives)."""
    if vintage not in VINTAGES:
        raise ValueError(f"parameter vintage={vintage!r}: choose one of {VINTAGES}")
    given = editions[editions["series"] == series]
    if vintage == "report":
        published = given["published"].fillna("")
        dated = (published != "") & (published <= REPORT_CUTOFF)
        undated = (published == "") & (given["edition_end"] <= REPORT_CUTOFF[:7])
        given = given[dated | undated]
    if given.empty:
        raise ValueError(f"no release file in data/raw/official/releases gives {series!r} for vintage={vintage!r}")
    newest = given.sort_values(["edition_end", "file"], kind="stable").iloc[-1]
    return editions[editions["file"] == newest["file"]]


def name(rows: pd.DataFrame) -> str:
    """'<title>, edition <edition>, published <date>' (or 'publication date not stated'), from the rows' record."""
    first = rows.iloc[0]
    published = first["published"]
    when = (
        f"published {date_words(published)}"
        if isinstance(published, str) and published
        else ("publication date not stated")
    )
    return f"{first['edition']} edition, {when}"
