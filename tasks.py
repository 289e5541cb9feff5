#!/usr/bin/env python3
"""One entry point for a fresh machine with only Python 3.11 and pip.

    python3 tasks.py reproduce   # set up .venv, run the whole chain into reports/
    python3 tasks.py test        # set up .venv, lint (ruff), run the whole test suite
    python3 tasks.py test --fast # lint, unit tests and one small chain run (the edit-test loop; no JupyterLab)
    python3 tasks.py benchmark   # set up .venv, time the chain against a floor
    python3 tasks.py lab         # set up .venv plus the JupyterLab extra, open JupyterLab (notebooks/ first)
    python3 tasks.py figures     # list every figure: id, report figure(s), notebook, title
    python3 tasks.py serve       # serve reports/ at http://127.0.0.1:8000/ (the pages also work opened from disk)
    python3 tasks.py lock        # re-resolve requirements*.txt into the hashed lock files

Extra arguments after the task are passed on (to the runner, pytest, the benchmark or JupyterLab).
`reproduce --only NAME` takes a notebook (name or path), a figure id (fig06) or a report figure number (28),
which runs its notebook; `reproduce --explain` says which notebooks would run and why, and runs nothing.

.venv is installed from requirements.lock (every package pinned with its hashes) by uv, itself installed by
pip from its hashes in that lock. The lab extra (requirements-lab.lock) is added to .venv only by `lab`.
Packages are installed with their bytecode compiled (uv does not compile by default): every kernel, notebook
worker and runner imports pandas and matplotlib, and without .pyc files each process compiles them again
(where PYTHONDONTWRITEBYTECODE is set, on every run).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
LOCK = ROOT / "requirements.lock"
LAB_LOCK = ROOT / "requirements-lab.lock"
STAMP = VENV / ".lock.sha256"
LAB_STAMP = VENV / ".lab-lock.sha256"
BOOTSTRAP = ROOT / "build" / "uv"
KERNEL = "ms-policing-repro"
LINTED = ["src", "tests", "notebooks", "tasks.py"]
INSTALL = ["--quiet", "--compile-bytecode"]  # part of the set-up's stamp: a change to it installs again
COMPILE = ["pip", "compile", "--generate-hashes", "--universal", "--python-version", "3.11.7", "--quiet"]


def _digest(*files: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _imports_this_checkout() -> bool:
    """False when .venv (e.g. copied with the checkout) imports the helpers package from somewhere else."""
    probe = [str(PY), "-c", "import helpers, pathlib; print(pathlib.Path(helpers.__file__).resolve())"]
    found = subprocess.run(probe, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    return found == str((ROOT / "src" / "helpers" / "__init__.py").resolve())


def _locked_entry(name: str) -> str:
    """The block of requirements.lock that pins `name` (its `name==version` line and its hash lines)."""
    lines = LOCK.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name}=="))
    end = start
    while lines[end].endswith("\\"):
        end += 1
    return "\n".join(lines[start : end + 1]) + "\n"


def _uv() -> list[str]:
    """uv: the one in .venv (from the lock), else a copy installed by pip, hash-checked, into build/uv."""
    if (BIN / ("uv.exe" if os.name == "nt" else "uv")).exists():
        return [str(PY), "-m", "uv"]
    exe = BOOTSTRAP / "bin" / ("uv.exe" if os.name == "nt" else "uv")
    if not exe.exists():
        print("tasks: installing uv (hash-checked) with pip", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            pin = Path(tmp) / "uv.txt"
            pin.write_text(_locked_entry("uv"), encoding="utf-8")
            pip = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps"]
            quiet = ["--root-user-action=ignore", "--require-hashes"]
            subprocess.run([*pip, *quiet, "--target", str(BOOTSTRAP), "-r", str(pin)], check=True)
    return [str(exe)]


def ensure_venv() -> None:
    """Create .venv and make it exactly requirements.lock plus this project (editable), unless up to date."""
    wanted = _digest(LOCK, ROOT / "pyproject.toml") + " " + " ".join(INSTALL)
    if PY.exists() and STAMP.exists() and STAMP.read_text() == wanted and _imports_this_checkout():
        return
    if not PY.exists():
        print("tasks: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=False).create(VENV)
    uv = _uv()
    print("tasks: installing requirements.lock into .venv (uv pip sync, hashes required)", flush=True)
    target = ["--python", str(PY), *INSTALL]
    subprocess.run([*uv, "pip", "sync", *target, "--require-hashes", str(LOCK)], check=True)
    subprocess.run([*uv, "pip", "install", *target, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
    LAB_STAMP.unlink(missing_ok=True)  # sync removed the lab extra, if it was there
    kernel = ["--name", KERNEL, "--display-name", f"Python 3.11 ({KERNEL})"]
    subprocess.run([str(PY), "-m", "ipykernel", "install", "--sys-prefix", *kernel], check=True, capture_output=True)
    STAMP.write_text(wanted)


def ensure_lab() -> None:
    """Add the JupyterLab extra to .venv, unless already done (the project's kernel is registered by the set-up)."""
    ensure_venv()
    wanted = _digest(LAB_LOCK, STAMP)
    if LAB_STAMP.exists() and LAB_STAMP.read_text() == wanted:
        return
    print("tasks: installing the JupyterLab extra (requirements-lab.lock) into .venv", flush=True)
    install = ["pip", "install", "--python", str(PY), *INSTALL, "--require-hashes", "-r", str(LAB_LOCK)]
    subprocess.run([str(PY), "-m", "uv", *install], check=True)
    LAB_STAMP.write_text(wanted)


def lab_command(extra: list[str]) -> list[str]:
    """JupyterLab at the repository root, opening on notebooks/ (src/ one click away), in the project's kernel
    (root allowed: containers, CI)."""
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [
        str(PY),
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={ROOT}",
        "--LabApp.default_url=/lab/tree/notebooks",
        f"--MultiKernelManager.default_kernel_name={KERNEL}",
        *as_root,
        *extra,
    ]


def notebook_names(extra: list[str]) -> list[str]:
    """`--only` values as notebook names: a notebook path or name as it is, a figure id or a report figure
    number as its notebook."""
    stems = {p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    out = list(extra)
    for i in range(len(out) - 1):
        if out[i] != "--only":
            continue
        value = out[i + 1]
        if Path(value).stem in stems:
            out[i + 1] = Path(value).stem
            continue
        lookup = "import sys; from helpers.figures import registry; print(registry.find(sys.argv[1]).notebook)"
        found = subprocess.run([str(PY), "-c", lookup, value], capture_output=True, text=True)
        if found.returncode:
            reason = (found.stderr.strip().splitlines() or [""])[-1]
            raise SystemExit(f"tasks: --only {value!r} is not a notebook, figure id or report figure ({reason})")
        out[i + 1] = found.stdout.strip()
    return out


def lock() -> int:
    """Re-resolve requirements-dev.txt (and the lab extra, constrained to it) into hashed lock files."""
    uv = [*_uv(), *COMPILE]
    subprocess.run([*uv, "requirements-dev.txt", "-o", LOCK.name], cwd=ROOT, check=True)
    extra = ["requirements-dev.txt", "requirements-lab.txt", "-c", LOCK.name, "-o", LAB_LOCK.name]
    return subprocess.run([*uv, *extra], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    commands = {
        "reproduce": ["-m", "helpers.chain"],
        "test": ["-m", "pytest"],
        "benchmark": ["-m", "helpers.chain.benchmark"],
        "lab": [],
        "figures": ["-m", "helpers.figures.registry", "--list"],
        "lock": [],
        "serve": [],
    }
    if argv and argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    if not argv or argv[0] not in commands:
        print(__doc__)
        print(f"tasks: choose a task: {', '.join(commands)}" + (f" (not {argv[0]!r})" if argv else ""))
        return 2
    task, extra = argv[0], argv[1:]
    if task == "lock":
        return lock()
    if task == "serve":
        server = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", "reports", *extra]
        return subprocess.run(server, cwd=ROOT).returncode
    if task == "lab":
        ensure_lab()
        return subprocess.run(lab_command(extra), cwd=ROOT).returncode
    ensure_venv()
    if task == "reproduce":
        extra = notebook_names(extra)
    if task == "test":
        lint = subprocess.run([str(PY), "-m", "ruff", "check", *LINTED], cwd=ROOT)
        if lint.returncode:
            return lint.returncode
        if "--fast" in extra:
            extra = [a for a in extra if a != "--fast"] + ["-m", "not chain and not lab"]
    return subprocess.run([str(PY), *commands[task], *extra], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
