"""Staging and an all-or-nothing swap of the output folders, recoverable after a crash at any point.

The staged outputs are complete before the swap starts. A journal (build/swap.json) is written, atomically,
before the first rename and removed after the last, so a run killed between the renames leaves the journal
behind; the next run finds it and completes the swap (rolls forward) before anything else. A listing of every
output file (path and size) in the manifest lets the next run notice outputs changed or lost by other means.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from contextlib import contextmanager
from pathlib import Path

OUTPUT_DIRS = ("reports", "data/processed")
MANIFEST = ".manifest.json"
JOURNAL = "swap.json"
PAUSE_ENV = "MSR_CHAIN_PAUSE_AT"  # tests: pause at a named checkpoint so that they can kill the runner there


def staging_dir(root: Path) -> Path:
    return root / "build" / "staging"


def checkpoint(name: str) -> None:
    """Pause here (for a test to kill or signal the runner) when MSR_CHAIN_PAUSE_AT names this checkpoint."""
    if os.environ.get(PAUSE_ENV) == name:
        print(f"chain: paused at {name} ({PAUSE_ENV})", flush=True)
        while True:
            time.sleep(1)


def stage(root: Path) -> Path:
    """A fresh staging copy of the current outputs, so skipped notebooks keep theirs."""
    staging = staging_dir(root)
    shutil.rmtree(staging, ignore_errors=True)
    for rel in OUTPUT_DIRS:
        src = root / rel
        if src.exists():
            shutil.copytree(src, staging / rel)
        else:
            (staging / rel).mkdir(parents=True)
    return staging


def listing(outputs_root: Path) -> dict[str, int]:
    """Every output file (but the manifest) with its size in bytes."""
    return {
        p.relative_to(outputs_root).as_posix(): p.stat().st_size
        for rel in OUTPUT_DIRS
        for p in sorted((outputs_root / rel).rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


@contextmanager
def signals_deferred():
    """SIGINT and SIGTERM wait until the block is done (the first is raised again right after it), on any
    operating system: their handlers only note them during the block."""
    arrived: list[int] = []
    handlers = {s: signal.signal(s, lambda signum, _: arrived.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        if arrived:
            signal.raise_signal(arrived[0])


def swap_in(root: Path) -> None:
    """Replace every output folder by its staged version; signals wait, a kill is recovered by `recover`."""
    with signals_deferred():
        _write_atomic(root / "build" / JOURNAL, json.dumps({"dirs": list(OUTPUT_DIRS)}) + "\n")
        _complete(root)


def _complete(root: Path) -> None:
    """Move every staged folder into place (one moved before a crash is skipped), then remove the journal."""
    for i, rel in enumerate(OUTPUT_DIRS):
        if i:
            checkpoint("between_swaps")
        live, new, old = root / rel, staging_dir(root) / rel, root / "build" / "old" / rel
        if not new.exists():  # already moved in before a crash
            continue
        if live.exists():
            shutil.rmtree(old, ignore_errors=True)
            old.parent.mkdir(parents=True, exist_ok=True)
            live.rename(old)
        live.parent.mkdir(parents=True, exist_ok=True)
        new.rename(live)
    (root / "build" / JOURNAL).unlink()
    _remove_leftovers(root)


def _remove_leftovers(root: Path) -> None:
    shutil.rmtree(root / "build" / "old", ignore_errors=True)
    shutil.rmtree(staging_dir(root), ignore_errors=True)


def recover(root: Path) -> str | None:
    """Finish a swap that a crash interrupted; remove the leftovers of a run that stopped before swapping.

    Returns a line saying what was done, or None when there was nothing to do.
    """
    if (root / "build" / JOURNAL).exists():
        with signals_deferred():
            _complete(root)
        return "chain: the previous run was stopped while replacing the outputs; its complete outputs are now in place"
    if staging_dir(root).exists() or (root / "build" / "old").exists():
        _remove_leftovers(root)
        return "chain: removed the staging folder of a run that stopped before replacing the outputs"
    return None
