"""Shares the sources do not publish but let one compute: a count estimated from a published share of a
published count (e.g. UK-national children = 75% of UK-national referrals), carried with the interval the
shares' printed rounding allows, then the printed share checked against that interval."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data.official import parse_breakdown
from .ledger import Check
from .official_rows import base_breakdown, describe, same_period

SHARE_BASES = {
    "all_referrals": "total",
    "uk_national_referrals": "nationality=uk",
    "child_referrals": "age=child",
    "adult_referrals": "age=adult",
}


@dataclass(frozen=True)
class Estimate:
    low: float
    mid: float
    high: float
    basis: str
    derived: bool


def _rows(official: pd.DataFrame, series: str, wanted: dict, period: str, unit: str, share_of: str | None):
    rows = official[(official["series"] == series) & (official["unit"] == unit)]
    keep = []
    for text in rows["breakdown"]:
        parts = parse_breakdown(text)
        share = parts.pop("share_of", None)
        keep.append(parts == wanted and share == share_of)
    return same_period(rows.loc[pd.Series(keep, index=rows.index, dtype=bool)], period, unit)


def estimate(official: pd.DataFrame, series: str, breakdown: str, period: str, depth: int = 2) -> Estimate | None:
    """The count of one breakdown: published, or a published share of another published (or estimated) count."""
    wanted = parse_breakdown(breakdown)
    counts = _rows(official, series, wanted, period, "count", None)
    if not counts.empty:
        row = counts.iloc[0]
        return Estimate(row["value"], row["value"], row["value"], describe(row), False)
    if depth == 0:
        return None
    for share_of, base in SHARE_BASES.items():
        shares = _rows(official, series, wanted, period, "percent", share_of)
        whole = None if shares.empty else estimate(official, series, base, period, depth - 1)
        if whole is None:
            continue
        share = shares.iloc[0]
        p = float(share["value"])
        return Estimate(
            (p - 0.5) / 100 * whole.low,
            p / 100 * whole.mid,
            (p + 0.5) / 100 * whole.high,
            f"{p:g}% (±0.5, printed rounding) of [{whole.basis}] ({describe(share)})",
            True,
        )
    return None


def check_derived_share(claim: pd.Series, official: pd.DataFrame, series: str, breakdown: str, period: str):
    """A printed share of a breakdown over its base, computed from estimated counts; None if nothing is derived."""
    base = base_breakdown(breakdown)
    part, whole = estimate(official, series, breakdown, period), estimate(official, series, base, period)
    if part is None or whole is None or not (part.derived or whole.derived):
        return None
    low, mid, high = part.low / whole.high * 100, part.mid / whole.mid * 100, part.high / whole.low * 100
    printed = float(claim["value"])
    verdict = "within_rounding" if low - 0.5 <= printed <= high + 0.5 else "disagrees_with_source"
    return Check(
        verdict,
        round(mid, 4),
        "official_derived",
        f"no published share; assuming the published shares are rounded to whole percentages, {breakdown} over "
        f"{base} in {period} is {mid:.1f}% (between {low:.1f}% and {high:.1f}%): part = {part.basis}; "
        f"base = {whole.basis}",
    )
