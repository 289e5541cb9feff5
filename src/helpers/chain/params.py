"""Notebook parameters: read the typed `parameters` cell, merge the config file and command-line overrides, and
check every value (name, type, allowed values or range) before anything runs."""

from __future__ import annotations

import ast
import csv
import json
from functools import lru_cache
from pathlib import Path

import yaml

from .. import paths
from ..data.official import VINTAGES

IMPORTANCE = range(0, 5)  # the `max_importance` parameter: 0 foreword ... 4 appendices


class ParameterError(ValueError):
    """A parameter name or value refused before anything runs.

    In a notebook, IPython shows only this message (``_render_traceback_``), not a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [f"ParameterError: {self}"]


def declared_parameters(notebook: Path) -> dict[str, object]:
    """Names and default values assigned in the notebook's cell tagged `parameters`."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ParameterError(f"{notebook.name}: expected exactly one cell tagged 'parameters', found {len(cells)}")
    return assigned("".join(cells[0]["source"]))


def assigned(source: str) -> dict[str, object]:
    """The names a cell assigns (``name = literal`` or ``name: type = literal``) and their values."""
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = ast.literal_eval(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found[node.target.id] = ast.literal_eval(node.value)
    return found


def parse_override(text: str) -> tuple[str, object]:
    """'name=value' from the command line; the value is read as YAML (numbers, booleans, strings)."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise ParameterError(f"parameter override {text!r} is not of the form name=value")
    return name, yaml.safe_load(value)


def resolve(
    declared: dict[str, dict[str, object]], config: dict, overrides: dict[str, object]
) -> dict[str, dict[str, object]]:
    """Parameters for each notebook; refuses unknown names, values of the wrong type and values out of range.

    `declared` maps notebook stem to its declared defaults; `config` is config/params.yaml;
    `overrides` come from the command line and apply like the config's `all` section.
    """
    config = config or {}
    unknown_sections = set(config) - {"all", "notebooks"}
    if unknown_sections:
        raise ParameterError(f"config/params.yaml: unknown section(s) {sorted(unknown_sections)}")
    shared = {**(config.get("all") or {}), **overrides}
    everywhere = set().union(*declared.values()) if declared else set()
    for name in shared:
        if name not in everywhere:
            source = "command line" if name in overrides else "config/params.yaml 'all'"
            raise ParameterError(
                f"parameter {name!r} ({source}) is not declared in the parameters cell of any notebook; "
                f"declared names: {sorted(everywhere)}"
            )
    per_notebook = config.get("notebooks") or {}
    for stem in per_notebook:
        if stem not in declared:
            raise ParameterError(f"config/params.yaml: no notebook named {stem!r}")
    resolved = {}
    for stem, defaults in declared.items():
        chosen = {k: v for k, v in shared.items() if k in defaults}
        for name, value in (per_notebook.get(stem) or {}).items():
            if name not in defaults:
                raise ParameterError(
                    f"config/params.yaml: parameter {name!r} is not declared in the parameters cell of {stem}"
                )
            chosen[name] = value
        for name, value in chosen.items():
            check_value(stem, name, defaults[name], value)
        resolved[stem] = chosen
    return resolved


def check_injected(declared: dict[str, object], injected: dict[str, object], where: str) -> None:
    """Refuse parameters given to one notebook directly (papermill -p) that it does not declare, of the wrong
    type or out of range."""
    for name, value in injected.items():
        if name not in declared:
            names = ", ".join(f"{k} ({type(v).__name__})" for k, v in sorted(declared.items()))
            raise ParameterError(
                f"parameter {name!r} is not declared in the parameters cell of {where}; declared: {names}"
            )
        check_value(where, name, declared[name], value)


def check_value(stem: str, name: str, default: object, value: object) -> None:
    """Refuse a value of another type than the default's, or outside the parameter's allowed values."""
    numeric = isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool)
    if not (default is None or isinstance(value, type(default)) or numeric):
        raise ParameterError(
            f"parameter {name!r} for {stem}: expected {type(default).__name__} (e.g. {default!r}), got {value!r}"
        )
    if name == "vintage" and value not in VINTAGES:
        raise ParameterError(f"parameter 'vintage' = {value!r}: choose one of {', '.join(map(repr, VINTAGES))}")
    if name == "max_importance" and value not in IMPORTANCE:
        raise ParameterError(f"parameter 'max_importance' = {value!r}: choose {IMPORTANCE[0]} to {IMPORTANCE[-1]}")
    if name == "last_year":
        first, last = official_years(paths.RAW / "official")
        if not first <= value <= last:
            raise ParameterError(f"parameter 'last_year' = {value!r}: the official data cover {first} to {last}")


@lru_cache(maxsize=None)
def official_years(folder: Path) -> tuple[int, int]:
    """The first and last year of the official values in `folder` (its CSVs' periods, as the chain parses them)."""
    from ..data.periods import parse_period

    years = set()
    for file in sorted(folder.glob("*.csv")):
        with file.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                try:
                    years.add(parse_period(row["period"], row["period_type"]).year)
                except (KeyError, TypeError, ValueError):
                    continue  # preflight names a malformed row; the range comes from the others
    return (min(years), max(years)) if years else (0, 9999)
