"""Bad raw input stops with a message naming file, line and column."""

import csv

import pytest

from helpers.data.official import load_official
from helpers.data.read import display
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
    """Every row of every official file is loaded, at its file and line, with its value and a parsed period."""
    raw = {}
    for path in sorted((raw_copy / "official").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                raw[path.name, reader.line_num] = row
    table = load_official(raw_copy / "official")
    loaded = {(r.file, r.csv_line): r for r in table.itertuples()}
    assert sorted(loaded) == sorted(raw)
    for key, row in raw.items():
        got = loaded[key]
        assert (got.series, got.breakdown, got.period, got.value) == (
            row["series"],
            row["breakdown"],
            row["period"],
            float(row["value"]),
        ), key
    assert table["period_start"].notna().all() and table["year"].notna().all()


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
    key = rf"funding\.csv, line {len(lines) + 1}, columns \[.*\]: duplicate key \(.*\), first at line 2"
    _load_raises(raw_copy, key)


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


# A table whose first record spans two lines (a quoted note), so that record and line numbers differ.
SCHEMA = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True}},
        {"name": "kind", "type": "string", "constraints": {"required": True, "enum": ["a", "b"]}},
        {"name": "count", "type": "integer", "constraints": {"minimum": 0}},
        {"name": "code", "type": "string", "constraints": {"unique": True, "pattern": "c\\d"}},
        {"name": "parent", "type": "string"},
        {"name": "note", "type": "string"},
    ],
    "primaryKey": ["id"],
    "foreignKeys": [{"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}}],
}
GOOD_ROWS = 'x1,a,1,c1,,"a note\nover two lines"\nx2,b,2,c2,x1,\n'  # lines 2-3 and 4


def _table(tmp_path, extra_row=""):
    path = tmp_path / "t.csv"
    path.write_text("id,kind,count,code,parent,note\n" + GOOD_ROWS + extra_row, encoding="utf-8")
    return path


def test_a_record_over_two_lines_keeps_its_file_line(tmp_path):
    frame = read_validated(_table(tmp_path), SCHEMA)
    assert frame.attrs["lines"] == [2, 4]
    assert str(frame["count"].dtype) == "int64" and frame["note"].iloc[0] == "a note\nover two lines"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("x3,a,two,c3,,", "column 'count': 'two' is not a whole number"),
        ("x3,,1,c3,,", "column 'kind': value required"),
        ("x3,z,1,c3,,", "column 'kind': 'z' is not one of ['a', 'b']"),
        ("x3,a,-1,c3,,", "column 'count': '-1' is below the minimum 0"),
        ("x3,a,1,d3,,", "column 'code': 'd3' does not match the pattern c\\d"),
        ("x3,a,1,c2,,", "column 'code': 'c2' appears more than once, first at line 4"),
        ("x1,a,1,c3,,", "columns ['id']: duplicate key (id='x1'), first at line 2"),
        ("x3,a,1,c3,x9,", "column(s) ['parent']: parent='x9' does not exist (no such id in this file)"),
    ],
)
def test_each_schema_error_names_file_line_and_column(tmp_path, row, expected):
    path = _table(tmp_path, row + "\n")
    with pytest.raises(DataValidationError) as err:
        read_validated(path, SCHEMA)
    assert err.value.problems == [f"{display(path)}, line 5, {expected}"]


def test_a_bad_report_table_is_not_published(raw_copy, tmp_path, monkeypatch):
    """00 validates a report table before copying it: a theme need_statements.csv does not know stops with its
    file, line and column, and the table already published stays as it was."""
    from helpers import paths
    from helpers.data.tables import publish_report_table

    monkeypatch.setenv("MSR_OUTPUT_ROOT", str(tmp_path / "output"))
    published = publish_report_table("need_statements.csv")
    before = published.read_bytes()
    _edit(raw_copy / "report" / "need_statements.csv", 2, "theme", "polcy")
    monkeypatch.setattr(paths, "RAW", raw_copy)
    with pytest.raises(DataValidationError, match=r"need_statements.csv, line 4, column 'theme'.*'polcy'"):
        publish_report_table("need_statements.csv")
    assert published.read_bytes() == before
