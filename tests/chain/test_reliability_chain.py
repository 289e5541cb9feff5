"""The runner under crashes, signals and a second runner, on a one-notebook chain the test makes: never a
partial set of outputs, a clean stop on SIGINT/SIGTERM, one run at a time, bad inputs refused in one line."""

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from helpers.chain.sandbox import copy_inputs, run_chain

pytestmark = pytest.mark.chain

NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "p",
            "metadata": {"tags": ["parameters"]},
            "outputs": [],
            "source": ["value = 1\n", "sleep = 0\n", "survey_source = 'reconstruction'"],
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "w",
            "metadata": {},
            "outputs": [],
            "source": [
                "import os, time\n",
                "from helpers import paths\n",
                "if os.environ.get('TINY_MARKER'):\n",
                "    open(os.environ['TINY_MARKER'], 'w').write(str(os.getpid()))\n",
                "time.sleep(sleep)\n",
                "assert value != 13, 'value 13 refused'\n",
                "paths.processed().mkdir(parents=True, exist_ok=True)\n",
                "(paths.processed() / 'table.csv').write_text(f'value\\n{value}\\n')\n",
                "(paths.reports() / 'figures').mkdir(parents=True, exist_ok=True)\n",
                "(paths.reports() / 'figures' / 'note.txt').write_text(f'value {value}\\n')",
            ],
        },
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A copy of the repository whose chain is one small notebook writing one table and one report file."""
    root = copy_inputs(tmp_path / "repo")
    shutil.rmtree(root / "notebooks")
    (root / "notebooks").mkdir()
    (root / "notebooks" / "00_tiny.ipynb").write_text(json.dumps(NOTEBOOK, indent=1) + "\n", encoding="utf-8")
    (root / "config" / "chain.yaml").write_text("notebooks:\n  00_tiny:\n    reads: []\n", encoding="utf-8")
    (root / "config" / "params.yaml").write_text("all:\n  value: 1\n", encoding="utf-8")
    return root


def _start(root: Path, *args: str, pause: str | None = None, **env: str) -> subprocess.Popen:
    environ = {**os.environ, "PYTHONPATH": str(root / "src"), **env}
    environ.pop("MSR_OUTPUT_ROOT", None)
    if pause:
        environ["MSR_CHAIN_PAUSE_AT"] = pause
    return subprocess.Popen(
        [sys.executable, "-m", "helpers.chain", "--no-pdf", *args],
        cwd=root,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(proc: subprocess.Popen, text: str, timeout: float = 120) -> str:
    """Read the runner's stdout until a line contains `text`."""
    seen, deadline = [], time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=1):
                line = proc.stdout.readline()
                seen.append(line)
                if text in line:
                    return "".join(seen)
                if not line:
                    break
    proc.kill()
    raise AssertionError(f"{text!r} not seen; stdout: {''.join(seen)} stderr: {proc.stderr.read()}")


def _ok(root: Path, *args: str) -> subprocess.CompletedProcess:
    done, _ = run_chain(root, "--no-pdf", *args)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _outputs(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("reports", "data/processed")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def test_kill_between_the_two_swaps_is_completed_by_the_next_run(tiny):
    _ok(tiny)
    runner = _start(tiny, "-p", "value=2", pause="between_swaps")
    _wait_for(runner, "paused at between_swaps")
    runner.send_signal(signal.SIGKILL)
    runner.wait()
    # killed mid-swap: reports/ of the new run beside data/processed/ of the old one (used to be "nothing to do")
    assert (tiny / "reports" / "figures" / "note.txt").read_text() == "value 2\n"
    assert (tiny / "data" / "processed" / "table.csv").read_text() == "value\n1\n"
    assert (tiny / "build" / "swap.json").exists()
    done = _ok(tiny, "-p", "value=2")
    assert "stopped while replacing the outputs; its complete outputs are now in place" in done.stdout
    assert "nothing to do" in done.stdout
    assert (tiny / "data" / "processed" / "table.csv").read_text() == "value\n2\n"
    assert (tiny / "reports" / "figures" / "note.txt").read_text() == "value 2\n"
    assert not (tiny / "build" / "staging").exists() and not (tiny / "build" / "old").exists()


def test_outputs_lost_outside_a_run_are_rebuilt(tiny):
    _ok(tiny)
    (tiny / "data" / "processed" / "table.csv").unlink()
    done = _ok(tiny)
    assert "the outputs are not those the last run left (1 missing" in done.stdout
    assert "ran   00_tiny" in done.stdout
    assert (tiny / "data" / "processed" / "table.csv").read_text() == "value\n1\n"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_stops_cleanly(tiny, tmp_path, signum):
    _ok(tiny)
    before = _outputs(tiny)
    marker = tmp_path / "kernel.pid"
    runner = _start(tiny, "-p", "value=3", "-p", "sleep=120", TINY_MARKER=str(marker))
    deadline = time.monotonic() + 120
    while not marker.exists() or not marker.read_text():
        assert time.monotonic() < deadline and runner.poll() is None, runner.communicate()
        time.sleep(0.2)
    kernel = int(marker.read_text())
    runner.send_signal(signum)
    out, err = runner.communicate(timeout=60)
    name = signal.Signals(signum).name
    assert runner.returncode == 128 + signum, out + err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == (
        f"chain: stopped by {name}: notebooks and their kernels ended, staging removed; "
        "reports/ and data/processed/ left as they were"
    )
    time.sleep(1)
    assert not psutil.pid_exists(kernel) or psutil.Process(kernel).status() == psutil.STATUS_ZOMBIE
    assert not (tiny / "build" / "staging").exists()
    assert _outputs(tiny) == before


def test_one_run_at_a_time(tiny):
    first = _start(tiny, "-p", "value=4", pause="before_swap")
    _wait_for(first, "paused at before_swap")
    staged = _outputs(tiny / "build" / "staging")
    second, _ = run_chain(tiny, "--no-pdf", "-p", "value=5")
    assert second.returncode == 1
    assert f"another run of the chain (pid {first.pid}, started" in second.stderr
    assert "wait for it to finish, or pass --wait" in second.stderr
    assert _outputs(tiny / "build" / "staging") == staged
    queued = _start(tiny, "--wait", "-p", "value=5")
    _wait_for(queued, f"waiting for the run in progress (pid {first.pid}")
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=60)
    assert first.returncode == 128 + signal.SIGTERM
    out, err = queued.communicate(timeout=120)
    assert queued.returncode == 0, out + err
    assert (tiny / "data" / "processed" / "table.csv").read_text() == "value\n5\n"


def _refused(root: Path, *args: str) -> str:
    done, _ = run_chain(root, "--no-pdf", *args)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stdout + done.stderr
    assert done.stderr.startswith("chain: stopped: ")
    assert not (root / "reports").exists() and not (root / "build" / "staging").exists()
    return done.stderr


def test_bad_inputs_are_refused_before_anything_runs(tiny):
    params = tiny / "config" / "params.yaml"
    params.write_text("all:\n  value: [1\n", encoding="utf-8")
    assert "config/params.yaml, line 3, column 1: not valid YAML" in _refused(tiny)
    params.write_text("all:\n  value: 1\n", encoding="utf-8")
    notebook = tiny / "notebooks" / "00_tiny.ipynb"
    good = notebook.read_text(encoding="utf-8")
    notebook.write_text(good[:200], encoding="utf-8")
    assert "notebooks/00_tiny.ipynb, line" in _refused(tiny) and "not valid JSON" in _refused(tiny)
    notebook.write_text(good, encoding="utf-8")
    nrm = tiny / "data" / "raw" / "official" / "nrm.csv"
    nrm.write_bytes(nrm.read_bytes().replace(b",1746,", b",inf,", 1))
    assert "data/raw/official/nrm.csv, line 2, column 'value': 'inf' is not a finite number" in _refused(tiny)
    nrm.write_bytes(nrm.read_bytes().replace(b",inf,", b",1746,", 1))
    (tiny / "exports").mkdir()
    assert "exports/ is inside the repository where git would track its files" in _refused(
        tiny, "-p", "survey_source=exports"
    )


def test_a_failing_notebook_leaves_the_outputs_and_names_the_cell(tiny):
    _ok(tiny)
    before = _outputs(tiny)
    done, _ = run_chain(tiny, "--no-pdf", "-p", "value=13")
    assert done.returncode == 1
    assert "chain: stopped: notebook 00_tiny.ipynb failed in cell" in done.stderr
    assert "AssertionError: value 13 refused" in done.stderr
    assert _outputs(tiny) == before


def test_explain_names_the_one_input_that_changed_and_runs_nothing(tiny):
    (tiny / "config" / "chain.yaml").write_text(
        'notebooks:\n  00_tiny:\n    reads: ["data/raw/official/cps.csv"]\n', encoding="utf-8"
    )

    def why(*args: str) -> str:
        """What --explain says about the notebook: its verdict and reasons."""
        done = _ok(tiny, "--explain", *args)
        assert "ran   " not in done.stdout
        return next(line for line in done.stdout.splitlines() if "00_tiny" in line).replace("00_tiny", "").split()

    assert why() == ["run", "no", "previous", "run"]
    assert not (tiny / "reports").exists()
    _ok(tiny)
    before = _outputs(tiny)
    assert why() == ["skip", "unchanged"]
    edits = {
        tiny / "src" / "helpers" / "paths.py": "module: src/helpers/paths.py changed",
        tiny / "data" / "raw" / "official" / "cps.csv": "data file: data/raw/official/cps.csv changed",
    }
    for path, reason in edits.items():
        original = path.read_text(encoding="utf-8")
        path.write_text(original + "\n", encoding="utf-8")
        assert " ".join(why()) == f"run {reason}"
        path.write_text(original, encoding="utf-8")
    assert " ".join(why("-p", "value=2")) == "run parameter: value changed"
    assert _outputs(tiny) == before  # explaining wrote nothing
    started = next(line for line in _ok(tiny, "-p", "value=2").stdout.splitlines() if "start 00_tiny" in line)
    assert started.endswith("(parameter: value changed)")


FULL_DISK = '''
import builtins, errno, io, os

_open, _full = builtins.open, os.environ.get("FULL_DISK_AT")


class _Full:
    """A file on a full disk: opening works, the first write fails as the kernel fails it (no file name)."""

    def __init__(self, handle):
        self._handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


def _open_on_full_disk(file, mode="r", *args, **kwargs):
    handle = _open(file, mode, *args, **kwargs)
    if _full and _full in str(file) and ("w" in mode or "a" in mode) and "b" not in mode:
        return _Full(handle)
    return handle


builtins.open = io.open = _open_on_full_disk  # open() and Path.write_text
'''


@pytest.mark.parametrize(
    "where, message",
    [
        ("staging/reports/notebooks/", "while writing build/staging/reports/notebooks/00_tiny.ipynb (notebook 00_tiny"),
        ("staging/reports/index.html", "while writing build/staging/reports/index.html; the staging folder"),
    ],
)
def test_a_full_disk_is_reported_as_such_and_the_next_run_completes(tiny, tmp_path, where, message):
    """Every write to `where` fails with ENOSPC (a sitecustomize module the runner and its workers import): the
    executed notebook cut off by papermill (it used to be reported as NotJSONError), or the landing page."""
    _ok(tiny)
    before = _outputs(tiny)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(FULL_DISK, encoding="utf-8")
    env = {"PYTHONPATH": f"{tmp_path / 'site'}{os.pathsep}{tiny / 'src'}", "FULL_DISK_AT": where}
    out, err = _start(tiny, "-p", "value=6", **env).communicate(timeout=300)
    assert err.strip().splitlines()[-1].startswith("chain: stopped: no space left on device " + message), out + err
    assert err.strip().endswith("make room on the disk and run again") and "Traceback" not in err, out + err
    assert _outputs(tiny) == before and not (tiny / "build" / "staging").exists()
    _ok(tiny, "-p", "value=6")  # room made: the same run completes
    assert (tiny / "data" / "processed" / "table.csv").read_text() == "value\n6\n"


def _real_export(folder: Path, fault) -> Path:
    """A survey export (every answer a real label: the reconstruction's rows, combined and unpublished answers
    replaced by a label of the item's scale), then `fault(frames)` applied to it."""
    from helpers.survey import likert, reconstruct

    built = reconstruct.build()
    scale = dict(zip(built["cells"]["item_id"], built["cells"]["scale"]))
    folder.mkdir()
    frames = {}
    for pop, frame in built["rows"].items():
        for column in frame.columns[2:]:
            real = likert.SCALES.get(scale.get(column), [None])[0]
            frame[column] = [
                v if not isinstance(v, str) else real if v == likert.NOT_PUBLISHED else likert.COMBINED.get(v, [v])[0]
                for v in frame[column]
            ]
        frames[pop] = frame
    fault(frames)
    for pop, frame in frames.items():
        frame.to_csv(folder / f"{pop}.csv", index=False, lineterminator="\n")
    return folder


def _relabel(frames):
    frames["ms_leads"].loc[4, "ms_prevalent"] = "Agreeish"


def _drop_item(frames):
    frames["frontline"] = frames["frontline"].drop(columns="fl_prevalent")


def _edit(root: Path, rel: str, old: bytes, new: bytes) -> None:
    path = root / rel
    text = path.read_bytes()
    assert old in text, (rel, old)
    path.write_bytes(text.replace(old, new, 1))


OFFICIAL = "data/raw/official"
RELEASES = f"{OFFICIAL}/releases"


def _release(root: Path, name: str, data: bytes) -> None:
    """Put a release file in place with its provenance record updated (a new edition: a copy of the newest
    record with the file's name, edition and sha256, listing no reviewed revision)."""
    import csv
    import hashlib

    (root / RELEASES / name).write_bytes(data)
    provenance = root / RELEASES / "provenance.csv"
    records = list(csv.DictReader(provenance.open(encoding="utf-8")))
    mine = [r for r in records if r["file"] == name]
    if not mine:
        new = dict(records[3], file=name, edition="year ending March 2026", edition_end="2026-03", revises_checked="")
        records.append(new)
        mine = [new]
    mine[0]["sha256"] = hashlib.sha256(data).hexdigest()
    with provenance.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)


def _edition_giving_19_percent() -> bytes:
    """A new edition laid out as the ONS appendix tables whose 2022/23 and 2023/24 give the report's -19%."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Table_A5a"
    ws["A1"] = "Table A5a: Police recorded crime by offence"
    ws.append([])
    ws.append(["Offence code", "Offence category", "Apr 2022 to Mar 2023", "Apr 2023 to Mar 2024"])
    ws.append([72, "Trafficking for sexual exploitation", 10, 20])
    ws.append([106, "Modern Slavery", 10000, 8100])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "fault, args, message",
    [
        (lambda r, _: _edit(r, f"{OFFICIAL}/nrm.csv", b"2015,calendar_year", b"2015 Q5,calendar_year"), (),
         "data/raw/official/nrm.csv, line 4, column 'period': unknown period format '2015 Q5'"),
        (lambda r, _: _edit(r, f"{OFFICIAL}/nrm.csv", b",3263,", b",3264,"), (),
         "data/raw/official/nrm.csv, line 5, column 'value': 3,264 is not printed in its quote"),
        (lambda r, _: None, ("-p", "last_year=2031"), "parameter 'last_year' = 2031: the official data cover 2013 to"),
        (lambda r, _: None, ("-p", "vintage=newest"), "parameter 'vintage' = 'newest': choose one of 'report'"),
        (lambda r, _: _edit(r, f"{RELEASES}/duty_to_notify_by_quarter_2015q4_2023q4.csv", b"2016,Q3,", b"2016,Q3,1"),
         (), "duty_to_notify_by_quarter_2015q4_2023q4.csv: sha256 "),
        (lambda r, _: _release(r, "appendix_tables_ye_sep2022.xlsx", b"PK\x03\x04 cut off"), (),
         "appendix_tables_ye_sep2022.xlsx: not a valid .xlsx workbook"),
        (lambda r, _: _release(r, "appendix_tables_ye_mar2026.xlsx", _edition_giving_19_percent()), (),
         "appendix_tables_ye_mar2026.xlsx (year ending March 2026) revises what claim L0481:19 is checked against"),
        (lambda r, tmp: _real_export(tmp / "export", _relabel), ("-p", "survey_source={tmp}/export"),
         "ms_leads.csv, column 'ms_prevalent': unknown label(s) for scale 'agreement5': 'Agreeish' at line(s) 6"),
        (lambda r, tmp: _real_export(tmp / "export", _drop_item), ("-p", "survey_source={tmp}/export"),
         "frontline.csv, line 1: column 'fl_prevalent' is missing (the frontline survey export needs it)"),
    ],
    ids=["period", "value-not-in-quote", "last_year", "vintage", "release-sha256", "release-not-xlsx",
         "release-revises-a-checked-value", "export-label", "export-item-column"],
)  # fmt: skip
def test_every_input_check_runs_before_any_kernel_starts(tiny, tmp_path, fault, args, message):
    """Each fault is refused by the preflight, with its file, line and column (or the parameter): no notebook
    ran (the notebook would write the marker as its first act), nothing was staged or written."""
    notebook = json.loads((tiny / "notebooks" / "00_tiny.ipynb").read_text(encoding="utf-8"))
    notebook["cells"][0]["source"] += ["\nlast_year = 2024\n", "vintage = 'latest'"]
    (tiny / "notebooks" / "00_tiny.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    fault(tiny, tmp_path)
    marker = tmp_path / "kernel.pid"
    runner = _start(tiny, *(a.format(tmp=tmp_path) for a in args), TINY_MARKER=str(marker))
    out, err = runner.communicate(timeout=300)
    assert runner.returncode == 1 and "Traceback" not in err, out + err
    assert err.startswith("chain: stopped: ") and message in err, out + err
    assert not marker.exists() and "ran " not in out
    assert not (tiny / "reports").exists() and not (tiny / "build" / "staging").exists()
