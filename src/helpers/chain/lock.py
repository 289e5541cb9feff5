"""One run of the chain at a time per checkout: an exclusive fcntl.flock on build/chain.lock.

The lock is released by the operating system when the holder exits, however it exits, so a crashed run never
leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


class LockBusy(RuntimeError):
    """Another run holds the lock and we were asked not to wait."""


class RunLock:
    def __init__(self, root: Path, wait: bool = False):
        self.path = root / "build" / "chain.lock"
        self.wait = wait
        self.fd: int | None = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.fd, 200, 0).decode(errors="replace").strip() or "unknown process"
            if not self.wait:
                os.close(self.fd)
                raise LockBusy(
                    f"another run of the chain ({holder}) is using this checkout (lock build/chain.lock); "
                    "wait for it to finish, or pass --wait to queue behind it"
                ) from None
            print(f"chain: waiting for the run in progress ({holder}) to finish", flush=True)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"pid {os.getpid()}, started {time.strftime('%H:%M:%S')}\n".encode(), 0)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
