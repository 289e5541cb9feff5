"""Benchmark: the full chain from clean against a floor of trivial notebooks run the same way.

    python -m helpers.chain.benchmark [--jobs N]
    python -m helpers.chain.benchmark --scale N

Prints the chain's wall time from clean, the floor (the same number of notebooks holding only the imports,
same runner, same rendering), their ratio (and that of the chain without its PDF phase), the time of a no-op
re-run, the edit-one-figure loop (an edit to the module that draws one figure, then ``--only`` that figure's
notebook: twice), a whole-chain re-run after such an edit, and the time of each phase of the full run as the
runner timed it (the audit's notebooks, the HTML pages, the landing page, the search index, the PDF appendix).

``--scale N`` builds the chain twice in the sandbox, on the inputs as they are and on a copy with N times the
claims (synthetic copies with new ids), and prints how each phase grows. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import tempfile
from pathlib import Path

from .. import paths
from ..figures import registry
from . import graph
from .sandbox import copy_inputs, run_chain

EDITED_FIGURE = "fig06"  # the loop: edit the module that draws it, re-run its notebook
AUDIT_NOTEBOOKS = ("00_data_preparation", "07_claims_audit")
EDITED_MODULE = "src/helpers/figures/official/recorded_crime.py"
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
    """Give a copy `factor` times the claims: each extra copy of a claim gets a new id (its suffix after '#' moved
    up by 1000 per copy), and the releases' reviewed revisions list the copies of the claims they list. (The
    official rows are not copied: the figures select them by series and period, so copies would collide.)"""
    raw = copy / "data" / "raw"
    _rewrite(
        raw / "report" / "claims.csv",
        lambda rows: [{**row, "claim_id": _claim_copy(row["claim_id"], k)} for k in range(factor) for row in rows],
    )
    _rewrite(
        raw / "official" / "releases" / "provenance.csv",
        lambda rows: [{**row, "revises_checked": _copies(row["revises_checked"], factor)} for row in rows],
    )


def _claim_copy(claim_id: str, k: int) -> str:
    """Copy `k` of a claim's id (copy 0: the claim itself)."""
    root, _, suffix = claim_id.partition("#")
    return f"{root}#{1000 * k + int(suffix or 0)}" if k else claim_id


def _copies(claim_ids: str, factor: int) -> str:
    return " ".join(_claim_copy(c, k) for c in claim_ids.split() for k in range(factor))


def _rewrite(path: Path, transform) -> None:
    """Rewrite a CSV's rows as `transform(rows)` gives them, with the same columns."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(transform(rows))
    path.write_text(out.getvalue(), encoding="utf-8")


def phase_seconds(done) -> dict[str, float]:
    """Seconds of each phase of a run, as the runner timed them: the audit's notebooks (00 and 07), every
    notebook's HTML pages, the landing page, the search index and the PDF appendix."""
    ran = dict(re.findall(r"ran\s+(\S+)\s+([0-9.]+) s", done.stdout))
    pages = sum(float(seconds) for seconds in re.findall(r"its pages ([0-9.]+) s", done.stdout))
    rendered = dict(
        (what, float(seconds)) for what, seconds in re.findall(r"render (\S+.*?)\s+([0-9.]+) s$", done.stdout, re.M)
    )
    audit = [float(ran[name]) for name in AUDIT_NOTEBOOKS if name in ran]
    return {
        "audit (00 and 07 notebooks)": sum(audit),
        "HTML pages (every notebook's)": pages,
        "landing page": sum(v for k, v in rendered.items() if k.startswith("landing page")),
        "search index": sum(v for k, v in rendered.items() if k.startswith("search index")),
        "PDF appendix": sum(v for k, v in rendered.items() if k.startswith("appendix")),
    }


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
    notebook = registry.get(EDITED_FIGURE).notebook
    with tempfile.TemporaryDirectory() as tmp:
        full = copy_inputs(Path(tmp) / "full")
        done, full_seconds = run_chain(full, *jobs)
        _check(done)
        phases = phase_seconds(done)
        done, noop_seconds = run_chain(full, *jobs)
        _check(done)
        loops = []
        for k in range(2):  # the edit loop, twice: edit the module that draws the figure, then --only
            _edit(full / EDITED_MODULE, k)
            done, seconds = run_chain(full, *jobs, "--only", notebook)
            _check(done)
            loops.append((seconds, _ran(done)))
        _edit(full / EDITED_MODULE, 2)
        done, edit_seconds = run_chain(full, *jobs)
        _check(done)
        reran = _ran(done)
        floor = copy_inputs(Path(tmp) / "floor")
        make_trivial(floor)
        done, floor_seconds = run_chain(floor, *jobs)
        _check(done)
    n = len(graph.load_chain(paths.ROOT))
    print(f"notebooks in the chain             {n}")
    print(f"full chain from clean, with PDF    {full_seconds:6.1f} s")
    print(f"floor ({n} import-only notebooks)   {floor_seconds:6.1f} s")
    print(f"ratio full / floor                 {full_seconds / floor_seconds:6.2f}")
    before_pdf = full_seconds - phases["PDF appendix"]  # the PDF starts when the last notebook has finished
    print(f"  the same without the PDF          {before_pdf / floor_seconds:6.2f}  ({before_pdf:.1f} s)")
    print(f"no-op re-run                       {noop_seconds:6.1f} s")
    for k, (seconds, ran) in enumerate(loops, start=1):
        print(f"edit one figure, --only, run {k}     {seconds:6.1f} s  ({EDITED_FIGURE}'s module edited; ran {ran})")
    print(f"edit, then the whole chain         {edit_seconds:6.1f} s  ({len(reran)} notebooks re-ran, PDF rebuilt)")
    print("phases of the full chain from clean, as the runner timed them:")
    for label, seconds in phases.items():
        print(f"  {label:<32} {seconds:6.1f} s")
    return 0


def _edit(module: Path, k: int) -> None:
    module.write_text(module.read_text(encoding="utf-8") + f"\n# benchmark: edit {k}\n", encoding="utf-8")


def _ran(done) -> list[str]:
    return [line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("ran ")]


def scaled(factor: int, jobs: list[str]) -> int:
    """Each phase's time on the inputs as they are and on `factor` times the claims (``scale_inputs``)."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, times in (("1x", 1), (f"{factor}x", factor)):
            copy = copy_inputs(Path(tmp) / label)
            if times > 1:
                scale_inputs(copy, times)
            done, seconds = run_chain(copy, *jobs)
            _check(done)
            results[label] = {"whole chain": seconds, **phase_seconds(done)}
    base, big = results["1x"], results[f"{factor}x"]
    print(f"{'phase':<30} {'1x':>8} {f'{factor}x':>8}  growth (linear: {factor})")
    for label in base:
        growth = f"{big[label] / base[label]:6.2f}" if base[label] >= 0.1 else "     -"  # too short to compare
        print(f"{label:<30} {base[label]:7.1f}s {big[label]:7.1f}s  {growth}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
