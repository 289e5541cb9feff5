import pandas as pd
import pytest

from helpers.data.official import check_last_year, choose_vintage, load_official, series
from helpers.data.periods import parse_period


@pytest.mark.parametrize(
    "text, kind, start, end",
    [
        ("2024", "calendar_year", "2024-01", "2024-12"),
        ("2019/20", "financial_year", "2019-04", "2020-03"),
        ("year ending March 2020", "financial_year", "2019-04", "2020-03"),
        ("Q2 2024", "quarter", "2024-04", "2024-06"),
        ("December 2022", "snapshot", "2022-12", "2022-12"),
        ("year to June 2024", "rolling_year", "2023-07", "2024-06"),
        ("2017-2019", "multi_year", "2017-01", "2019-12"),
        ("end of 2024", "snapshot", "2024-12", "2024-12"),
        ("2016/17 to 2018/19", "multi_year", "2016-04", "2019-03"),
    ],
)
def test_parse_period(text, kind, start, end):
    p = parse_period(text, kind)
    assert (str(p.start), str(p.end)) == (start, end)


def test_parse_period_rejects_unknown_and_impossible():
    with pytest.raises(ValueError, match="unknown period format"):
        parse_period("the other year", "calendar_year")
    with pytest.raises(ValueError, match="must follow"):
        parse_period("2019/22", "financial_year")


def test_vintage_parameter_is_checked():
    with pytest.raises(ValueError, match="parameter vintage='newest'"):
        choose_vintage(load_official(), "newest")


def test_last_year_parameter_is_checked():
    table = load_official()
    assert check_last_year(2024, table) == 2024
    with pytest.raises(ValueError, match="parameter last_year=2031"):
        check_last_year(2031, table)


def test_series_filters_by_last_year():
    """The rows of every year up to `last_year` are kept, in order, and those of later years dropped."""
    table = choose_vintage(load_official(), "latest")
    every = series(table, "nrm_referrals", period_type="calendar_year", unit="count")
    assert every["year"].min() < 2024 < every["year"].max()  # years on both sides of the cut
    rows = series(table, "nrm_referrals", period_type="calendar_year", unit="count", last_year=2024)
    pd.testing.assert_frame_equal(rows, every[every["year"] <= 2024].reset_index(drop=True))
