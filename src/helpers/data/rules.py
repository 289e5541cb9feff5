"""What a Table Schema cannot say about the raw tables: numbers are finite, a share (unit `percent`) lies in 0..100, a
count is at most its stated n, a `*_date` value is a real calendar date, a period is in a format the chain reads,
the claim ids named inside a claim's `derived` expression exist, a hand-typed official value is printed in its quote
(in the form the quote prints it), and the parts of a total published in the same release do not add up to more than
the total. Each rule works on the text frame and returns (row position, column, what is wrong).
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

from .periods import parse_period

SHARE_UNITS = {"percent"}
CLAIM_ID = re.compile(r"L\d{4}:[0-9.]+(?:#\d+)?")  # a claim of the ledger: report line, value, repeat
EMBEDDED_REFERENCES = {"derived": (CLAIM_ID, "claim_id")}
CALENDAR_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Problem = tuple[int, str, str]


def problems(frame: pd.DataFrame, schema: dict) -> list[Problem]:
    """Every rule's problems in a table of text cells described by the schema."""
    numeric = [f["name"] for f in schema["fields"] if f.get("type") in ("number", "integer")]
    found = [*_non_finite(frame, numeric), *_shares(frame), *_counts_within_n(frame), *_calendar_dates(frame)]
    found += _periods(frame)
    return found + _embedded_references(frame) + _values_in_quotes(frame) + _parts_within_total(frame)


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


def _periods(frame: pd.DataFrame) -> list[Problem]:
    """In every table with `period` and `period_type`: the period is in a format periods.parse_period reads."""
    if not {"period", "period_type"} <= set(frame.columns):
        return []
    found = []
    for i, text in frame["period"].items():
        try:
            parse_period(text, frame.at[i, "period_type"].strip())
        except ValueError as exc:
            found.append((i, "period", str(exc)))
    return found


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


UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
TENS = {w: 10.0 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
NUMBER_WORDS = {
    **{w: float(i) for i, w in enumerate(UNITS)},
    **TENS,
    **{f"{t}{sep}{u}": n + i for t, n in TENS.items() for i, u in enumerate(UNITS[1:10], start=1) for sep in " -"},
    "first": 1.0,
    "single": 1.0,
    "not a single": 0.0,
    "half": 0.5,
    "one-third": 1 / 3,
    "a third": 1 / 3,
    "two-thirds": 2 / 3,
    "a quarter": 0.25,
}
# breakdown keys whose values split a count into parts that do not overlap (a stage such as referred, charged does not)
PARTITIONS = {"age", "gender", "nationality", "exploitation", "location", "referrer", "competent_authority"}
PRINTED_SCALE = {"gbp_million": 1e6}  # £2,512,000 printed for 2.512 (gbp_million)


def _printed_forms(value: float) -> set[str]:
    forms = {f"{value:,.10g}", f"{value:.10g}"}
    if value.is_integer():
        forms |= {f"{int(value):,}", f"{int(value)}"}
    return forms


def value_in_quote(quote: str, value: float, unit: str) -> bool:
    """The value is printed in the quote: as digits ('19,125', '2020/21' for 2020; '£2,512,000' for 2.512 in
    gbp_million), or as a word ('five', 'ninety seven', 'half' for 0.5 or 50%, 'nearly a third' for 0.33),
    compared at the value's printed precision."""
    scaled = round(value * PRINTED_SCALE[unit], 2) if unit in PRINTED_SCALE else value
    for form in _printed_forms(value) | _printed_forms(scaled):
        if re.search(r"(?<![\d.])" + re.escape(form) + r"(?![\d])", quote):
            return True
    decimals = len(f"{value:.10g}".partition(".")[2])
    text = quote.lower()
    for word, number in NUMBER_WORDS.items():
        if re.search(rf"\b{re.escape(word)}\b", text):
            for candidate in (number, number * 100 if unit == "percent" else None):
                if candidate is not None and round(candidate, decimals) == value:
                    return True
    return False


def _values_in_quotes(frame: pd.DataFrame) -> list[Problem]:
    """In every table of hand-typed official values (`value`, `unit`, `quote`, `source_url`): the value is printed in
    its quote (18,600 against a quote saying "18,500" is refused)."""
    if not {"value", "unit", "quote", "source_url"} <= set(frame.columns):
        return []
    return [
        (i, "value", f"{value:,.10g} is not printed in its quote (column 'quote': {str(frame.at[i, 'quote'])[:80]!r})")
        for i in frame.index
        if (value := _number(frame.at[i, "value"])) is not None
        and math.isfinite(value)
        and value >= 0  # a negative value: the schema's minimum says so first
        and not value_in_quote(str(frame.at[i, "quote"]), value, str(frame.at[i, "unit"]).strip())
    ]


def _breakdown(text: str) -> dict[str, str] | None:
    text = text.strip()
    if text in ("", "total"):
        return {}
    pairs = [p.split("=", 1) for p in text.split(";")]
    return dict(pairs) if all(len(p) == 2 for p in pairs) else None  # type: ignore[misc]


def _parts_within_total(frame: pd.DataFrame) -> list[Problem]:
    """In every table of official counts: within one release (same `source_url` and `release_date`), series,
    period and geography, the parts of a count along one more key that partitions it (age=child, age=adult under
    total; not a stage) do not add up to more than it."""
    key = ["source_url", "release_date", "series", "period", "geography"]
    if not {*key, "breakdown", "unit", "value"} <= set(frame.columns):
        return []
    counts = frame[frame["unit"].str.strip() == "count"]
    found = []
    for _, group in counts.groupby(key, sort=False):
        rows = [
            (i, b, v)
            for i in group.index
            if (b := _breakdown(group.at[i, "breakdown"])) is not None
            and (v := _number(group.at[i, "value"])) is not None
        ]
        for i, whole, total in rows:
            parts: dict[str, list[tuple[str, float]]] = {}
            for _, part, value in rows:
                extra = set(part) - set(whole)
                inside = all(part.get(k) == v for k, v in whole.items())
                if len(part) == len(whole) + 1 and extra <= PARTITIONS and inside:
                    (k,) = extra
                    parts.setdefault(k, []).append((part[k], value))
            for k, values in parts.items():
                if (added := sum(v for _, v in values)) > total:
                    listed = ", ".join(f"{k}={name} {v:g}" for name, v in values)
                    found.append(
                        (
                            i,
                            "value",
                            f"its parts by {k} ({listed}) add up to {added:g}, more than this "
                            f"total {total:g} in the same release",
                        )
                    )
    return found
