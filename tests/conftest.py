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
    """The survey reconstruction built into a temporary data/processed (a clean clone has none)."""
    from helpers.survey import reconstruct

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSR_OUTPUT_ROOT", str(tmp_path_factory.mktemp("output")))
        reconstruct.write(reconstruct.build())
        yield paths.processed()
