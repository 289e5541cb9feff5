"""Processed tables: written deterministically (same rows in, same bytes out), and the report tables 00 publishes
and the section notebooks read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from .. import paths
from .validate import read_prepared, read_validated, schema_for


def save_table(frame: pd.DataFrame, path: Path) -> Path:
    """CSV with LF line ends, no index, periods as text; parent folders created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.PeriodDtype):
            out[column] = out[column].astype(str)
    out.to_csv(path, index=False, lineterminator="\n")
    return path


REPORT_TABLES = (
    "claims.csv",
    "survey_published.csv",
    "figure_captions.csv",
    "figure_statements.csv",
    "need_statements.csv",
    "sub_threats.csv",
    "research_framework.csv",
)
"""The tables of what the report prints that 00_data_preparation publishes for the section notebooks."""


def publish_report_table(name: str) -> Path:
    """Validate a report table of data/raw/report/ (one of REPORT_TABLES) against its schema and copy it into
    data/processed/report/, byte for byte; a bad file stops here with its line and column, nothing copied."""
    read_validated(paths.RAW / "report" / name)
    target = paths.report_table(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.RAW / "report" / name, target)
    return target


def load_report_table(name: str) -> pd.DataFrame:
    """A report table (one of REPORT_TABLES) as 00_data_preparation validated and wrote it."""
    return read_prepared(paths.report_table(name), schema_for(paths.RAW / "report" / name))
