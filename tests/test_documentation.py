"""Documentation kept true: each package docstring names its modules; the assumptions log cites real places."""

import ast
import re
from pathlib import Path

from helpers import paths

SRC = paths.ROOT / "src" / "helpers"


def _members(package: Path) -> set[str]:
    """The modules of a package (entry points such as ``__main__`` aside) and its sub-packages."""
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("__")}
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
