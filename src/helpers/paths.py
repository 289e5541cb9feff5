"""Project paths. Notebooks never use relative paths: they import these.

Outputs (processed data, figures, tables) go under ``OUTPUT_ROOT``, which the runner points at a staging
folder while it builds, so that a failed run leaves the last good outputs untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
RAW = ROOT / "data" / "raw"
OUTPUT_ROOT = Path(os.environ.get("MSR_OUTPUT_ROOT", ROOT))
PROCESSED = OUTPUT_ROOT / "data" / "processed"
REPORTS = OUTPUT_ROOT / "reports"
FIGURES = REPORTS / "figures"
REPORT_TEXT = Path(os.environ.get("MSR_REPORT_TEXT", ROOT.parent / "shared" / "seeds" / "000_63718f4b8c849ad6.txt"))
