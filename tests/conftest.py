import shutil
from pathlib import Path

import pytest

from helpers import paths


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A copy of data/raw to corrupt."""
    target = tmp_path / "raw"
    shutil.copytree(paths.RAW, target, ignore=shutil.ignore_patterns("confidential"))
    return target


@pytest.fixture(scope="session")
def processed_survey(tmp_path_factory):
    """The survey reconstruction and the report tables built into a temporary data/processed, as
    00_data_preparation writes them (a clean clone has none)."""
    from helpers.audit.ledger import load_claims
    from helpers.data.tables import save_table
    from helpers.survey import reconstruct
    from helpers.survey.published import load_published

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSR_OUTPUT_ROOT", str(tmp_path_factory.mktemp("output")))
        reconstruct.write(reconstruct.build())
        save_table(load_claims(), paths.report_table("claims.csv"))
        save_table(load_published(), paths.report_table("survey_published.csv"))
        yield paths.processed()
