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
