"""Repository hygiene: notebooks committed clean, environment.yml in step with the pins, chain config valid."""

import json
import re

import yaml

from helpers import paths
from helpers.chain import graph as chain
from helpers.chain import params
from helpers.chain.sandbox import copy_inputs


def test_notebooks_have_no_outputs_no_execution_metadata_and_one_parameters_cell():
    for step in chain.load_chain():
        nb = json.loads(step.path.read_text(encoding="utf-8"))
        assert "papermill" not in nb["metadata"], step.name
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, step.name
            assert not {"execution", "papermill"} & set(cell["metadata"]), step.name
        params.declared_parameters(step.path)  # raises unless exactly one parameters cell


def test_environment_yml_pins_the_same_packages_as_requirements():
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pinned = {
        line.strip().lower()
        for line in (paths.ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {p.lower() for p in pip_section} == pinned
    assert any(re.fullmatch(r"python=3\.11(\.\*)?", str(d)) for d in env["dependencies"])


def test_every_parameter_in_config_is_declared():
    steps = chain.load_chain()
    declared = {s.name: params.declared_parameters(s.path) for s in steps}
    config = yaml.safe_load((paths.CONFIG / "params.yaml").read_text())
    params.resolve(declared, config, {})


def test_fingerprint_changes_with_data_and_parameters(tmp_path):
    """A data file, an upstream output and a parameter each change the inputs of exactly the notebooks that
    read them, and are named."""
    copy, out = copy_inputs(tmp_path / "copy"), tmp_path / "out"
    steps = chain.load_chain(copy)
    declared = {s.name: params.declared_parameters(s.path) for s in steps}
    for s in steps:
        for pattern in s.reads:
            if pattern.startswith("data/processed"):
                table = out / pattern.replace("**/", "").replace("*", "table")
                table.parent.mkdir(parents=True, exist_ok=True)
                table.write_text("a\n1\n", encoding="utf-8")

    def changed(settings: dict) -> dict[str, list[str]]:
        resolved = params.resolve(declared, None, settings)
        now = {s.name: chain.inputs(s, resolved[s.name], copy, out) for s in steps}
        return {name: chain.changes(base[name], now[name]) for name in now if base[name] != now[name]}

    base = {s.name: chain.inputs(s, params.resolve(declared, None, {})[s.name], copy, out) for s in steps}
    assert changed({}) == {}
    cps = copy / "data" / "raw" / "official" / "cps.csv"
    cps.write_text(cps.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert changed({}) == {"00_data_preparation": ["data file: data/raw/official/cps.csv changed"]}
    base = {s.name: chain.inputs(s, params.resolve(declared, None, {})[s.name], copy, out) for s in steps}
    (out / "data" / "processed" / "official_editions.csv").write_text("a\n2\n", encoding="utf-8")
    assert changed({}) == {
        "02_identifying_the_challenge": ["upstream output: data/processed/official_editions.csv changed"]
    }
    (out / "data" / "processed" / "official_editions.csv").write_text("a\n1\n", encoding="utf-8")
    readers = {name for name, names in declared.items() if "last_year" in names}
    assert changed({"last_year": 2025}) == {name: ["parameter: last_year added"] for name in readers}
    assert "00_data_preparation" not in readers and len(readers) >= 3


def test_data_dictionary_is_generated_from_the_datapackage():
    from helpers.data import datadict

    package = json.loads((paths.RAW / "datapackage.json").read_text(encoding="utf-8"))
    assert datadict.TARGET.read_text(encoding="utf-8") == datadict.render_markdown(package)


def test_readme_figure_map_is_generated_from_the_registry():
    from helpers.figures import registry

    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert registry.with_map(readme) == readme, "run: python -m helpers.figures.registry"
    assert registry.report_numbers() == list(range(1, 59))


def _layout_entries() -> dict[str, str]:
    """The README layout's entries under src/helpers/: name ('paths.py' or 'chain/') -> its text."""
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("src/helpers/     ", 1)[1].split("```", 1)[0].splitlines()[1:]
    entries: dict[str, str] = {}
    for line in block:
        if line.startswith("  ") and not line.startswith("   "):
            name, _, text = line.strip().partition(" ")
            entries[name] = text
            current = name
        elif line.startswith("   ") and entries:
            entries[current] += " " + line.strip()
    return entries


def test_readme_layout_lists_every_module_of_every_package():
    src = paths.ROOT / "src" / "helpers"
    entries = _layout_entries()
    packages = sorted(p.name for p in src.iterdir() if (p / "__init__.py").is_file())
    top = sorted(p.name for p in src.glob("*.py") if p.name != "__init__.py")
    assert sorted(entries) == sorted([*top, *(f"{p}/" for p in packages)])
    for package in packages:
        listed = re.sub(r"\([^()]*\)", "", entries[f"{package}/"])
        names = {n.strip() for n in listed.split(",")}
        modules = {
            p.relative_to(src / package).with_suffix("").as_posix()
            for p in (src / package).rglob("*.py")
            if p.stem not in {"__init__", "__main__"}
        }
        assert names == modules, (
            f"README layout, {package}/: listed {sorted(names - modules)} not modules; "
            f"modules {sorted(modules - names)} not listed"
        )
        assert (src / package / "__init__.py").read_text(encoding="utf-8").startswith('"""'), package
