"""Official statistics: load the validated tidy rows, parse periods, choose a vintage, extract series."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import paths
from .periods import Period, parse_period
from .tables import save_table
from .validate import DataValidationError, read_validated

REPORT_CUTOFF = "2025-07-31"  # the report was published in July 2025
VINTAGES = ("report", "latest")


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


def parse_breakdown(text: str) -> dict[str, str]:
    """'age=child;nationality=uk' as {'age': 'child', 'nationality': 'uk'}; 'total' (or nothing) as {}."""
    return {} if text in ("total", "") else dict(p.split("=", 1) for p in text.split(";") if "=" in p)


TABLE = "official.csv"
RELEASES = "official_releases.csv"


def _text_periods(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in ("period_start", "period_end"):
        out[column] = out[column].astype(str)
    return out


def save_tables(releases: pd.DataFrame, chosen: pd.DataFrame, vintage: str) -> list[Path]:
    """Write, for the later notebooks, every validated release and the table of the chosen vintage, with their
    parsed periods (the only way they read the official data)."""
    return [
        save_table(_text_periods(releases), paths.processed() / RELEASES),
        save_table(_text_periods(chosen.assign(vintage=vintage)), paths.processed() / TABLE),
    ]


def _read(name: str) -> pd.DataFrame:
    path = paths.processed() / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not found; run the chain (python3 tasks.py reproduce) to prepare the data")
    table = pd.read_csv(path, dtype={"period": "string", "breakdown": "string", "note": "string"})
    for column in ("period_start", "period_end"):
        table[column] = pd.PeriodIndex(table[column], freq="M")
    return table


def load_releases() -> pd.DataFrame:
    """Every validated release of every official value, as 00_data_preparation wrote them."""
    return _read(RELEASES)


def load_table(vintage: str) -> pd.DataFrame:
    """The official table of the chosen vintage written by 00_data_preparation, with its periods parsed again.

    Refuses a table of another vintage (the data preparation has not been re-run for this parameter)."""
    table = _read(TABLE)
    found = set(table["vintage"])
    if found != {vintage}:
        raise ValueError(
            f"{paths.processed() / TABLE}: holds vintage {sorted(found)}, not the parameter vintage={vintage!r}; "
            "re-run 00_data_preparation"
        )
    return table


def choose_vintage(table: pd.DataFrame, vintage: str) -> pd.DataFrame:
    """One row per (series, breakdown, period, geography): an official publisher's own page before a secondary
    copy, then the newest release (by the report's cut-off or overall). The values set aside stay in
    `corroboration` (value, tier, source, release) so the figures' data show what agrees or differs."""
    if vintage not in VINTAGES:
        raise ValueError(f"parameter vintage={vintage!r}: choose one of {VINTAGES}")
    rows = table
    if vintage == "report":
        rows = rows[rows["release_date"] <= REPORT_CUTOFF]  # '2025-07' sorts before '2025-07-31', as its start
    key = ["series", "breakdown", "period", "geography"]
    ranked = rows.assign(_tier=(rows["tier"] == "official").astype(int)).sort_values(
        [*key, "_tier", "release_date"], kind="stable"
    )
    others = {
        k: "; ".join(
            f"{r.value:g} ({r.tier}, {r.source_title}, released {r.release_date})" for r in g.iloc[:-1].itertuples()
        )
        for k, g in ranked.groupby(key, sort=False)
        if len(g) > 1
    }
    chosen = ranked.drop_duplicates(key, keep="last").drop(columns="_tier").reset_index(drop=True)
    chosen["corroboration"] = [others.get(tuple(r), "") for r in chosen[key].itertuples(index=False)]
    return chosen


BOUND_WORDS = {
    "<": r"less than|fewer than|under|below",
    "≥": r"at least",
    ">": r"more than|over|in excess of|just over",
    "≈": r"almost|nearly|approximately|around|about|c\.",
}


def printed_qualifier(quote: str, value: float) -> str | None:
    """The word a source prints just before the value ('at least', 'over', 'nearly', 'about', ...), lowercased;
    None where the value is printed bare (or not found)."""
    text = f"{value:,.10g}"
    for form in dict.fromkeys([text, text.replace(",", ""), f"{value:g}"]):
        for m in re.finditer(rf"(?<![\d.,]){re.escape(form)}(?![\d])", str(quote)):
            before = str(quote)[max(0, m.start() - 16) : m.start()].lower()
            words = "|".join(BOUND_WORDS.values())
            found = re.search(rf"\b({words})\s*£?$", before)
            return found[1] if found else None
    return None


def bound(quote: str, value: float) -> str:
    """'<', '≥', '>' or '≈' where the source prints the value as a bound or an approximation; '' where exact."""
    word = printed_qualifier(quote, value)
    return next((sign for sign, words in BOUND_WORDS.items() if word and re.fullmatch(words, word)), "")


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
        f"{len(found)} published value{'' if len(found) == 1 else 's'} "
        f"({', '.join(f'{v} {k}' for k, v in sorted(tiers.items()))}); "
        f"vintage: {vintage_text}. Publications: {titles}. URL and quote per value in the figure's CSV."
    )


def series_table(table: pd.DataFrame, names: list[str], last_year: int) -> pd.DataFrame:
    """The published rows of some series for display: period, value, unit, geography, tier and source."""
    rows = table[table["series"].isin(names) & (table["year"] <= last_year)].sort_values(["series", "period_start"])
    return rows[["series", "breakdown", "period", "geography", "value", "unit", "tier", "source_title"]].reset_index(
        drop=True
    )
