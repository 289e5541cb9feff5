"""The official values each vintage chooses, against tests/expected."""

import pandas as pd

from helpers.data.official import choose_vintage, load_official, series


def test_vintage_report_uses_revisions_published_by_july_2025(expected):
    table = load_official()
    chosen = pd.concat([choose_vintage(table, v).assign(vintage=v) for v in ("report", "latest")])
    expected("official_values", chosen, ["vintage", "series", "breakdown", "geography", "period", "unit"])
    report = series(choose_vintage(table, "report"), "nrm_referrals", period_type="calendar_year", unit="count")
    latest = series(choose_vintage(table, "latest"), "nrm_referrals", period_type="calendar_year", unit="count")
    assert set(report["period"]) <= set(latest["period"])
    assert "2025" in set(latest["period"]) and "2025" not in set(report["period"])
