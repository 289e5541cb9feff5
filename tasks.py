#!/usr/bin/env python3
"""One entry point for a fresh machine with only Python 3.11 and pip.

    python3 tasks.py reproduce   # set up .venv, run the whole chain into reports/
    python3 tasks.py test        # set up .venv, lint (ruff), run the whole test suite
    python3 tasks.py test --fast # lint, unit tests and one small chain run (the edit-test loop)
    python3 tasks.py benchmark   # set up .venv, time the chain against a floor

Extra arguments after the task are passed on (to the runner, pytest or the benchmark).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".requirements.sha256"
REQUIREMENTS = ["requirements.txt", "requirements-dev.txt", "pyproject.toml"]
LINTED = ["src", "tests", "notebooks", "tasks.py"]


def _requirements_hash() -> str:
    digest = hashlib.sha256()
    for name in REQUIREMENTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def _imports_this_checkout() -> bool:
    """False when .venv (e.g. copied with the checkout) imports the helpers package from somewhere else."""
    probe = [str(PY), "-c", "import helpers, pathlib; print(pathlib.Path(helpers.__file__).resolve())"]
    found = subprocess.run(probe, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return found == str((ROOT / "src" / "helpers" / "__init__.py").resolve())


def ensure_venv() -> None:
    """Create .venv and install the pinned requirements, unless already up to date."""
    wanted = _requirements_hash()
    if PY.exists() and STAMP.exists() and STAMP.read_text() == wanted and _imports_this_checkout():
        return
    if not PY.exists():
        print("tasks: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-r", str(ROOT / "requirements-dev.txt")], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    commands = {
        "reproduce": ["-m", "helpers.chain"],
        "test": ["-m", "pytest"],
        "benchmark": ["-m", "helpers.chain.benchmark"],
    }
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    ensure_venv()
    task, extra = argv[0], argv[1:]
    if task == "test":
        lint = subprocess.run([str(PY), "-m", "ruff", "check", *LINTED], cwd=ROOT)
        if lint.returncode:
            return lint.returncode
        if "--fast" in extra:
            extra = [a for a in extra if a != "--fast"] + ["-m", "not chain"]
    return subprocess.run([str(PY), *commands[task], *extra], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
