"""The printed survey statistics and the questionnaire, validated (the inputs of the reconstruction)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from ..data import validate


def load_published(path=None) -> pd.DataFrame:
    """The printed survey statistics, validated against their schema and for plausibility.

    A percentage over 100, or a count larger than its stated n (data.rules), stops with a DataValidationError
    naming the file, the CSV line (header = line 1) and the column.
    """
    path = paths.RAW / "report" / "survey_published.csv" if path is None else Path(path)
    return validate.read_validated(path, validate.schema_for(paths.RAW / "report" / "survey_published.csv"))


def load_questionnaire() -> pd.DataFrame:
    return validate.read_validated(paths.RAW / "survey" / "questionnaire.csv")
