"""Whole-count arithmetic of printed percentages: GRIM-style checks (can a printed percentage arise from whole
respondents out of n?) and the counts the reconstruction takes for a set of printed percentages."""

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


def percent_of(count: int, n: int) -> float:
    """The whole-number percentage a count gives out of n (half-up), NaN for n=0."""
    return float(round_half_up(Decimal(count) * 100 / Decimal(n))) if n else float("nan")


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


def choose_counts(percents: list[float], n: int, exact_sum: bool) -> tuple[list[int], list[bool]]:
    """Counts per printed category (feasible where possible), summing to n (exact_sum) or at most n."""
    centre = [float(p) * n / 100 for p in percents]
    feasible = [counts_for(p, n) for p in percents]
    for widen in (0, 1, 2, 3):
        options = []
        for f, c in zip(feasible, centre):
            near = range(max(0, math.floor(c) - widen), min(n, math.ceil(c) + widen) + 1)
            options.append(sorted(set(f) | set(near)) if (widen or not f) else f)
        best = None
        for combo in product(*options):
            total = sum(combo)
            if (exact_sum and total != n) or total > n:
                continue
            misses = sum(k not in f for k, f in zip(combo, feasible))
            score = (misses, sum(abs(k - c) for k, c in zip(combo, centre)))
            if best is None or score < best[0]:
                best = (score, combo)
        if best is not None:
            combo = list(best[1])
            return combo, [k in f for k, f in zip(combo, feasible)]
    raise ValueError(f"no counts for {percents} with n={n}")
