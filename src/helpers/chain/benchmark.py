"""Benchmark: the full chain from clean against a floor of trivial notebooks run the same way.

    python -m helpers.chain.benchmark [--jobs N]

Prints the chain's wall time from clean, the floor (the same number of notebooks holding only the imports,
same runner, same rendering), their ratio, the time of a no-op re-run, and the edit-one-figure loop: after an
edit to the module that draws one figure, a whole-chain re-run (with how many notebooks it re-ran) and ``--only``
that figure's notebook. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from .. import paths
from ..figures import registry
from . import graph
from .sandbox import copy_inputs, run_chain

EDITED_FIGURE = "fig06"  # the loop: edit the module that draws it, re-run its notebook
EDITED_MODULE = "src/helpers/figures/official/crime_and_referrals.py"
TRIVIAL_SOURCE = "\n".join(
    [
        "import matplotlib.pyplot as plt",
        "import pandas as pd",
        "",
        "from helpers import paths",
        "from helpers.figures import save, style",
    ]
)


def make_trivial(copy: Path) -> None:
    """Replace every notebook's body by its parameters cell and the imports."""
    for step in graph.load_chain(copy):
        nb = json.loads(step.path.read_text(encoding="utf-8"))
        params = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        imports = {
            "cell_type": "code",
            "execution_count": None,
            "id": "imports",
            "metadata": {},
            "outputs": [],
            "source": TRIVIAL_SOURCE,
        }
        nb["cells"] = [*params, imports]
        step.path.write_text(json.dumps(nb, indent=1), encoding="utf-8")


def _check(done) -> None:
    if done.returncode != 0:
        raise SystemExit(f"benchmark: the chain failed:\n{done.stdout}\n{done.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.chain.benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once, in both runs (default 2)")
    jobs = ["--jobs", str(parser.parse_args(argv).jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        full = copy_inputs(Path(tmp) / "full")
        done, full_seconds = run_chain(full, *jobs)
        _check(done)
        done, noop_seconds = run_chain(full, *jobs)
        _check(done)
        module = full / EDITED_MODULE
        module.write_text(module.read_text(encoding="utf-8") + "\n# benchmark: an edit\n", encoding="utf-8")
        done, edit_seconds = run_chain(full, *jobs)
        _check(done)
        reran = [line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("ran ")]
        module.write_text(module.read_text(encoding="utf-8") + "# and another\n", encoding="utf-8")
        notebook = registry.get(EDITED_FIGURE).notebook
        done, only_seconds = run_chain(full, *jobs, "--only", notebook)
        _check(done)
        floor = copy_inputs(Path(tmp) / "floor")
        make_trivial(floor)
        done, floor_seconds = run_chain(floor, *jobs)
        _check(done)
    n = len(graph.load_chain(paths.ROOT))
    print(f"notebooks in the chain           {n}")
    print(f"full chain from clean            {full_seconds:6.1f} s")
    print(f"floor ({n} import-only notebooks) {floor_seconds:6.1f} s")
    print(f"ratio full / floor               {full_seconds / floor_seconds:6.2f}")
    print(f"no-op re-run                     {noop_seconds:6.1f} s")
    print(f"edit one figure module, re-run   {edit_seconds:6.1f} s  ({EDITED_MODULE}: {len(reran)} notebooks re-ran)")
    print(f"  the same with --only {notebook}  {only_seconds:6.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
