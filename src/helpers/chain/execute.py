"""Execute one notebook with papermill in a fresh kernel and normalise the result for byte-identical reruns."""

from __future__ import annotations

import os
import time
from pathlib import Path

from . import disk

VOLATILE_KEYS = ["metadata.papermill", "cell.metadata.papermill", "cell.metadata.execution"]


def execute_notebook(source: Path, target: Path, parameters: dict, output_root: Path, cwd: Path, pdf: bool) -> dict:
    """Run `source` into `target` and render it (its pages link the PDF appendix when `pdf`); return {'ok',
    'seconds', 'executed' (the seconds before rendering)} and, on failure, where and why.

    Runs in a worker process (so rendering overlaps other notebooks' execution): everything returned is plain data.
    """
    import nbformat
    import papermill as pm
    from nbstripout import strip_output

    from .kernels import IPCKernelManager

    os.environ["MSR_OUTPUT_ROOT"] = str(output_root)
    start = time.perf_counter()
    error = None
    try:
        pm.execute_notebook(
            str(source),
            str(target),
            parameters=parameters,
            engine_name="nbclient",  # papermill's own engine: the runner reports failures itself
            kernel_name="python3",
            kernel_manager_class=IPCKernelManager,
            cwd=str(cwd),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,  # written once at the end (or on failure): 2 s less for 02
        )
    except pm.PapermillExecutionError as exc:
        error = {"cell": exc.exec_count, "cell_index": exc.cell_index, "ename": exc.ename, "evalue": exc.evalue}
        if "No space left on device" in str(exc.evalue):  # a write in a cell found the disk full
            error["evalue"] = disk.in_cell(str(exc.evalue), output_root)
        error["disk_full"] = "No space left on device" in str(exc.evalue)
    except Exception as exc:  # kernel death, missing kernel, bad notebook JSON, a full disk: report, don't hide
        error = _failure(exc, target)
    writing, executed = target, None
    try:
        if target.exists() and not (error and error["disk_full"]):  # a cut-off notebook is not read back
            nb = nbformat.read(target, as_version=nbformat.NO_CONVERT)
            nb = strip_output(nb, keep_output=True, keep_count=True, keep_id=False, extra_keys=VOLATILE_KEYS)
            nbformat.write(nb, target)
        executed = time.perf_counter() - start
        if error is None:
            from .render import render_notebook

            writing = output_root / "reports" / "html"
            render_notebook(output_root / "reports", source.stem, pdf)
    except Exception as exc:
        if not disk.is_full(exc):
            raise
        error = _failure(exc, writing)
    seconds = time.perf_counter() - start
    return {"ok": error is None, "seconds": seconds, "executed": executed or seconds, "error": error}


def _failure(exc: BaseException, writing: Path) -> dict:
    """Where and why a notebook failed outside its cells; a full disk says so, with the path being written."""
    full = disk.is_full(exc)
    text = disk.message(exc, writing) if full else str(exc)
    return {"cell": None, "cell_index": None, "ename": type(exc).__name__, "evalue": text, "disk_full": full}
