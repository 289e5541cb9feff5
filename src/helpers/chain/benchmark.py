"""Benchmark: the full chain from clean against a floor of trivial notebooks run the same way.

    python -m helpers.chain.benchmark [--jobs N]
    python -m helpers.chain.benchmark --scale N

Prints the chain's wall time from clean, the floor (the same number of notebooks holding only the imports,
same runner, same rendering), their ratio, the time of a no-op re-run, the edit-one-figure loop (after an edit
to the module that draws one figure: a whole-chain re-run, with how many notebooks it re-ran, and ``--only``
that figure's notebook), and the time of each rendering phase (HTML pages, PDF appendix) on the built outputs.

``--scale N`` builds the chain twice in the sandbox, on the inputs as they are and on a copy with N times the
claims and the official rows (synthetic copies: new claim ids, a 'synthetic copy' geography), and prints how the
audit, HTML and PDF times grow. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import tempfile
import time
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


def scale_inputs(copy: Path, factor: int) -> None:
    """Give a copy `factor` times the claims and the official rows: each extra copy of a claim gets a new id
    (its suffix after '#' moved up by 1000 per copy), each extra official row a geography of its own."""
    raw = copy / "data" / "raw"
    _extend(raw / "report" / "claims.csv", factor, lambda row, k: {**row, "claim_id": _claim_copy(row["claim_id"], k)})
    for path in sorted((raw / "official").glob("*.csv")):
        _extend(path, factor, lambda row, k: {**row, "geography": f"{row['geography']} (synthetic copy {k})"})


def _claim_copy(claim_id: str, k: int) -> str:
    root, _, suffix = claim_id.partition("#")
    return f"{root}#{1000 * k + int(suffix or 0)}"


def _extend(path: Path, factor: int, copy_row) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows + [copy_row(row, k) for k in range(1, factor) for row in rows])
    path.write_text(out.getvalue(), encoding="utf-8")


def phase_seconds(copy: Path, done) -> dict[str, float]:
    """Seconds of each phase on a built copy: the audit's notebooks (as the runner timed them), then the HTML
    pages and the PDF appendix rendered again here from the executed notebooks."""
    from .render import render_index, render_notebook
    from .render_pdf import write_appendix

    ran = dict(re.findall(r"ran\s+(\S+)\s+([0-9.]+) s", done.stdout))
    names = [s.name for s in graph.load_chain(copy)]
    reports = copy / "reports"
    os.environ["MSR_OUTPUT_ROOT"] = str(copy)
    seconds = {"audit (00 and 07 notebooks)": float(ran["00_data_preparation"]) + float(ran["07_claims_audit"])}
    start = time.perf_counter()
    for name in names:
        render_notebook(reports, name, True)
    render_index(reports, names, pdf=True)
    seconds["HTML pages"] = time.perf_counter() - start
    start = time.perf_counter()
    write_appendix(reports, names, {"commit": "benchmark", "date": "", "parameters": {}})
    seconds["PDF appendix"] = time.perf_counter() - start
    os.environ.pop("MSR_OUTPUT_ROOT")
    return seconds


def _check(done) -> None:
    if done.returncode != 0:
        raise SystemExit(f"benchmark: the chain failed:\n{done.stdout}\n{done.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.chain.benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once, in both runs (default 2)")
    parser.add_argument("--scale", type=int, default=0, metavar="N", help="compare against N times the claims")
    args = parser.parse_args(argv)
    jobs = ["--jobs", str(args.jobs)]
    if args.scale:
        return scaled(args.scale, jobs)
    with tempfile.TemporaryDirectory() as tmp:
        full = copy_inputs(Path(tmp) / "full")
        done, full_seconds = run_chain(full, *jobs)
        _check(done)
        phases = phase_seconds(full, done)
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
    print("phases, rendered again on the built outputs (the chain builds no search index):")
    for label, seconds in phases.items():
        print(f"  {label:<30} {seconds:6.1f} s")
    return 0


def scaled(factor: int, jobs: list[str]) -> int:
    """Each phase's time on the inputs as they are and on `factor` times the claims and official rows."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, times in (("1x", 1), (f"{factor}x", factor)):
            copy = copy_inputs(Path(tmp) / label)
            if times > 1:
                scale_inputs(copy, times)
            done, seconds = run_chain(copy, *jobs)
            _check(done)
            results[label] = {"whole chain": seconds, **phase_seconds(copy, done)}
    base, big = results["1x"], results[f"{factor}x"]
    print(f"{'phase':<30} {'1x':>8} {f'{factor}x':>8}  growth (linear: {factor})")
    for label in base:
        print(f"{label:<30} {base[label]:7.1f}s {big[label]:7.1f}s  {big[label] / base[label]:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
