"""Bad raw input stops with a message naming file, line and column."""

import csv

import pytest

from helpers.data.official import load_official
from helpers.data.validate import DataValidationError, read_validated


def _edit(path, row_index, column, value):
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    header = list(rows[0])
    if value is None:
        header.remove(column)
        for r in rows:
            r.pop(column)
    else:
        rows[row_index][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _load_raises(raw_copy, pattern):
    with pytest.raises(DataValidationError, match=pattern):
        load_official(raw_copy / "official")


def test_valid_official_data_load(raw_copy):
    assert len(load_official(raw_copy / "official")) > 200


def test_missing_column(raw_copy):
    _edit(raw_copy / "official" / "cps.csv", 0, "quote", None)
    _load_raises(raw_copy, r"cps\.csv, line 1: missing column\(s\) \['quote'\]")


def test_non_numeric_value(raw_copy):
    _edit(raw_copy / "official" / "nrm.csv", 4, "value", "12,345")
    _load_raises(raw_copy, r"nrm\.csv, line 6, column 'value': '12,345' is not a number")


def test_negative_count(raw_copy):
    _edit(raw_copy / "official" / "operations.csv", 0, "value", "-3")
    _load_raises(raw_copy, r"operations\.csv, line 2, column 'value': '-3' is below the minimum 0")


def test_duplicate_key(raw_copy):
    path = raw_copy / "official" / "funding.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    _load_raises(raw_copy, rf"funding\.csv, line {len(lines) + 1}, columns \[.*\]: duplicate key")


def test_unknown_period_format(raw_copy):
    _edit(raw_copy / "official" / "sentencing.csv", 1, "period", "sometime in 2019")
    _load_raises(raw_copy, r"sentencing\.csv, line 3, column 'period': unknown period format 'sometime in 2019'")


def test_malformed_row(raw_copy):
    path = raw_copy / "report" / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8") + "L9999:1,9999,too,few\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"claims\.csv, line \d+: 4 values for 16 columns"):
        read_validated(path)


def test_frictionless_accepts_the_datapackage():
    from frictionless import Package

    from helpers import paths

    report = Package(str(paths.RAW / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
