"""Validate raw CSV files against their Table Schema in data/raw/datapackage.json.

Every problem is reported with the file, the CSV line (header = line 1) and the column, so that a bad input
stops the chain with a message a person can act on. Beyond the Table Schema constraints: numbers must be
finite, a value in `percent` lies in 0..100, a `*_date` field is a real calendar date, `foreignKeys` hold and a
claim's `derived` expression names existing claims.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd

from .. import paths
from .read import DataValidationError, display, read_csv_rows, read_json

__all__ = ["DataValidationError", "check_package", "read_validated", "schema_for"]
SHARE_UNITS = {"percent"}
EMBEDDED_REFERENCES = {"derived": (re.compile(r"L\d{4}:[0-9.]+(?:#\d+)?"), "claim_id")}


def _package(package_path: Path) -> dict:
    return _package_at(Path(package_path), Path(package_path).stat().st_mtime_ns if Path(package_path).exists() else 0)


@cache
def _package_at(package_path: Path, _mtime: int) -> dict:
    package = read_json(package_path)
    name = display(package_path)
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        raise DataValidationError([f"{name}: no 'resources' list (not a data package)"])
    for i, resource in enumerate(resources):
        fields = (resource.get("schema") or {}).get("fields") if isinstance(resource, dict) else None
        if not isinstance(resource, dict) or "path" not in resource or not isinstance(fields, list):
            raise DataValidationError([f"{name}: resource {i + 1} has no 'path' or no 'schema' with 'fields'"])
        if not all(isinstance(f, dict) and "name" in f for f in fields):
            raise DataValidationError([f"{name}: resource {resource['path']!r}: every field needs a 'name'"])
    return package


def _resource_for(path: Path, package_path: Path) -> dict:
    for resource in _package(package_path)["resources"]:
        if Path(path).as_posix().endswith("/" + resource["path"]) or str(path) == resource["path"]:
            return resource
    raise DataValidationError([f"{display(path)}: no resource in {display(package_path)} describes this file"])


def schema_for(path: Path, package_path: Path = paths.RAW / "datapackage.json") -> dict:
    """The Table Schema of the resource whose path (e.g. official/nrm.csv) ends the given file path."""
    return _resource_for(path, package_path)["schema"]


def read_validated(path: Path, schema: dict | None = None) -> pd.DataFrame:
    """Read a CSV with every column as text, check it against its schema, return it with typed columns.

    The returned frame's ``attrs['lines']`` holds the file line of each row (a quoted field may span lines).
    """
    path = Path(path)
    schema = schema or schema_for(path)
    name = display(path)
    header, body = read_csv_rows(path)
    fields = {f["name"]: f for f in schema["fields"]}
    missing = [f for f in fields if f not in header]
    if missing:
        raise DataValidationError([f"{name}, line 1: missing column(s) {missing}"])
    extra = [h for h in header if h not in fields]
    if extra:
        raise DataValidationError([f"{name}, line 1: unexpected column(s) {extra}"])
    lines = [line for line, _ in body]
    frame = pd.DataFrame([row for _, row in body], columns=header, dtype="str")
    problems: list[str] = []
    for column, spec in fields.items():
        problems.extend(_check_field(name, frame[column], spec, lines))
    problems.extend(_check_shares(name, frame, lines))
    key = schema.get("primaryKey") or []
    if key:
        duplicated = frame.duplicated(subset=key, keep=False)
        for i in frame.index[duplicated]:
            values = ", ".join(f"{k}={frame.at[i, k]!r}" for k in key)
            problems.append(f"{name}, line {lines[i]}, columns {key}: duplicate key ({values})")
    problems.extend(_check_self_references(name, frame, schema, lines))
    if problems:
        raise DataValidationError(problems)
    typed = _typed(frame, fields)
    typed.attrs["lines"] = lines
    return typed


def check_package(package_path: Path = paths.RAW / "datapackage.json") -> dict[str, pd.DataFrame]:
    """Validate every resource of the package, the CSV files it does not describe, and the foreign keys between
    resources; return the tables by resource name. Raises with every problem found."""
    package_path = Path(package_path)
    folder = package_path.parent
    resources = _package(package_path)["resources"]
    problems, tables = [], {}
    described = {(folder / r["path"]).resolve() for r in resources}
    for csv_file in sorted(folder.rglob("*.csv")):
        if "confidential" not in csv_file.relative_to(folder).parts and csv_file.resolve() not in described:
            problems.append(f"{display(csv_file)}: no resource in {display(package_path)} describes this file")
    for resource in resources:
        try:
            tables[resource.get("name", resource["path"])] = read_validated(
                folder / resource["path"], resource["schema"]
            )
        except DataValidationError as exc:
            problems.extend(exc.problems)
    if not problems:
        for resource in resources:
            problems.extend(_check_foreign_keys(folder / resource["path"], resource, tables))
    if problems:
        raise DataValidationError(problems)
    return tables


def _where(name: str, lines: list[int], i: int, column: str) -> str:
    return f"{name}, line {lines[i]}, column {column!r}"


def _check_field(name: str, column: pd.Series, spec: dict, lines: list[int]) -> list[str]:
    problems = []
    kind, rules = spec.get("type", "string"), spec.get("constraints", {})
    for i, raw in column.items():
        where = _where(name, lines, i, str(column.name))
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
            if not math.isfinite(value):
                problems.append(f"{where}: {raw!r} is not a finite number")
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
        elif str(column.name).endswith("_date") and not _is_calendar_date(text):
            problems.append(f"{where}: {raw!r} is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return problems


def _is_calendar_date(text: str) -> bool:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _check_shares(name: str, frame: pd.DataFrame, lines: list[int]) -> list[str]:
    """A value whose unit is a share (percent) lies in 0..100, in every table that has `unit` and `value`."""
    if not {"unit", "value"} <= set(frame.columns):
        return []
    problems = []
    for i in frame.index[frame["unit"].str.strip().isin(SHARE_UNITS)]:
        try:
            value = float(frame.at[i, "value"])
        except ValueError:
            continue  # reported by the field check
        if math.isfinite(value) and not 0 <= value <= 100:
            side = "over 100" if value > 100 else "below 0"
            problems.append(
                f"{_where(name, lines, i, 'value')}: percentage {value:g} is {side} (a share lies in 0..100)"
            )
    return problems


def _check_self_references(name: str, frame: pd.DataFrame, schema: dict, lines: list[int]) -> list[str]:
    """Foreign keys within the same resource, and claim ids named inside a `derived` expression."""
    problems = []
    for fk in schema.get("foreignKeys") or []:
        if fk["reference"].get("resource", "") == "":
            problems.extend(_missing_references(name, frame, fk, frame, lines))
    for column, (pattern, target) in EMBEDDED_REFERENCES.items():
        if column in frame.columns and target in frame.columns:
            known = set(frame[target])
            for i, text in frame[column].items():
                for token in pattern.findall(text):
                    if token not in known:
                        problems.append(f"{_where(name, lines, i, column)}: refers to {token!r}, no such {target}")
    return problems


def _check_foreign_keys(path: Path, resource: dict, tables: dict[str, pd.DataFrame]) -> list[str]:
    problems = []
    name = display(path)
    frame = tables[resource.get("name", resource["path"])]
    for fk in resource["schema"].get("foreignKeys") or []:
        target = fk["reference"].get("resource", "")
        if target and target not in tables:
            problems.append(f"{name}: foreign key to unknown resource {target!r}")
        elif target:
            problems.extend(_missing_references(name, frame, fk, tables[target], frame.attrs["lines"]))
    return problems


def _missing_references(name: str, frame: pd.DataFrame, fk: dict, target: pd.DataFrame, lines: list[int]) -> list:
    own = [fk["fields"]] if isinstance(fk["fields"], str) else list(fk["fields"])
    ref = fk["reference"]["fields"]
    ref = [ref] if isinstance(ref, str) else list(ref)
    known = set(_as_text(target, ref))
    problems = []
    for i, values in zip(frame.index, _as_text(frame, own)):
        if all(v not in ("", "<NA>") for v in values) and values not in known:
            shown = ", ".join(f"{c}={v!r}" for c, v in zip(own, values))
            problems.append(
                f"{name}, line {lines[i]}, column(s) {own}: {shown} does not exist (no such {'/'.join(ref)} "
                f"in {fk['reference'].get('resource') or 'this file'})"
            )
    return problems


def _as_text(frame: pd.DataFrame, columns: list[str]) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in row) for row in frame[columns].itertuples(index=False)]


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
