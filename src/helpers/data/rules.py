"""What a Table Schema cannot say about the raw tables: numbers are finite, a share (unit `percent`) lies in
0..100, a count is at most its stated n, a `*_date` value is a real calendar date, and the claim ids named inside
a claim's `derived` expression exist. Each rule works on the text frame and returns (row position, column, what
is wrong).
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

SHARE_UNITS = {"percent"}
CLAIM_ID = re.compile(r"L\d{4}:[0-9.]+(?:#\d+)?")  # a claim of the ledger: report line, value, repeat
EMBEDDED_REFERENCES = {"derived": (CLAIM_ID, "claim_id")}
CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Problem = tuple[int, str, str]


def problems(frame: pd.DataFrame, schema: dict) -> list[Problem]:
    """Every rule's problems in a table of text cells described by the schema."""
    numeric = [f["name"] for f in schema["fields"] if f.get("type") in ("number", "integer")]
    found = [*_non_finite(frame, numeric), *_shares(frame), *_counts_within_n(frame), *_calendar_dates(frame)]
    return found + _embedded_references(frame)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None  # not a number: the schema's type check reports it


def _non_finite(frame: pd.DataFrame, columns: list[str]) -> list[Problem]:
    return [
        (i, column, f"{raw!r} is not a finite number")
        for column in columns
        for i, raw in frame[column].items()
        if (value := _number(raw)) is not None and not math.isfinite(value)
    ]


def _shares(frame: pd.DataFrame) -> list[Problem]:
    """In every table that has `unit` and `value`."""
    if not {"unit", "value"} <= set(frame.columns):
        return []
    found = []
    for i in frame.index[frame["unit"].str.strip().isin(SHARE_UNITS)]:
        value = _number(frame.at[i, "value"])
        if value is not None and math.isfinite(value) and not 0 <= value <= 100:
            side = "over 100" if value > 100 else "below 0"
            found.append((i, "value", f"percentage {value:g} is {side} (a share lies in 0..100)"))
    return found


def _counts_within_n(frame: pd.DataFrame) -> list[Problem]:
    """In every table with `unit`, `value` and `n`: a count of respondents cannot exceed their number."""
    if not {"unit", "value", "n"} <= set(frame.columns):
        return []
    found = []
    for i in frame.index[frame["unit"].str.strip() == "count"]:
        value, n = _number(frame.at[i, "value"]), _number(frame.at[i, "n"])
        if value is not None and n is not None and math.isfinite(value) and value > n:
            found.append((i, "value", f"count {value:g} is larger than its stated n={n:g} (column 'n')"))
    return found


def _is_calendar_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day, month or year that exists."""
    match = CALENDAR_DATE.fullmatch(text)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _calendar_dates(frame: pd.DataFrame) -> list[Problem]:
    return [
        (i, column, f"{raw!r} is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)")
        for column in frame.columns
        if column.endswith("_date")
        for i, raw in frame[column].items()
        if raw.strip() and not _is_calendar_date(raw.strip())
    ]


def _embedded_references(frame: pd.DataFrame) -> list[Problem]:
    found = []
    for column, (pattern, target) in EMBEDDED_REFERENCES.items():
        if column in frame.columns and target in frame.columns:
            known = set(frame[target])
            for i, text in frame[column].items():
                found.extend(
                    (i, column, f"refers to {t!r}, no such {target}") for t in pattern.findall(text) if t not in known
                )
    return found
