"""Working interactively: notebooks run outside the runner never touch the chain's outputs; `tasks.py lab` works."""

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from helpers import paths, session
from helpers.chain import params
from helpers.chain.sandbox import copy_inputs

KERNEL = "ms-policing-repro"


def _snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _direct_env(copy):
    """A kernel's environment outside the runner: the copy's helpers, no MSR_OUTPUT_ROOT."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "MPLBACKEND": "agg"}
    env.pop("MSR_OUTPUT_ROOT", None)
    return env


def test_outputs_go_to_the_scratch_folder_unless_under_the_runner(monkeypatch, tmp_path):
    monkeypatch.delenv("MSR_OUTPUT_ROOT", raising=False)
    assert paths.figures() == paths.ROOT / "build" / "interactive" / "reports" / "figures"
    monkeypatch.setenv("MSR_OUTPUT_ROOT", str(tmp_path))
    assert paths.processed() == tmp_path / "data" / "processed"


def test_injected_parameters_are_checked_by_name_and_type():
    declared = {"last_year": 2024, "vintage": "latest"}
    session.check_injected("# Parameters\nlast_year = 2025\n", declared)
    with pytest.raises(params.ParameterError, match="'bogus'"):
        session.check_injected("# Parameters\nbogus = 1\n", declared)
    with pytest.raises(params.ParameterError, match="'last_year'.*expected int"):
        session.check_injected('# Parameters\nlast_year = "2025"\n', declared)


def test_config_values_apply_to_the_declared_parameters():
    assert session.configured({"vintage": "report"}, None) == {"vintage": "latest"}
    assert session.configured({"max_importance": 4}, "07_claims_audit") == {}


def test_upstream_tables_are_copied_in_where_the_chain_has_newer(monkeypatch, tmp_path):
    chain, scratch = tmp_path / "chain", tmp_path / "scratch"
    (chain / "survey").mkdir(parents=True)
    (chain / "survey" / "cells.csv").write_text("a\n1\n")
    monkeypatch.setattr(paths, "CHAIN_PROCESSED", chain)
    monkeypatch.setattr(paths, "INTERACTIVE", scratch)
    monkeypatch.delenv("MSR_OUTPUT_ROOT", raising=False)
    assert session.seed_upstream() == ["survey/cells.csv"]
    assert session.seed_upstream() == []
    mine = scratch / "data" / "processed" / "survey" / "cells.csv"
    mine.write_text("a\n2\n")  # an interactive 00_data_preparation, after the chain: kept
    assert session.seed_upstream() == [] and mine.read_text() == "a\n2\n"


def test_papermill_run_directly_refuses_an_unknown_parameter_by_name(tmp_path):
    copy = copy_inputs(tmp_path / "copy")
    notebook = copy / "notebooks" / "07_claims_audit.ipynb"
    done = subprocess.run(
        [sys.executable, "-m", "papermill", str(notebook), str(tmp_path / "out.ipynb"), "-p", "bogus", "1"],
        cwd=copy / "notebooks",
        env=_direct_env(copy),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "ParameterError: parameter 'bogus' is not declared" in done.stdout + done.stderr


@pytest.mark.chain
def test_every_notebook_run_directly_leaves_reports_byte_identical(tmp_path):
    """Each notebook run top to bottom in a plain kernel (as JupyterLab does: nbclient, nothing injected)."""
    import nbformat
    from nbclient import NotebookClient

    copy = copy_inputs(tmp_path / "copy")
    (copy / "reports" / "figures").mkdir(parents=True)  # stand-ins for the chain's outputs
    (copy / "reports" / "figures" / "fig06.png").write_bytes(b"the chain's figure")
    (copy / "data" / "processed").mkdir(parents=True)
    (copy / "data" / "processed" / "official_checks.csv").write_text("the chain's table\n")
    before = {rel: _snapshot(copy / rel) for rel in ("reports", "data/processed")}
    env = _direct_env(copy)
    first_outputs = {}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.delenv("MSR_OUTPUT_ROOT", raising=False)
        for path in sorted((copy / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            NotebookClient(
                nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": path.parent}}
            ).execute()
            first = next(c for c in nb.cells if c.cell_type == "code")
            first_outputs[path.stem] = "".join(o.get("text", "") for o in first.outputs)
    assert {rel: _snapshot(copy / rel) for rel in ("reports", "data/processed")} == before
    scratch = copy / "build" / "interactive"
    assert (scratch / "data" / "processed" / "claims_audit.csv").exists()
    assert (scratch / "reports" / "figures" / "fig06.png").read_bytes() != b"the chain's figure"
    for stem, text in first_outputs.items():
        assert "figures and tables go to build/interactive/" in text, stem


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.lab
def test_lab_starts_jupyterlab_with_the_project_kernel():
    tasks = [sys.executable, str(paths.ROOT / "tasks.py"), "lab"]
    setup = subprocess.run([*tasks, "--version"], cwd=paths.ROOT, capture_output=True, text=True, timeout=600)
    if setup.returncode and not os.environ.get("CI"):
        pytest.skip(f"the JupyterLab extra could not be installed here:\n{setup.stderr[-2000:]}")
    assert setup.returncode == 0, setup.stdout + setup.stderr
    port, token = _free_port(), "interactive-test"
    server = subprocess.Popen(
        [*tasks, "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}"],
        cwd=paths.ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/kernelspecs", headers={"Authorization": f"token {token}"}
        )
        deadline, specs = time.monotonic() + 90, None
        while specs is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(request, timeout=5) as answer:
                    specs = json.load(answer)
            except OSError:
                time.sleep(0.5)
        assert specs is not None, f"JupyterLab did not answer on port {port}"
        assert KERNEL in specs["kernelspecs"]
        assert specs["default"] == KERNEL
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_only_takes_a_figure_id_or_a_notebook_path(monkeypatch):
    monkeypatch.syspath_prepend(str(paths.ROOT))
    import tasks

    given = ["--only", "fig06", "--only", "notebooks/07_claims_audit.ipynb", "--no-pdf"]
    expected = ["--only", "02_identifying_the_challenge", "--only", "07_claims_audit", "--no-pdf"]
    assert tasks.notebook_names(given) == expected
    with pytest.raises(SystemExit, match="fig99"):
        tasks.notebook_names(["--only", "fig99"])


def test_the_fast_loop_leaves_out_the_lab_install_and_the_chain_runs(monkeypatch):
    """`tasks.py test --fast` selects no test marked `lab` (it installs requirements-lab.lock) or `chain`."""
    from _pytest.mark.expression import Expression

    monkeypatch.syspath_prepend(str(paths.ROOT))
    import tasks

    calls = []

    def run(command, **_):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(tasks, "ensure_venv", lambda: None)
    monkeypatch.setattr(tasks.subprocess, "run", run)
    assert tasks.main(["test", "--fast"]) == 0
    command = calls[-1]
    assert command[1:3] == ["-m", "pytest"]
    arguments = command[3:]
    expression = Expression.compile(arguments[arguments.index("-m") + 1])

    def selected(*marks):
        return expression.evaluate(lambda name, **_: name in marks)

    assert selected() and selected("smoke")
    assert not selected("lab") and not selected("chain")
    assert "lab" in {m.name for m in test_lab_starts_jupyterlab_with_the_project_kernel.pytestmark}
