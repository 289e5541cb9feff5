"""A real survey export (parameter survey_source): where it may live, and its files checked before use.

Respondent-level rows are confidential. An export is accepted only from the git-ignored
data/raw/confidential/ or from a folder outside the repository: a folder that git would track is refused, so
that the rows are never one `git add` away from publication.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd

from .. import paths
from ..data.read import DataValidationError, display, read_csv_rows
from .populations import POPULATIONS

CONFIDENTIAL = Path("data") / "raw" / "confidential"
ID_COLUMN = "respondent_id"


def population_size(population: str) -> int:
    """The number of people the report says answered (its n): an export cannot hold more respondents."""
    return sum(POPULATIONS[population]["roles"].values())


def resolve_folder(survey_source, root: Path | None = None) -> Path | None:
    """None for 'reconstruction'; otherwise the export folder, refused unless it is outside the repository or
    inside the git-ignored data/raw/confidential/."""
    root = Path(root or paths.ROOT).resolve()
    text = str(survey_source).strip()
    if text == "reconstruction":
        return None
    files = ", ".join(f"{p}.csv" for p in POPULATIONS)
    folder = (root / Path(text).expanduser()).resolve() if text else None
    if folder is None or not folder.is_dir():
        raise DataValidationError(
            [
                f"parameter survey_source must be 'reconstruction' or an existing folder holding a survey export "
                f"({files}); got {survey_source!r}" + (f" (looked for {folder})" if folder else "")
            ]
        )
    if folder.is_relative_to(root) and not _confidential(folder, root):
        raise DataValidationError(
            [
                f"parameter survey_source={text!r}: {folder.relative_to(root).as_posix() or '.'}/ is inside the "
                f"repository where git would track its files, one `git add` away from publishing respondent rows; "
                f"put the export in {CONFIDENTIAL.as_posix()}/ (git-ignored) or in a folder outside the repository"
            ]
        )
    return folder


def _confidential(folder: Path, root: Path) -> bool:
    """Inside data/raw/confidential/ and, in a git checkout, every export file ignored by git."""
    if not folder.is_relative_to((root / CONFIDENTIAL).resolve()):
        return False
    git = shutil.which("git")
    if not (root / ".git").exists() or git is None:
        return True
    names = [str(folder / f"{p}.csv") for p in POPULATIONS]
    ignored = subprocess.run([git, "check-ignore", *names], cwd=root, capture_output=True, text=True).stdout
    return len(ignored.splitlines()) == len(names)


def read_export(folder: Path, required: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
    """Every population's rows (all columns as text), after checking each file: present, readable, a
    respondent_id column without duplicates, no more respondents than the population's n, and the `required`
    item columns. Raises with every problem found, each naming file, line and column."""
    rows, problems = {}, []
    for population in POPULATIONS:
        try:
            rows[population] = _read_one(Path(folder) / f"{population}.csv", population, (required or {}))
        except DataValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataValidationError(problems)
    return rows


def _read_one(path: Path, population: str, required: dict[str, list[str]]) -> pd.DataFrame:
    name = display(path)
    header, body = read_csv_rows(path)
    needed = [ID_COLUMN, *required.get(population, [])]
    missing = [c for c in needed if c not in header]
    if missing:
        raise DataValidationError(
            [f"{name}, line 1: column {c!r} is missing (the {population} survey export needs it)" for c in missing]
        )
    problems = []
    id_column = header.index(ID_COLUMN)
    first_seen: dict[str, int] = {}
    for line, row in body:
        respondent = row[id_column].strip()
        where = f"{name}, line {line}, column {ID_COLUMN!r}"
        if not respondent:
            problems.append(f"{where}: respondent id required")
        elif respondent in first_seen:
            first = first_seen[respondent]
            problems.append(f"{where}: respondent id {respondent!r} duplicated (first at line {first})")
        else:
            first_seen[respondent] = line
    n = population_size(population)
    if len(body) > n:
        problems.append(
            f"{name}, line {body[n][0]}: {len(body)} respondent rows, more than the {population} survey's n={n} "
            f"(this is row {n + 1})"
        )
    if problems:
        raise DataValidationError(problems)
    return pd.DataFrame([row for _, row in body], columns=header, dtype="string")
