"""The printed survey statistics and the questionnaire, validated (the inputs of the reconstruction)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from ..data import validate


def load_published(path=None) -> pd.DataFrame:
    """The printed survey statistics, validated against their schema and for plausibility.

    A percentage over 100, or a count larger than its stated n, stops with a DataValidationError naming the
    file, the CSV line (header = line 1) and the column.
    """
    path = paths.RAW / "report" / "survey_published.csv" if path is None else Path(path)
    published = validate.read_validated(path, validate.schema_for(paths.RAW / "report" / "survey_published.csv"))
    check_published(published, path.as_posix())
    return published


def check_published(published: pd.DataFrame, name: str = "data/raw/report/survey_published.csv") -> None:
    """Percentages at most 100; counts at most their stated n (row position i is CSV line i + 2)."""
    problems = []
    for pos, row in enumerate(published.itertuples(index=False)):
        line = pos + 2
        if pd.isna(row.value):
            continue
        if row.unit == "percent" and float(row.value) > 100:
            problems.append(
                f"{name}, line {line}, column 'value': percentage {row.value:g} is over 100 ({row.stat_id})"
            )
        if row.unit == "count" and pd.notna(row.n) and float(row.value) > float(row.n):
            problems.append(
                f"{name}, line {line}, column 'value': count {row.value:g} is larger than its "
                f"stated n={row.n:g} (column 'n') ({row.stat_id})"
            )
    if problems:
        raise validate.DataValidationError(problems)


def load_questionnaire() -> pd.DataFrame:
    return validate.read_validated(paths.RAW / "survey" / "questionnaire.csv")
