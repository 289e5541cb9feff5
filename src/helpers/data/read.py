"""Read input files defensively: every fault is refused with file, line and column, never a bare traceback.

CSV: missing or empty file, a byte-order mark, bytes that are not UTF-8, a file cut off inside a quoted field,
duplicate or blank header names, rows with too few or too many values. JSON and YAML: syntax errors with the
line and column the parser stopped at.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import yaml

MAX_LISTED = 25


class DataValidationError(ValueError):
    """Raised with every problem found, each naming file, line and column (or the parameter)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_LISTED]
        more = f"\n  ... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        super().__init__(f"{len(problems)} problem(s) in the inputs:\n  " + "\n  ".join(shown) + more)


def display(path: Path) -> str:
    """A path as shown in messages: relative to the working directory where possible."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def read_text(path: Path) -> str:
    """The file's text, refusing a missing or empty file, a byte-order mark and bytes that are not UTF-8."""
    name = display(path)
    if not Path(path).is_file():
        raise DataValidationError([f"{name}: file not found"])
    raw = Path(path).read_bytes()
    if not raw.strip():
        raise DataValidationError([f"{name}: the file is empty"])
    if raw.startswith(codecs.BOM_UTF8):
        raise DataValidationError(
            [f"{name}, line 1, column 1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[start : exc.start].decode("utf-8", errors="replace")) + 1
        byte = raw[exc.start : exc.start + 1].hex().upper()
        raise DataValidationError(
            [f"{name}, line {line}, column {column}: byte 0x{byte} is not UTF-8; save the file as UTF-8"]
        ) from exc


def read_csv_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the data rows of a CSV, each row with the file line it starts on (header = line 1).

    Blank lines are skipped; every other fault stops with the file and line.
    """
    name = display(path)
    reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            detail = (
                "a quoted field opened here is never closed (file cut off or a stray quote)"
                if "end of data" in str(exc)
                else str(exc)
            )
            raise DataValidationError([f"{name}, line {start}: {detail}"]) from exc
        if row and any(cell.strip() for cell in row):
            records.append((start, row))
    if not records:
        raise DataValidationError([f"{name}: the file is empty"])
    (_, header), body = records[0], records[1:]
    problems = []
    seen: dict[str, int] = {}
    for column, title in enumerate(header, start=1):
        if not title.strip():
            problems.append(f"{name}, line 1, column {column}: blank column name")
        elif title in seen:
            problems.append(
                f"{name}, line 1, column {column}: duplicate column name {title!r} (also column {seen[title]})"
            )
        else:
            seen[title] = column
    if not body:
        problems.append(f"{name}: a header but no data rows (file cut off or emptied?)")
    for line, row in body:
        if len(row) != len(header):
            problems.append(
                f"{name}, line {line}: {len(row)} values for {len(header)} columns (malformed or cut-off row)"
            )
    if problems:
        raise DataValidationError(problems)
    return header, body


def read_json(path: Path) -> object:
    """Parsed JSON; a syntax error names the line and column."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            [f"{display(path)}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]
        ) from exc


def read_yaml(path: Path) -> object:
    """Parsed YAML; a syntax error names the line and column."""
    text = read_text(path)
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataValidationError([f"{display(path)}{where}: not valid YAML ({exc.problem or exc.context})"]) from exc
    except yaml.YAMLError as exc:
        raise DataValidationError([f"{display(path)}: not valid YAML ({exc})"]) from exc
