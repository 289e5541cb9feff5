"""Published values that are bounds or approximations, as intervals: 'at least 3,555' is [3555, ∞), 'over 3,869'
(3869, ∞), 'less than 2%' [0, 2), 'nearly 40,000' [36000, 40000), 'around 1,500' [1425, 1575]; a change between
two such values is the interval of every change their intervals allow (between two lower bounds: unbounded). A
printed claim disagrees only when the whole interval it allows lies outside the source's interval; inside it, the
source cannot confirm the claim (not checkable). The rule is documented in docs/official_data_notes.md."""

from __future__ import annotations

import math
from functools import cache

import pandas as pd

from ..data.official import printed_qualifier
from .ledger import Check
from .official_rows import describe
from .verbal import Interval, interval, load_phrases

NEARLY, ABOUT = 0.10, 0.05  # 'nearly' allows up to 10% below; 'about' 5% either side (as for the report's words)


def source_interval(row: pd.Series) -> Interval:
    """What a published row's quote allows for its value."""
    v = float(row["value"])
    word = printed_qualifier(str(row["quote"]), v)
    label = f"{word} {v:g}" if word else f"{v:g}"
    if word == "at least":
        return Interval(v, math.inf, True, False, label)
    if word in ("more than", "over", "in excess of", "just over"):
        return Interval(v, math.inf, False, False, label)
    if word in ("less than", "fewer than", "under", "below"):
        return Interval(0.0, v, True, False, label)
    if word in ("almost", "nearly"):
        return Interval((1 - NEARLY) * v, v, True, False, label)
    if word is not None:
        return Interval((1 - ABOUT) * v, (1 + ABOUT) * v, True, True, label)
    return Interval(v, v, True, True, label)


def is_exact(i: Interval) -> bool:
    return i.low == i.high


def change_interval(start: Interval, end: Interval) -> Interval:
    """Every percentage change from a value in `start` to a value in `end` (counts, so never below -100%)."""
    low = end.low / start.high if start.high > 0 else 0.0
    high = end.high / start.low if start.low > 0 else math.inf
    top = (high - 1) * 100 if math.isfinite(high) else math.inf
    return Interval(max(-100.0, (low - 1) * 100), top, True, math.isfinite(top))


@cache
def _phrases() -> pd.DataFrame:
    return load_phrases()


def printed_interval(claim: pd.Series) -> Interval:
    """What the report's printed number allows (its qualifier or its printed precision)."""
    return interval(claim, _phrases())


def _verdict(allowed: list[Interval], source: Interval, what: str, basis: str) -> Check:
    shown = " or ".join(f"{a.low:g}" if is_exact(a) else str(a) for a in allowed)
    if any(a.overlaps(source) for a in allowed):
        unbounded = "unbounded: " if math.isinf(source.high) and source.low <= -100 else ""
        return Check(
            "not_checkable",
            None,
            "official",
            f"{basis}: the source gives only {what} {unbounded}{source}; the printed value ({shown}) lies within it, "
            "so the source neither confirms nor contradicts it",
        )
    return Check(
        "disagrees_with_source",
        None,
        "official",
        f"{basis}: the printed value ({shown}) lies outside the whole interval the source allows, {source}",
    )


def check_value_bound(claim: pd.Series, row: pd.Series) -> Check | None:
    """A printed value against a published bound or approximation; None where the published value is exact."""
    source = source_interval(row)
    if is_exact(source):
        return None
    return _verdict([printed_interval(claim)], source, f"'{source.label}', the interval", describe(row))


def check_change_bound(claim: pd.Series, start: pd.Series, end: pd.Series) -> Check | None:
    """A printed change (its size; the ledger does not sign it) against the change between two published values,
    where either is a bound or an approximation; None where both are exact."""
    a, b = source_interval(start), source_interval(end)
    if is_exact(a) and is_exact(b):
        return None
    p = printed_interval(claim)
    negative = Interval(-p.high, -p.low, p.high_closed, p.low_closed, f"-{p.label}")
    what = f"'{a.label}' and '{b.label}', so the change lies in"
    return _verdict([negative, p], change_interval(a, b), what, f"{describe(start)} to {describe(end)}")
