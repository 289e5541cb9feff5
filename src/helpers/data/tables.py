"""Write processed tables deterministically (same rows in, same bytes out)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def save_table(frame: pd.DataFrame, path: Path) -> Path:
    """CSV with LF line ends, no index, periods as text; parent folders created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.PeriodDtype):
            out[column] = out[column].astype(str)
    out.to_csv(path, index=False, lineterminator="\n")
    return path
