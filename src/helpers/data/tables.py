"""Processed tables: written deterministically (same rows in, same bytes out), and the report tables 00 publishes
and the section notebooks read."""

from __future__ import annotations

import shutil
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


def publish_report_table(name: str) -> Path:
    """Copy a report table (claims.csv, survey_published.csv) from data/raw/report/ into data/processed/report/,
    byte for byte; 00_data_preparation does so once it has validated the file."""
    target = paths.report_table(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.RAW / "report" / name, target)
    return target


def load_report_table(name: str) -> pd.DataFrame:
    """A report table (claims.csv, survey_published.csv) as 00_data_preparation validated and wrote it."""
    return read_prepared(paths.report_table(name), schema_for(paths.RAW / "report" / name))
