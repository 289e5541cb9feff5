"""A full disk, recognised wherever a write fails and reported as such, with the path being written."""

from __future__ import annotations

import errno
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..data.read import display

NO_SPACE = "no space left on device"


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """A write in the block that finds the disk full names `path` (a write to an open file names none)."""
    try:
        yield
    except OSError as exc:
        if is_full(exc) and not exc.filename:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def write_text(path: Path, text: str) -> None:
    """Write a UTF-8 text file; a full disk names it."""
    with writing(path):
        path.write_text(text, encoding="utf-8")


def is_full(exc: BaseException | None) -> bool:
    """The exception, or one it was raised from, is a write that found the disk full (ENOSPC)."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(exc, shutil.Error) and any("No space left" in str(why) for *_, why in exc.args[0]):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def written(exc: BaseException, fallback: Path) -> str:
    """The path the failed write went to: the one the error names, else `fallback` (a write to an open file names
    none)."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.filename:
            return str(exc.filename)
        if isinstance(exc, shutil.Error) and exc.args[0]:
            return str(exc.args[0][0][1])
        exc = exc.__cause__ or exc.__context__
    return str(fallback)


def message(exc: BaseException, fallback: Path) -> str:
    """'no space left on device while writing <path>' (relative to the working directory where possible)."""
    return f"{NO_SPACE} while writing {display(Path(written(exc, fallback)))}"


def in_cell(evalue: str, fallback: Path) -> str:
    """The same for an error a notebook cell raised (its text only: '[Errno 28] No space left on device: 'p'')."""
    named = re.search(r"No space left on device: '(.+)'", evalue)
    return f"{NO_SPACE} while writing {display(Path(named[1])) if named else display(fallback)}"
