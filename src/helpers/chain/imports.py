"""Which helper modules a notebook depends on, found from its import statements (transitively)."""

from __future__ import annotations

import ast
import json
from functools import lru_cache
from pathlib import Path

PACKAGE = "helpers"
REGISTRY = "helpers.figures.registry"
# The registry imports every figure family to declare every figure; a notebook runs only the functions of its
# own figures, which the rerun graph takes from its registry entries (graph.code_modules), not these imports.
FIGURE_FAMILIES = ("helpers.figures.official", "helpers.figures.survey", "helpers.figures.report")


def _module_file(name: str, root: Path) -> Path | None:
    """src/helpers/a/b.py or src/helpers/a/b/__init__.py for 'helpers.a.b'; None if it is not a module."""
    base = root / "src" / Path(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_of(name: str, file: Path) -> str:
    return name if file.name == "__init__.py" else name.rpartition(".")[0]


@lru_cache(maxsize=None)
def _imported(source: str, package: str | None) -> frozenset[str]:
    """Module names a source imports from the helpers package ('from x import y' yields x and x.y); relative
    imports are resolved against `package` (None: a notebook cell, which has none). Cached by source text."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.split(".")[0] == PACKAGE}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if package is None:
                    continue
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE:
                continue
            names.add(target)
            names |= {f"{target}.{a.name}" for a in node.names}
    return frozenset(names)


def modules_of(names: list[str] | set[str], root: Path) -> set[Path]:
    """The files of these modules, of every module they import (transitively) and of their parent packages;
    the registry's imports of the figure families are not followed (``FIGURE_FAMILIES``)."""
    seen: dict[str, Path] = {}
    stack = list(names)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        file = _module_file(name, root)
        if file is None:
            continue
        seen[name] = file
        parts = name.split(".")
        stack += [".".join(parts[:i]) for i in range(1, len(parts))]
        imported = _imported(file.read_text(encoding="utf-8"), _package_of(name, file))
        if name == REGISTRY:
            imported = frozenset(n for n in imported if not n.startswith(FIGURE_FAMILIES))
        stack += sorted(imported)
    return set(seen.values())


def notebook_modules(notebook: Path, root: Path) -> set[Path]:
    """The helper module files a notebook's code cells import, transitively."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    names: set[str] = set()
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        try:
            names |= _imported("".join(cell["source"]), None)
        except SyntaxError:
            continue  # IPython magics: they import nothing from the helpers
    return modules_of(names, root)
