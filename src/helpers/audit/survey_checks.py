"""Survey claims: granularity (GRIM) of each percentage for its n, answer sets, fixed sample sizes."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..survey.granularity import answer_set_counts, grim
from .ledger import SURVEY_POPULATIONS, Check


def check_granularity(claim: pd.Series) -> Check | None:
    if claim["population"] not in SURVEY_POPULATIONS or claim["unit"] != "percent" or pd.isna(claim["n"]):
        return None
    n, printed = int(claim["n"]), float(claim["value"])
    g = grim(printed, n)
    if g["consistent_half_up"]:
        counts = " or ".join(str(k) for k in g["counts"])
        return Check(
            "not_checkable",
            None,
            "granularity",
            f"no respondent data published; {printed:g}% is possible for n={n} ({counts} of {n})",
        )
    other = f"possible only by {', '.join(g['rules'])} rounding" if g["rules"] else "impossible under any rounding rule"
    near = f"; possible for n in {g['nearby_n']}" if g["nearby_n"] else ""
    return Check(
        "inconsistent",
        None,
        "granularity",
        f"{printed:g}% cannot be a whole number of {n} respondents rounded half up ({other}){near}",
    )


COMPLETE_SET = 95  # printed shares summing to at least this are taken to cover every answer of the question


def check_answer_sets(claims: pd.DataFrame) -> dict[str, Check]:
    """Per claim in an answer set: whether whole counts give every share and sum to n (a complete set) or
    at most n (a set that leaves answers unprinted)."""
    result = {}
    sets = claims[claims["answer_set"].notna() & (claims["unit"] == "percent")]
    for set_id, group in sets.groupby("answer_set", sort=True):
        ns = group["n"].dropna().unique()
        total = group["value"].sum()
        if len(ns) != 1:
            check = Check(
                "not_checkable", None, "answer_set", f"{set_id}: no single stated n; shares sum to {total:g}%"
            )
        else:
            n = int(ns[0])
            complete = total >= COMPLETE_SET
            fits = answer_set_counts(list(group["value"]), n, complete=complete)
            scope = f"add up to {n}" if complete else f"leave room for the unprinted answers (at most {n})"
            if fits:
                check = Check(
                    "not_checkable",
                    None,
                    "answer_set",
                    f"{set_id}: shares sum to {total:g}%; e.g. counts {fits[0]} of {n} give every share and {scope}",
                )
            else:
                check = Check(
                    "inconsistent",
                    None,
                    "answer_set",
                    f"{set_id}: shares sum to {total:g}%; no whole counts out of n={n} give every share and {scope}",
                )
        for claim_id in group["claim_id"]:
            result[claim_id] = check
    return result


def check_sample_sizes(claims: pd.DataFrame) -> dict[str, Check]:
    """Stated sample sizes ('n=..') of the MS Leads survey, whose n is fixed (37), against their usual value.

    Other populations have several legitimate bases (interviews held, scores given; officers per question)."""
    result = {}
    stated = claims[claims["quote"].str.contains(r"n\s*=", regex=True) & (claims["unit"] == "count")]
    for population, group in stated.groupby("population"):
        if population != "ms_leads":
            continue
        usual, times = Counter(group["value"]).most_common(1)[0]
        for _, row in group.iterrows():
            if row["value"] == usual:
                result[row["claim_id"]] = Check(
                    "not_checkable",
                    usual,
                    "sample_size",
                    f"n={usual:g}, consistent with {times} statements for {population}",
                )
            else:
                result[row["claim_id"]] = Check(
                    "inconsistent",
                    usual,
                    "sample_size",
                    f"n={row['value']:g} where {times} other statements give n={usual:g}",
                )
    return result
