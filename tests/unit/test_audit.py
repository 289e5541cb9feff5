import pandas as pd
import pytest

from helpers import audit, paths
from helpers.audit.bounds import change_interval, source_interval
from helpers.data import editions, releases
from helpers.data.official import choose_vintage, load_official
from helpers.data.validate import DataValidationError, read_validated


@pytest.fixture(scope="module")
def official():
    return choose_vintage(load_official(), "report")


@pytest.fixture(scope="module")
def claims():
    return audit.load_claims()


@pytest.fixture(scope="module")
def release_values():
    return editions.with_periods(releases.load_releases())


@pytest.fixture(scope="module")
def result(official, claims, release_values):
    return audit.run_audit(claims, official, editions=release_values)


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


def _row(quote, value):
    return pd.Series({"quote": quote, "value": value})


def test_a_bound_or_an_approximation_is_an_interval():
    assert str(source_interval(_row("from 188 in December 2016 to at least 3,555 in December 2022", 3555))) == (
        "[3555, ∞)"
    )
    assert str(source_interval(_row("over 3,869 in October 2021", 3869))) == "(3869, ∞)"
    assert str(source_interval(_row("less than 2%", 2))) == "[0, 2)"
    assert str(source_interval(_row("almost 40,000 crimes", 40000))) == "[36000, 40000)"
    assert str(source_interval(_row("around 1,500 criminal investigations", 1500))) == "[1425, 1575]"
    assert str(source_interval(_row("reaching 19,125", 19125))) == "[19125, 19125]"
    unbounded = change_interval(
        source_interval(_row("at least 3,555", 3555)), source_interval(_row("at least 2,497", 2497))
    )
    assert unbounded.low == -100 and unbounded.high == float("inf")


def test_a_change_between_two_lower_bounds_cannot_disagree(result):
    first = result.set_index("claim_id").loc["L0075:18"]
    assert first["verdict"] != "disagrees_with_source" and "unbounded" in first["reason"]


def test_a_printed_value_outside_the_whole_interval_disagrees(official):
    key = "live_ms_operations|total|2022"
    inside = _claim(
        claim_id="X", quote="peaked with 4,322 live investigations", value=4322.0, unit="count", official_key=key
    )
    below = _claim(
        claim_id="Y", quote="peaked with 3,000 live investigations", value=3000.0, unit="count", official_key=key
    )
    assert audit.check_official(inside, official).verdict == "not_checkable"
    outside = audit.check_official(below, official)
    assert outside.verdict == "disagrees_with_source" and "outside the whole interval" in outside.reason


def test_every_edition_is_checked_and_named(result, release_values):
    fall = result.set_index("claim_id").loc["L0481:19"]
    assert fall["verdict"] == "disagrees_with_source"
    assert all(e in fall["reason"] for e in ("year ending June 2025", "-17.8%", "Table_A5a W58"))
    claim = _claim(claim_id="Z", quote="fell by 18% from 2022/23 to 2023/24", value=18.0, unit="percent_change",
                   official_key="police_recorded_ms_offences|total|2022/23-2023/24")  # fmt: skip
    check = audit.check_editions(claim, release_values)
    assert check.verdict == "within_rounding" and check.reason.startswith("given by year ending June 2025, year")


def test_a_hand_typed_value_must_be_printed_in_its_quote(raw_copy):
    path = raw_copy / "official" / "nrm.csv"
    text = path.read_text(encoding="utf-8")
    line = next(
        i
        for i, t in enumerate(text.splitlines(), start=1)
        if t.startswith("nrm_referrals,total,2015,") and "3,266" in t
    )
    path.write_text(text.replace(",3266,count,", ",3276,count,", 1), encoding="utf-8")
    with pytest.raises(
        DataValidationError, match=rf"nrm\.csv, line {line}, column 'value': 3,276 is not printed in its quote"
    ):
        read_validated(path)


def test_parts_must_not_exceed_their_total_in_the_same_release(raw_copy):
    path = raw_copy / "official" / "nrm.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    total = next(r for r in rows if r.startswith("nrm_referrals,total,2023,") and ",17004," in r)
    part = total.replace("nrm_referrals,total,", "nrm_referrals,age=not_known,", 1).replace(",17004,", ",1000,", 1)
    part = part.replace("17,004 potential", "1,000 potential")
    path.write_text("\n".join([*rows, part]) + "\n", encoding="utf-8")
    listed = r"age=child 7432, age=adult 8622, age=not_known 1000"
    line = rows.index(total) + 1
    with pytest.raises(
        DataValidationError, match=rf"line {line}, column 'value': its parts by age \({listed}\) add up to 17054"
    ):
        read_validated(path)
