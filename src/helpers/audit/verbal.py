"""Verbal quantities ('more than half', 'nearly a third', 'most') and the interval a printed statement allows.

The agreed interval of each phrase is written once, with its rationale, in data/raw/report/verbal_quantities.csv.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..data.validate import read_validated
from ..survey.granularity import decimals_of
from .ledger import SCALE, qualifier

PHRASES_PATH = paths.RAW / "report" / "verbal_quantities.csv"
BASE_WORDS = {"half": 50.0, "one-third": 100 / 3, "a third": 100 / 3}  # a word number, in percent


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True
    label: str = ""

    def overlaps(self, other: Interval) -> bool:
        if self.low > other.high or other.low > self.high:
            return False
        if self.low == other.high:
            return self.low_closed and other.high_closed
        if other.low == self.high:
            return other.low_closed and self.high_closed
        return True

    def contains(self, x: float) -> bool:
        return self.overlaps(Interval(x, x, label=f"{x:g}"))

    def __str__(self) -> str:
        hi = "∞" if math.isinf(self.high) else f"{self.high:g}"
        return f"{'[' if self.low_closed else '('}{self.low:g}, {hi}{']' if self.high_closed else ')'}"


def load_phrases(path: Path = PHRASES_PATH) -> pd.DataFrame:
    """The agreed phrases, longest first (so 'more than half' wins over 'half')."""
    phrases = read_validated(path)
    return phrases.sort_values("phrase", key=lambda s: s.str.len(), ascending=False, kind="stable")


def phrase_in(quote: str, phrases: pd.DataFrame) -> pd.Series | None:
    """The longest agreed phrase printed in the quote, if any."""
    for _, row in phrases.iterrows():
        if re.search(rf"\b{re.escape(row['phrase'])}\b", quote, re.IGNORECASE):
            return row
    return None


def _in_digits(quote: str, value: float) -> bool:
    return any(re.search(rf"(?<![\d.]){re.escape(f)}(?!\d)", quote) for f in {f"{value:,.10g}", f"{value:.10g}"})


def interval(claim: pd.Series, phrases: pd.DataFrame) -> Interval:
    """What a printed statement allows, in percent for shares: an agreed phrase's interval when the number is
    printed in words; 'X+', 'over', 'up to', 'nearly', 'approximately' around a printed number; else the number at
    its printed precision."""
    quote, value, unit = str(claim["quote"]), float(claim["value"]), claim["unit"]
    scale = SCALE.get(unit, 1.0) if unit == "ratio" else 1.0
    if not _in_digits(quote, value):
        row = phrase_in(quote, phrases)
        if row is not None:
            return Interval(
                row["low"], row["high"], row["low_inclusive"] == "true", row["high_inclusive"] == "true", row["phrase"]
            )
    v = value * scale
    if _in_digits(quote, value) and re.search(rf"(?<![\d.]){re.escape(f'{value:.10g}')}\+", quote):
        return Interval(v, math.inf, False, True, f"{value:g}+")
    word = qualifier(quote, value)
    if word in ("over", "more than"):
        return Interval(v, math.inf, False, True, f"{word} {value:g}")
    if word == "up to":
        return Interval(0, v, True, True, f"up to {value:g}")
    if word in ("nearly", "almost"):
        return Interval(0.9 * v, v, True, False, f"{word} {value:g}")
    if word is not None:
        return Interval(0.95 * v, 1.05 * v, True, True, f"{word} {value:g}")
    if unit in ("percent", "ratio", "percent_change", "percentage_points", "score"):
        half = 0.5 * 10 ** -decimals_of(value) * scale
        return Interval(v - half, v + half, True, False, f"{value:g} as printed")
    return Interval(v, v, True, True, f"{value:g}")
