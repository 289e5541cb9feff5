"""The notebook chain: which notebooks exist, their order, and a fingerprint of exactly what each one depends on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import paths
from . import imports


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
        for name, spec in config.items()
    }
    ordered: list[Step] = []
    for name in sorted(steps):
        _visit(steps, name, ordered, set())
    return ordered


def _visit(steps: dict[str, Step], name: str, ordered: list[Step], stack: set[str]) -> None:
    if any(s.name == name for s in ordered):
        return
    if name in stack:
        raise ChainError(f"config/chain.yaml: dependency cycle through {name}")
    if name not in steps:
        raise ChainError(f"config/chain.yaml: unknown notebook {name!r} in 'after'")
    stack.add(name)
    for dep in steps[name].after:
        _visit(steps, dep, ordered, stack)
    ordered.append(steps[name])


def _hash_files(digest: "hashlib._Hash", files: list[Path], base: Path) -> None:
    for f in sorted(set(files)):
        digest.update(f.relative_to(base).as_posix().encode())
        digest.update(hashlib.sha256(f.read_bytes()).digest())


def fingerprint(step: Step, params: dict[str, object], root: Path = paths.ROOT, output_root: Path | None = None) -> str:
    """A hash of exactly what one notebook depends on.

    Its notebook file; the helper modules it imports, transitively (found from the imports, see ``imports``;
    they reach the figure registry and every figure function it imports), plus the
    execution and rendering code every notebook goes through; the pinned requirements; its parameters
    and any folder a parameter names (a survey export: every file's contents); and the files its ``reads``
    globs match: raw inputs under ``root``, upstream outputs (``data/processed/...``) under ``output_root``,
    where the upstream notebooks wrote them. An upstream notebook that re-ran but wrote the same bytes changes
    nothing downstream.
    """
    output_root = output_root or root
    digest = hashlib.sha256()
    code = code_modules(step, root) | imports.modules_of(RENDER_MODULES, root)
    _hash_files(digest, [step.path, *code, *_templates(root), root / "requirements.txt"], root)
    digest.update(json.dumps(params, sort_keys=True).encode())
    for folder in _parameter_folders(params, root):
        _hash_files(digest, [f for f in folder.rglob("*") if f.is_file()], folder)
    for pattern in step.reads:
        base = output_root if pattern.startswith(OUTPUT_PREFIXES) else root
        _hash_files(digest, [f for f in base.glob(pattern) if f.is_file()], base)
    return digest.hexdigest()


def code_modules(step: Step, root: Path = paths.ROOT) -> set[Path]:
    """The helper module files a notebook runs: those it imports, transitively (through ``make``, the registry
    and every figure function it imports)."""
    return imports.notebook_modules(step.path, root)


def fingerprints(
    steps: list[Step], params: dict[str, dict[str, object]], root: Path = paths.ROOT, output_root: Path | None = None
) -> dict[str, str]:
    """The fingerprint of every step, against the outputs now in ``output_root`` (default: the live ones)."""
    return {s.name: fingerprint(s, params.get(s.name, {}), root, output_root) for s in steps}


RENDER_MODULES = ["helpers.chain.execute", "helpers.chain.render"]
OUTPUT_PREFIXES = ("data/processed", "reports")
FOLDER_PARAMETERS = {"survey_source": {"reconstruction", "dummy"}}  # a value outside the set names a folder


def _templates(root: Path) -> list[Path]:
    return sorted(p for p in (root / "src" / "helpers" / "chain" / "templates").glob("*") if p.is_file())


def _parameter_folders(params: dict[str, object], root: Path) -> list[Path]:
    """Folders named by parameters (a real survey export), whose contents are inputs like any data file."""
    folders = []
    for name, keywords in FOLDER_PARAMETERS.items():
        value = params.get(name)
        if value is None or str(value) in keywords:
            continue
        folder = Path(str(value)).expanduser()
        folder = folder if folder.is_absolute() else root / folder
        if folder.is_dir():
            folders.append(folder)
    return folders
