"""Dated claims against dated evidence: when did an institution change (e.g. the programme's rename)?

Evidence rows (``data/raw/events/``) say that the old name was still in use ('before') or the new one already
('after') at a date. The change therefore lies after the last 'before' and by the first 'after'. A claim dating
the change (official_key ``event:<id>``) is reproduced when that window lies within the claimed period,
disagrees with the sources when the two do not overlap, and is not checkable when they only overlap."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from ..data.periods import parse_period
from ..data.validate import read_validated
from .ledger import Check

PREFIX = "event:"


def load_events(path: Path = paths.RAW / "events" / "programme_names.csv") -> pd.DataFrame:
    events = read_validated(path)
    events["csv_line"] = events.index + 2
    events["month"] = [parse_period(t, "snapshot").end for t in events["as_of"]]
    return events


def window(events: pd.DataFrame, event: str) -> tuple[pd.Period, pd.Period, str] | None:
    """(first month the change can have happened, last month, basis), or None without evidence both sides."""
    rows = events[events["event"] == event]
    before, after = rows[rows["state"] == "before"], rows[rows["state"] == "after"]
    if before.empty or after.empty:
        return None
    last, first = before.loc[before["month"].idxmax()], after.loc[after["month"].idxmin()]
    basis = (
        f"old name still used in {last['as_of']} ({last['source_title']}, line {last['csv_line']}), "
        f"new name by {first['as_of']} ({first['source_title']}, line {first['csv_line']})"
    )
    return last["month"] + 1, first["month"], basis


def check_dated(claim: pd.Series, events: pd.DataFrame) -> Check | None:
    key = claim["official_key"]
    if pd.isna(key) or not str(key).startswith(PREFIX):
        return None
    found = window(events, str(key).removeprefix(PREFIX))
    if found is None:
        return Check("not_checkable", None, "dated", f"no dated evidence on both sides of {key}")
    start, end, basis = found
    claimed = parse_period(str(claim["period"]), "calendar_year")
    span = f"the sources place it between {start.strftime('%B %Y')} and {end.strftime('%B %Y')}: {basis}"
    if claimed.start <= start and end <= claimed.end:
        return Check("reproduced", None, "dated", f"dated {claim['period']}; {span}")
    if claimed.end < start or end < claimed.start:
        return Check("disagrees_with_source", None, "dated", f"dated {claim['period']}, but {span}")
    return Check("not_checkable", None, "dated", f"dated {claim['period']}; only partly overlaps: {span}")
