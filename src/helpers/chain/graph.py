"""The notebook chain: which notebooks exist, their order, and the hash of every input each one depends on."""

from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import yaml

from .. import paths
from . import imports

RENDER_MODULES = ["helpers.chain.execute", "helpers.chain.render"]
OUTPUT_PREFIXES = ("data/processed", "reports")
FOLDER_PARAMETERS = {"survey_source": "reconstruction"}  # a value other than this keyword names a folder


class ChainError(ValueError):
    """The chain configuration does not match the notebooks on disk."""


@dataclass
class Step:
    name: str
    path: Path
    after: list[str] = field(default_factory=list)
    reads: list[str] = field(default_factory=list)


def load_chain(root: Path = paths.ROOT) -> list[Step]:
    """Steps in topological order, from config/chain.yaml and notebooks/NN_*.ipynb."""
    config = yaml.safe_load((root / "config" / "chain.yaml").read_text(encoding="utf-8"))["notebooks"]
    on_disk = {p.stem: p for p in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))}
    missing, unlisted = set(config) - set(on_disk), set(on_disk) - set(config)
    if missing or unlisted:
        raise ChainError(
            f"config/chain.yaml and notebooks/ disagree: listed but missing {sorted(missing)}, "
            f"present but not listed {sorted(unlisted)}"
        )
    steps = {
        name: Step(name, on_disk[name], list(spec.get("after", [])), list(spec.get("reads", [])))
        for name, spec in sorted(config.items())
    }
    for step in steps.values():
        for name in step.after:
            if name not in steps:
                raise ChainError(f"config/chain.yaml: unknown notebook {name!r} in 'after' of {step.name}")
    try:
        return [steps[name] for name in TopologicalSorter({s.name: s.after for s in steps.values()}).static_order()]
    except CycleError as exc:
        raise ChainError(f"config/chain.yaml: dependency cycle {' -> '.join(exc.args[1])}") from None


def inputs(step: Step, params: dict[str, object], root: Path = paths.ROOT, output_root: Path | None = None) -> dict:
    """Every input of one notebook, named by its kind and path (``"module: src/helpers/paths.py"``), with a hash.

    Its notebook file; the helper modules it imports, transitively (found from the imports, see ``imports``;
    they reach the figure registry and every figure function it imports), plus the
    execution and rendering code every notebook goes through; the pinned requirements; its parameters
    and any folder a parameter names (a survey export: every file's contents); and the files its ``reads``
    globs match: raw inputs under ``root``, upstream outputs (``data/processed/...``) under ``output_root``,
    where the upstream notebooks wrote them. An upstream notebook that re-ran but wrote the same bytes changes
    nothing downstream.
    """
    output_root = output_root or root
    code = code_modules(step, root) | imports.modules_of(RENDER_MODULES, root)
    templates = [p for p in (root / "src" / "helpers" / "chain" / "templates").glob("*") if p.is_file()]
    found = {
        **_hashes("notebook", [step.path], root),
        **_hashes("module", code, root),
        **_hashes("template", templates, root),
        **_hashes("requirements", [root / "requirements.txt"], root),
        **{f"parameter: {k}": digest(v) for k, v in params.items()},
    }
    for folder in parameter_folders(params, root):
        found |= _hashes("survey export", [f for f in folder.rglob("*") if f.is_file()], folder)
    for pattern in step.reads:
        kind, base = ("upstream output", output_root) if pattern.startswith(OUTPUT_PREFIXES) else ("data file", root)
        found |= _hashes(kind, [f for f in base.glob(pattern) if f.is_file()], base)
    return dict(sorted(found.items()))


def changes(previous: object, current: dict[str, str]) -> list[str]:
    """What differs between the inputs recorded at a notebook's last run and ``current``, input by input."""
    if previous is None:
        return ["no previous run"]
    if not isinstance(previous, dict):
        return ["the last run recorded no inputs"]
    changed = [f"{k} {'changed' if k in previous else 'added'}" for k, v in current.items() if previous.get(k) != v]
    return changed + [f"{k} removed" for k in sorted(set(previous) - set(current))]


def code_modules(step: Step, root: Path = paths.ROOT) -> set[Path]:
    """The helper module files a notebook runs: those it imports, transitively, and, of the figure functions the
    registry imports, only those of the figures this notebook makes (its registry entries): editing one figure
    re-runs its own notebook, not every notebook that makes a figure."""
    return imports.notebook_modules(step.path, root) | imports.modules_of(figure_modules(step.name), root)


def figure_modules(notebook: str) -> set[str]:
    """The modules of the draw and describe functions of the figures `notebook` makes (its registry entries).

    The registry is imported by name when asked, so that importing this module (as every notebook does, through
    ``session``) does not make every figure module an input of every notebook."""
    registry = importlib.import_module("helpers.figures.registry")
    functions = [f for entry in registry.for_notebook(notebook) for f in (entry.draw, entry.describe)]
    return {getattr(f, "func", f).__module__ for f in functions}


def digest(value: object) -> str:
    """The SHA-256 of a value as sorted JSON."""
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hashes(kind: str, files, base: Path) -> dict[str, str]:
    return {f"{kind}: {f.relative_to(base).as_posix()}": file_digest(f) for f in files}


def parameter_folders(params: dict[str, object], root: Path) -> list[Path]:
    """Folders named by parameters (a real survey export), whose contents are inputs like any data file."""
    folders = []
    for name, keyword in FOLDER_PARAMETERS.items():
        value = params.get(name)
        if value is None or str(value) == keyword:
            continue
        folder = Path(str(value)).expanduser()
        folder = folder if folder.is_absolute() else root / folder
        if folder.is_dir():
            folders.append(folder)
    return folders
