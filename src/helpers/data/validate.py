"""Validate raw CSV files against their Table Schema in data/raw/datapackage.json.

Every problem is reported with the file, the CSV line (header = line 1) and the column, so that a bad input
stops the chain with a message a person can act on.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

import pandas as pd

from .. import paths

MAX_LISTED = 25


class DataValidationError(ValueError):
    """Raised with every problem found, each naming file, line and column."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_LISTED]
        more = f"\n  ... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        super().__init__(f"{len(problems)} problem(s) in the input data:\n  " + "\n  ".join(shown) + more)


@cache
def _package(package_path: Path) -> dict:
    return json.loads(package_path.read_text(encoding="utf-8"))


def schema_for(path: Path, package_path: Path = paths.RAW / "datapackage.json") -> dict:
    """The Table Schema of the resource whose path (e.g. official/nrm.csv) ends the given file path."""
    for resource in _package(package_path)["resources"]:
        if Path(path).as_posix().endswith("/" + resource["path"]) or str(path) == resource["path"]:
            return resource["schema"]
    raise DataValidationError([f"{path}: no resource in {package_path.name} describes this file"])


def read_validated(path: Path, schema: dict | None = None) -> pd.DataFrame:
    """Read a CSV with every column as text, check it against its schema, return it with typed columns."""
    schema = schema or schema_for(path)
    name = path.as_posix()
    problems: list[str] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataValidationError([f"{name}: cannot be read as UTF-8 CSV ({exc})"]) from exc
    if not rows:
        raise DataValidationError([f"{name}: the file is empty"])
    header, body = rows[0], rows[1:]
    fields = {f["name"]: f for f in schema["fields"]}
    missing = [f for f in fields if f not in header]
    if missing:
        raise DataValidationError([f"{name}, line 1: missing column(s) {missing}"])
    extra = [h for h in header if h not in fields]
    if extra:
        problems.append(f"{name}, line 1: unexpected column(s) {extra}")
    for i, row in enumerate(body, start=2):
        if len(row) != len(header):
            problems.append(f"{name}, line {i}: {len(row)} values for {len(header)} columns (malformed row)")
    if problems:
        raise DataValidationError(problems)
    frame = pd.DataFrame(body, columns=header, dtype="str")
    for column, spec in fields.items():
        problems.extend(_check_field(name, frame[column], spec))
    key = schema.get("primaryKey") or []
    if key:
        duplicated = frame.duplicated(subset=key, keep=False)
        for i in frame.index[duplicated]:
            values = ", ".join(f"{k}={frame.at[i, k]!r}" for k in key)
            problems.append(f"{name}, line {i + 2}, columns {key}: duplicate key ({values})")
    if problems:
        raise DataValidationError(problems)
    return _typed(frame, fields)


def _check_field(name: str, column: pd.Series, spec: dict) -> list[str]:
    problems = []
    kind, rules = spec.get("type", "string"), spec.get("constraints", {})
    for i, raw in column.items():
        where = f"{name}, line {i + 2}, column {column.name!r}"
        text = raw.strip()
        if text == "":
            if rules.get("required"):
                problems.append(f"{where}: value required")
            continue
        if kind in ("number", "integer"):
            try:
                value = float(text)
            except ValueError:
                problems.append(f"{where}: {raw!r} is not a number")
                continue
            if kind == "integer" and not value.is_integer():
                problems.append(f"{where}: {raw!r} is not a whole number")
            if "minimum" in rules and value < rules["minimum"]:
                problems.append(f"{where}: {raw!r} is below the minimum {rules['minimum']}")
            if "maximum" in rules and value > rules["maximum"]:
                problems.append(f"{where}: {raw!r} is above the maximum {rules['maximum']}")
        if "enum" in rules and text not in rules["enum"]:
            problems.append(f"{where}: {raw!r} is not one of {rules['enum']}")
        if "pattern" in rules and not re.fullmatch(rules["pattern"], text):
            problems.append(f"{where}: {raw!r} does not match the pattern {rules['pattern']}")
    return problems


def _typed(frame: pd.DataFrame, fields: dict) -> pd.DataFrame:
    out = frame.copy()
    for column, spec in fields.items():
        if spec.get("type") in ("number", "integer"):
            out[column] = pd.to_numeric(out[column].str.strip().replace("", None), errors="raise")
        else:
            out[column] = out[column].replace("", pd.NA)
    return out


CLAIM_ID = re.compile(r"L\d{4}:[0-9.]+(?:#\d+)?")
REFERENCE_COLUMNS = ("derived", "summarises", "same_as", "dup_of")
NUMBER_WORDS = {
    **{
        w: float(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
    },
    "first": 1.0,
    "single": 1.0,
    "not a single": 0.0,
    "half": 0.5,
    "one-third": 1 / 3,
    "a third": 1 / 3,
    "two-thirds": 2 / 3,
    "a quarter": 0.25,
}


def _printed_forms(value: float) -> set[str]:
    forms = {f"{value:,.10g}", f"{value:.10g}"}
    if value.is_integer():
        forms |= {f"{int(value):,}", f"{int(value)}"}
    return forms


def value_in_quote(quote: str, value: float, unit: str) -> bool:
    """The value is printed in the quote: as digits ('19,125', '2020/21' for 2020), or as a word ('five',
    'half' for 0.5 or 50%, 'nearly a third' for 0.33), compared at the value's printed precision."""
    for form in _printed_forms(value):
        if re.search(r"(?<![\d.])" + re.escape(form) + r"(?![\d])", quote):
            return True
    decimals = len(f"{value:.10g}".partition(".")[2])
    text = quote.lower()
    for word, number in NUMBER_WORDS.items():
        if re.search(rf"\b{re.escape(word)}\b", text):
            for candidate in (number, number * 100 if unit == "percent" else None):
                if candidate is not None and round(candidate, decimals) == value:
                    return True
    return False


def ledger_problems(frame: pd.DataFrame, name: str) -> list[str]:
    """The claims ledger's own rules: every value printed in its quote; every claim id named in an expression
    (derived, summarises, same_as, dup_of) exists in the ledger."""
    problems = []
    known = set(frame["claim_id"])
    for i, row in frame.iterrows():
        line = i + 2
        if not value_in_quote(str(row["quote"]), float(row["value"]), str(row["unit"])):
            problems.append(f"{name}, line {line}, column 'value': {row['value']:g} is not printed in its quote")
        for column in REFERENCE_COLUMNS:
            text = row.get(column)
            if pd.isna(text):
                continue
            for ref in CLAIM_ID.findall(str(text)):
                if ref not in known:
                    problems.append(f"{name}, line {line}, column {column!r}: {ref!r} names no claim in the ledger")
    return problems
