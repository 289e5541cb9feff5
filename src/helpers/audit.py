"""The claims audit: every numeric claim of the report recomputed where possible, with a verdict and a reason.

Verdicts: reproduced, within_rounding, disagrees_with_source, inconsistent, not_checkable.
Nothing here is typed by hand: each verdict follows from the ledger, the official rows and the checks below.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from . import paths
from .granularity import answer_set_counts, decimals_of, grim
from .official import parse_period
from .validate import read_validated

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
    return read_validated(path)


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


# ---------------------------------------------------------------- arithmetic of derived claims
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


# ---------------------------------------------------------------- official statistics
def _breakdown(text: str) -> dict[str, str]:
    return {} if text in ("total", "") else dict(p.split("=", 1) for p in text.split(";") if "=" in p)


def _same_period(rows: pd.DataFrame, period: str, unit: str) -> pd.DataFrame:
    """Rows of exactly that period, else the snapshots taken within it."""
    rows = rows[rows["unit"] == unit]
    try:
        wanted = parse_period(period, "calendar_year")
    except ValueError:
        return rows.iloc[0:0]
    exact = rows[(rows["period_start"] == wanted.start) & (rows["period_end"] == wanted.end)]
    if not exact.empty:
        return exact
    return rows[
        (rows["period_end"] >= wanted.start) & (rows["period_end"] <= wanted.end) & (rows["period_type"] == "snapshot")
    ]


def _share_base(breakdown: str) -> str:
    """What a printed share is a share of: all referrals, or e.g. child referrals for age=child;nationality=uk."""
    age = _breakdown(breakdown).get("age")
    return f"{age}_referrals" if age else "all_referrals"


def _official_value(
    official: pd.DataFrame, series: str, breakdown: str, period: str, unit: str, printed: float | None = None
) -> pd.Series | None:
    """The published row for a key; among several snapshots in the period, one that matches the printed value."""
    wanted = _breakdown(breakdown)
    rows = official[official["series"] == series]
    keep = []
    for b in rows["breakdown"]:
        parts = _breakdown(b)
        share = parts.pop("share_of", None)
        keep.append(parts == wanted and (unit != "percent" or share in (None, _share_base(breakdown))))
    rows = _same_period(rows[keep], period, unit)
    if rows.empty:
        return None
    if len(rows) > 1 and (rows["period_type"] == "snapshot").all():
        matching = rows[[printed is not None and compare(printed, v) != "differs" for v in rows["value"]]]
        rows = matching if not matching.empty else rows[rows["period_end"] == rows["period_end"].max()]
    rank = rows.assign(_g=~rows["geography"].isin(["UK", "England and Wales"]), _t=rows["tier"] != "official")
    return rank.sort_values(["_g", "_t"]).iloc[0]


def _describe(row: pd.Series) -> str:
    return (
        f"{row['value']:g} {row['unit']} ({row['period']}, {row['geography']}, {row['tier']}, "
        f"released {row['release_date']}, {row['file']} line {row['csv_line']})"
    )


def _endpoint_hints(claim: pd.Series, values: dict[str, float]) -> list[float | None]:
    """For a change the report derives from two of its own numbers, those numbers (to pick matching snapshots)."""
    m = re.fullmatch(r"\s*pct_change\((L[^,]+),(L[^)]+)\)\s*", str(claim["derived"]))
    return [values.get(m[1].strip()), values.get(m[2].strip())] if m else [None, None]


def check_official(claim: pd.Series, official: pd.DataFrame, values: dict[str, float] | None = None) -> Check | None:
    if pd.isna(claim["official_key"]):
        return None
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
        rows = [_official_value(official, series, breakdown, p, "count", h) for p, h in zip(ends, hints)]
        if any(r is None for r in rows):
            missing = [p for p, r in zip(ends, rows) if r is None]
            return Check(
                "not_checkable", None, "official", f"no published {series} ({breakdown}) value for {', '.join(missing)}"
            )
        result = (rows[1]["value"] - rows[0]["value"]) / rows[0]["value"] * 100
        basis = f"{_describe(rows[0])} to {_describe(rows[1])}: {result:+.1f}%"
        outcome = compare(printed, result, word, absolute=True)
    else:
        row = _official_value(official, series, breakdown, period, unit, printed)
        if row is None and unit == "percent":
            return _official_share(claim, official, series, breakdown, period, word)
        if row is None:
            return _other_period(claim, official, series, breakdown, period)
        result, basis = row["value"], _describe(row)
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
    elsewhere = "; ".join(_describe(r) for _, r in rows.iterrows())
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
    end = _official_value(official, series, breakdown, period, "count")
    if rows.empty or end is None:
        return Check("not_checkable", None, "official", f"base period not stated and no published value for {period}")
    first = rows.sort_values("period_start").iloc[0]
    change = (end["value"] - first["value"]) / first["value"] * 100
    return Check(
        "not_checkable",
        None,
        "official",
        f"base period not stated; from the first published year, {_describe(first)}, to {_describe(end)} "
        f"the change would be {change:+.1f}%",
    )


CATEGORY_KEYS = ("nationality", "exploitation", "gender", "outcome", "referrer", "location", "competent_authority")


def _official_share(claim, official, series, breakdown, period, word) -> Check:
    """A printed share recomputed from published counts: the category over its base (the breakdown without it)."""
    base = ";".join(f"{k}={v}" for k, v in _breakdown(breakdown).items() if k not in CATEGORY_KEYS) or "total"
    part = _official_value(official, series, breakdown, period, "count")
    whole = _official_value(official, series, base, period, "count")
    if part is None or whole is None:
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


# ---------------------------------------------------------------- survey granularity and answer sets
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


def check_duplicates(claims: pd.DataFrame) -> dict[str, Check]:
    """A repeated fact against its first statement."""
    first = claims.set_index("claim_id")
    result = {}
    for _, row in claims[claims["dup_of"].notna()].iterrows():
        original = first.loc[row["dup_of"]]
        a, b = float(row["value"]), float(original["value"])
        scale_a, scale_b = SCALE.get(row["unit"], 1), SCALE.get(original["unit"], 1)
        word = qualifier(row["quote"], a) or qualifier(original["quote"], b)
        outcome = compare(a * scale_a, b * scale_b, word) if word or a * scale_a == b * scale_b else "differs"
        if outcome == "differs" and (qualifier(original["quote"], b) is not None):
            outcome = compare(b * scale_b, a * scale_a, qualifier(original["quote"], b))
        verdict = "inconsistent" if outcome == "differs" else "not_checkable"
        agreement = "contradicts" if outcome == "differs" else "consistent with"
        result[row["claim_id"]] = Check(
            verdict, b, "repeated", f"{agreement} its first statement {row['dup_of']} ({b:g} {original['unit']})"
        )
    return result


# ---------------------------------------------------------------- the audit
SECTION_RANK = [("Foreword", 0), ("Executive Summary", 1), ("At a Glance", 2), ("Appendices", 4), ("Methodology", 4)]


def importance(section: str) -> int:
    """Headline numbers first: foreword, executive summary, 'at a glance' boxes, body, appendices."""
    return next((rank for key, rank in SECTION_RANK if key.lower() in section.lower()), 3)


def run_audit(claims: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: verdict, recomputed value, basis and reason (all checks that applied)."""
    values = dict(zip(claims["claim_id"], claims["value"]))
    units = dict(zip(claims["claim_id"], claims["unit"]))
    per_claim: dict[str, list[Check]] = {cid: [] for cid in claims["claim_id"]}
    for table in (check_answer_sets(claims), check_sample_sizes(claims), check_duplicates(claims)):
        for cid, check in table.items():
            per_claim[cid].append(check)
    for _, claim in claims.iterrows():
        for check in (
            check_derived(claim, values, units),
            check_official(claim, official, values),
            check_granularity(claim),
        ):
            if check is not None:
                per_claim[claim["claim_id"]].append(check)
    rows = []
    for _, claim in claims.iterrows():
        checks = per_claim[claim["claim_id"]] or [Check("not_checkable", None, "none", _unchecked_reason(claim))]
        verdict = min((c.verdict for c in checks), key=VERDICTS.index)
        recomputed = next((c.recomputed for c in checks if c.verdict == verdict and c.recomputed is not None), None)
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "section": claim["section"],
                "figure": claim["figure"],
                "population": claim["population"],
                "value": claim["value"],
                "unit": claim["unit"],
                "verdict": verdict,
                "recomputed": recomputed,
                "basis": "+".join(dict.fromkeys(c.basis for c in checks)),
                "reason": " | ".join(f"[{c.basis}] {c.reason}" for c in checks),
                "importance": importance(claim["section"]),
                "line": claim["line"],
                "quote": claim["quote"],
            }
        )
    return pd.DataFrame(rows)


def _unchecked_reason(claim: pd.Series) -> str:
    if claim["population"] in SURVEY_POPULATIONS:
        return "survey/interview data were not published; no stated n or answer set to test it against"
    if claim["population"] == "official":
        return "official figure with no identifiable published series"
    return "statement about the study or other literature; nothing published in this repository to check it"


def load_audit(path: Path | None = None) -> pd.DataFrame:
    """The audit written by the data-preparation notebook."""
    return pd.read_csv(path or paths.PROCESSED / "claims_audit.csv", dtype={"figure": "str"})


def section_verdicts(audit: pd.DataFrame, section: str) -> pd.DataFrame:
    """The claims of one report section (matched on the start of the section name) with their verdicts."""
    rows = audit[audit["section"].str.startswith(section)]
    return rows[["claim_id", "figure", "value", "unit", "verdict", "reason", "quote"]].reset_index(drop=True)


def verdict_counts(audit: pd.DataFrame, by: str = "section") -> pd.DataFrame:
    """Claims by verdict and section (or another column), with totals."""
    table = pd.crosstab(audit[by], audit["verdict"], margins=True, margins_name="total")
    return table.reindex(columns=[v for v in VERDICTS if v in table.columns] + ["total"])


def ranked(audit: pd.DataFrame, verdict: str, max_importance: int = 4) -> pd.DataFrame:
    """Claims with one verdict, headline sections first, then in document order."""
    rows = audit[(audit["verdict"] == verdict) & (audit["importance"] <= max_importance)]
    rows = rows.sort_values(["importance", "line"], kind="stable")
    return rows[["claim_id", "section", "value", "unit", "reason", "quote"]].reset_index(drop=True)


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
