"""Run the notebook chain into reports/ (the README's reproduce command).

    python -m helpers.chain [--force] [--jobs N] [--only NAME ...] [-p name=value ...] [--no-pdf] [--explain]

Notebooks run with papermill in fresh kernels, in dependency order, up to N at a time. Everything is built in
a staging folder and swapped into reports/ and data/processed/ only when every notebook succeeded (see
chain.swap: a crash mid-swap is completed by the next run). A notebook runs when one of its inputs (notebook,
helper modules, data files, parameters, upstream outputs: ``graph.inputs``) differs from those its last
successful run recorded, and the runner says which; ``--explain`` says it without running anything. One run at a
time per checkout (chain.lock); SIGINT and SIGTERM end the notebooks and their kernels, remove the staging folder
and leave the outputs as they were. Every input is checked before anything runs (chain.preflight).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import suppress
from graphlib import TopologicalSorter
from pathlib import Path

from .. import paths
from ..data.read import DataValidationError
from . import disk, graph, params, preflight, swap
from .lock import LockBusy, run_lock

MANIFEST = swap.MANIFEST
DETERMINISM_ENV = {"SOURCE_DATE_EPOCH": "1751328000", "PYTHONHASHSEED": "0", "MPLBACKEND": "agg"}


class ChainFailed(RuntimeError):
    """A notebook failed; the message names the notebook, the cell and the exception."""


class DiskFull(ChainFailed):
    """A write found the disk full; the message names the path being written."""


LEFT_AS_THEY_WERE = (
    "; the staging folder was removed and reports/ and data/processed/ were left as they were: make room on the "
    "disk and run again"
)


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived; raised in the main thread by the signal handler."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.after_swap = False


def _on_signal(signum, _frame):
    raise Interrupted(signum)


def _worker_signals() -> None:
    """Workers leave SIGINT to the runner and die on SIGTERM (the runner ends them and their kernels)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _end_children() -> None:
    """Terminate every process this runner started (pool workers and their kernels), then kill stragglers."""
    import psutil

    children = psutil.Process().children(recursive=True)
    for child in children:
        with suppress(psutil.NoSuchProcess):
            child.terminate()
    for child in psutil.wait_procs(children, timeout=5)[1]:
        with suppress(psutil.NoSuchProcess):
            child.kill()


def plan(root: Path, overrides: list[str], only: list[str]) -> tuple[list[graph.Step], set[str], dict, dict]:
    """Steps, the names of those to consider (`only` and their ancestors, or all), resolved parameters and each
    step's inputs (against the live outputs); raises before anything runs if parameters are wrong."""
    config_files = preflight.check_config(root)
    preflight.check_notebooks(root)
    steps = graph.load_chain(root)
    names = {s.name for s in steps}
    for name in only:
        if name not in names:
            raise params.ParameterError(f"--only {name!r}: no such notebook; choose from {sorted(names)}")
    declared = {s.name: params.declared_parameters(s.path) for s in steps}
    config = config_files.get("params.yaml")
    cli = dict(params.parse_override(o) for o in overrides)
    resolved = params.resolve(declared, config, cli)
    wanted = _with_ancestors(steps, set(only)) if only else names
    return steps, wanted, resolved, {s.name: graph.inputs(s, resolved.get(s.name, {}), root) for s in steps}


def _execute(steps, wanted, decide, resolved, staging, root, jobs, pdf, previous_seconds) -> dict[str, float]:
    """Run the wanted steps that `decide` says must run, at most `jobs` at a time, each after its dependencies
    (graphlib), the longest (by its last run) first; stop at the first failure. `decide(step)` (why it runs, or
    "" to skip it) is asked when the step's upstream notebooks are finished, so that it sees what they wrote."""
    from .execute import execute_notebook

    executed = staging / "reports" / "notebooks"
    executed.mkdir(parents=True, exist_ok=True)
    by_name = {s.name: s for s in steps if s.name in wanted}
    order = TopologicalSorter({name: step.after for name, step in by_name.items()})
    order.prepare()
    timings: dict[str, float] = {}
    ready, running = [], {}
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_signals)
    try:
        while order.is_active():
            for step in map(by_name.get, order.get_ready()):
                if reason := decide(step):
                    ready.append((step, reason))
                else:
                    order.done(step.name)
            ready.sort(key=lambda r: -previous_seconds.get(r[0].name, 0))
            while ready and len(running) < jobs:
                step, reason = ready.pop(0)
                args = (step.path, executed / step.path.name, resolved[step.name], staging, root / "notebooks", pdf)
                running[pool.submit(execute_notebook, *args)] = (step, reason)
                print(f"  start {step.name:<40} ({reason})", flush=True)
            for future in wait(running, return_when=FIRST_COMPLETED)[0] if running else ():
                (step, reason), result = running.pop(future), future.result()
                if not result["ok"]:
                    err = result["error"]
                    if err["disk_full"]:
                        raise DiskFull(f"{err['evalue']} (notebook {step.path.name})")
                    at = err["cell_index"]
                    where = "start-up" if at is None else f"cell {err['cell']} (index {at})"
                    raise ChainFailed(
                        f"notebook {step.path.name} failed in {where}: {err['ename']}: {err['evalue']}\n"
                        f"  executed copy with the traceback: {executed / step.path.name}\n"
                        f"  reports/ and data/processed/ were left as they were"
                    )
                timings[step.name] = result["seconds"]
                order.done(step.name)
                rendered = result["seconds"] - result["executed"]
                print(
                    f"  ran   {step.name:<40} {result['seconds']:6.1f} s  "
                    f"(notebook {result['executed']:.1f} s, its pages {rendered:.1f} s)",
                    flush=True,
                )
    except BaseException:
        _end_children()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return timings


def _clear_figures_of(figures: Path, notebook: str) -> None:
    """Remove the figures a notebook saved last time, so that a figure it no longer makes does not linger."""
    for record in figures.glob("*.json"):
        if json.loads(record.read_text(encoding="utf-8")).get("notebook") == notebook:
            for file in figures.glob(f"{record.stem}.*"):
                file.unlink()


def _render_print(steps: list[graph.Step], found: dict[str, dict], pdf: bool) -> str:
    """What the index and the merged PDF depend on: every notebook's inputs, and whether there is a PDF."""
    return graph.digest([found[s.name] for s in steps] + [pdf])


def _reasons(name: str, inputs: dict, previous: dict, forced: str | None) -> list[str]:
    """Why notebook `name` must run: what forces every notebook, else each input that changed since its last
    run; empty when it is up to date (the index and the PDF are rendered again whenever ``_render_print``
    differs)."""
    if forced:
        return [forced]
    return graph.changes(previous.get(name), inputs)


def _said(reasons: list[str], most: int = 3) -> str:
    more = f"; and {len(reasons) - most} more" if len(reasons) > most else ""
    return "; ".join(reasons[:most]) + more


def _with_ancestors(steps: list[graph.Step], names: set[str]) -> set[str]:
    wanted = set(names)
    for step in reversed(steps):  # in topological order, reversed: a step's dependants come before it
        if step.name in wanted:
            wanted |= set(step.after)
    return wanted


def run(root: Path = paths.ROOT, *, force=False, jobs=2, only=(), overrides=(), pdf=True, wait=False) -> int:
    """Run the chain, holding the checkout's run lock; return the number of notebooks executed."""
    with run_lock(root, wait=wait):
        recovered = swap.recover(root)
        if recovered:
            print(recovered, flush=True)
        return _run_locked(root, force, jobs, only, overrides, pdf)


def _outputs_changed(root: Path, manifest: dict) -> str | None:
    """What differs between the outputs on disk and those the last run left, or None."""
    if not manifest["notebooks"]:
        return None
    expected, actual = manifest.get("outputs"), swap.listing(root)
    if expected == actual:
        return None
    if expected is None:
        return "the last run left no list of its outputs"
    missing = sorted(set(expected) - set(actual))
    changed = sorted(k for k in set(expected) & set(actual) if expected[k] != actual[k])
    extra = sorted(set(actual) - set(expected))
    example = (missing or changed or extra)[0]
    return f"{len(missing)} missing, {len(changed)} changed, {len(extra)} unexpected (e.g. {example})"


def _last_run(root: Path, force: bool) -> tuple[dict, str | None]:
    """The manifest of the last run, and what makes every notebook run whatever its inputs (or None)."""
    manifest = _read_json(root / "reports" / MANIFEST, {"notebooks": {}})
    changed = _outputs_changed(root, manifest)
    if changed:
        return {"notebooks": {}}, f"the outputs are not those the last run left ({changed})"
    return manifest, "--force" if force else None


def explain(root: Path = paths.ROOT, *, force=False, only=(), overrides=(), pdf=True) -> None:
    """Print, per notebook, whether a run would execute it and which inputs changed; run and write nothing.

    A notebook whose own inputs are unchanged but whose upstream notebook would run is decided only once that
    one has run (on the outputs it writes), as in a real run: it is listed as "maybe"."""
    steps, wanted, _, found = plan(root, list(overrides), list(only))
    manifest, forced = _last_run(root, force)
    print("chain --explain: what a run would do, and why (nothing is run)")
    may_change: set[str] = set()
    for step in (s for s in steps if s.name in wanted):
        reasons = _reasons(step.name, found[step.name], manifest["notebooks"], forced)
        upstream = [name for name in step.after if name in may_change]
        if reasons:
            print(f"  run   {step.name:<40} {_said(reasons, most=10)}")
        elif upstream and any(p.startswith(graph.OUTPUT_PREFIXES) for p in step.reads):
            print(f"  maybe {step.name:<40} unchanged so far; runs if {', '.join(upstream)} changes what it reads")
        else:
            print(f"  skip  {step.name:<40} unchanged")
            continue
        may_change.add(step.name)
    if not may_change and manifest.get("render") == _render_print(steps, found, pdf):
        print("chain --explain: nothing to do")


def _run_locked(root: Path, force: bool, jobs: int, only, overrides, pdf: bool) -> int:
    started = time.perf_counter()
    steps, wanted, resolved, found = plan(root, list(overrides), list(only))
    manifest, forced = _last_run(root, force)
    if forced and not force:
        print(f"chain: {forced}; rebuilding every notebook", flush=True)
    previous = manifest["notebooks"]
    stale = [n for n in wanted if _reasons(n, found[n], previous, forced)]
    book_behind = pdf and not only and manifest.get("pdf_behind")
    if not stale and not book_behind and manifest.get("render") == _render_print(steps, found, pdf):
        print(f"chain: nothing to do ({len(steps)} notebooks up to date) in {time.perf_counter() - started:.1f} s")
        return 0
    checked = preflight.inputs_key(root, steps, resolved)
    if force or manifest.get("inputs_checked") != checked:  # inputs that passed at the last run: not checked again
        preflight.check_inputs(root, steps, resolved)
    os.environ.update(DETERMINISM_ENV)
    staging = swap.staging_dir(root)
    ran: set[str] = set()

    def decide(step: graph.Step) -> str:
        """Why the step runs, against the staged outputs (upstream notebooks may just have rewritten them)."""
        found[step.name] = graph.inputs(step, resolved.get(step.name, {}), root, staging)
        reasons = _reasons(step.name, found[step.name], previous, forced)
        if reasons:
            ran.add(step.name)
            _clear_figures_of(staging / "reports" / "figures", step.name)
            return _said(reasons)
        print(f"  skip  {step.name:<40} unchanged", flush=True)
        return ""

    timings_file = root / "build" / "timings.json"
    last_seconds = _read_json(timings_file, {})
    try:
        swap.stage(root)
        timings = _execute(steps, wanted, decide, resolved, staging, root, jobs, pdf, last_seconds)
        from .render import figure_records, render_notebook
        from .render_html import write_index, write_search

        if manifest.get("pdf", True) != pdf:  # the pages of notebooks that did not run link (or not) the PDF
            executed = staging / "reports" / "notebooks"
            for name in sorted(s.name for s in steps if s.name not in ran and (executed / f"{s.name}.ipynb").exists()):
                render_notebook(staging / "reports", name, pdf)
        from .render_pdf import remove_pdfs, write_appendix

        names = [s.name for s in steps]
        kept = pdf and only and (staging / "reports" / "appendix.pdf").exists()  # the edit loop keeps the book
        behind = sorted(set(manifest.get("pdf_behind", [])) | ran) if kept else []
        _timed("changes reports/changes.csv, .html", _write_changes, root, staging, previous, found, steps)
        figures = figure_records(staging / "reports" / "figures")
        _timed("landing page reports/index.html", write_index, staging / "reports", names, figures, pdf, behind)
        _timed("search index reports/search-index.js", write_search, staging / "reports", figures)
        if not pdf:
            remove_pdfs(staging / "reports")
            print("  render appendix reports/appendix.pdf  skipped (--no-pdf): removed, not left older than the pages")
        elif behind:
            print(f"  render appendix reports/appendix.pdf  kept from the last full run (--only); older than {behind}")
        else:
            _timed("appendix reports/appendix.pdf", write_appendix, staging / "reports", names)
        new_manifest = {
            "notebooks": {**previous, **{n: found[n] for n in ran}},
            "render": _render_print(steps, found, pdf),
            "pdf": pdf,
            "pdf_behind": behind,
            "inputs_checked": checked,
            "outputs": swap.listing(staging),
        }
        with disk.writing(staging / "reports" / MANIFEST):
            (staging / "reports" / MANIFEST).write_text(json.dumps(new_manifest, indent=1, sort_keys=True) + "\n")
        swap.checkpoint("before_swap")
    except Interrupted:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except Exception as exc:
        if not (isinstance(exc, DiskFull) or disk.is_full(exc)):
            raise
        shutil.rmtree(staging, ignore_errors=True)
        said = str(exc) if isinstance(exc, DiskFull) else disk.message(exc, staging)
        raise DiskFull(said + LEFT_AS_THEY_WERE) from None
    try:
        swap.swap_in(root)
    except Interrupted as exc:  # delivered once the swap was complete
        exc.after_swap = True
        raise
    timings_file.write_text(json.dumps({**last_seconds, **timings}, indent=1, sort_keys=True))
    total = time.perf_counter() - started
    print(
        f"chain: {len(timings)} notebook(s) run, {len(wanted) - len(ran)} skipped, in {total:.1f} s "
        f"(the notebooks' own times add up to {sum(timings.values()):.1f} s: up to {jobs} run at once)"
    )
    return len(timings)


def _write_changes(root: Path, staging: Path, previous: dict, found: dict, steps: list[graph.Step]) -> None:
    from . import changes

    after = {s.name: s.after for s in steps}
    changes.write(staging / "reports", changes.build_changes(root, staging, previous, found, after))


def _timed(what: str, step, *args) -> None:
    """Run one rendering step of the whole appendix, then say what it wrote and how long it took."""
    started = time.perf_counter()
    step(*args)
    print(f"  render {what:<39} {time.perf_counter() - started:6.1f} s", flush=True)


def _read_json(path: Path, default: dict) -> dict:
    """A state file of the runner; unreadable counts as absent (everything is then rebuilt)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default
    return data if isinstance(data, dict) and all(k in data for k in default) else default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.chain", description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="re-run every notebook")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default 2)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this notebook (and those it needs) and re-render its pages; the PDF appendix is kept as the "
        "last full run left it, and the landing page names the chapters newer than it",
    )
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF appendix")
    parser.add_argument("--wait", action="store_true", help="if another run holds this checkout, wait for it")
    parser.add_argument("--explain", action="store_true", help="say what would run and why; run nothing")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _on_signal)
    options = {"force": args.force, "only": args.only, "overrides": args.param, "pdf": not args.no_pdf}
    try:
        if args.explain:
            explain(**options)
        else:
            run(jobs=args.jobs, wait=args.wait, **options)
    except Interrupted as exc:
        what = (
            "the new outputs were already in place"
            if exc.after_swap
            else "notebooks and their kernels ended, staging removed; reports/ and data/processed/ left as they were"
        )
        print(f"chain: stopped by {exc}: {what}", file=sys.stderr)
        return 128 + exc.signum
    except (params.ParameterError, graph.ChainError, ChainFailed, DataValidationError, LockBusy) as exc:
        print(f"chain: stopped: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a fault no check foresaw: one line here, the traceback in a file
        log = paths.ROOT / "build" / "chain-error.txt"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(
            f"chain: stopped by an unexpected error: {type(exc).__name__}: {exc} (traceback in build/chain-error.txt; "
            "reports/ and data/processed/ left as they were, or completed by the next run)",
            file=sys.stderr,
        )
        return 1
    return 0
