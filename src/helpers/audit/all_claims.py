"""Run every check on every claim and keep the strictest verdict, with all the reasons."""

from __future__ import annotations

import pandas as pd

from .captions import check_captions
from .cross import check_breakdowns, check_same_facts
from .dated import check_dated, load_events
from .derived import check_derived
from .edition_checks import check_editions
from .ledger import SURVEY_POPULATIONS, VERDICTS, Check
from .official_checks import check_official
from .survey_checks import check_answer_sets, check_granularity, check_sample_sizes

SECTION_RANK = [("Foreword", 0), ("Executive Summary", 1), ("At a Glance", 2), ("Appendices", 4), ("Methodology", 4)]


def importance(section: str) -> int:
    """Headline numbers first: foreword, executive summary, 'at a glance' boxes, body, appendices."""
    return next((rank for key, rank in SECTION_RANK if key.lower() in section.lower()), 3)


def run_audit(
    claims: pd.DataFrame,
    official: pd.DataFrame,
    events: pd.DataFrame | None = None,
    editions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per claim: verdict, recomputed value, basis and reason (all checks that applied); with the release
    values of every edition (`editions`), each claim is also checked against every edition."""
    events = load_events() if events is None else events
    values = dict(zip(claims["claim_id"], claims["value"]))
    units = dict(zip(claims["claim_id"], claims["unit"]))
    per_claim: dict[str, list[Check]] = {cid: [] for cid in claims["claim_id"]}
    for table in (
        check_answer_sets(claims),
        check_sample_sizes(claims),
        check_same_facts(claims),
        check_breakdowns(claims),
        check_captions(claims),
    ):
        for cid, check in table.items():
            per_claim[cid].append(check)
    for _, claim in claims.iterrows():
        for check in (
            check_derived(claim, values, units),
            check_official(claim, official, values),
            check_granularity(claim),
            check_dated(claim, events),
            None if editions is None else check_editions(claim, editions),
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
