"""Notebook parameters: read the `parameters` cell, merge the config file and command-line overrides."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import yaml


class ParameterError(ValueError):
    """A parameter name or value the chain refuses before anything runs."""


def declared_parameters(notebook: Path) -> dict[str, object]:
    """Names and default values assigned in the notebook's cell tagged `parameters`."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ParameterError(f"{notebook.name}: expected exactly one cell tagged 'parameters', found {len(cells)}")
    return assigned("".join(cells[0]["source"]))


def assigned(source: str) -> dict[str, object]:
    """The names a cell assigns (``name = literal``) and their values."""
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
    }


def parse_override(text: str) -> tuple[str, object]:
    """'name=value' from the command line; the value is read as YAML (numbers, booleans, strings)."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise ParameterError(f"parameter override {text!r} is not of the form name=value")
    return name, yaml.safe_load(value)


def resolve(
    declared: dict[str, dict[str, object]], config: dict, overrides: dict[str, object]
) -> dict[str, dict[str, object]]:
    """Parameters for each notebook; refuses unknown names and values of the wrong type.

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
            _check_type(stem, name, defaults[name], value)
        resolved[stem] = chosen
    return resolved


def check_injected(declared: dict[str, object], injected: dict[str, object], where: str) -> None:
    """Refuse parameters given to one notebook directly (papermill -p) that it does not declare or of wrong type."""
    for name, value in injected.items():
        if name not in declared:
            raise ParameterError(
                f"parameter {name!r} is not declared in the parameters cell of {where}; declared: {sorted(declared)}"
            )
        _check_type(where, name, declared[name], value)


def _check_type(stem: str, name: str, default: object, value: object) -> None:
    if default is None or isinstance(value, type(default)):
        return
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return
    raise ParameterError(
        f"parameter {name!r} for {stem}: expected {type(default).__name__} like the default {default!r}, got {value!r}"
    )
