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


def test_injected_parameters_are_checked_and_stated_with_where_each_comes_from():
    defaults = {"last_year": 2024, "vintage": "latest"}
    history = ["last_year: int = 2024", "# Parameters\nlast_year = 2025\n"]
    chosen = session.in_force({"In": history, "last_year": 2025}, defaults, "02_a")
    assert chosen == {"last_year": (2025, "injected by papermill"), "vintage": ("latest", "config/params.yaml")}
    with pytest.raises(params.ParameterError, match="'bogus' is not declared.*last_year \\(int\\)"):
        session.in_force({"In": ["# Parameters\nbogus = 1\n"]}, defaults, "02_a")
    with pytest.raises(params.ParameterError, match="'last_year'.*expected int"):
        session.in_force({"In": ['# Parameters\nlast_year = "2025"\n']}, defaults, "02_a")
    with pytest.raises(params.ParameterError, match="'vintage' = 'nonsense': choose one of"):
        session.in_force({"In": [], "vintage": "nonsense"}, defaults, "02_a")
    edited = session.in_force({"In": [], "last_year": 2023}, defaults, "02_a")
    assert edited["last_year"] == (2023, "set in the notebook")


def test_config_values_apply_to_the_declared_parameters():
    assert session.configured({"vintage": "report"}, "02_identifying_the_challenge") == {"vintage": "latest"}
    assert session.configured({"max_importance": 4}, "07_claims_audit") == {}


def test_a_scratch_table_of_another_vintage_is_replaced_or_refused_never_used(monkeypatch, tmp_path):
    chain, scratch = tmp_path / "chain", tmp_path / "scratch"
    monkeypatch.setattr(paths, "CHAIN_PROCESSED", chain)
    monkeypatch.setattr(paths, "INTERACTIVE", scratch)
    monkeypatch.delenv("MSR_OUTPUT_ROOT", raising=False)
    for folder, vintage in ((chain, "latest"), (scratch / "data" / "processed", "report")):
        folder.mkdir(parents=True)
        (folder / "official.csv").write_text(f"series,vintage\na,{vintage}\n")
    assert session.match_vintage("report") == []
    with pytest.raises(params.ParameterError, match="vintage 'report'; run 00_data_preparation with vintage='x'"):
        session.match_vintage("x")
    assert session.match_vintage("latest") and session.table_vintage(paths.processed() / "official.csv") == "latest"


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


REFUSALS = [
    ("07_claims_audit", ["-p", "bogus", "1"], "'bogus' is not declared in the parameters cell of"),
    ("07_claims_audit", ["-p", "max_importance", "seven"], "'max_importance' for 07_claims_audit: expected int"),
    ("02_identifying_the_challenge", ["-p", "last_year", "1990"], "'last_year' = 1990: the official data cover"),
    ("02_identifying_the_challenge", ["-p", "vintage", "nonsense"], "'vintage' = 'nonsense': choose one of"),
]


@pytest.mark.parametrize("notebook, given, message", REFUSALS)
def test_papermill_refuses_a_bad_parameter_in_at_most_five_lines(tmp_path, notebook, given, message):
    """Through papermill's command line, as a user types it: one message, no traceback, the whole output at
    most 5 lines (papermill's own lines included)."""
    copy = copy_inputs(tmp_path / "copy")
    source = copy / "notebooks" / f"{notebook}.ipynb"
    papermill = [sys.executable, "-c", "from papermill.cli import papermill; papermill()"]
    done = subprocess.run(
        [*papermill, str(source), str(tmp_path / "out.ipynb"), *given],
        cwd=copy,
        env=_direct_env(copy),
        capture_output=True,
        timeout=300,
    )
    output = (done.stdout + done.stderr).decode()  # bytes: keep the progress bar's carriage returns as they are
    assert done.returncode != 0
    assert f"ParameterError: parameter {message}" in output
    assert "Traceback" not in output
    assert len(output.strip().split("\n")) <= 5, output  # a progress bar redraws its line with carriage returns


@pytest.mark.parametrize(
    "given, message",
    [
        (["-p", "last_yeer=2025"], "'last_yeer' (command line) is not declared"),
        (["-p", "last_year=twenty"], "expected int"),
        (["-p", "last_year=1990"], "'last_year' = 1990: the official data cover"),
        (["-p", "vintage=nonsense"], "'vintage' = 'nonsense': choose one of 'report', 'latest'"),
    ],
)
def test_the_runner_refuses_a_bad_parameter_in_at_most_five_lines(tmp_path, given, message):
    from helpers.chain.sandbox import run_chain

    copy = copy_inputs(tmp_path / "copy")
    done, _ = run_chain(copy, "--explain", *given)
    assert done.returncode == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len((done.stdout + done.stderr).strip().splitlines()) <= 5


def test_an_edited_figure_function_shows_on_re_running_its_cell(tmp_path, monkeypatch):
    """In one kernel (as JupyterLab runs it): make a figure, edit its draw function in a copy of the repository,
    re-run the same cell: the new figure shows, without a restart (session.start turned on autoreload)."""
    from jupyter_client.manager import start_new_kernel

    from helpers.data.tables import REPORT_TABLES, publish_report_table

    copy = copy_inputs(tmp_path / "copy")
    with monkeypatch.context() as patch:  # the report tables as 00 writes them, in the copy's data/processed
        patch.setenv("MSR_OUTPUT_ROOT", str(copy))
        for name in REPORT_TABLES:
            publish_report_table(name)
    module = copy / "src" / "helpers" / "figures" / "report" / "table_figures.py"
    cell = 'make("fig57", Inputs())'
    km, kc = start_new_kernel(kernel_name=KERNEL, cwd=str(copy / "notebooks"), env=_direct_env(copy))

    def run(code: str) -> str:
        shown = []

        def keep(msg):
            if msg["msg_type"] in ("execute_result", "display_data"):
                shown.append(msg["content"]["data"].get("text/html", ""))
            if msg["msg_type"] == "error":
                shown.append("\n".join(msg["content"]["traceback"]))

        reply = kc.execute_interactive(code, timeout=180, output_hook=keep)
        assert reply["content"]["status"] == "ok", shown
        return "\n".join(shown)

    try:
        run('from helpers import session\nsession.start(globals(), "06_methodology")')
        run("from helpers.figures.inputs import Inputs\nfrom helpers.figures.make import make")
        before = run(cell)
        assert "Plotted data" in before and "(edited)" not in before
        text = module.read_text(encoding="utf-8")
        new = '    return fig, data.assign(component=data["component"] + " (edited)")\n'
        edited = text.replace("    return fig, data\n", new)
        assert edited != text
        module.write_text(edited, encoding="utf-8")
        after = run(cell)
        assert "(edited)" in after
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


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
            first = next(c for c in nb.cells if c.cell_type == "code" and c.outputs)
            first_outputs[path.stem] = "".join(o.get("text", "") for o in first.outputs)
    assert {rel: _snapshot(copy / rel) for rel in ("reports", "data/processed")} == before
    scratch = copy / "build" / "interactive"
    assert (scratch / "data" / "processed" / "claims_audit.csv").exists()
    assert (scratch / "reports" / "figures" / "fig06.png").read_bytes() != b"the chain's figure"
    for stem, text in first_outputs.items():
        assert text.startswith("Parameters in force: ") and "figures and tables go to build/interactive/" in text, stem


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
        for folder in ("notebooks", "src"):  # the server's root is the repository: src/ is one click away
            contents = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/contents/{folder}", headers={"Authorization": f"token {token}"}
            )
            with urllib.request.urlopen(contents, timeout=10) as answer:
                assert json.load(answer)["type"] == "directory"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_papermill_help_lists_every_parameter_with_its_type_and_help():
    for path in sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        help_cli = [sys.executable, "-c", "from papermill.cli import papermill; papermill()", "--help-notebook"]
        done = subprocess.run([*help_cli, str(path)], capture_output=True, text=True, timeout=120)
        assert "Unknown type" not in done.stdout, done.stdout
        for name, default in params.declared_parameters(path).items():
            assert f"{name}: {type(default).__name__} (default" in done.stdout, (path.name, name)


def test_every_notebook_names_the_project_kernel():
    for path in sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == KERNEL, path.name


def test_only_takes_a_figure_id_a_report_figure_number_or_a_notebook_path(monkeypatch):
    monkeypatch.syspath_prepend(str(paths.ROOT))
    import tasks

    given = ["--only", "fig06", "--only", "notebooks/07_claims_audit.ipynb", "--only", "28", "--no-pdf"]
    expected = ["--only", "02_identifying_the_challenge", "--only", "07_claims_audit"]
    expected += ["--only", "05_need_for_improvements", "--no-pdf"]
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
