"""How this project's notebooks are executed by papermill: kernels over IPC, and a parameter refusal in one line.

``IPCKernelManager`` starts kernels that talk over local sockets (IPC) where the system has them, so no kernel
warns "running over TCP without encryption"; the runner passes it to papermill. ``ProjectEngine`` is papermill's
engine for this package (entry point ``papermill.engine``; importing this module makes it papermill's default in
this environment): it runs notebooks like papermill's own nbclient engine, with these kernels, and when a cell
refused a parameter (``ParameterError``) it ends papermill with that one message instead of a traceback. Every
other error is left to papermill as it is.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from papermill.engines import NBClientEngine, papermill_engines
from traitlets import CaselessStrEnum, Float

REFUSAL = "ParameterError"  # helpers.chain.params.ParameterError, as a kernel reports it


class IPCKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels use IPC sockets in the Jupyter runtime folder (TCP where there is no IPC)."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="tcp" if os.name == "nt" else "ipc", config=True)
    shutdown_wait_time = Float(10.0, config=True)  # a loaded machine: let a kernel exit before it is signalled

    async def _async_interrupt_kernel(self) -> None:
        """No interrupt as part of a shutdown: the notebook has finished, so nothing runs, and a SIGINT to an idle
        kernel makes it log "KeyboardInterrupt caught in kernel" (jupyter_client interrupts before every shutdown)."""
        if not self.shutting_down:
            await super()._async_interrupt_kernel()

    def _ip_default(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        folder = Path(jupyter_runtime_dir())
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / f"kernel-{uuid.uuid4().hex[:12]}-ipc")


class ParameterRefused(SystemExit):
    """papermill stopped because the notebook refused a parameter; the message is the refusal."""


def refusal(nb) -> str | None:
    """The message of the first ParameterError in an executed notebook's outputs, or None."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and output.get("ename") == REFUSAL:
                return f"{REFUSAL}: {output.get('evalue')}"
    return None


class ProjectEngine(NBClientEngine):
    """papermill's nbclient engine with IPC kernels; a parameter refusal ends papermill with its one line."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        kwargs.setdefault("kernel_manager_class", IPCKernelManager)
        executed = super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
        if refusal(nb_man.nb) and getattr(nb_man, "pbar", None) is not None:
            nb_man.pbar.leave = False  # the refusal takes the progress bar's line
        return executed

    @classmethod
    def execute_notebook(cls, nb, kernel_name, output_path=None, **kwargs):
        executed = super().execute_notebook(nb, kernel_name, output_path=output_path, **kwargs)
        message = refusal(executed)
        if message:
            raise ParameterRefused(f"papermill: stopped: {message} (no later cell ran; output: {output_path})")
        return executed


papermill_engines.register(None, ProjectEngine)
