"""Malformed inputs are refused with file, line and column: encodings, cut-off files, empty or missing files,
duplicate headers, non-finite numbers, shares over 100, malformed dates, broken package/config/notebook files,
unknown items and claim references that do not exist."""

import codecs
import json

import pytest

from helpers.chain import preflight
from helpers.data import validate
from helpers.data.read import DataValidationError, read_csv_rows


def _raises(call, *fragments):
    with pytest.raises(DataValidationError) as err:
        call()
    text = str(err.value)
    for fragment in fragments:
        assert fragment in text, text
    return text


def _replace_line(path, number, old, new):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_byte_order_mark(raw_copy):
    path = raw_copy / "official" / "nrm.csv"
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    _raises(lambda: validate.read_validated(path), "nrm.csv, line 1, column 1: the file starts with a byte-order mark")


def test_non_utf8_bytes(raw_copy):
    path = raw_copy / "official" / "cps.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"ab\xe9" + lines[2]
    path.write_bytes(b"\n".join(lines))
    _raises(lambda: validate.read_validated(path), "cps.csv, line 3, column 3: byte 0xE9 is not UTF-8")


def test_file_cut_off_inside_a_quoted_field(raw_copy):
    path = raw_copy / "official" / "funding.csv"
    text = path.read_text(encoding="utf-8")
    cut = text.rindex(',"') + 5  # inside the last row's quoted field
    path.write_text(text[:cut], encoding="utf-8")
    last = text[:cut].count("\n") + 1
    _raises(
        lambda: validate.read_validated(path), f"funding.csv, line {last}: a quoted field opened here is never closed"
    )


def test_file_cut_off_mid_row(raw_copy):
    path = raw_copy / "official" / "operations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:3]) + "live_ms_operations,total,2024\n", encoding="utf-8")
    _raises(lambda: validate.read_validated(path), "operations.csv, line 4: 3 values for 13 columns")


@pytest.mark.parametrize("content", [b"", b"\n\n", None])
def test_empty_or_missing_file(raw_copy, content):
    path = raw_copy / "official" / "sentencing.csv"
    path.unlink()
    if content is not None:
        path.write_bytes(content)
    expected = "sentencing.csv: the file is empty" if content is not None else "sentencing.csv: file not found"
    _raises(lambda: validate.read_validated(path, validate.schema_for(raw_copy / "official" / "nrm.csv")), expected)


def test_header_only_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n", encoding="utf-8")
    _raises(lambda: read_csv_rows(path), "t.csv: a header but no data rows")


def test_duplicate_header(raw_copy):
    path = raw_copy / "official" / "nrm.csv"
    _replace_line(path, 1, "geography", "period")
    _raises(
        lambda: validate.read_validated(path),
        "nrm.csv, line 1, column 5: duplicate column name 'period' (also column 3)",
    )


@pytest.mark.parametrize("value", ["inf", "nan", "-Infinity", "NaN"])
def test_non_finite_numbers(raw_copy, value):
    path = raw_copy / "official" / "nrm.csv"
    _replace_line(path, 2, ",1746,", f",{value},")
    text = _raises(
        lambda: validate.read_validated(path), f"nrm.csv, line 2, column 'value': '{value}' is not a finite number"
    )
    assert text.startswith("1 problem(s)"), text  # the rule replaces frictionless' minimum check


@pytest.mark.parametrize("file", ["official/cps.csv", "report/claims.csv", "report/survey_published.csv"])
def test_share_over_100_in_any_table(raw_copy, file):
    path = raw_copy / file
    frame = validate.read_validated(path)
    position = int((frame["unit"] == "percent").to_numpy().argmax())
    number = frame.attrs["lines"][position]
    value = frame["value"].iloc[position]
    _replace_line(path, number, f",{value:g},", ",101,")
    _raises(
        lambda: validate.read_validated(path), f"{path.name}, line {number}, column 'value': percentage 101 is over 100"
    )


@pytest.mark.parametrize("date", ["2024-13", "2023-02-30", "20x4"])
def test_malformed_release_date(raw_copy, date):
    path = raw_copy / "official" / "nrm.csv"
    _replace_line(path, 2, ",2014-02,", f",{date},")
    text = _raises(lambda: validate.read_validated(path), "nrm.csv, line 2, column 'release_date'")
    assert text.startswith("1 problem(s)"), text


def test_broken_datapackage(raw_copy):
    package = raw_copy / "datapackage.json"
    text = package.read_text(encoding="utf-8")
    package.write_text(text.replace('"resources": [', '"resources": [,', 1), encoding="utf-8")
    _raises(lambda: validate.check_package(package), "datapackage.json, line 11, column", "not valid JSON")
    package.write_text(json.dumps({"name": "x"}), encoding="utf-8")
    _raises(lambda: validate.check_package(package), "datapackage.json: no 'resources' list")


def test_csv_not_described_by_the_package(raw_copy):
    (raw_copy / "official" / "extra.csv").write_text("a\n1\n", encoding="utf-8")
    _raises(lambda: validate.check_package(raw_copy / "datapackage.json"), "extra.csv: no resource in")


def test_unknown_item(raw_copy):
    path = raw_copy / "report" / "survey_published.csv"
    _replace_line(path, 3, "ms_widely_understood_policing", "ms_no_such_item")
    _raises(
        lambda: validate.check_package(raw_copy / "datapackage.json"),
        "survey_published.csv, line 3, column(s) ['population', 'item_id']: population='ms_leads', "
        "item_id='ms_no_such_item' does not exist",
    )


def test_claim_reference_that_does_not_exist(raw_copy):
    path = raw_copy / "report" / "claims.csv"
    frame = validate.read_validated(path)
    derived = int(frame["derived"].notna().to_numpy().argmax())
    number = frame.attrs["lines"][derived]
    token = frame["derived"].iloc[derived].split("(")[1].split(",")[0]
    _replace_line(path, number, token, "L9999:1")
    _raises(lambda: validate.read_validated(path), f"claims.csv, line {number}, column 'derived': refers to 'L9999:1'")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("L9998:1,1,s,,q,1,count,official,,,,,,L9997:5,,\n")
    _raises(lambda: validate.read_validated(path), "column(s) ['dup_of']: dup_of='L9997:5' does not exist")


def _chain_root(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "config" / "chain.yaml").write_text("notebooks:\n  00_a: {}\n", encoding="utf-8")
    (tmp_path / "config" / "params.yaml").write_text("all: {}\n", encoding="utf-8")
    return tmp_path


def test_broken_config_yaml(tmp_path):
    root = _chain_root(tmp_path)
    (root / "config" / "params.yaml").write_text("all:\n  last_year: [2024\n", encoding="utf-8")
    _raises(lambda: preflight.check_config(root), "config/params.yaml, line 3, column 1: not valid YAML")
    (root / "config" / "params.yaml").write_text("all: 2024\n", encoding="utf-8")
    _raises(lambda: preflight.check_config(root), "params.yaml: section 'all' must be a mapping")
    (root / "config" / "chain.yaml").write_text("- 00_a\n", encoding="utf-8")
    _raises(lambda: preflight.check_config(root), "chain.yaml: expected a mapping")


def test_broken_notebook_file(tmp_path):
    root = _chain_root(tmp_path)
    notebook = root / "notebooks" / "00_a.ipynb"
    notebook.write_text('{\n "cells": [\n  {"cell_type": "code",\n', encoding="utf-8")
    _raises(lambda: preflight.check_notebooks(root), "00_a.ipynb, line 4, column 1: not valid JSON")
    notebook.write_text('{"cells": 3}', encoding="utf-8")
    _raises(lambda: preflight.check_notebooks(root), "00_a.ipynb: not a valid notebook")


def test_the_input_checks_are_skipped_only_while_what_they_read_is_unchanged(tmp_path):
    from helpers.chain import graph
    from helpers.chain.sandbox import copy_inputs

    root = copy_inputs(tmp_path / "copy")
    steps = graph.load_chain(root)
    key = preflight.inputs_key(root, steps, {})
    assert preflight.inputs_key(root, steps, {}) == key
    figure = root / "src" / "helpers" / "figures" / "official" / "drawing.py"
    figure.write_text(figure.read_text(encoding="utf-8") + "\n# an edit to a figure\n", encoding="utf-8")
    assert preflight.inputs_key(root, steps, {}) == key
    assert preflight.inputs_key(root, steps, {steps[1].name: {"last_year": 2023}}) != key
    raw = root / "data" / "raw" / "official" / "nrm.csv"
    raw.write_text(raw.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert preflight.inputs_key(root, steps, {}) != key
    checks = root / "src" / "helpers" / "data" / "validate.py"
    raw.write_text(raw.read_text(encoding="utf-8")[:-1], encoding="utf-8")
    assert preflight.inputs_key(root, steps, {}) == key
    checks.write_text(checks.read_text(encoding="utf-8") + "\n# an edit to a check\n", encoding="utf-8")
    assert preflight.inputs_key(root, steps, {}) != key
