import pandas as pd

from helpers.audit.dated import check_dated
from helpers.data.periods import parse_period


def _events(*rows):
    frame = pd.DataFrame(rows, columns=["event", "state", "as_of"])
    return frame.assign(
        source_title="S",
        csv_line=range(2, 2 + len(frame)),
        month=[parse_period(t, "snapshot").end for t in frame["as_of"]],
    )


EVENTS = _events(("e", "before", "February 2020"), ("e", "before", "June 2020"), ("e", "after", "March 2021"))


def _claim(period, key="event:e"):
    return pd.Series({"official_key": key, "period": period})


def test_a_date_containing_the_evidence_window_is_reproduced_and_a_disjoint_one_disagrees():
    assert check_dated(_claim("2020/21"), EVENTS).verdict == "reproduced"
    wrong = check_dated(_claim("2019"), EVENTS)
    assert wrong.verdict == "disagrees_with_source" and "between July 2020 and March 2021" in wrong.reason
    assert check_dated(_claim("2020"), EVENTS).verdict == "not_checkable"  # overlaps, does not contain


def test_other_claims_and_one_sided_evidence():
    assert check_dated(_claim("2020", key="nrm_referrals|total|2020"), EVENTS) is None
    assert check_dated(_claim("2020/21"), _events(("e", "after", "March 2021"))).verdict == "not_checkable"
