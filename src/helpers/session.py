"""A notebook run: the parameters in force, and, outside the runner (JupyterLab, or papermill directly), checked
parameters, scratch outputs, upstream tables and autoreload.

Each notebook's `parameters` cell holds only typed assignments (``last_year: int = 2024  # help``); the next
cell calls ``session.start(globals(), "<notebook>")``, so it runs after the cell papermill injects. Under the
runner (which has checked the parameters) it only states them. Otherwise it

- applies config/params.yaml to the parameters the run did not set itself (injected by papermill, or edited in
  the parameters cell), and checks every value as the runner does: a bad one stops the cell with one line;
- points outputs at the scratch folder build/interactive/ (``paths.output_root``), never reports/ or
  data/processed/, and copies in the chain's upstream tables (data/processed/) where they are newer, or where
  the scratch official table is of another vintage than the parameter (said, never silent);
- reloads edited helper modules before each cell (IPython's autoreload, limited to ``helpers``), so that
  re-running a figure's cell after editing its function draws the new figure;
- states all this, and the parameters in force with where each comes from, in the notebook's first output.
"""

from __future__ import annotations

import csv
import shutil
import sys

import yaml

from . import paths
from .chain import graph, params

PAPERMILL_MARK = "# Parameters"  # first line of the cell papermill injects after the parameters cell
OFFICIAL_TABLE = "official.csv"


def start(namespace: dict, notebook: str) -> None:
    """Set up the run of `notebook` (its stem) whose parameters cell (and any injected cell) filled `namespace`."""
    defaults = params.declared_parameters(paths.ROOT / "notebooks" / f"{notebook}.ipynb")
    if paths.under_runner():
        print(_in_force({k: (namespace.get(k, v), "runner") for k, v in defaults.items()}))
        return
    chosen = in_force(namespace, defaults, notebook)
    namespace.update({k: v for k, (v, _) in chosen.items()})
    _autoreload()
    copied = seed_upstream()
    vintage = chosen.get("vintage", (None, ""))[0]
    replaced = [] if notebook == "00_data_preparation" or vintage is None else match_vintage(vintage)
    print(describe(chosen, copied, replaced))


def in_force(namespace: dict, defaults: dict[str, object], notebook: str) -> dict[str, tuple[object, str]]:
    """Each declared parameter's value and where it comes from: injected by papermill, set in the notebook (a
    value other than the cell's default), config/params.yaml, or the cell's default. Every value is checked."""
    injected = injected_parameters(namespace.get("In") or [])
    params.check_injected(defaults, injected, notebook)
    config = configured(defaults, notebook)
    chosen = {}
    for name, default in defaults.items():
        value = namespace.get(name, default)
        if name in injected:
            chosen[name] = (injected[name], "injected by papermill")
        elif value != default:
            chosen[name] = (value, "set in the notebook")
        elif name in config:
            chosen[name] = (config[name], "config/params.yaml")
        else:
            chosen[name] = (default, "the cell's default")
        params.check_value(notebook, name, default, chosen[name][0])
    return chosen


def injected_parameters(history: list[str]) -> dict[str, object]:
    """The parameters of the last cell papermill injected, from the kernel's input history (``In``)."""
    for source in reversed(history):
        if source.lstrip().startswith(PAPERMILL_MARK):
            return params.assigned(source)
    return {}


def configured(defaults: dict[str, object], notebook: str) -> dict[str, object]:
    """The values config/params.yaml gives this notebook's parameters (checked as the runner checks them)."""
    everywhere = {s.name: params.declared_parameters(s.path) for s in graph.load_chain(paths.ROOT)}
    config = yaml.safe_load((paths.CONFIG / "params.yaml").read_text(encoding="utf-8")) or {}
    resolved = params.resolve({**everywhere, notebook: defaults}, config, {})
    return resolved[notebook]


def _autoreload() -> None:
    """Reload edited ``helpers`` modules before each cell (autoreload mode 1: only the modules marked here)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_helpers_autoreload", False):
        return
    shell.run_line_magic("load_ext", "autoreload")
    shell.run_line_magic("autoreload", "1")
    marked: set[str] = set()

    def mark(*_args) -> None:
        for name in sorted(n for n in list(sys.modules) if n.split(".")[0] == "helpers" and n not in marked):
            shell.run_line_magic("aimport", name)
            marked.add(name)

    mark()
    shell.events.register("post_run_cell", mark)
    shell._helpers_autoreload = True


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


def table_vintage(table) -> str | None:
    """The vintage an official table was written for (its `vintage` column), or None if there is none."""
    if not table.is_file():
        return None
    with table.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle), None)
    return (row or {}).get("vintage")


def match_vintage(vintage: str) -> list[str]:
    """Make the scratch official table the parameter's vintage: keep it, or take the chain's if that one is;
    else refuse, naming both vintages (an earlier interactive run's vintage never carries over silently)."""
    scratch, chain = paths.processed() / OFFICIAL_TABLE, paths.CHAIN_PROCESSED / OFFICIAL_TABLE
    found = table_vintage(scratch)
    if found in (None, vintage):
        return []
    if table_vintage(chain) == vintage:
        shutil.copy2(chain, scratch)
        return [f"{OFFICIAL_TABLE} (the scratch copy was of vintage {found!r}, from an earlier interactive run)"]
    raise params.ParameterError(
        f"parameter 'vintage' = {vintage!r}: the official table here is of vintage {found!r}; run "
        f"00_data_preparation with vintage={vintage!r} first (papermill -p vintage {vintage})"
    )


def _in_force(chosen: dict[str, tuple[object, str]]) -> str:
    return "Parameters in force: " + (", ".join(f"{k}={v!r} ({origin})" for k, (v, origin) in chosen.items()) or "none")


def describe(chosen: dict[str, tuple[object, str]], copied: list[str], replaced: list[str]) -> str:
    scratch = paths.output_root().relative_to(paths.ROOT).as_posix()
    lines = [
        _in_force(chosen),
        f"Interactive run: figures and tables go to {scratch}/ (reports/ and data/processed/ are the chain's, "
        "written only by `python3 tasks.py reproduce`). Edited helper modules are reloaded before each cell.",
    ]
    chain_has = any(paths.CHAIN_PROCESSED.rglob("*.csv"))
    if replaced:
        lines.append(f"Upstream tables: replaced by the chain's: {', '.join(replaced)}.")
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
