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
            parsed[path.name] = data = read_yaml(path)
        except DataValidationError as exc:
            problems.extend(exc.problems)
            continue
        where, sections = display(path), CONFIG_SHAPES.get(path.name, ())
        if sections and not isinstance(data, dict):
            problems.append(f"{where}: expected a mapping with section(s) {list(sections)}")
            continue
        if path.name == "chain.yaml" and "notebooks" not in data:
            problems.append(f"{where}: no 'notebooks' section")
        for section in (s for s in sections if data.get(s) is not None and not isinstance(data[s], dict)):
            problems.append(f"{where}: section {section!r} must be a mapping, got {data[section]!r}")
        notebooks = data.get("notebooks") if path.name == "chain.yaml" else None
        for name, spec in notebooks.items() if isinstance(notebooks, dict) else ():
            if spec is not None and not isinstance(spec, dict):
                problems.append(f"{where}: notebook {name!r} must map to 'after'/'reads', got {spec!r}")
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
