"""A notebook run outside the runner (JupyterLab, or papermill directly): parameters, outputs and upstream tables.

Each notebook's `parameters` cell ends with ``session.start(globals())``. Under the runner it does nothing (the
runner has checked the parameters and injects them). Otherwise it

- applies config/params.yaml to the declared parameters, as the runner would;
- checks parameters that papermill injects in the next cell, like the runner: an unknown name or a value of the
  wrong type stops that cell with the parameter's name;
- points outputs at the scratch folder build/interactive/ (``paths.output_root``), never reports/ or
  data/processed/, and copies in the chain's upstream tables (data/processed/) where they are newer;
- says all this in the notebook's first output.
"""

from __future__ import annotations

import shutil
import types
from pathlib import Path

import yaml

from . import paths
from .chain import graph, params

PAPERMILL_MARK = "# Parameters"  # first line of the cell papermill injects after the parameters cell
NOT_PARAMETERS = {"In", "Out", "get_ipython", "exit", "quit", "open"}


def start(namespace: dict) -> None:
    """Set up an interactive run of the notebook whose parameters cell has just filled `namespace`."""
    if paths.under_runner():
        return
    declared = {
        k: v
        for k, v in namespace.items()
        if not k.startswith("_") and k not in NOT_PARAMETERS and not isinstance(v, types.ModuleType)
    }
    stem = Path(namespace.get("__session__", "")).stem or None
    chosen = configured(declared, stem)
    namespace.update(chosen)
    _watch_injection({**declared, **chosen})
    copied = seed_upstream()
    print(describe(chosen, copied))


def configured(declared: dict[str, object], stem: str | None) -> dict[str, object]:
    """The values config/params.yaml gives these parameters (its notebook section too, if `stem` is known)."""
    everywhere = {s.name: params.declared_parameters(s.path) for s in graph.load_chain(paths.ROOT)}
    config = yaml.safe_load((paths.CONFIG / "params.yaml").read_text(encoding="utf-8")) or {}
    resolved = params.resolve(everywhere, config, {})
    if stem in resolved:
        return resolved[stem]
    shared = config.get("all") or {}
    return {k: v for k, v in shared.items() if k in declared}


def check_injected(source: str, declared: dict[str, object]) -> None:
    """Refuse a parameter papermill injects (`source`: its cell) that is undeclared or of the wrong type."""
    params.check_injected(declared, params.assigned(source), "this notebook")


def _watch_injection(declared: dict[str, object]) -> None:
    """Check the next cell if it is papermill's injected parameters; stop watching at any other cell."""
    shell = _shell()
    if shell is None:
        return

    def transform(lines: list[str]) -> list[str]:
        if lines and lines[0].strip() == PAPERMILL_MARK:
            check_injected("".join(lines), declared)  # raising here fails that cell, with the message
        else:
            _unwatch(shell)
        return lines

    transform.session_watch = True
    _unwatch(shell)
    shell.input_transformers_post.append(transform)


def _unwatch(shell) -> None:
    shell.input_transformers_post[:] = [t for t in shell.input_transformers_post if not hasattr(t, "session_watch")]


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def seed_upstream() -> list[str]:
    """Copy the chain's data/processed/ files into the scratch folder where missing or older there."""
    target = paths.processed()
    copied = []
    for src in sorted(p for p in paths.CHAIN_PROCESSED.rglob("*") if p.is_file() and p.name != "README.md"):
        dst = target / src.relative_to(paths.CHAIN_PROCESSED)
        if not dst.exists() or src.stat().st_mtime_ns > dst.stat().st_mtime_ns:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
            copied.append(dst.relative_to(target).as_posix())
    return copied


def describe(chosen: dict[str, object], copied: list[str]) -> str:
    scratch = paths.output_root().relative_to(paths.ROOT).as_posix()
    lines = [
        f"Interactive run: figures and tables go to {scratch}/ (reports/ and data/processed/ are the chain's, "
        "written only by `python3 tasks.py reproduce`).",
        "Parameters from config/params.yaml: "
        + (", ".join(f"{k}={v!r}" for k, v in chosen.items()) or "none (the cell's defaults)"),
    ]
    chain_has = any(paths.CHAIN_PROCESSED.rglob("*.csv"))
    if copied:
        lines.append(f"Upstream tables: {len(copied)} file(s) copied from the chain's data/processed/.")
    elif chain_has:
        lines.append(f"Upstream tables: {scratch}/data/processed/, up to date with the chain's data/processed/.")
    elif any(paths.processed().rglob("*.csv")):
        lines.append(
            f"Upstream tables: {scratch}/data/processed/, from an interactive run of 00_data_preparation "
            "(the chain's data/processed/ has none)."
        )
    else:
        lines.append(
            "Upstream tables: none yet. Run the chain first (`python3 tasks.py reproduce`), or run "
            "00_data_preparation here, before a section notebook."
        )
    return "\n".join(lines)
