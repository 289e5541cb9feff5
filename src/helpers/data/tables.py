"""Write processed tables deterministically (same rows in, same bytes out)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from .validate import read_prepared, schema_for


def save_table(frame: pd.DataFrame, path: Path) -> Path:
    """CSV with LF line ends, no index, periods as text; parent folders created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.PeriodDtype):
            out[column] = out[column].astype(str)
    out.to_csv(path, index=False, lineterminator="\n")
    return path


def save_schema_table(frame: pd.DataFrame, path: Path, schema: dict) -> Path:
    """A validated table written so that it validates again against its schema: integer fields as integers
    (a column with empty cells is read as float and would be written '37.0')."""
    integers = [f["name"] for f in schema["fields"] if f.get("type") == "integer" and f["name"] in frame]
    return save_table(frame.astype({name: "Int64" for name in integers}), path)


def load_report_table(name: str) -> pd.DataFrame:
    """A report table (claims.csv, survey_published.csv) as 00_data_preparation validated and wrote it."""
    return read_prepared(paths.report_table(name), schema_for(paths.RAW / "report" / name))
