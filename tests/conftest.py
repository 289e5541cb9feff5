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
    from helpers.data.tables import save_schema_table
    from helpers.data.validate import schema_for
    from helpers.survey import reconstruct
    from helpers.survey.published import load_published

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSR_OUTPUT_ROOT", str(tmp_path_factory.mktemp("output")))
        reconstruct.write(reconstruct.build())
        for name, table in (("claims.csv", load_claims()), ("survey_published.csv", load_published())):
            save_schema_table(table, paths.report_table(name), schema_for(paths.RAW / "report" / name))
        yield paths.processed()
