"""Arithmetic of derived claims: a claim computed from other claims (a change, a sum, a share) recomputed.

Expressions nest (``share(sum(L0922:7,L0923:5),n)``) and may use + - * /; operands are claim ids (their printed
values), numbers, ``n`` (the claim's own stated n) and, for published checks, ``{series|breakdown|period}`` keys.
"""

from __future__ import annotations

import ast
import operator
import re

import pandas as pd

from ..data.rules import CLAIM_ID
from .ledger import SCALE, Check, compare, qualifier

FUNCTIONS = {
    "pct_change": lambda a, b: (b - a) / a * 100,
    "diff": lambda a, b: a - b,
    "sum": lambda *xs: sum(xs),
    "ratio": lambda a, b: a / b,
    "mean": lambda *xs: sum(xs) / len(xs),
    "share": lambda a, b: a / b * 100,
    "product": lambda *xs: __import__("math").prod(xs),
}
OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
OPERAND = re.compile(CLAIM_ID.pattern + r"|\{[^{}]+\}")  # a claim id or a {named value}


def operands(expression: str) -> list[str]:
    """The claim ids and {official keys} an expression names."""
    return OPERAND.findall(expression)


def evaluate(expression: str, values: dict[str, float]) -> float:
    """Evaluate e.g. 'pct_change(L0786:188,L0786:1479)' with claim ids (and keys) replaced by their values."""
    names: dict[str, str] = {}

    def name_of(match: re.Match) -> str:
        return names.setdefault(match[0], f"_v{len(names)}")

    try:
        tree = ast.parse(OPERAND.sub(name_of, expression).strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"cannot evaluate derived expression {expression!r}") from exc
    lookup = {alias: token for token, alias in names.items()}

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name):
            token = lookup.get(node.id, node.id)
            if token not in values:
                raise ValueError(f"unknown operand {token!r} in {expression!r}")
            return float(values[token])
        if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
            return OPERATORS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
            return FUNCTIONS[node.func.id](*(walk(a) for a in node.args))
        raise ValueError(f"cannot evaluate derived expression {expression!r}")

    return walk(tree.body)


def check_derived(claim: pd.Series, values: dict[str, float], units: dict[str, str]) -> Check | None:
    if pd.isna(claim["derived"]):
        return None
    try:
        result = evaluate(claim["derived"], values)
    except (ValueError, ZeroDivisionError) as exc:
        return Check("not_checkable", None, "arithmetic", str(exc))
    operand_units = {units.get(t) for t in operands(claim["derived"])}
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
