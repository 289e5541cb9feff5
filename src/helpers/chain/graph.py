"""The notebook chain: which notebooks exist, their order, and a fingerprint of everything each one reads."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import paths


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


def _hash_files(digest: "hashlib._Hash", files: list[Path], root: Path) -> None:
    for f in sorted(set(files)):
        digest.update(f.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(f.read_bytes()).digest())


def code_files(root: Path = paths.ROOT) -> list[Path]:
    """Files every notebook depends on: the helpers package (code and templates) and the pinned requirements."""
    helpers = sorted(p for p in (root / "src" / "helpers").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return [*helpers, root / "requirements.txt"]


def fingerprints(steps: list[Step], params: dict[str, dict[str, object]], root: Path = paths.ROOT) -> dict[str, str]:
    """A hash per step of its notebook, the helpers, the files it reads, its parameters and its upstream steps."""
    shared = hashlib.sha256()
    _hash_files(shared, code_files(root), root)
    result: dict[str, str] = {}
    for step in steps:
        digest = hashlib.sha256(shared.digest())
        reads = [f for pattern in step.reads for f in root.glob(pattern) if f.is_file()]
        _hash_files(digest, [step.path, *reads], root)
        digest.update(json.dumps(params.get(step.name, {}), sort_keys=True).encode())
        for dep in step.after:
            digest.update(result[dep].encode())
        result[step.name] = digest.hexdigest()
    return result
