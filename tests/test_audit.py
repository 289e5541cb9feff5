import pandas as pd
import pytest

from helpers import audit, paths
from helpers.data.official import choose_vintage, load_official


@pytest.fixture(scope="module")
def official():
    return choose_vintage(load_official(), "report")


@pytest.fixture(scope="module")
def claims():
    return audit.load_claims()


@pytest.fixture(scope="module")
def result(official, claims):
    return audit.run_audit(claims, official)


def _claim(**values):
    base = {
        c: pd.NA
        for c in [
            "claim_id",
            "line",
            "section",
            "figure",
            "quote",
            "value",
            "unit",
            "population",
            "n",
            "period",
            "answer_set",
            "derived",
            "official_key",
            "dup_of",
            "note",
        ]
    }
    base.update(values)
    return pd.Series(base)


def test_every_quote_is_in_the_report_text(claims):
    if not paths.report_text().exists():
        pytest.skip(f"report text not at {paths.report_text()} (set MSR_REPORT_TEXT)")
    lines = paths.report_text().read_text(encoding="utf-8").splitlines()
    missing = [c for c, line, q in zip(claims["claim_id"], claims["line"], claims["quote"]) if q not in lines[line - 1]]
    assert missing == []


def test_survey_quotes_are_in_the_report_text():
    if not paths.report_text().exists():
        pytest.skip(f"report text not at {paths.report_text()} (set MSR_REPORT_TEXT)")
    text = paths.report_text().read_text(encoding="utf-8")
    survey = pd.read_csv(paths.RAW / "report" / "survey_published.csv", dtype=str)
    assert [s for s, q in zip(survey["stat_id"], survey["quote"]) if q not in text] == []


def test_qualifier_and_compare():
    assert audit.qualifier("over 19,000 potential victims", 19000) == "over"
    assert audit.compare(19000, 19125, "over") == "within_rounding"
    assert audit.compare(19000, 19125, None) == "differs"
    assert audit.compare(687, 686.7) == "within_rounding"
    assert audit.compare(13, 12.566) == "within_rounding"


def test_derived_arithmetic():
    values = {"A": 188.0, "B": 1479.0}
    good = _claim(claim_id="C", quote="a 687% increase", value=687.0, unit="percent_change", derived="pct_change(A,B)")
    bad = _claim(claim_id="D", quote="a 600% increase", value=600.0, unit="percent_change", derived="pct_change(A,B)")
    assert audit.check_derived(good, values, {}).verdict == "within_rounding"
    assert audit.check_derived(bad, values, {}).verdict == "inconsistent"


def test_official_claim_matches_and_disagrees(official):
    key = "nrm_referrals|total|2024"
    match = _claim(claim_id="X", quote="reaching 19,125 referrals", value=19125.0, unit="count", official_key=key)
    wrong = _claim(claim_id="Y", quote="reaching 19,999 referrals", value=19999.0, unit="count", official_key=key)
    assert audit.check_official(match, official).verdict == "reproduced"
    result = audit.check_official(wrong, official)
    assert result.verdict == "disagrees_with_source" and result.recomputed == 19125


def test_audit_is_computed_not_typed(official, claims, result):
    before = result.set_index("claim_id")
    changed = claims.copy()
    changed.loc[changed["claim_id"] == "L0504:19125", "value"] = 19200.0
    after = audit.run_audit(changed, official).set_index("claim_id")
    assert before.loc["L0504:19125", "verdict"] != after.loc["L0504:19125", "verdict"]
    assert set(after["verdict"]) <= set(audit.VERDICTS)


def test_every_claim_has_a_verdict_and_a_reason(claims, result):
    assert len(result) == len(claims) and result["reason"].str.len().min() > 10


def test_internal_agreement_alone_is_not_reproduction(result):
    repeats_only = result[result["basis"] == "repeated"]
    assert not repeats_only.empty and set(repeats_only["verdict"]) <= {"not_checkable", "inconsistent"}


def test_pinned_claims_keep_their_verdicts_values_and_reasons(result, expected):
    expected("audit_verdicts", result, ["claim_id"])


def test_verdict_counts(result, expected):
    counts = result["verdict"].value_counts().rename_axis("verdict").reset_index()
    expected("audit_verdict_counts", counts, ["verdict"], whole=True)
