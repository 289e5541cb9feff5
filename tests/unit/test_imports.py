"""The rerun graph: the order, which helper modules a notebook depends on, and which of its inputs changed."""

import json
from pathlib import Path

import pytest

from helpers.chain import graph, imports


def _write(root: Path, rel: str, text: str = "") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _notebook(root: Path, *cells: str) -> Path:
    nb = {"cells": [{"cell_type": "code", "source": c, "metadata": {}} for c in cells], "metadata": {}}
    return _write(root, "notebooks/01_x.ipynb", json.dumps(nb))


def _package(root: Path) -> None:
    _write(root, "src/helpers/__init__.py")
    _write(root, "src/helpers/paths.py")
    _write(root, "src/helpers/figures/__init__.py")
    _write(root, "src/helpers/figures/style.py", "from .. import paths\n")
    _write(root, "src/helpers/figures/official.py", "from .style import x\nfrom ..data.official import y\n")
    _write(root, "src/helpers/data/__init__.py")
    _write(root, "src/helpers/data/official.py", "import pandas\n")
    _write(root, "src/helpers/survey/__init__.py")
    _write(root, "src/helpers/survey/likert.py")


def test_imports_are_followed_transitively_and_include_parent_packages(tmp_path):
    _package(tmp_path)
    nb = _notebook(tmp_path, "%matplotlib inline", "from helpers.figures import official as figs\nimport os")
    found = {p.relative_to(tmp_path / "src").as_posix() for p in imports.notebook_modules(nb, tmp_path)}
    assert found == {
        "helpers/__init__.py",
        "helpers/paths.py",
        "helpers/figures/__init__.py",
        "helpers/figures/official.py",
        "helpers/figures/style.py",
        "helpers/data/__init__.py",
        "helpers/data/official.py",
    }


def test_inputs_follow_imported_modules_read_files_and_parameter_folders(tmp_path):
    _package(tmp_path)
    _write(tmp_path, "requirements.txt", "pandas==3.1.1\n")
    nb = _notebook(tmp_path, "from helpers.figures import official")
    step = graph.Step("01_x", nb, reads=["data/processed/table.csv"])
    out = tmp_path / "out"
    _write(out, "data/processed/table.csv", "a\n1\n")
    export = tmp_path / "export"
    _write(export, "ms_leads.csv", "respondent_id\nMS001\n")

    def changed(**params) -> list[str]:
        """The inputs that differ from the last state, which becomes the new state."""
        nonlocal state
        new = graph.inputs(step, params, tmp_path, out)
        found, state = graph.changes(state, new), new
        return found

    state = None
    assert changed(survey_source=str(export)) == ["no previous run"]
    _write(tmp_path, "src/helpers/survey/likert.py", "changed = True\n")  # not imported: no effect
    assert changed(survey_source=str(export)) == []
    _write(tmp_path, "src/helpers/data/official.py", "import numpy\n")  # imported through figures.official
    assert changed(survey_source=str(export)) == ["module: src/helpers/data/official.py changed"]
    _write(out, "data/processed/table.csv", "a\n2\n")  # an upstream output it reads
    assert changed(survey_source=str(export)) == ["upstream output: data/processed/table.csv changed"]
    _write(export, "ms_leads.csv", "respondent_id\nMS002\n")  # the contents of a survey export
    assert changed(survey_source=str(export)) == ["survey export: ms_leads.csv changed"]
    assert changed(survey_source="reconstruction") == [
        "parameter: survey_source changed",
        "survey export: ms_leads.csv removed",
    ]
    assert changed(survey_source="reconstruction", last_year=2025) == ["parameter: last_year added"]
    _write(tmp_path, "reconstruction/ms_leads.csv", "respondent_id\nMS003\n")  # a keyword names no folder
    assert changed(survey_source="reconstruction", last_year=2025) == []
    assert graph.changes("an older runner's digest", state) == ["the last run recorded no inputs"]


def _chain(root: Path, config: str) -> list[str]:
    _write(root, "config/chain.yaml", config)
    for name in ("00_a", "01_b", "02_c"):
        _write(root, f"notebooks/{name}.ipynb", "{}")
    return [s.name for s in graph.load_chain(root)]


def test_chain_order_follows_after_and_refuses_cycles_and_unknown_names(tmp_path):
    order = "notebooks:\n  02_c: {after: [01_b]}\n  01_b: {after: [00_a]}\n  00_a: {}\n"
    assert _chain(tmp_path, order) == ["00_a", "01_b", "02_c"]
    with pytest.raises(graph.ChainError, match="dependency cycle"):
        _chain(tmp_path, "notebooks:\n  00_a: {after: [02_c]}\n  01_b: {}\n  02_c: {after: [00_a]}\n")
    with pytest.raises(graph.ChainError, match="unknown notebook '09_z' in 'after' of 01_b"):
        _chain(tmp_path, "notebooks:\n  00_a: {}\n  01_b: {after: [09_z]}\n  02_c: {}\n")


def test_a_checkout_running_another_checkouts_code_is_refused(tmp_path):
    import subprocess
    import sys

    _write(tmp_path, "config/chain.yaml", "notebooks: {}\n")
    done = subprocess.run([sys.executable, "-m", "helpers.chain"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1
    assert "imports the helpers from" in done.stderr and str(tmp_path) in done.stderr
