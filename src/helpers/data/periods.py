"""Periods as the sources print them ('2019/20', 'year ending March 2020', 'Q2 2024', 'December 2022', ...)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import pandas as pd

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}


@dataclass(frozen=True)
class Period:
    """A parsed period: first and last month (inclusive) and the year used to order and filter it."""

    start: pd.Period
    end: pd.Period

    @property
    def year(self) -> int:
        """The year a period belongs to: a financial year 2019/20 belongs to 2019."""
        return self.start.year


def parse_period(text: str, period_type: str) -> Period:
    """Parse '2024', '2019/20', 'year ending March 2020', 'Q2 2024', 'December 2022', 'year to June 2024',
    '2017-2019', 'end of 2024', 'mid 2022', '26 January 2023' and ranges 'A to B' (period_type says how to
    read a bare month: a snapshot, or a rolling year ending then)."""
    t = text.strip()
    lower = t.lower()
    month = pd.Period
    if " to " in lower and not lower.startswith("year to"):
        first, _, last = t.partition(" to ")
        return Period(parse_period(first, period_type).start, parse_period(last, period_type).end)
    if m := re.fullmatch(r"end of (.+)", lower):
        end = parse_period(m[1], "snapshot").end
        return Period(end, end)
    if m := re.fullmatch(r"mid[- ](\d{4})", lower):
        return Period(month(f"{m[1]}-06", "M"), month(f"{m[1]}-06", "M"))
    if m := re.fullmatch(r"\d{1,2} ([a-z]+ \d{4})", lower):
        return parse_period(m[1], "snapshot")
    if m := re.fullmatch(r"(\d{4})", t):
        y = int(m[1])
        return Period(month(f"{y}-01", "M"), month(f"{y}-12", "M"))
    if m := re.fullmatch(r"(\d{4})/(\d{2})", t):
        y = int(m[1])
        if (y + 1) % 100 != int(m[2]):
            raise ValueError(f"financial year {text!r}: the second year must follow the first")
        return Period(month(f"{y}-04", "M"), month(f"{y + 1}-03", "M"))
    if m := re.fullmatch(r"(?:fy\s*)?year ending march (\d{4})", lower):
        y = int(m[1])
        return Period(month(f"{y - 1}-04", "M"), month(f"{y}-03", "M"))
    if m := re.fullmatch(r"q([1-4])\s+(\d{4})", lower) or re.fullmatch(r"(\d{4})\s+q([1-4])", lower):
        q, y = (int(m[1]), int(m[2])) if lower.startswith("q") else (int(m[2]), int(m[1]))
        return Period(month(f"{y}-{3 * q - 2:02d}", "M"), month(f"{y}-{3 * q:02d}", "M"))
    if m := re.fullmatch(r"(?:year (?:to|ending)\s+)?([a-z]+)\s+(\d{4})", lower):
        if m[1] in MONTHS:
            end = month(f"{m[2]}-{MONTHS[m[1]]:02d}", "M")
            rolling = lower.startswith("year") or period_type == "rolling_year"
            return Period(end - 11 if rolling else end, end)
    if m := re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{2,4})", t):
        y0, y1 = int(m[1]), int(m[2]) if len(m[2]) == 4 else int(m[1][:2] + m[2])
        if period_type == "financial_year" or (len(m[2]) == 2 and y1 == y0 + 1):
            return Period(month(f"{y0}-04", "M"), month(f"{y1}-03", "M"))
        return Period(month(f"{y0}-01", "M"), month(f"{y1}-12", "M"))
    raise ValueError(f"unknown period format {text!r}")


def financial_years(first: int, last: int) -> list[str]:
    """Financial years from `first` to `last` as printed: 2012/13, 2013/14, ..."""
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(first, last + 1)]
