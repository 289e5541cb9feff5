"""``python -m helpers.chain``: run the notebook chain (see ``helpers.chain.run``).

Refuses to run when the current folder is a checkout other than the one the ``helpers`` package is imported
from (a copied checkout whose environment still points at the original): the notebooks and data of one would
silently run against the code of the other.
"""

import sys
from pathlib import Path

from .. import paths
from .run import main


def _other_checkout(cwd: Path) -> Path | None:
    here = next((p for p in (cwd, *cwd.parents) if (p / "config" / "chain.yaml").is_file()), None)
    return here if here is not None and here.resolve() != paths.ROOT.resolve() else None


if __name__ == "__main__":  # not in the worker processes that import this module to start (macOS, Windows)
    if other := _other_checkout(Path.cwd()):
        sys.exit(
            f"chain: this environment imports the helpers from {paths.ROOT}, but the current checkout is {other}; "
            "run `python3 tasks.py reproduce` there (it re-installs the package) or `pip install -e .` in it"
        )
    sys.exit(main())
