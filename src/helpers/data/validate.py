"""Validate raw CSV files against their Table Schema in data/raw/datapackage.json.

The defensive reader (``read``) refuses faults of the file itself (encoding, byte-order mark, a cut-off quoted
field, ragged rows, header names); frictionless checks the Table Schema (types, constraints, unique and primary
keys, foreign keys); ``rules`` adds what a Table Schema cannot say. Every problem names the file, the CSV line
(header = line 1) and the column: frictionless counts records, the reader knows the line each record starts on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from .. import paths
from . import rules
from .read import DataValidationError, display, read_csv_rows, read_json
from .rules import value_in_quote

__all__ = ["DataValidationError", "check_package", "read_validated", "schema_for", "value_in_quote"]
TYPES = {"integer": "{raw!r} is not a whole number", "number": "{raw!r} is not a number"}
CONSTRAINTS = {
    "required": "value required",
    "minimum": "{raw!r} is below the minimum {limit}",
    "maximum": "{raw!r} is above the maximum {limit}",
    "enum": "{raw!r} is not one of {limit}",
    "pattern": "{raw!r} does not match the pattern {limit}",
}
CONSTRAINT = re.compile(r'constraint "(\w+)"')
POSITION = re.compile(r"position (\d+)")
RELEASES = ("official", "releases")  # publishers' files, described by their provenance records (helpers.data.releases)


@dataclass
class _Table:
    """A file read as text: resource name, schema, the text frame and the file line of each row."""

    name: str
    path: Path
    schema: dict
    frame: pd.DataFrame
    lines: list[int]

    def at(self, i: int) -> str:
        return f"{display(self.path)}, line {self.lines[i]}"

    def first(self, note: str) -> str:
        """'first at line L' from a frictionless note naming the earlier row ('... row at position 5')."""
        return f"first at line {self.lines[int(POSITION.search(note).group(1)) - 2]}"


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

    Foreign keys to other resources are checked by ``check_package``. The returned frame's ``attrs['lines']``
    holds the file line of each row (a quoted field may span lines).
    """
    path = Path(path)
    table = _read(path, schema or schema_for(path), "table")
    problems = _check([table], cross=False, label=display(path))
    if problems:
        raise DataValidationError(problems)
    return _typed(table)


def read_prepared(path: Path, schema: dict) -> pd.DataFrame:
    """A table 00_data_preparation validated and wrote, typed by its schema without validating it again."""
    return _typed(_read(Path(path), schema, "table"))


def check_package(package_path: Path = paths.RAW / "datapackage.json") -> dict[str, pd.DataFrame]:
    """Validate every resource of the package, the CSV files it does not describe, and the foreign keys between
    resources; return the tables by resource name. Raises with every problem found."""
    package_path = Path(package_path)
    folder = package_path.parent
    resources = _package(package_path)["resources"]
    problems, tables = [], []
    described = {(folder / r["path"]).resolve() for r in resources}
    for csv_file in sorted(folder.rglob("*.csv")):
        parts = csv_file.relative_to(folder).parts
        if "confidential" not in parts and parts[:2] != RELEASES and csv_file.resolve() not in described:
            problems.append(f"{display(csv_file)}: no resource in {display(package_path)} describes this file")
    for resource in resources:
        try:
            tables.append(_read(folder / resource["path"], resource["schema"], resource.get("name", resource["path"])))
        except DataValidationError as exc:
            problems.extend(exc.problems)
    problems.extend(_check(tables, cross=len(tables) == len(resources), label=display(package_path)))
    if problems:
        raise DataValidationError(problems)
    return {table.name: _typed(table) for table in tables}


def _read(path: Path, schema: dict, name: str) -> _Table:
    """The file through the defensive reader, its header matched by name to the schema's fields."""
    header, body = read_csv_rows(path)
    fields = [f["name"] for f in schema["fields"]]
    missing = [f for f in fields if f not in header]
    if missing:
        raise DataValidationError([f"{display(path)}, line 1: missing column(s) {missing}"])
    extra = [h for h in header if h not in fields]
    if extra:
        raise DataValidationError([f"{display(path)}, line 1: unexpected column(s) {extra}"])
    frame = pd.DataFrame([row for _, row in body], columns=header, dtype="str")
    return _Table(name, path, schema, frame, [line for line, _ in body])


def _resource(table: _Table, cross: bool):
    """The table for frictionless: its records in the schema's field order (row k + 2 is frame row k)."""
    from frictionless import Resource, Schema

    schema = dict(table.schema)
    if not cross:
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", []) if not fk["reference"].get("resource")]
    fields = [f["name"] for f in schema["fields"]]
    data = [fields, *table.frame[fields].to_numpy().tolist()]
    return Resource(name=table.name, data=data, schema=Schema.from_descriptor(schema))


def _check(tables: list[_Table], cross: bool, label: str) -> list[str]:
    """Frictionless's errors and the rules' problems, one message per cell, in file and line order; `label` names
    what is validated in a problem about no single file. (frictionless is imported here, when a table is checked:
    importing it costs every notebook half a second.)"""
    from frictionless import FrictionlessException, Package

    resources, problems = [], []
    for table in tables:
        try:
            resources.append(_resource(table, cross))
        except FrictionlessException as exc:
            problems.append(f"{display(table.path)}: the schema is not a valid Table Schema ({exc.error.note})")
    if problems or not tables:
        return problems
    report = Package(resources=resources).validate()
    problems.extend(f"{label}: {error.note}" for error in report.errors)
    for table, task in zip(tables, report.tasks, strict=True):
        ruled = rules.problems(table.frame, table.schema)
        found = [(i, f"{table.at(i)}, column {column!r}: {text}") for i, column, text in ruled]
        flagged = {(i, column) for i, column, _ in ruled}
        for error in task.errors:
            row, field = getattr(error, "row_number", None), getattr(error, "field_name", None)
            if row is None or (row - 2, field) not in flagged:
                found.append(_explain(table, error))
        problems.extend(text for _, text in sorted(found, key=lambda item: item[0]))
    return problems


def _explain(table: _Table, error) -> tuple[int, str]:
    """A frictionless error as (row position, message); position -1 for one about the whole file."""
    row = getattr(error, "row_number", None)
    if row is None:
        return -1, f"{display(table.path)}: {error.note}"
    i = row - 2
    if error.type == "primary-key":
        key = table.schema["primaryKey"]
        key = [key] if isinstance(key, str) else list(key)
        if not POSITION.search(error.note):
            return i, f"{table.at(i)}, columns {key}: the key is empty"
        values = ", ".join(f"{k}={table.frame.at[i, k]!r}" for k in key)
        return i, f"{table.at(i)}, columns {key}: duplicate key ({values}), {table.first(error.note)}"
    if error.type == "foreign-key":
        own, ref = list(error.field_names), list(error.reference_field_names)
        shown = ", ".join(f"{c}={table.frame.at[i, c]!r}" for c in own)
        target = error.reference_name or "this file"
        return i, f"{table.at(i)}, column(s) {own}: {shown} does not exist (no such {'/'.join(ref)} in {target})"
    field = getattr(error, "field_name", None)
    if field is None:
        return i, f"{table.at(i)}: {error.note}"
    spec = next(f for f in table.schema["fields"] if f["name"] == field)
    return i, f"{table.at(i)}, column {field!r}: {_cell_problem(table, spec, error)}"


def _cell_problem(table: _Table, spec: dict, error) -> str:
    raw = error.cell
    if error.type == "type-error":
        return TYPES.get(spec.get("type"), "{raw!r} is not a valid {kind}").format(raw=raw, kind=spec.get("type"))
    if error.type == "unique-error":
        return f"{raw!r} appears more than once, {table.first(error.note)}"
    match = CONSTRAINT.search(error.note)
    if error.type != "constraint-error" or not match:
        return error.note
    name = match.group(1)
    limit = spec.get("constraints", {}).get(name)
    template = CONSTRAINTS.get(name, "{raw!r} breaks the constraint {name}={limit!r}")
    return template.format(raw=raw, limit=limit, name=name)


def _typed(table: _Table) -> pd.DataFrame:
    out = table.frame.copy()
    for spec in table.schema["fields"]:
        column = spec["name"]
        if spec.get("type") in ("number", "integer"):
            out[column] = pd.to_numeric(out[column].str.strip().replace("", None), errors="raise")
        else:
            out[column] = out[column].replace("", pd.NA)
    out.attrs["lines"] = table.lines
    return out


REFERENCE_COLUMNS = ("derived", "summarises", "same_as", "dup_of")


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
            for ref in rules.CLAIM_ID.findall(str(text)):
                if ref not in known:
                    problems.append(f"{name}, line {line}, column {column!r}: {ref!r} names no claim in the ledger")
    return problems
