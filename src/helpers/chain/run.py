"""Run the notebook chain into reports/ (the README's reproduce command).

    python -m helpers.chain [--force] [--jobs N] [--only NAME ...] [-p name=value ...] [--no-pdf]

Notebooks run with papermill in fresh kernels, in dependency order, up to N at a time. Everything is built in
a staging folder and swapped into reports/ and data/processed/ only when every notebook succeeded. A notebook
whose notebook file, helpers, data and parameters are unchanged since its last successful run is skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

import yaml

from .. import paths
from . import graph, params

MANIFEST = ".manifest.json"
OUTPUT_DIRS = ("reports", "data/processed")
DETERMINISM_ENV = {"SOURCE_DATE_EPOCH": "1751328000", "PYTHONHASHSEED": "0", "MPLBACKEND": "agg"}


class ChainFailed(RuntimeError):
    """A notebook failed; the message names the notebook, the cell and the exception."""


def plan(root: Path, overrides: list[str], only: list[str]) -> tuple[list[graph.Step], dict, dict]:
    """Steps, resolved parameters and fingerprints; raises before anything runs if parameters are wrong."""
    steps = graph.load_chain(root)
    names = {s.name for s in steps}
    for name in only:
        if name not in names:
            raise params.ParameterError(f"--only {name!r}: no such notebook; choose from {sorted(names)}")
    declared = {s.name: params.declared_parameters(s.path) for s in steps}
    config = yaml.safe_load((root / "config" / "params.yaml").read_text(encoding="utf-8"))
    cli = dict(params.parse_override(o) for o in overrides)
    resolved = params.resolve(declared, config, cli)
    return steps, resolved, graph.fingerprints(steps, resolved, root)


def _read_manifest(root: Path) -> dict:
    path = root / "reports" / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {"notebooks": {}}


def _stage(root: Path) -> Path:
    """A staging copy of the current outputs, so skipped notebooks keep theirs."""
    staging = root / "build" / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    for rel in OUTPUT_DIRS:
        src = root / rel
        if src.exists():
            shutil.copytree(src, staging / rel)
        else:
            (staging / rel).mkdir(parents=True)
    return staging


def _swap_in(root: Path, staging: Path) -> None:
    """Replace each output folder by its staged version (rename old away, rename new in, delete old)."""
    for rel in OUTPUT_DIRS:
        live, new, old = root / rel, staging / rel, root / "build" / "old" / rel
        shutil.rmtree(old, ignore_errors=True)
        old.parent.mkdir(parents=True, exist_ok=True)
        if live.exists():
            live.rename(old)
        new.rename(live)
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def _execute(steps, wanted, decide, resolved, staging, root, jobs, pdf, previous_seconds) -> dict[str, float]:
    """Run the wanted steps that `decide` says must run, at most `jobs` at a time, each after its dependencies,
    the longest (by its last run) first; stop at the first failure. `decide(step)` is asked when the step's
    upstream notebooks are finished, so that it sees the outputs they wrote."""
    from .execute import execute_notebook

    executed = staging / "reports" / "notebooks"
    executed.mkdir(parents=True, exist_ok=True)
    done: set[str] = {s.name for s in steps if s.name not in wanted}
    pending = [s for s in steps if s.name in wanted]
    timings: dict[str, float] = {}
    running, approved = {}, set()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while pending or running:
            ready = sorted((s for s in pending if set(s.after) <= done), key=lambda s: -previous_seconds.get(s.name, 0))
            for step in (s for s in ready if s.name not in approved):
                if decide(step):
                    approved.add(step.name)
                else:
                    pending.remove(step)
                    done.add(step.name)
            ready = [s for s in ready if s in pending]
            for step in ready[: max(0, jobs - len(running))]:
                pending.remove(step)
                future = pool.submit(
                    execute_notebook,
                    step.path,
                    executed / step.path.name,
                    resolved[step.name],
                    staging,
                    root / "notebooks",
                    pdf,
                )
                running[future] = step
            if not running:
                continue
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                step = running.pop(future)
                result = future.result()
                if not result["ok"]:
                    err = result["error"]
                    where = (
                        f"cell {err['cell']} (index {err['cell_index']})"
                        if err["cell_index"] is not None
                        else "start-up"
                    )
                    for f in running:
                        f.cancel()
                    raise ChainFailed(
                        f"notebook {step.path.name} failed in {where}: {err['ename']}: {err['evalue']}\n"
                        f"  executed copy with the traceback: {executed / step.path.name}\n"
                        f"  reports/ and data/processed/ were left as they were"
                    )
                timings[step.name] = result["seconds"]
                done.add(step.name)
                print(f"  ran   {step.name:<40} {result['seconds']:6.1f} s", flush=True)
    return timings


def _clear_figures_of(figures: Path, notebook: str) -> None:
    """Remove the figures a notebook saved last time, so that a figure it no longer makes does not linger."""
    for record in figures.glob("*.json"):
        if json.loads(record.read_text(encoding="utf-8")).get("notebook") == notebook:
            for file in figures.glob(f"{record.stem}.*"):
                file.unlink()


def _render_print(steps: list[graph.Step], prints: dict[str, str], pdf: bool) -> str:
    """What the index and the merged PDF depend on: every notebook's fingerprint, and whether there is a PDF."""
    return json.dumps([prints[s.name] for s in steps] + [str(pdf)])


def _with_ancestors(steps: list[graph.Step], names: set[str]) -> set[str]:
    by_name = {s.name: s for s in steps}
    result, stack = set(), list(names)
    while stack:
        name = stack.pop()
        if name not in result:
            result.add(name)
            stack.extend(by_name[name].after)
    return result


def run(root: Path = paths.ROOT, *, force=False, jobs=2, only=(), overrides=(), pdf=True) -> int:
    """Run the chain; return the number of notebooks executed."""
    started = time.perf_counter()
    steps, resolved, prints = plan(root, list(overrides), list(only))
    manifest = _read_manifest(root)
    previous = manifest["notebooks"]
    wanted = _with_ancestors(steps, set(only)) if only else {s.name for s in steps}

    def stale(name: str, fingerprint: str) -> bool:
        missing_pdf = pdf and not (root / "reports" / "pdf" / f"{name}.pdf").exists()
        return force or previous.get(name) != fingerprint or missing_pdf

    if not any(stale(n, prints[n]) for n in wanted) and manifest.get("render") == _render_print(steps, prints, pdf):
        print(f"chain: nothing to do ({len(steps)} notebooks up to date) in {time.perf_counter() - started:.1f} s")
        return 0
    os.environ.update(DETERMINISM_ENV)
    staging = _stage(root)
    ran: set[str] = set()

    def decide(step: graph.Step) -> bool:
        """Fingerprint against the staged outputs (upstream notebooks may just have rewritten them)."""
        prints[step.name] = graph.fingerprint(step, resolved.get(step.name, {}), root, staging)
        if stale(step.name, prints[step.name]):
            ran.add(step.name)
            _clear_figures_of(staging / "reports" / "figures", step.name)
            return True
        print(f"  skip  {step.name:<40} unchanged", flush=True)
        return False

    timings_file = root / "build" / "timings.json"
    last_seconds = json.loads(timings_file.read_text()) if timings_file.exists() else {}
    timings = _execute(steps, wanted, decide, resolved, staging, root, jobs, pdf, last_seconds)
    from .render import merge_pdf, render_index

    names = [s.name for s in steps]
    render_index(staging / "reports", names, pdf)
    if pdf:
        merge_pdf(staging / "reports", names)
    new_manifest = {
        "notebooks": {**previous, **{n: prints[n] for n in ran}},
        "render": _render_print(steps, prints, pdf),
    }
    (staging / "reports" / MANIFEST).write_text(json.dumps(new_manifest, indent=1, sort_keys=True) + "\n")
    _swap_in(root, staging)
    timings_file.write_text(json.dumps({**last_seconds, **timings}, indent=1, sort_keys=True))
    total = time.perf_counter() - started
    print(
        f"chain: {len(timings)} notebook(s) run, {len(wanted) - len(ran)} skipped; "
        f"{sum(timings.values()):.1f} s in notebooks and their rendering, total {total:.1f} s"
    )
    return len(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.chain", description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="re-run every notebook")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default 2)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="run only this notebook")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF appendix")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    try:
        run(force=args.force, jobs=args.jobs, only=args.only, overrides=args.param, pdf=not args.no_pdf)
    except (params.ParameterError, graph.ChainError, ChainFailed) as exc:
        print(f"chain: stopped: {exc}", file=sys.stderr)
        return 1
    return 0
