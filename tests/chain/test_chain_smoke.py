"""A small chain run for the fast loop: data preparation and one section notebook, rendered to HTML."""

import pytest

from helpers.chain.sandbox import copy_inputs, run_chain

pytestmark = pytest.mark.smoke


def test_one_section_runs_and_renders(tmp_path):
    copy = copy_inputs(tmp_path)
    done, _ = run_chain(copy, "--only", "01_prioritisation", "--no-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ran   00_data_preparation" in done.stdout and "ran   01_prioritisation" in done.stdout
    assert (copy / "reports" / "html" / "reviewer" / "01_prioritisation.html").stat().st_size > 0
    assert (copy / "data" / "processed" / "claims_audit.csv").exists()
