"""Documentation kept true: each package docstring names its modules; the assumptions log cites real places."""

import ast
import re
import subprocess
import sys
from pathlib import Path

from helpers import paths

SRC = paths.ROOT / "src" / "helpers"


def _members(package: Path) -> set[str]:
    """The modules of a package (``__main__`` included, ``__init__`` aside) and its sub-packages."""
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    return modules | {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}


def test_each_package_docstring_names_every_module_and_no_other():
    """Every ``name`` a package docstring writes in double backticks is one of its modules, and each is named."""
    problems = []
    for init in sorted(SRC.rglob("__init__.py")):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        named = set(re.findall(r"``([A-Za-z_]\w*)``", docstring))
        members = _members(init.parent)
        where = init.relative_to(paths.ROOT).as_posix()
        problems += [f"{where}: module {m!r} is not named in the docstring" for m in sorted(members - named)]
        problems += [f"{where}: names {n!r}, which is not a module of the package" for n in sorted(named - members)]
    assert not problems, "\n".join(problems)


LOG = paths.ROOT / "docs" / "assumptions.md"
FIELDS = ("What", "Why", "Effect on results", "Where used")


def _entries() -> list[str]:
    """The entries of the assumptions log: each from its `### A<n>.` heading to the next heading."""
    text = LOG.read_text(encoding="utf-8")
    return [re.split(r"^#", part, flags=re.M)[0] for part in re.split(r"^### ", text, flags=re.M)[1:]]


def test_each_assumption_is_numbered_rated_and_complete():
    entries = _entries()
    headings = [re.match(r"A(\d+)\. .+: (RED|AMBER|GREEN)\n", entry) for entry in entries]
    assert all(headings), [entry.splitlines()[0] for entry, h in zip(entries, headings) if not h]
    assert [int(h[1]) for h in headings] == list(range(1, len(entries) + 1))
    for entry in entries:
        missing = [field for field in FIELDS if f"- **{field}:**" not in entry]
        assert not missing, f"{entry.splitlines()[0]}: no {missing}"
    assert "(docs/assumptions.md)" in (paths.ROOT / "README.md").read_text(encoding="utf-8")


def test_every_place_the_assumptions_log_names_exists():
    """Each path under "Where used" is a file or folder of the repository; each figure an id of the figure map."""
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    figure_ids = set(re.findall(r"^\|[^|\n]*\| `(\w+)` \|", readme, flags=re.M))
    problems = []
    for entry in _entries():
        where = entry.split("- **Where used:**", 1)[1].split("\n- **", 1)[0]
        files, _, figures = re.split(r"(;\s+figures?\s)", where + "; figures ", maxsplit=1)
        heading = entry.split("\n", 1)[0]
        problems += [f"{heading}: no {p}" for p in re.findall(r"`([^`]+)`", files) if not (paths.ROOT / p).exists()]
        problems += [f"{heading}: no figure {f}" for f in re.findall(r"`([^`]+)`", figures) if f not in figure_ids]
    assert figure_ids and not problems, "\n".join(problems)


def test_the_readme_tier_table_lists_exactly_the_tiers_the_figures_use():
    from helpers.figures import registry, style

    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- tier-table:", 1)[1].split("<!-- /tier-table -->", 1)[0]
    listed = re.findall(r"^\| \*\*(.+?)\*\* \|", table, flags=re.MULTILINE)
    used = {tier for figure in registry.FIGURES for tier in figure.tiers}
    assert listed == list(style.TIERS)
    assert set(listed) == used


def test_tasks_help_lists_every_task_and_succeeds():
    done = subprocess.run([sys.executable, str(paths.ROOT / "tasks.py"), "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for task in ("reproduce", "test", "benchmark", "lab", "figures", "serve", "lock"):
        assert f"tasks.py {task}" in done.stdout


def test_tasks_figures_lists_every_figure_with_its_numbers_notebook_and_title():
    from helpers.figures import registry

    done = subprocess.run([sys.executable, str(paths.ROOT / "tasks.py"), "figures"], capture_output=True, text=True)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "report", "figure(s)"]
    for figure in registry.FIGURES:
        line = next(line for line in lines if line.split()[0] == figure.figure_id)
        assert figure.notebook in line and line.endswith(figure.title)
    assert any(line.startswith("fig27_56 ") and "27–56" in line for line in lines)
