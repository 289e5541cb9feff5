"""Arithmetic of derived claims: a claim computed from other claims (a change, a sum, a share) recomputed."""

from __future__ import annotations

import re

import pandas as pd

from .ledger import SCALE, Check, compare, qualifier

FUNCTIONS = {
    "pct_change": lambda a, b: (b - a) / a * 100,
    "diff": lambda a, b: a - b,
    "sum": lambda *xs: sum(xs),
    "ratio": lambda a, b: a / b,
    "mean": lambda *xs: sum(xs) / len(xs),
    "share": lambda a, b: a / b * 100,
}


def evaluate(expression: str, values: dict[str, float]) -> float:
    """Evaluate e.g. 'pct_change(L0786:188,L0786:1479)' with claim ids replaced by their printed values."""
    m = re.fullmatch(r"\s*(\w+)\((.*)\)\s*", expression)
    if not m or m[1] not in FUNCTIONS:
        raise ValueError(f"cannot evaluate derived expression {expression!r}")
    args = []
    for token in (t.strip() for t in m[2].split(",")):
        if token in values:
            args.append(values[token])
        else:
            try:
                args.append(float(token))
            except ValueError as exc:
                raise ValueError(f"unknown operand {token!r} in {expression!r}") from exc
    return FUNCTIONS[m[1]](*args)


def check_derived(claim: pd.Series, values: dict[str, float], units: dict[str, str]) -> Check | None:
    if pd.isna(claim["derived"]):
        return None
    try:
        result = evaluate(claim["derived"], values)
    except (ValueError, ZeroDivisionError) as exc:
        return Check("not_checkable", None, "arithmetic", str(exc))
    operand_units = {units.get(t.strip()) for t in re.findall(r"L\d{4}:[0-9.#]+", claim["derived"])}
    printed = claim["value"]
    if claim["unit"] in SCALE and operand_units - {None, claim["unit"]}:
        result = result / SCALE[claim["unit"]]
    outcome = compare(
        printed,
        result,
        qualifier(claim["quote"], printed),
        absolute=claim["unit"] in ("percent_change", "percentage_points"),
    )
    verdict = "inconsistent" if outcome == "differs" else outcome
    return Check(
        verdict, round(result, 4), "arithmetic", f"{claim['derived']} = {result:.4g} against {printed:g} as printed"
    )
