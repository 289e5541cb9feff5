"""The claims ledger and the vocabulary of verdicts: loading, printed qualifiers, comparison at printed precision."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from .. import paths
from ..data.validate import DataValidationError, ledger_problems, read_validated
from ..survey.granularity import decimals_of

VERDICTS = ["disagrees_with_source", "inconsistent", "within_rounding", "reproduced", "not_checkable"]
SURVEY_POPULATIONS = {"ms_leads", "frontline", "system_leaders", "rocu"}
SCALE = {"gbp_thousand": 0.001, "gbp_billion": 1000.0, "ratio": 100.0}  # to gbp_million; a ratio to percent
APPROX = re.compile(
    r"\b(over|more than|nearly|almost|approximately|around|about|c\.|circa|roughly|up to)\s*£?\s*$", re.IGNORECASE
)


@dataclass
class Check:
    verdict: str
    recomputed: float | None
    basis: str
    reason: str


def load_claims(path: Path = paths.RAW / "report" / "claims.csv") -> pd.DataFrame:
    """The ledger, checked against its schema and its own rules (value in quote, references that exist)."""
    claims = read_validated(path)
    problems = ledger_problems(claims, path.as_posix())
    if problems:
        raise DataValidationError(problems)
    return claims


def qualifier(quote: str, value: float) -> str | None:
    """The approximating word printed just before the number ('over', 'nearly', 'around', 'c.'), if any;
    for a number printed in words ('more than half'), the first approximating word of the quote."""
    text = f"{value:,.10g}"
    for form in {text, text.replace(",", ""), f"{value:g}"}:
        at = quote.find(form)
        if at > 0:
            m = APPROX.search(quote[:at])
            return m[1].lower() if m else None
        if at == 0:
            return None
    m = re.search(APPROX.pattern.removesuffix(r"\s*£?\s*$"), quote, re.IGNORECASE)
    return m[1].lower() if m else None


def compare(printed: float, recomputed: float, word: str | None = None, absolute: bool = False) -> str:
    """reproduced / within_rounding / disagrees, under the printed precision or the printed qualifier."""
    if absolute:
        recomputed = abs(recomputed)
    if recomputed == printed:
        return "reproduced"
    d = decimals_of(printed)
    rounded = Decimal(str(recomputed)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    if rounded == Decimal(str(printed)).quantize(Decimal(1).scaleb(-d)):
        return "within_rounding"
    if word in ("over", "more than") and printed < recomputed <= printed * 1.1:
        return "within_rounding"
    if word in ("nearly", "almost", "up to") and printed * 0.9 <= recomputed <= printed:
        return "within_rounding"
    if word in ("approximately", "around", "about", "c.", "circa", "roughly") and abs(
        recomputed - printed
    ) <= 0.05 * abs(printed):
        return "within_rounding"
    return "differs"


def stated_series(claims: pd.DataFrame, series: str) -> pd.DataFrame:
    """The counts the report states for one official series, with the year each refers to."""
    rows = claims[claims["official_key"].fillna("").str.startswith(f"{series}|") & (claims["unit"] == "count")]
    rows = rows[rows["dup_of"].isna()]
    return pd.DataFrame(
        {
            "period": rows["period"].astype(str),
            "year": rows["period"].astype(int),
            "value": rows["value"],
            "claim_id": rows["claim_id"],
        }
    ).reset_index(drop=True)
