"""Release values edition by edition: the table 00_data_preparation writes, a value of one edition, and the
hand-typed official rows checked against every edition that gives the same value (corroboration)."""

from __future__ import annotations

import pandas as pd

from .. import paths
from .periods import parse_period
from .tables import save_table

TABLE = "official_editions.csv"
CORROBORATION = "official_corroboration.csv"
KEY = ["series", "breakdown", "geography", "period_start", "period_end"]


def with_periods(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with their parsed first and last month, as text ('2019-04')."""
    parsed = [parse_period(p, t) for p, t in zip(rows["period"], rows["period_type"], strict=True)]
    return rows.assign(period_start=[str(p.start) for p in parsed], period_end=[str(p.end) for p in parsed])


def save_editions(rows: pd.DataFrame) -> pd.DataFrame:
    """Write every release value with its parsed period to data/processed/; return what was written."""
    table = with_periods(rows)
    save_table(table, paths.processed() / TABLE)
    return table


def load_editions() -> pd.DataFrame:
    """The release values 00_data_preparation wrote."""
    path = paths.processed() / TABLE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not found; run the chain (python3 tasks.py reproduce) to prepare the data")
    return pd.read_csv(path, dtype={"period": "string", "published": "string", "cell": "string", "sheet": "string"})


def edition_values(editions: pd.DataFrame, series: str, breakdown: str, period: str, geography: str | None = None):
    """The value every edition gives for one series, breakdown and period (NA where it prints a marker), oldest
    edition first; empty when no edition covers it."""
    try:
        wanted = parse_period(period, "financial_year" if "/" in period else "calendar_year")
    except ValueError:
        return editions.iloc[0:0]
    rows = editions[
        (editions["series"] == series)
        & (editions["breakdown"] == breakdown)
        & (editions["period_start"] == str(wanted.start))
        & (editions["period_end"] == str(wanted.end))
    ]
    if geography is not None:
        rows = rows[rows["geography"] == geography]
    return rows.sort_values(["edition_end", "file"], kind="stable")


def where(row: pd.Series) -> str:
    """'<file> sheet <sheet> <cell>' of a release value ('<file> line N' for a CSV release)."""
    file = row["release"] if "release" in row else row["file"]
    sheet = f" sheet {row['sheet']}" if isinstance(row["sheet"], str) and row["sheet"] else ""
    return f"{file}{sheet} {row['cell']}"


def _agreement(typed: float, given: float, status: str) -> str:
    if pd.isna(given):
        return f"not available ({status})"
    return "equal" if typed == given else f"differs by {typed - given:+g}"


def corroborate(official: pd.DataFrame, editions: pd.DataFrame) -> pd.DataFrame:
    """Every hand-typed count for which a release file gives a value, beside each edition's value and where it
    is (file, sheet, cell): 'equal', 'differs by ...', or 'not available' (a suppression marker)."""
    typed = official[official["unit"] == "count"].assign(
        period_start=lambda f: f["period_start"].astype(str), period_end=lambda f: f["period_end"].astype(str)
    )
    merged = typed.merge(editions, on=KEY, suffixes=("", "_edition"))
    if merged.empty:
        return pd.DataFrame(columns=["file", "csv_line", *KEY, "value", "edition", "edition_value", "where"])
    return pd.DataFrame(
        {
            "file": merged["file"],
            "csv_line": merged["csv_line"],
            "series": merged["series"],
            "breakdown": merged["breakdown"],
            "geography": merged["geography"],
            "period": merged["period"],
            "value": merged["value"],
            "release_date": merged["release_date"],
            "edition": merged["edition"],
            "edition_value": merged["value_edition"],
            "agreement": [
                _agreement(t, g, s)
                for t, g, s in zip(merged["value"], merged["value_edition"], merged["status"], strict=True)
            ],
            "where": [where(r) for _, r in merged.rename(columns={"file_edition": "release"}).iterrows()],
        }
    ).sort_values(["file", "csv_line", "edition"], kind="stable", ignore_index=True)


def save_corroboration(table: pd.DataFrame) -> None:
    save_table(table, paths.processed() / CORROBORATION)
