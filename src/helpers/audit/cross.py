"""Contradictions between statements: a headline share against the breakdown it summarises (``summarises``), and
the same fact stated twice (``dup_of``): numbers compared as the intervals their wording allows, dates as periods."""

from __future__ import annotations

import pandas as pd

from ..data.periods import parse_period
from .derived import evaluate, operands
from .ledger import Check
from .verbal import Interval, interval, load_phrases


def check_breakdowns(claims: pd.DataFrame, phrases: pd.DataFrame | None = None) -> dict[str, Check]:
    """A headline value against the value its breakdown gives (``summarises``: an expression over the breakdown's
    claims, ``n`` for the headline's own n). Agreement is internal only, so it stays not_checkable."""
    phrases = load_phrases() if phrases is None else phrases
    values = dict(zip(claims["claim_id"], claims["value"]))
    result = {}
    for _, claim in claims[claims["summarises"].notna()].iterrows():
        scope = {**values, "n": claim["n"]}
        try:
            implied = evaluate(claim["summarises"], scope)
        except (ValueError, ZeroDivisionError) as exc:
            result[claim["claim_id"]] = Check("not_checkable", None, "breakdown", str(exc))
            continue
        allowed = interval(claim, phrases)
        parts = ", ".join(operands(claim["summarises"]))
        if allowed.contains(implied):
            result[claim["claim_id"]] = Check(
                "not_checkable", round(implied, 4), "breakdown", f"agrees with its breakdown ({parts}): {implied:.4g}"
            )
        else:
            result[claim["claim_id"]] = Check(
                "inconsistent",
                round(implied, 4),
                "breakdown",
                f"{allowed.label} {allowed} against its breakdown {claim['summarises']} = {implied:.4g} ({parts})",
            )
    return result


def _period_interval(claim: pd.Series) -> Interval | None:
    try:
        p = parse_period(str(claim["period"]), "calendar_year")
    except ValueError:
        return None
    start, end = p.start.ordinal, p.end.ordinal
    return Interval(start, end, label=str(claim["period"]))


def same_fact(a: pd.Series, b: pd.Series, phrases: pd.DataFrame) -> tuple[bool, str]:
    """Whether two statements of one fact can both hold, and how they were compared."""
    if a["unit"] == "year" and b["unit"] == "year":
        pa, pb = _period_interval(a), _period_interval(b)
        if pa is None or pb is None:
            return True, "dates not comparable as periods"
        return pa.overlaps(
            pb
        ), f"periods {pa.label} and {pb.label} {'overlap' if pa.overlaps(pb) else 'do not overlap'}"
    ia, ib = interval(a, phrases), interval(b, phrases)
    return ia.overlaps(ib), f"'{ia.label}' allows {ia}, '{ib.label}' allows {ib}"


def check_same_facts(claims: pd.DataFrame, phrases: pd.DataFrame | None = None) -> dict[str, Check]:
    """A repeated fact (``dup_of``) against its first statement; a contradiction marks both statements."""
    phrases = load_phrases() if phrases is None else phrases
    first = claims.set_index("claim_id")
    result: dict[str, Check] = {}
    for _, row in claims[claims["dup_of"].notna()].iterrows():
        original = first.loc[row["dup_of"]]
        original_id = row["dup_of"]
        fits, how = same_fact(row, original, phrases)
        if fits:
            result[row["claim_id"]] = Check(
                "not_checkable", float(original["value"]), "repeated", f"consistent with {original_id}: {how}"
            )
            continue
        result[row["claim_id"]] = Check(
            "inconsistent", float(original["value"]), "repeated", f"contradicts {original_id} (same fact): {how}"
        )
        result.setdefault(
            original_id,
            Check(
                "inconsistent", float(row["value"]), "repeated", f"contradicted by {row['claim_id']} (same fact): {how}"
            ),
        )
    return result


def contradictions(claims: pd.DataFrame, audit: pd.DataFrame) -> pd.DataFrame:
    """Every cross-statement contradiction as a pair: both quotes side by side, with the basis; headline first."""
    by_id = claims.set_index("claim_id")
    rows = []
    flagged = audit[(audit["verdict"].isin(["inconsistent", "disagrees_with_source"]))]
    for _, a in flagged.iterrows():
        claim = by_id.loc[a["claim_id"]]
        others = []
        if "[repeated] contradicts" in a["reason"] and pd.notna(claim["dup_of"]):
            others, kind = [claim["dup_of"]], "same fact stated differently"
        elif "[breakdown]" in a["reason"] and "against its breakdown" in a["reason"]:
            others, kind = operands(claim["summarises"]), "headline against breakdown"
        if not others:
            continue
        other_rows = by_id.loc[others]
        rows.append(
            {
                "kind": kind,
                "importance": a["importance"],
                "claim_id": a["claim_id"],
                "line": a["line"],
                "quote": a["quote"],
                "other_claims": "; ".join(others),
                "other_lines": "; ".join(str(x) for x in other_rows["line"].unique()),
                "other_quotes": " | ".join(other_rows["quote"].unique()),
                "verdict": a["verdict"],
                "basis": a["reason"],
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "kind",
            "importance",
            "claim_id",
            "line",
            "quote",
            "other_claims",
            "other_lines",
            "other_quotes",
            "verdict",
            "basis",
        ],
    )
    return frame.sort_values(["importance", "line"], kind="stable").reset_index(drop=True)
