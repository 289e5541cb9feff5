import pandas as pd

from helpers.audit.derived_official import check_derived_share, estimate


def _row(breakdown, value, unit):
    return {
        "series": "nrm_referrals",
        "breakdown": breakdown,
        "period": "2024",
        "period_type": "calendar_year",
        "geography": "UK",
        "value": float(value),
        "unit": unit,
        "tier": "official",
        "release_date": "2025-03",
        "file": "nrm.csv",
        "csv_line": 2,
        "period_start": pd.Period("2024-01", "M"),
        "period_end": pd.Period("2024-12", "M"),
    }


OFFICIAL = pd.DataFrame(
    [
        _row("total", 1000, "count"),
        _row("nationality=uk", 200, "count"),
        _row("age=child;share_of=all_referrals", 30, "percent"),
        _row("age=child;nationality=uk;share_of=uk_national_referrals", 75, "percent"),
    ]
)


def _claim(value):
    return pd.Series({"value": float(value)})


def test_a_count_is_estimated_from_a_published_share_of_a_published_count_with_its_rounding_interval():
    child = estimate(OFFICIAL, "nrm_referrals", "age=child", "2024")
    assert child.derived and (child.low, child.mid, child.high) == (295.0, 300.0, 305.0)
    assert estimate(OFFICIAL, "nrm_referrals", "total", "2024").derived is False


def test_a_printed_share_outside_the_derived_interval_disagrees_and_one_inside_is_within_rounding():
    key = ("nrm_referrals", "age=child;nationality=uk", "2024")
    wrong = check_derived_share(_claim(62), OFFICIAL, *key)  # 150 / 300 = 50%, interval about 48.9 to 51.2
    assert wrong.verdict == "disagrees_with_source" and wrong.recomputed == 50.0 and "assuming" in wrong.reason
    assert check_derived_share(_claim(51), OFFICIAL, *key).verdict == "within_rounding"
    assert check_derived_share(_claim(20), OFFICIAL, "nrm_referrals", "nationality=uk", "2024") is None
