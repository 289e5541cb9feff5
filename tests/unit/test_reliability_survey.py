"""Survey exports: refused with file, line and column when malformed, and accepted only from the git-ignored
data/raw/confidential/ or from outside the repository."""

import shutil
import subprocess

import pytest

from helpers import paths
from helpers.data.read import DataValidationError
from helpers.survey import export

GOOD = {
    "ms_leads": ["MS001,Yes", "MS002,No"],
    "frontline": ["FL001,Yes"],
    "system_leaders": ["SL001,No"],
}


def _write(folder, rows=GOOD, header="respondent_id,item_a"):
    folder.mkdir(parents=True, exist_ok=True)
    for population, lines in rows.items():
        (folder / f"{population}.csv").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return folder


def _refused(call, *fragments):
    with pytest.raises(DataValidationError) as err:
        call()
    for fragment in fragments:
        assert fragment in str(err.value), str(err.value)


def test_a_good_export_is_read(tmp_path):
    rows = export.read_export(_write(tmp_path / "x"), {"ms_leads": ["item_a"]})
    assert list(rows["ms_leads"]["respondent_id"]) == ["MS001", "MS002"]


def test_duplicated_respondent_id(tmp_path):
    folder = _write(tmp_path / "x", {**GOOD, "frontline": ["FL001,Yes", "FL002,No", "FL001,No"]})
    _refused(
        lambda: export.read_export(folder),
        "frontline.csv, line 4, column 'respondent_id': respondent id 'FL001' duplicated (first at line 2)",
    )


def test_more_respondents_than_the_population(tmp_path):
    n = export.population_size("system_leaders")
    folder = _write(tmp_path / "x", {**GOOD, "system_leaders": [f"SL{i:03d},No" for i in range(n + 2)]})
    _refused(
        lambda: export.read_export(folder),
        f"system_leaders.csv, line {n + 2}: {n + 2} respondent rows, more than the system_leaders survey's n={n}",
    )


def test_empty_and_missing_files(tmp_path):
    folder = _write(tmp_path / "x")
    (folder / "ms_leads.csv").write_text("", encoding="utf-8")
    (folder / "frontline.csv").unlink()
    _refused(lambda: export.read_export(folder), "ms_leads.csv: the file is empty", "frontline.csv: file not found")


def test_missing_item_column(tmp_path):
    folder = _write(tmp_path / "x")
    _refused(
        lambda: export.read_export(folder, {"frontline": ["item_a", "fl_item_b"]}),
        "frontline.csv, line 1: column 'fl_item_b' is missing (the frontline survey export needs it)",
    )


def test_missing_respondent_id_column(tmp_path):
    folder = _write(tmp_path / "x", header="id,item_a")
    _refused(lambda: export.read_export(folder), "ms_leads.csv, line 1: column 'respondent_id' is missing")


@pytest.fixture
def checkout(tmp_path):
    """A small git checkout with the repository's .gitignore."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(paths.ROOT / ".gitignore", root / ".gitignore")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def test_export_inside_the_repository_is_refused(checkout):
    _write(checkout / "exports")
    _refused(
        lambda: export.resolve_folder("exports", checkout),
        "parameter survey_source='exports': exports/ is inside the repository where git would track its files",
        "put the export in data/raw/confidential/ (git-ignored) or in a folder outside the repository",
    )


def test_export_in_confidential_or_outside_is_accepted(checkout, tmp_path):
    inside = _write(checkout / "data" / "raw" / "confidential" / "wave1")
    assert export.resolve_folder("data/raw/confidential/wave1", checkout) == inside.resolve()
    outside = _write(tmp_path / "elsewhere")
    assert export.resolve_folder(str(outside), checkout) == outside.resolve()
    assert export.resolve_folder("reconstruction", checkout) is None


def test_confidential_folder_that_git_would_track_is_refused(checkout):
    (checkout / ".gitignore").write_text("build/\n", encoding="utf-8")  # the ignore rule removed
    _write(checkout / "data" / "raw" / "confidential")
    _refused(lambda: export.resolve_folder("data/raw/confidential", checkout), "where git would track its files")


@pytest.mark.parametrize("value", ["", "no/such/folder"])
def test_missing_folder_names_the_parameter(checkout, value):
    _refused(lambda: export.resolve_folder(value, checkout), "parameter survey_source must be 'reconstruction'")
