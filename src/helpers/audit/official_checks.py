"""Claims against official statistics: the published value, a share from published counts, a change between periods."""

from __future__ import annotations

import re

import pandas as pd

from ..data.periods import parse_period
from .bounds import check_change_bound, check_value_bound
from .derived_official import check_derived_share
from .ledger import Check, compare, qualifier
from .official_rows import base_breakdown, describe, official_value


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
        rows = [official_value(official, series, breakdown, p, "count", h) for p, h in zip(ends, hints)]
        if any(r is None for r in rows):
            missing = [p for p, r in zip(ends, rows) if r is None]
            return Check(
                "not_checkable", None, "official", f"no published {series} ({breakdown}) value for {', '.join(missing)}"
            )
        if (bounded := check_change_bound(claim, rows[0], rows[1])) is not None:
            return bounded
        result = (rows[1]["value"] - rows[0]["value"]) / rows[0]["value"] * 100
        basis = f"{describe(rows[0])} to {describe(rows[1])}: {result:+.1f}%"
        outcome = compare(printed, result, word, absolute=True)
    else:
        row = official_value(official, series, breakdown, period, unit, printed)
        if row is None and unit == "percent":
            return _official_share(claim, official, series, breakdown, period, word)
        if row is None:
            return _other_period(claim, official, series, breakdown, period)
        if (bounded := check_value_bound(claim, row)) is not None:
            return bounded
        result, basis = row["value"], describe(row)
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
    elsewhere = "; ".join(describe(r) for _, r in rows.iterrows())
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
    end = official_value(official, series, breakdown, period, "count")
    if rows.empty or end is None:
        return Check("not_checkable", None, "official", f"base period not stated and no published value for {period}")
    first = rows.sort_values("period_start").iloc[0]
    change = (end["value"] - first["value"]) / first["value"] * 100
    return Check(
        "not_checkable",
        None,
        "official",
        f"base period not stated; from the first published year, {describe(first)}, to {describe(end)} "
        f"the change would be {change:+.1f}%",
    )


def _official_share(claim, official, series, breakdown, period, word) -> Check:
    """A printed share recomputed from published counts: the category over its base (the breakdown without it)."""
    base = base_breakdown(breakdown)
    part = official_value(official, series, breakdown, period, "count")
    whole = official_value(official, series, base, period, "count")
    if part is None or whole is None:
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
