"""Official statistics: load the validated tidy rows, parse periods, choose a vintage, extract series."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths
from .validate import DataValidationError, read_validated

REPORT_CUTOFF = "2025-07-31"  # the report was published in July 2025
VINTAGES = ("report", "latest")
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


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


def official_files(folder: Path = paths.RAW / "official") -> list[Path]:
    return sorted(folder.glob("*.csv"))


def load_official(folder: Path = paths.RAW / "official") -> pd.DataFrame:
    """Every official row from every file, validated, with parsed periods (`period_start`, `period_end`, `year`)."""
    frames, problems = [], []
    for path in official_files(folder):
        frame = read_validated(path)
        frame.insert(0, "file", path.name)
        frame["csv_line"] = frame.index + 2
        starts, ends = [], []
        for i, row in frame.iterrows():
            try:
                p = parse_period(row["period"], row["period_type"])
            except ValueError as exc:
                problems.append(f"{path.as_posix()}, line {i + 2}, column 'period': {exc}")
                p = Period(pd.NaT, pd.NaT)
            starts.append(p.start)
            ends.append(p.end)
        frame["period_start"], frame["period_end"] = starts, ends
        frames.append(frame)
    if problems:
        raise DataValidationError(problems)
    table = pd.concat(frames, ignore_index=True)
    table["year"] = [p.year for p in table["period_start"]]
    return table


def choose_vintage(table: pd.DataFrame, vintage: str) -> pd.DataFrame:
    """One row per (series, breakdown, period, geography): the newest release, by the report's cut-off or overall."""
    if vintage not in VINTAGES:
        raise ValueError(f"parameter vintage={vintage!r}: choose one of {VINTAGES}")
    rows = table
    if vintage == "report":
        # pad year-only and year-month release dates so they compare as the start of that period
        padded = rows["release_date"].str.pad(10, side="right", fillchar="~").str.replace("~", "", regex=False)
        rows = rows[padded.str.slice(0, 10) <= REPORT_CUTOFF]
    key = ["series", "breakdown", "period", "geography"]
    ranked = rows.assign(_tier=(rows["tier"] == "official").astype(int)).sort_values(
        [*key, "release_date", "_tier"], kind="stable"
    )
    return ranked.drop_duplicates(key, keep="last").drop(columns="_tier").reset_index(drop=True)


def series(
    table: pd.DataFrame,
    name: str,
    breakdown: str = "total",
    *,
    period_type: str | None = None,
    geography: str | None = None,
    unit: str | None = None,
    last_year: int | None = None,
) -> pd.DataFrame:
    """Rows of one series and breakdown, ordered by period; filtered to periods starting by `last_year`."""
    rows = table[(table["series"] == name) & (table["breakdown"] == breakdown)]
    if period_type:
        rows = rows[rows["period_type"] == period_type]
    if geography:
        rows = rows[rows["geography"] == geography]
    if unit:
        rows = rows[rows["unit"] == unit]
    if last_year is not None:
        rows = rows[rows["year"] <= last_year]
    return rows.sort_values(["period_start", "geography"], kind="stable").reset_index(drop=True)


def check_last_year(last_year: int, table: pd.DataFrame) -> int:
    """Refuse a `last_year` parameter outside the years the data cover."""
    first, last = int(table["year"].min()), int(table["year"].max())
    if not isinstance(last_year, int) or not first <= last_year <= last:
        raise ValueError(f"parameter last_year={last_year!r}: the official data cover {first} to {last}")
    return last_year


def describe_sources(rows: pd.DataFrame, vintage: str) -> str:
    """Caption text: how many values from which publications, which vintage, and where the quotes are."""
    found = rows.dropna(subset=["value"])
    tiers = found["tier"].value_counts().to_dict()
    titles = "; ".join(sorted(found["source_title"].dropna().unique()))
    vintage_text = (
        f"releases up to {REPORT_CUTOFF} (as available to the report)"
        if vintage == "report"
        else "latest release of each value"
    )
    return (
        f"{len(found)} published values ({', '.join(f'{v} {k}' for k, v in sorted(tiers.items()))}); "
        f"vintage: {vintage_text}. Publications: {titles}. URL and quote per value in the figure's CSV."
    )


def series_table(table: pd.DataFrame, names: list[str], last_year: int) -> pd.DataFrame:
    """The published rows of some series for display: period, value, unit, geography, tier and source."""
    rows = table[table["series"].isin(names) & (table["year"] <= last_year)].sort_values(["series", "period_start"])
    return rows[["series", "breakdown", "period", "geography", "value", "unit", "tier", "source_title"]].reset_index(
        drop=True
    )
