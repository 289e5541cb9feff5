"""One run of the chain at a time per checkout: a ``filelock`` on build/chain.lock, on any operating system.

The operating system releases the lock when its holder exits, however it exits, so a crashed run never leaves a
stale lock behind. The holder writes who it is beside the lock (build/chain.lock.holder), for the message of a
run that finds the lock taken.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout


class LockBusy(RuntimeError):
    """Another run holds the lock and we were asked not to wait."""


@contextmanager
def run_lock(root: Path, wait: bool = False) -> Iterator[None]:
    """Hold the checkout's run lock for the block; if it is taken, raise LockBusy, or wait when `wait`."""
    path = root / "build" / "chain.lock"
    holder = path.with_name("chain.lock.holder")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        who = (holder.read_text(encoding="utf-8").strip() if holder.exists() else "") or "unknown process"
        if not wait:
            raise LockBusy(
                f"another run of the chain ({who}) is using this checkout (lock build/chain.lock); "
                "wait for it to finish, or pass --wait to queue behind it"
            ) from None
        print(f"chain: waiting for the run in progress ({who}) to finish", flush=True)
        lock.acquire()
    try:
        holder.write_text(f"pid {os.getpid()}, started {time.strftime('%H:%M:%S')}\n", encoding="utf-8")
        yield
    finally:
        holder.unlink(missing_ok=True)
        lock.release()
