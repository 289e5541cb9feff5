"""A throw-away copy of the repository's inputs, and the runner run on it in a separate process.

Used by the end-to-end tests and the benchmark, so that neither touches this checkout's reports/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .. import paths

INPUTS = ["src", "notebooks", "config", "data/raw", "requirements.txt"]


def copy_inputs(target: Path, root: Path = paths.ROOT) -> Path:
    """Copy what the chain reads (code, notebooks, config, raw data) into `target`."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints", "confidential")
    for rel in INPUTS:
        src, dst = root / rel, target / rel
        if src.is_dir():
            shutil.copytree(src, dst, ignore=ignore)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    return target


def run_chain(copy: Path, *args: str, timeout: int = 900) -> tuple[subprocess.CompletedProcess, float]:
    """Run `python -m helpers.chain ARGS` on a copy; return the finished process and its wall time."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    env.pop("MSR_OUTPUT_ROOT", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "helpers.chain", *args],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done, time.perf_counter() - start
