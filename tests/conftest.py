import functools
import numbers
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import paths

EXPECTED = Path(__file__).parent / "expected"


def pytest_addoption(parser):
    parser.addoption(
        "--update-expected", action="store_true", help="rewrite tests/expected/*.csv from the values computed now"
    )


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A copy of data/raw to corrupt."""
    target = tmp_path / "raw"
    shutil.copytree(paths.RAW, target, ignore=shutil.ignore_patterns("confidential"))
    return target


@pytest.fixture(scope="session")
def reconstruction():
    """The respondent-level survey reconstruction (rows and cells), built once for the unit and backtests."""
    from helpers.survey import reconstruct

    return reconstruct.build()


@pytest.fixture(scope="session")
def recomputed(reconstruction):
    """Every printed survey percentage recomputed from the reconstruction."""
    from helpers.survey import recompute

    return recompute.check(reconstruction)


@pytest.fixture(scope="session")
def processed_survey(tmp_path_factory):
    """The survey reconstruction and the report tables built into a temporary data/processed, as
    00_data_preparation writes them (a clean clone has none)."""
    from helpers.data.tables import REPORT_TABLES, publish_report_table
    from helpers.survey import reconstruct

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSR_OUTPUT_ROOT", str(tmp_path_factory.mktemp("output")))
        reconstruct.write(reconstruct.build())
        for name in REPORT_TABLES:
            publish_report_table(name)
        yield paths.processed()


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Two independent full runs of the chain, from clean (shared by the end-to-end and the figure tests)."""
    from helpers.chain.sandbox import copy_inputs, run_chain

    runs = []
    for name in ("first", "second"):
        copy = copy_inputs(tmp_path_factory.mktemp(name))
        done, _ = run_chain(copy)
        assert done.returncode == 0, done.stdout + done.stderr
        runs.append((copy, done))
    return runs


@pytest.fixture
def expected(request):
    """check_expected, rewriting the files from the computed values first under --update-expected."""
    return functools.partial(check_expected, update=request.config.getoption("update_expected"))


def _text(value) -> str:
    """A computed value as the files write it: blank if missing, numbers to 12 significant digits."""
    if not isinstance(value, str) and pd.isna(value):
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return format(float(value), ".12g")
    return str(value)


def check_expected(
    name: str, actual: pd.DataFrame, key: list[str], *, whole: bool = False, update: bool = False
) -> None:
    """Compare the rows of `actual` with tests/expected/<name>.csv, matched on the `key` columns.

    Every other column of the file is a value to equal (as text), except `note` (for the reader) and
    `<column>_contains` (text that <column> must contain). With whole=True the file holds every computed row;
    otherwise it pins the rows it lists. With update=True the values are rewritten from `actual` first.
    """
    path = EXPECTED / f"{name}.csv"
    file = pd.read_csv(path, dtype=str, keep_default_na=False)
    contains = {c: c.removesuffix("_contains") for c in file.columns if c.endswith("_contains")}
    values = [c for c in file.columns if c not in key and c != "note" and c not in contains]
    columns = list(dict.fromkeys(key + values + list(contains.values())))
    got = {}
    for row in actual[columns].map(_text).to_dict("records"):
        got[tuple(row[c] for c in key)] = row
    assert len(got) == len(actual), f"{name}: the computed rows repeat a {key} key"
    listed = {tuple(row[c] for c in key): row for row in file.to_dict("records")}
    assert len(listed) == len(file), f"{path.name}: rows repeat a {key} key"
    if update:
        kept = [k for k in listed if k in got] + sorted(k for k in got if whole and k not in listed)
        blank = dict.fromkeys(file.columns, "")
        rows = [{**blank, **listed.get(k, {}), **{c: got[k][c] for c in key + values}} for k in kept]
        rows += [listed[k] for k in listed if k not in got and not whole]  # still reported as not computed
        pd.DataFrame(rows, columns=file.columns).to_csv(path, index=False, lineterminator="\n")
        listed = {tuple(row[c] for c in key): row for row in rows}
    problems = []
    for line, (k, want) in enumerate(listed.items(), start=2):
        where = f"{path.name} line {line} (" + ", ".join(f"{c}={v}" for c, v in zip(key, k)) + ")"
        if k not in got:
            problems.append(f"{where}: not computed")
            continue
        row = got[k]
        problems += [f"{where}: {c} is {row[c]!r}, expected {want[c]!r}" for c in values if row[c] != want[c]]
        problems += [f"{where}: {c} {row[c]!r} lacks {want[f]!r}" for f, c in contains.items() if want[f] not in row[c]]
    if whole:
        problems += [f"{path.name}: computed {dict(zip(key, k))}, not in the file" for k in got if k not in listed]
    if problems:
        pytest.fail("\n".join(problems + ["(if the data changed on purpose: pytest --update-expected)"]), pytrace=False)
