"""Project paths. Notebooks never use relative paths: they call these.

Inputs live under the repository (``ROOT``). Outputs (processed data, figures, tables) go under the output
root, read when an output path is asked for, never at import. The runner points it at its staging folder
(environment variable ``MSR_OUTPUT_ROOT``), so only the runner writes ``reports/`` and ``data/processed/``, and a
failed run leaves the last good outputs untouched. Anything else (a notebook run in JupyterLab, or with papermill
directly) writes to the git-ignored scratch folder ``build/interactive/``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
RAW = ROOT / "data" / "raw"
REPORT_TEXT_DEFAULT = "../shared/seeds/000_63718f4b8c849ad6.txt"  # the `report_text` parameter's default


INTERACTIVE = ROOT / "build" / "interactive"
CHAIN_PROCESSED = ROOT / "data" / "processed"


def under_runner() -> bool:
    """True inside a kernel started by the chain's runner (which sets ``MSR_OUTPUT_ROOT``)."""
    return "MSR_OUTPUT_ROOT" in os.environ


def output_root() -> Path:
    """Where this run writes: the runner's staging folder, else the interactive scratch folder."""
    return Path(os.environ["MSR_OUTPUT_ROOT"]) if under_runner() else INTERACTIVE


def processed() -> Path:
    return output_root() / "data" / "processed"


def report_table(name: str) -> Path:
    """A validated table of what the report prints (claims ledger, survey statistics), as 00 writes it."""
    return processed() / "report" / name


def reports() -> Path:
    return output_root() / "reports"


def figures() -> Path:
    return reports() / "figures"


def report_text(declared: str = REPORT_TEXT_DEFAULT) -> Path:
    """The report's full text (not redistributed here): ``MSR_REPORT_TEXT`` if set, else the ``report_text``
    parameter, a relative path being resolved against the repository root."""
    path = Path(os.environ.get("MSR_REPORT_TEXT", declared))
    return path if path.is_absolute() else (ROOT / path).resolve()
