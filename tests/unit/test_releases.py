"""The publishers' release files: read cell by cell, edition by edition; a new edition is picked up from its file
and provenance record alone; a file that is not what its record says, or not laid out as expected, is refused."""

import csv
import shutil

import openpyxl
import pandas as pd
import pytest

from helpers.audit.edition_checks import REVIEWED, check_revisions
from helpers.audit.ledger import load_claims
from helpers.data import editions, releases
from helpers.data.official import load_official
from helpers.data.validate import DataValidationError

NRM_FILES = ["nrm_referrals_by_quarter_age_location_2009q2_2023q4.csv", "duty_to_notify_by_quarter_2015q4_2023q4.csv"]
HEADER = ["Offence code", "Offence category", "Apr 2014 to \n Mar 2015", "Apr 2015 to \n Mar 2016",
          "Jan 2025 to Dec 2025", "% change"]  # fmt: skip
ROWS = [[None, "VICTIM BASED CRIME", 1, 2, 3, 0.5], [72, "Trafficking for sexual exploitation", 184, "[c]", 7, None],
        [106, "Modern Slavery [note 23]", "[x]", 961, "..", None]]  # fmt: skip


@pytest.fixture(scope="module")
def values():
    return editions.with_periods(releases.load_releases())


def _workbook(path, title="Table A5a:  Police recorded crime by offence, year ending March 2003 to March 2026",
              header=HEADER, rows=ROWS, sheet="Table_A5a"):  # fmt: skip
    """A synthetic edition laid out as the ONS appendix tables (title in A1, header in row 9)."""
    book = openpyxl.Workbook()
    book.active.title = "Cover Sheet"
    ws = book.create_sheet(sheet)
    ws["A1"] = title
    for j, text in enumerate(header, start=1):
        ws.cell(row=9, column=j, value=text)
    for i, row in enumerate(rows, start=10):
        for j, value in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=value)
    book.save(path)


def _folder(tmp_path, make=_workbook, name="appendix_tables_ye_mar2026.xlsx", sha=None, files=NRM_FILES):
    """A releases folder: the two NRM files (or `files`) with their records, and a synthetic edition with a
    record."""
    folder = tmp_path / "releases"
    folder.mkdir()
    records = list(csv.DictReader((releases.FOLDER / releases.PROVENANCE).open(encoding="utf-8")))
    kept = [r for r in records if r["file"] in files]
    for r in kept:
        shutil.copyfile(releases.FOLDER / r["file"], folder / r["file"])
    make(folder / name)
    new = dict(records[0], file=name, edition="year ending March 2026", edition_end="2026-03", published="")
    new["sha256"] = sha or releases.sha256(folder / name)
    with (folder / releases.PROVENANCE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows([*kept, new])
    return folder


def test_editions_revise_earlier_years_read_from_their_cells(values):
    ms = values[(values["series"] == "police_recorded_ms_offences") & (values["period"] == "2019/20")]
    by_edition = ms.set_index("edition")
    assert by_edition.loc["year ending September 2022", ["value", "sheet", "cell"]].tolist() == [
        8384,
        "Table A4",
        "T58",
    ]
    assert by_edition.loc["year ending June 2025", ["value", "sheet", "cell"]].tolist() == [8295, "Table_A5a", "T58"]
    assert set(values["edition"]) >= {"year ending December 2025", "quarter 4 2023 (October to December)"}


def test_suppression_markers_are_not_available_never_zero(values):
    assert set(values["status"]) <= {"value", "computed", *releases.MARKERS}
    marked = values[values["status"].isin(releases.MARKERS)]
    assert not marked.empty and marked["value"].isna().all()
    before_code_106 = values[(values["series"] == "police_recorded_ms_offences") & (values["period"] == "2014/15")]
    assert before_code_106["value"].isna().all() and set(before_code_106["status"]) == {"[x]"}


def test_duty_to_notify_is_complete_from_its_first_year(values):
    dtn = values[(values["series"] == "dtn_reports") & (values["period_type"] == "calendar_year")]
    assert dtn["period"].tolist() == [str(y) for y in range(2015, 2024)] and dtn["value"].notna().all()


def test_a_new_edition_is_picked_up_from_its_file_and_record(tmp_path):
    rows = releases.load_releases(_folder(tmp_path))
    new = rows[rows["edition"] == "year ending March 2026"].set_index(["series", "period"])
    assert new.loc[("police_recorded_ms_offences", "2015/16"), "value"] == 961
    assert new.loc[("police_recorded_ms_offences", "2015/16"), "cell"] == "D12"
    assert new.loc[("police_recorded_ms_offences", "year ending December 2025"), "status"] == ".."
    assert pd.isna(new.loc[("trafficking_sexual_exploitation_offences", "2015/16"), "value"])
    assert new.loc[("trafficking_sexual_exploitation_offences", "2015/16"), "status"] == "[c]"


def _broken(tmp_path, **layout):
    return lambda path: _workbook(path, **layout)


@pytest.mark.parametrize(
    "make, sha, message",
    [
        (_workbook, "0" * 64, r"appendix_tables_ye_mar2026\.xlsx: sha256 [0-9a-f]{64} differs from its record "
         r"\(.*provenance\.csv, line 4, column 'sha256'\)"),
        (lambda p: p.write_text("not a workbook"), None, r"appendix_tables_ye_mar2026\.xlsx: not a valid \.xlsx"),
        (lambda p: _workbook(p, title="Table A5a: something else"), None, r"no sheet titled 'police recorded crime"),
        (lambda p: _workbook(p, rows=ROWS[:2]), None, r"sheet 'Table_A5a': no row with offence code 106"),
        (lambda p: _workbook(p, header=[*HEADER[:3], "Total", *HEADER[4:]]), None,
         r"sheet 'Table_A5a', cell D9: column header 'Total' is not a period .*changed column layout"),
        (lambda p: _workbook(p, header=["Offence code", "Category", *HEADER[2:]]), None,
         r"sheet 'Table_A5a', cell B9: 'Category' is not 'Offence category'"),
        (lambda p: _workbook(p, rows=[*ROWS[:2], [106, "Modern Slavery", "n/a", 1, 2, None]]), None,
         r"sheet 'Table_A5a', cell C12: 'n/a' is neither a number nor a suppression marker"),
    ],
)  # fmt: skip
def test_a_release_that_is_not_what_its_record_says_is_refused(tmp_path, make, sha, message):
    with pytest.raises(DataValidationError, match=message):
        releases.load_releases(_folder(tmp_path, make=make, sha=sha))


def test_a_file_without_a_record_is_refused(tmp_path):
    folder = _folder(tmp_path)
    (folder / "stray.xlsx").write_bytes(b"")
    with pytest.raises(DataValidationError, match=r"stray\.xlsx: no provenance record"):
        releases.load_provenance(folder)


def _rewritten(tmp_path, old, new):
    """A releases folder whose Duty to Notify file has `old` replaced by `new`, its record's sha256 updated."""
    folder = _folder(tmp_path)
    path = folder / NRM_FILES[1]
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    records = (folder / releases.PROVENANCE).read_text(encoding="utf-8")
    recorded = releases.sha256(releases.FOLDER / NRM_FILES[1])
    (folder / releases.PROVENANCE).write_text(records.replace(recorded, releases.sha256(path)), encoding="utf-8")
    return folder


def test_a_changed_csv_layout_is_refused(tmp_path):
    with pytest.raises(DataValidationError, match=r"line 1: columns .* changed column layout"):
        releases.load_releases(_rewritten(tmp_path, "Year,Quarter,Total", "Year,Q,Total"))


def test_a_period_that_is_not_a_quarter_is_refused(tmp_path):
    with pytest.raises(DataValidationError, match=r"line 7, column 'Quarter': 'Q5' is not Q1\.\.Q4 or Total"):
        releases.load_releases(_rewritten(tmp_path, "2016,Q3,", "2016,Q5,"))


def test_hand_typed_rows_are_corroborated_by_every_edition(values):
    table = editions.corroborate(load_official(), values)
    row = table[(table["file"] == "nrm.csv") & (table["period"] == "2023") & (table["breakdown"] == "total")]
    assert set(zip(row["value"], row["agreement"])) == {(17004.0, "equal"), (16990.0, "differs by -14")}
    prc = table[table["series"] == "police_recorded_ms_offences"]
    assert prc["edition"].nunique() == 4 and prc["where"].str.contains(r"\.xlsx sheet Table").all()


def test_an_edition_that_moves_a_checked_value_is_refused_until_its_record_lists_the_claim(tmp_path):
    """The report's -19% (2022/23 to 2023/24, claim L0481:19) is -17.7% to -17.9% in every stored edition; a new
    edition revising both years to give -19.0% moves that value and changes the claim's verdict: refused, naming
    the file, the cells, both editions and the verdicts, until the edition's record lists the claim."""
    header = ["Offence code", "Offence category", "Apr 2022 to Mar 2023", "Apr 2023 to Mar 2024"]
    rows = [[72, "Trafficking for sexual exploitation", 10, 20], [106, "Modern Slavery", 10000, 8100]]
    records = list(csv.DictReader((releases.FOLDER / releases.PROVENANCE).open(encoding="utf-8")))
    folder = _folder(tmp_path, lambda p: _workbook(p, header=header, rows=rows), files=[r["file"] for r in records])
    values, claims = releases.load_releases(folder), load_claims()
    with pytest.raises(DataValidationError) as refused:
        check_revisions(claims, values, releases.load_provenance(folder), folder / releases.PROVENANCE)
    assert refused.value.problems == [
        f"{folder.as_posix()}/appendix_tables_ye_mar2026.xlsx (year ending March 2026) revises what claim L0481:19 "
        "is checked against: year ending March 2026: -19.0% from 2022/23 10000 (appendix_tables_ye_mar2026.xlsx "
        "sheet Table_A5a C11) to 2023/24 8100 (appendix_tables_ye_mar2026.xlsx sheet Table_A5a D11), where year "
        "ending December 2025: -17.7% from 2022/23 9602 (appendix_tables_ye_dec2025.xlsx sheet Table_A5a W58) to "
        "2023/24 7898 (appendix_tables_ye_dec2025.xlsx sheet Table_A5a X58); the claim's edition check changes from "
        "'disagrees_with_source' to 'reproduced'. After review, add L0481:19 to column 'revises_checked' of its "
        f"record ({folder.as_posix()}/provenance.csv, line 8)"
    ]
    provenance = folder / releases.PROVENANCE
    listed = pd.read_csv(provenance, dtype=str, keep_default_na=False)
    listed.loc[listed["file"] == "appendix_tables_ye_mar2026.xlsx", REVIEWED] = "L0481:19"
    listed.to_csv(provenance, index=False, lineterminator="\n")
    check_revisions(claims, values, releases.load_provenance(folder), provenance)  # reviewed: accepted


def test_the_stored_editions_list_every_checked_value_they_revise():
    check_revisions(
        load_claims(), releases.load_releases(), releases.load_provenance(), releases.FOLDER / releases.PROVENANCE
    )
