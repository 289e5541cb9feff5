import pandas as pd
import pytest

from helpers import paths
from helpers.audit import cross, text, verbal
from helpers.data.validate import DataValidationError, ledger_problems, value_in_quote

COLUMNS = ["claim_id", "line", "quote", "value", "unit", "n", "period", "dup_of", "summarises", "derived"]


def _claims(*rows):
    return pd.DataFrame([dict(dict.fromkeys(COLUMNS, pd.NA), **r) for r in rows], columns=COLUMNS)


@pytest.fixture(scope="module")
def phrases():
    return verbal.load_phrases()


def test_headline_share_against_its_breakdown(phrases):
    rows = [
        {"claim_id": f"B{i}", "quote": f"{v} Leads", "value": float(v), "unit": "count"} for i, v in enumerate([7, 5])
    ]
    bad = {"claim_id": "H", "quote": "51% have OIC", "value": 51.0, "unit": "percent", "n": 37.0}
    good = {**bad, "claim_id": "G", "quote": "32% have OIC", "value": 32.0}
    claims = _claims(*rows, {**bad, "summarises": "share(sum(B0,B1),n)"}, {**good, "summarises": "share(sum(B0,B1),n)"})
    claims["summarises"] = claims["summarises"].str.replace("B0", "L0001:7").str.replace("B1", "L0002:5")
    claims.loc[0:1, "claim_id"] = ["L0001:7", "L0002:5"]
    result = cross.check_breakdowns(claims, phrases)
    assert result["H"].verdict == "inconsistent" and result["H"].recomputed == pytest.approx(32.4324)
    assert result["G"].verdict == "not_checkable"


def test_a_verbal_quantity_uses_its_agreed_interval(phrases):
    claims = _claims(
        {"claim_id": "L0001:14", "quote": "14% said x", "value": 14.0, "unit": "percent"},
        {"claim_id": "L0002:18", "quote": "18% said y", "value": 18.0, "unit": "percent"},
        {
            "claim_id": "N",
            "quote": "nearly one-third disagreed",
            "value": 0.333,
            "unit": "ratio",
            "summarises": "sum(L0001:14,L0002:18)",
        },
        {
            "claim_id": "M",
            "quote": "more than half of Leads",
            "value": 0.5,
            "unit": "ratio",
            "summarises": "sum(L0001:14,L0002:18)",
        },
    )
    result = cross.check_breakdowns(claims, phrases)
    assert result["N"].verdict == "not_checkable"  # 32% is nearly a third
    assert result["M"].verdict == "inconsistent"  # 32% is not more than half


def test_same_fact_as_intervals_and_as_periods(phrases):
    claims = _claims(
        {"claim_id": "A", "quote": "from two to 14 officers", "value": 14.0, "unit": "count"},
        {"claim_id": "B", "quote": "two officers to 14+", "value": 14.0, "unit": "count", "dup_of": "A"},
        {"claim_id": "C", "quote": "over 19,000 victims", "value": 19000.0, "unit": "count"},
        {"claim_id": "D", "quote": "19,125 referrals", "value": 19125.0, "unit": "count", "dup_of": "C"},
        {"claim_id": "E", "quote": "renamed in 2020/21", "value": 2020.0, "unit": "year", "period": "2020/21"},
        {"claim_id": "F", "quote": "renamed in 2019", "value": 2019.0, "unit": "year", "period": "2019", "dup_of": "E"},
        {"claim_id": "G", "quote": "renamed in 2020", "value": 2020.0, "unit": "year", "period": "2020", "dup_of": "E"},
    )
    result = cross.check_same_facts(claims, phrases)
    assert result["B"].verdict == result["A"].verdict == "inconsistent"  # 14+ is more than 14
    assert result["D"].verdict == "not_checkable"  # 19,125 is over 19,000
    assert result["F"].verdict == result["E"].verdict == "inconsistent"
    assert result["G"].verdict == "not_checkable"  # 2020 overlaps 2020/21


def test_value_must_be_printed_in_its_quote():
    assert value_in_quote("reaching 19,125 referrals", 19125.0, "count")
    assert value_in_quote("Half of MS Leads said", 50.0, "percent")
    assert value_in_quote("over the last four years", 4.0, "years")
    assert not value_in_quote("reaching 19,125 referrals", 19126.0, "count")
    claims = _claims(
        {"claim_id": "L0001:5", "quote": "5 Leads", "value": 6.0, "unit": "count", "derived": "sum(L0009:1,2)"}
    )
    problems = ledger_problems(claims, "claims.csv")
    assert any("line 2, column 'value'" in p for p in problems)
    assert any("column 'derived': 'L0009:1' names no claim" in p for p in problems)


def test_report_text_absent_wrong_or_right(tmp_path):
    claims = _claims({"claim_id": "L0001:5", "line": 1, "quote": "5 Leads", "value": 5.0, "unit": "count"})
    assert text.read_report(tmp_path / "missing.txt") is None
    assert set(text.quote_status(claims, None)) == {"not run"}
    wrong = tmp_path / "report.txt"
    wrong.write_text("5 Leads\n", encoding="utf-8")
    with pytest.raises(text.ReportTextError, match="is not the expected"):
        text.read_report(wrong)
    assert set(text.quote_status(claims, ["we had 5 Leads"])) == {"passed"}
    with pytest.raises(DataValidationError, match="line 2, column 'quote'"):
        text.quote_status(claims, ["we had 6 Leads"])


def test_report_text_parameter_is_resolved_against_the_repository(monkeypatch):
    monkeypatch.delenv("MSR_REPORT_TEXT", raising=False)
    assert paths.report_text("seeds/x.txt") == paths.ROOT / "seeds" / "x.txt"


def test_the_ledger_loader_refuses_a_value_not_in_its_quote(raw_copy):
    from helpers.audit import load_claims

    path = raw_copy / "report" / "claims.csv"
    text_ = path.read_text(encoding="utf-8").replace(
        'reaching a record high of 19,125 referrals",19125', 'reaching a record high of 19,125 referrals",19126'
    )
    path.write_text(text_, encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"claims\.csv, line \d+, column 'value': 19126 is not printed"):
        load_claims(path)
