"""Claims against official statistics: the published value, a share from published counts, a change between periods."""

from __future__ import annotations

import re

import pandas as pd

from ..data.official import parse_breakdown
from ..data.periods import parse_period
from .ledger import Check, compare, qualifier


def _same_period(rows: pd.DataFrame, period: str, unit: str) -> pd.DataFrame:
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


def _share_base(breakdown: str) -> str:
    """What a printed share is a share of: all referrals, or e.g. child referrals for age=child;nationality=uk."""
    age = parse_breakdown(breakdown).get("age")
    return f"{age}_referrals" if age else "all_referrals"


def _official_value(
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
    rows = _same_period(rows[keep], period, unit)
    if rows.empty:
        return None
    if len(rows) > 1 and (rows["period_type"] == "snapshot").all():
        matching = rows[[printed is not None and compare(printed, v) != "differs" for v in rows["value"]]]
        rows = matching if not matching.empty else rows[rows["period_end"] == rows["period_end"].max()]
    rank = rows.assign(_g=~rows["geography"].isin(["UK", "England and Wales"]), _t=rows["tier"] != "official")
    return rank.sort_values(["_g", "_t"]).iloc[0]


def _describe(row: pd.Series) -> str:
    return (
        f"{row['value']:g} {row['unit']} ({row['period']}, {row['geography']}, {row['tier']}, "
        f"released {row['release_date']}, {row['file']} line {row['csv_line']})"
    )


def _endpoint_hints(claim: pd.Series, values: dict[str, float]) -> list[float | None]:
    """For a change the report derives from two of its own numbers, those numbers (to pick matching snapshots)."""
    m = re.fullmatch(r"\s*pct_change\((L[^,]+),(L[^)]+)\)\s*", str(claim["derived"]))
    return [values.get(m[1].strip()), values.get(m[2].strip())] if m else [None, None]


def check_official(claim: pd.Series, official: pd.DataFrame, values: dict[str, float] | None = None) -> Check | None:
    if pd.isna(claim["official_key"]) or str(claim["official_key"]).startswith("event:"):
        return None  # a dated event: audit.dated
    parts = claim["official_key"].split("|")
    if len(parts) != 3 or not parts[2]:
        return Check("not_checkable", None, "official", f"official key {claim['official_key']!r} names no period")
    series, breakdown, period = parts
    printed, unit = claim["value"], claim["unit"]
    word = qualifier(claim["quote"], printed)
    if unit in ("percent_change", "percentage_points"):
        ends = re.split(r"\s*[-–]\s*(?=\d{4})", period)
        if len(ends) != 2:
            return _unstated_base(claim, official, series, breakdown, period)
        hints = _endpoint_hints(claim, values or {})
        rows = [_official_value(official, series, breakdown, p, "count", h) for p, h in zip(ends, hints)]
        if any(r is None for r in rows):
            missing = [p for p, r in zip(ends, rows) if r is None]
            return Check(
                "not_checkable", None, "official", f"no published {series} ({breakdown}) value for {', '.join(missing)}"
            )
        result = (rows[1]["value"] - rows[0]["value"]) / rows[0]["value"] * 100
        basis = f"{_describe(rows[0])} to {_describe(rows[1])}: {result:+.1f}%"
        outcome = compare(printed, result, word, absolute=True)
    else:
        row = _official_value(official, series, breakdown, period, unit, printed)
        if row is None and unit == "percent":
            return _official_share(claim, official, series, breakdown, period, word)
        if row is None:
            return _other_period(claim, official, series, breakdown, period)
        result, basis = row["value"], _describe(row)
        outcome = compare(printed, result, word)
    verdict = "disagrees_with_source" if outcome == "differs" else outcome
    return Check(verdict, round(float(result), 4), "official", basis)


def _other_period(claim, official, series, breakdown, period) -> Check:
    """No published value for the stated period: is the printed value published for another period?"""
    rows = official[
        (official["series"] == series)
        & (official["breakdown"] == breakdown)
        & (official["unit"] == claim["unit"])
        & (official["value"] == claim["value"])
    ]
    if rows.empty:
        return Check(
            "not_checkable", None, "official", f"no published {series} ({breakdown}, {period}, {claim['unit']}) found"
        )
    elsewhere = "; ".join(_describe(r) for _, r in rows.iterrows())
    try:
        stated = parse_period(period, "calendar_year")
        overlaps = ((rows["period_start"] <= stated.end) & (rows["period_end"] >= stated.start)).any()
    except ValueError:
        overlaps = False
    if overlaps:
        return Check(
            "not_checkable",
            float(claim["value"]),
            "official",
            f"published for a period overlapping {period}, not for {period} itself: {elsewhere}",
        )
    return Check(
        "disagrees_with_source",
        float(claim["value"]),
        "official",
        f"nothing published for {period}; the same value is published for another period: {elsewhere}",
    )


def _unstated_base(claim, official, series, breakdown, period) -> Check:
    """A change 'by <period>' whose base the report does not state: show the change from the first published year."""
    rows = official[
        (official["series"] == series)
        & (official["breakdown"] == breakdown)
        & (official["unit"] == "count")
        & (official["period_type"] != "snapshot")
    ]
    end = _official_value(official, series, breakdown, period, "count")
    if rows.empty or end is None:
        return Check("not_checkable", None, "official", f"base period not stated and no published value for {period}")
    first = rows.sort_values("period_start").iloc[0]
    change = (end["value"] - first["value"]) / first["value"] * 100
    return Check(
        "not_checkable",
        None,
        "official",
        f"base period not stated; from the first published year, {_describe(first)}, to {_describe(end)} "
        f"the change would be {change:+.1f}%",
    )


CATEGORY_KEYS = ("nationality", "exploitation", "gender", "outcome", "referrer", "location", "competent_authority")


def _official_share(claim, official, series, breakdown, period, word) -> Check:
    """A printed share recomputed from published counts: the category over its base (the breakdown without it)."""
    base = ";".join(f"{k}={v}" for k, v in parse_breakdown(breakdown).items() if k not in CATEGORY_KEYS) or "total"
    part = _official_value(official, series, breakdown, period, "count")
    whole = _official_value(official, series, base, period, "count")
    if part is None or whole is None:
        from .derived_official import check_derived_share

        derived = check_derived_share(claim, official, series, breakdown, period)
        if derived is not None:
            return derived
        return Check(
            "not_checkable",
            None,
            "official",
            f"no published share, and no published counts for {breakdown} over {base} in {period}",
        )
    result = part["value"] / whole["value"] * 100
    outcome = compare(claim["value"], result, word)
    verdict = "disagrees_with_source" if outcome == "differs" else outcome
    return Check(
        verdict,
        round(result, 4),
        "official",
        f"{part['value']:g} / {whole['value']:g} = {result:.1f}% "
        f"({part['file']} lines {part['csv_line']}, {whole['csv_line']})",
    )
