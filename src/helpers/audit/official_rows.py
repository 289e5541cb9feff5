"""The published rows of the official statistics a claim is checked against: the rows of a period, the value
for a claim's series, breakdown and period, the base a category's share is taken over, and a row described
with its provenance."""

from __future__ import annotations

import pandas as pd

from ..data.official import parse_breakdown
from ..data.periods import parse_period
from .ledger import compare

CATEGORY_KEYS = ("nationality", "exploitation", "gender", "outcome", "referrer", "location", "competent_authority")


def same_period(rows: pd.DataFrame, period: str, unit: str) -> pd.DataFrame:
    """Rows of exactly that period, else the snapshots taken within it."""
    rows = rows[rows["unit"] == unit]
    try:
        wanted = parse_period(period, "calendar_year")
    except ValueError:
        return rows.iloc[0:0]
    exact = rows[(rows["period_start"] == wanted.start) & (rows["period_end"] == wanted.end)]
    if not exact.empty:
        return exact
    return rows[
        (rows["period_end"] >= wanted.start) & (rows["period_end"] <= wanted.end) & (rows["period_type"] == "snapshot")
    ]


def base_breakdown(breakdown: str) -> str:
    """The breakdown a category's share is taken over: the breakdown without its category keys, or 'total'."""
    return ";".join(f"{k}={v}" for k, v in parse_breakdown(breakdown).items() if k not in CATEGORY_KEYS) or "total"


def _share_base(breakdown: str) -> str:
    """What a printed share is a share of: all referrals, or e.g. child referrals for age=child;nationality=uk."""
    age = parse_breakdown(breakdown).get("age")
    return f"{age}_referrals" if age else "all_referrals"


def official_value(
    official: pd.DataFrame, series: str, breakdown: str, period: str, unit: str, printed: float | None = None
) -> pd.Series | None:
    """The published row for a key; among several snapshots in the period, one that matches the printed value."""
    wanted = parse_breakdown(breakdown)
    rows = official[official["series"] == series]
    keep = []
    for b in rows["breakdown"]:
        parts = parse_breakdown(b)
        share = parts.pop("share_of", None)
        keep.append(parts == wanted and (unit != "percent" or share in (None, _share_base(breakdown))))
    rows = same_period(rows[keep], period, unit)
    if rows.empty:
        return None
    if len(rows) > 1 and (rows["period_type"] == "snapshot").all():
        matching = rows[[printed is not None and compare(printed, v) != "differs" for v in rows["value"]]]
        rows = matching if not matching.empty else rows[rows["period_end"] == rows["period_end"].max()]
    rank = rows.assign(_g=~rows["geography"].isin(["UK", "England and Wales"]), _t=rows["tier"] != "official")
    return rank.sort_values(["_g", "_t"]).iloc[0]


def describe(row: pd.Series) -> str:
    return (
        f"{row['value']:g} {row['unit']} ({row['period']}, {row['geography']}, {row['tier']}, "
        f"released {row['release_date']}, {row['file']} line {row['csv_line']})"
    )
