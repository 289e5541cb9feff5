"""GRIM-style checks: can a printed percentage arise from whole respondents out of n?"""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from itertools import product

ROUNDING = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "truncate": ROUND_FLOOR, "ceiling": ROUND_CEILING}


def round_half_up(value: Decimal | float, decimals: int = 0) -> Decimal:
    """Round as the report does (0.5 up), in exact decimal arithmetic."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def round_percent(count: int, n: int, decimals: int = 0, rule: str = "half_up") -> Decimal:
    """count/n as a percentage, rounded to `decimals` places under `rule` (exact decimal arithmetic)."""
    exact = Decimal(count) * 100 / Decimal(n)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUNDING[rule])


def decimals_of(printed: float | str) -> int:
    text = str(printed)
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def counts_for(percent: float, n: int, rule: str = "half_up") -> list[int]:
    """Whole counts k (0..n) whose k/n rounds to the printed percentage under `rule`."""
    d = decimals_of(percent)
    target = Decimal(str(percent)).quantize(Decimal(1).scaleb(-d))
    centre = float(percent) * n / 100
    candidates = range(max(0, math.floor(centre) - 1), min(n, math.ceil(centre) + 1) + 1)
    return [k for k in candidates if round_percent(k, n, d, rule) == target]


def grim(percent: float, n: int) -> dict:
    """Which rounding rules let the printed percentage arise from n respondents, and which nearby n would."""
    rules = [rule for rule in ROUNDING if counts_for(percent, n, rule)]
    nearby = [m for m in range(max(1, n - 5), n + 6) if m != n and counts_for(percent, m, "half_up")]
    return {
        "consistent_half_up": "half_up" in rules,
        "rules": rules,
        "counts": counts_for(percent, n, rules[0]) if rules else [],
        "nearby_n": nearby,
    }


def answer_set_counts(
    percents: list[float], n: int, rule: str = "half_up", limit: int = 20000, complete: bool = True
) -> list[tuple]:
    """Combinations of whole counts, one per category, that give every printed percentage and sum to n
    (or, for a set that leaves some categories unprinted, `complete=False`, to at most n)."""
    options = [counts_for(p, n, rule) for p in percents]
    if any(not o for o in options):
        return []
    found = []
    for combo in product(*options):
        if sum(combo) == n or (not complete and sum(combo) <= n):
            found.append(combo)
            if len(found) >= limit:
                break
    return found
