"""Checks before anything runs: config files, notebook files, the raw data package and a survey export.

Each problem is reported with file, line and column (or the parameter), and nothing has been replaced yet.
"""

from __future__ import annotations

from pathlib import Path

from ..data.read import DataValidationError, display, read_json, read_yaml

CONFIG_SHAPES = {"chain.yaml": ("notebooks",), "params.yaml": ("all", "notebooks")}


def check_config(root: Path) -> dict[str, dict]:
    """Every config/*.yaml parses and is a mapping of the expected sections; returns them by file name."""
    problems, parsed = [], {}
    for path in sorted((root / "config").glob("*.yaml")):
        try:
            data = read_yaml(path)
        except DataValidationError as exc:
            problems.extend(exc.problems)
            continue
        sections = CONFIG_SHAPES.get(path.name)
        if sections and not isinstance(data, dict):
            problems.append(f"{display(path)}: expected a mapping with section(s) {list(sections)}")
            continue
        for section in sections or ():
            if section == "notebooks" and path.name == "chain.yaml" and section not in data:
                problems.append(f"{display(path)}: no 'notebooks' section")
            value = data.get(section)
            if value is not None and not isinstance(value, dict):
                problems.append(f"{display(path)}: section {section!r} must be a mapping, got {value!r}")
        if path.name == "chain.yaml" and isinstance(data.get("notebooks"), dict):
            for name, spec in data["notebooks"].items():
                if spec is not None and not isinstance(spec, dict):
                    problems.append(f"{display(path)}: notebook {name!r} must map to 'after'/'reads', got {spec!r}")
        parsed[path.name] = data
    if problems:
        raise DataValidationError(problems)
    return parsed


def check_notebooks(root: Path) -> None:
    """Every notebook file is valid notebook JSON (nbformat 4) with a list of cells."""
    import nbformat

    problems = []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        try:
            data = read_json(path)
        except DataValidationError as exc:
            problems.extend(exc.problems)
            continue
        try:
            nbformat.validate(nbformat.from_dict(data))
        except (nbformat.ValidationError, AttributeError, TypeError, KeyError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            problems.append(f"{display(path)}: not a valid notebook ({first})")
    if problems:
        raise DataValidationError(problems)


def check_inputs(root: Path, resolved: dict[str, dict]) -> None:
    """The raw data package (every file, every foreign key) and any survey export named by survey_source."""
    from ..data import validate
    from ..survey import export

    problems = []
    try:
        validate.check_package(root / "data" / "raw" / "datapackage.json")
    except DataValidationError as exc:
        problems.extend(exc.problems)
    for source in sorted({str(p["survey_source"]) for p in resolved.values() if "survey_source" in p}):
        try:
            folder = export.resolve_folder(source, root)
            if folder is not None:
                export.read_export(folder)
        except DataValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataValidationError(problems)
