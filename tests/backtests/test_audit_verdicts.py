"""The audit's verdicts on the real claims and data, against tests/expected (pinned claims and verdict counts)."""

import pytest

from helpers import audit
from helpers.data import editions, releases
from helpers.data.official import choose_vintage, load_official


@pytest.fixture(scope="module")
def result():
    official = choose_vintage(load_official(), "report")
    return audit.run_audit(audit.load_claims(), official, editions=editions.with_periods(releases.load_releases()))


def test_pinned_claims_keep_their_verdicts_values_and_reasons(result, expected):
    expected("audit_verdicts", result, ["claim_id"])


def test_verdict_counts(result, expected):
    counts = result["verdict"].value_counts().rename_axis("verdict").reset_index()
    expected("audit_verdict_counts", counts, ["verdict"], whole=True)
