"""Claims against every edition of the publishers' release files: the value (or the change) each edition gives
for the claim's series, breakdown and period, with its cells, and which editions, if any, give the printed number.
The chosen vintage (the `vintage` parameter) does not limit this check: editions revise earlier years."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..data.editions import edition_values, where, with_periods
from ..data.read import DataValidationError, display
from .ledger import Check, compare, qualifier

VERDICT_ORDER = ["reproduced", "within_rounding"]


def _first_year(editions: pd.DataFrame, series: str, breakdown: str, edition: str, kind: str) -> pd.Series | None:
    rows = editions[
        (editions["series"] == series)
        & (editions["breakdown"] == breakdown)
        & (editions["edition"] == edition)
        & (editions["period_type"] == kind)
        & editions["value"].notna()
    ]
    return None if rows.empty else rows.sort_values("period_start").iloc[0]


def edition_rows(claim: pd.Series, editions: pd.DataFrame) -> list[dict]:
    """One row per edition that covers the claim: its value or change, where it is, and whether it gives the
    printed number (at the printed precision or within the printed qualifier)."""
    key = claim["official_key"]
    if pd.isna(key) or str(key).count("|") != 2 or claim["unit"] not in ("count", "percent_change"):
        return []
    series, breakdown, period = str(key).split("|")
    printed, word = float(claim["value"]), qualifier(str(claim["quote"]), float(claim["value"]))
    ends = re.split(r"\s*[-–]\s*(?=\d{4})", period) if claim["unit"] == "percent_change" else [period]
    found = []
    if claim["unit"] == "count" or len(ends) == 2:
        tables = [edition_values(editions, series, breakdown, p).set_index("edition") for p in ends]
        common = [e for e in tables[-1].index if all(e in t.index for t in tables)]
        for edition in common:
            rows = [t.loc[edition] for t in tables]
            if any(pd.isna(r["value"]) for r in rows):
                continue
            found.append((edition, rows, False))
    else:
        for edition, end in edition_values(editions, series, breakdown, period).set_index("edition").iterrows():
            start = _first_year(editions, series, breakdown, edition, end["period_type"])
            if start is not None and not pd.isna(end["value"]) and start["period"] != end["period"]:
                found.append((edition, [start, end], True))
    out = []
    for edition, rows, assumed in found:
        if len(rows) == 1:
            given, outcome = rows[0]["value"], compare(printed, rows[0]["value"], word)
        else:
            given = (rows[1]["value"] - rows[0]["value"]) / rows[0]["value"] * 100
            outcome = compare(printed, given, word, absolute=True)
        out.append(
            {
                "claim_id": claim["claim_id"],
                "printed": printed,
                "unit": claim["unit"],
                "edition": edition,
                "edition_end": rows[-1]["edition_end"],
                "given": round(float(given), 4),
                "gives_printed": outcome != "differs",
                "outcome": outcome,
                "base_assumed": assumed,
                "from": " to ".join(f"{r['period']} {r['value']:g} ({where(r)})" for r in rows),
            }
        )
    return sorted(out, key=lambda r: r["edition_end"])


def _describe(row: dict) -> str:
    value = f"{row['given']:+.1f}%" if row["unit"] == "percent_change" else f"{row['given']:g}"
    return f"{row['edition']}: {value} from {row['from']}"


def check_editions(claim: pd.Series, editions: pd.DataFrame) -> Check | None:
    """Which editions give the printed number; disagreement only when none does and the claim states its periods
    (a change whose base the report does not state is compared from each edition's first year, not checkable)."""
    rows = edition_rows(claim, editions)
    if not rows:
        return None
    giving = [r for r in rows if r["gives_printed"]]
    assumed = rows[0]["base_assumed"]
    listed = "; ".join(_describe(r) for r in rows)
    if assumed:
        names = ", ".join(r["edition"] for r in giving) or "no edition"
        return Check(
            "not_checkable",
            None,
            "editions",
            f"base period not stated; from each edition's first year, {names} gives the printed number: {listed}",
        )
    if giving:
        best = min((r["outcome"] for r in giving), key=VERDICT_ORDER.index)
        names = ", ".join(r["edition"] for r in giving)
        return Check(best, giving[-1]["given"], "editions", f"given by {names}; every edition: {listed}")
    return Check(
        "disagrees_with_source", rows[-1]["given"], "editions", f"no edition gives the printed number: {listed}"
    )


def edition_table(claims: pd.DataFrame, editions: pd.DataFrame) -> pd.DataFrame:
    """Every claim against every edition that covers it."""
    rows = [r for _, claim in claims.iterrows() for r in edition_rows(claim, editions)]
    columns = ["claim_id", "printed", "unit", "edition", "edition_end", "given", "gives_printed", "outcome"]
    return pd.DataFrame(rows, columns=[*columns, "base_assumed", "from"])


REVIEWED = "revises_checked"  # the provenance column listing the claims whose checked value an edition revises


def revisions(claims: pd.DataFrame, values: pd.DataFrame, records: pd.DataFrame) -> list[dict]:
    """Every edition that moves a value a claim is checked against (its value or change differs from the one the
    edition before it gives): the claim, both editions with their cells, the claim's edition check before and
    after, and the record of the revising file with whether it lists the claim in `revises_checked`."""
    values = with_periods(values) if "period_start" not in values else values
    found = []
    for _, claim in claims.iterrows():
        rows = edition_rows(claim, values)
        for before, after in zip(rows, rows[1:], strict=False):
            if after["given"] == before["given"]:
                continue
            record = records[(records["edition"] == after["edition"]) & records["file"].map(after["from"].__contains__)]
            if record.empty:
                continue
            verdicts = [
                check_editions(claim, values[values["edition_end"] <= r["edition_end"]]) for r in (before, after)
            ]
            found.append(
                {
                    "claim": claim["claim_id"],
                    "before": before,
                    "after": after,
                    "verdicts": [c.verdict if c else "none" for c in verdicts],
                    "record": record.index[0],
                    "reviewed": claim["claim_id"] in str(record.iloc[0][REVIEWED] or "").split(),
                }
            )
    return found


def check_revisions(claims: pd.DataFrame, values: pd.DataFrame, records: pd.DataFrame, provenance: str) -> None:
    """Refuse an edition that moves a checked value unless its record lists the claim in `revises_checked` (a
    reviewer's acknowledgement, like an updated sha256): say what moved, where, and which verdict changes."""
    problems = []
    for r in (r for r in revisions(claims, values, records) if not r["reviewed"]):
        record = records.loc[r["record"]]
        old, new = r["verdicts"]
        outcome = f"stays {old!r}" if old == new else f"changes from {old!r} to {new!r}"
        problems.append(
            f"{display(Path(provenance).parent / record['file'])} ({record['edition']}) revises what claim "
            f"{r['claim']} is checked against: {_describe(r['after'])}, where {_describe(r['before'])}; the claim's "
            f"edition check {outcome}. After review, add {r['claim']} to column {REVIEWED!r} of its record "
            f"({display(Path(provenance))}, line {records.attrs['lines'][r['record']]})"
        )
    if problems:
        raise DataValidationError(problems)
