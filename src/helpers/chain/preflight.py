"""Checks before anything runs: config files, notebook files, the raw data package, the release files, the
parameters' ranges and a survey export.

Each problem is reported with file, line and column (or the parameter), and nothing has been replaced yet.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from ..data.read import DataValidationError, display, read_json, read_yaml
from . import graph

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
    """Every notebook file is valid notebook JSON: nbformat 4, against nbformat's own schema for its minor version.

    The schema is checked with fastjsonschema (nbformat's own faster validator) without importing nbformat, whose
    import costs about a second (jsonschema's format checkers) on every run, the edit loop's included."""
    import fastjsonschema

    problems = []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        try:
            data = read_json(path)
        except DataValidationError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(data, dict) or data.get("nbformat") != 4:
            problems.append(f"{display(path)}: not a valid notebook (not nbformat 4)")
            continue
        try:
            _notebook_schema(data.get("nbformat_minor"))(data)
        except fastjsonschema.JsonSchemaException as exc:
            problems.append(f"{display(path)}: not a valid notebook ({exc.message})")
    if problems:
        raise DataValidationError(problems)


@cache
def _notebook_schema(minor: object):
    """nbformat's schema for notebook format 4.`minor` (its latest where it has none for that minor), compiled."""
    import fastjsonschema

    folder = Path(importlib.util.find_spec("nbformat").origin).parent / "v4"
    path = folder / f"nbformat.v4.{minor}.schema.json"
    schema = json.loads((path if path.is_file() else folder / "nbformat.v4.schema.json").read_text(encoding="utf-8"))
    return fastjsonschema.compile(schema)


def check_inputs(root: Path, steps: list[graph.Step], resolved: dict[str, dict]) -> None:
    """Every check the inputs alone allow, before any notebook runs: the raw data package (every file, every foreign
    key, periods, values in their quotes), the publishers' release files (sha256 against their records, sheets, row
    labels, column layout, cells; an edition that moves a checked value), the parameters' ranges (`vintage`,
    `last_year` within the official data) and any survey export named by survey_source (files, respondent ids, item
    columns, answer labels), with each notebook's parameters as it will run with them (its declared defaults, then
    `resolved`)."""
    from ..data import official, releases, validate
    from . import params

    raw = root / "data" / "raw"
    problems: list[str] = []
    _collect(problems, validate.check_package, raw / "datapackage.json")
    values = _collect(problems, releases.load_releases, raw / "official" / "releases")
    if values is not None:
        _collect(problems, _check_revisions, raw, values)
    table = _collect(problems, official.load_official, raw / "official")
    effective = [{**params.declared_parameters(step.path), **resolved.get(step.name, {})} for step in steps]
    for vintage, last_year in sorted({(p.get("vintage"), p.get("last_year")) for p in effective}, key=str):
        if table is not None and (vintage, last_year) != (None, None):
            chosen = _collect(problems, official.choose_vintage, table, vintage or "latest")
            if last_year is not None and chosen is not None:
                _collect(problems, official.check_last_year, last_year, chosen)
    for source in sorted({str(p["survey_source"]) for p in effective if "survey_source" in p}):
        _collect(problems, _check_export, source, root)
    if problems:
        raise DataValidationError(list(dict.fromkeys(problems)))


def inputs_key(root: Path, steps: list[graph.Step], resolved: dict[str, dict]) -> str:
    """A hash of everything `check_inputs` reads: every raw data file, each notebook's parameters as it will run
    with them, any folder a parameter names, and the code of the checks. The runner records it after a run whose
    checks passed and skips them while it is unchanged (the edit loop: a figure module edited, the data not)."""
    from . import imports, params

    effective = [{**params.declared_parameters(s.path), **resolved.get(s.name, {})} for s in steps]
    code = imports.modules_of(["helpers.chain.preflight", "helpers.audit.edition_checks"], root)
    folders = [(root, root / "data" / "raw"), *((f, f) for p in effective for f in graph.parameter_folders(p, root))]
    files = [(base, f) for base, folder in folders for f in sorted(folder.rglob("*"))] + [(root, f) for f in code]
    hashes = {f.relative_to(base).as_posix(): graph.file_digest(f) for base, f in files if f.is_file()}
    return graph.digest([effective, sorted(hashes.items())])


def _collect(problems: list[str], check, *args):
    """The check's result, or None with its problems added to `problems`."""
    try:
        return check(*args)
    except DataValidationError as exc:
        problems.extend(exc.problems)
    except ValueError as exc:  # a parameter out of range, an unknown answer label
        problems.append(str(exc))
    return None


def _check_revisions(raw: Path, values) -> None:
    """An edition that moves a value a claim is checked against is refused until its record lists the claim."""
    from ..audit.edition_checks import check_revisions
    from ..audit.ledger import load_claims
    from ..data import releases

    folder = raw / "official" / "releases"
    records = releases.load_provenance(folder)
    check_revisions(load_claims(raw / "report" / "claims.csv"), values, records, folder / releases.PROVENANCE)


def _check_export(source: str, root: Path) -> None:
    """A survey export: where it is, then its files, item columns and answer labels against the reconstruction's
    items and scales (computed from the raw tables, as 00_data_preparation will)."""
    from ..survey import export, reconstruct, respondents

    folder = export.resolve_folder(source, root)
    if folder is not None:
        export.read_export(folder)  # files and respondent ids first: cheaper than the reconstruction
        respondents.read_export(folder, reconstruct.build()["cells"])
