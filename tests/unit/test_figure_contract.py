"""The figure contract: every figure is declared once in the registry, made by one line in its notebook (in the
report's order), narrated with the report's own words at their line, and drawn from the tables 00 writes."""

import ast
import inspect
import json
import re

import pandas as pd
import pytest

from helpers import paths
from helpers.audit.ledger import load_claims
from helpers.data.validate import read_validated
from helpers.figures import inputs, registry
from helpers.figures.inputs import Inputs
from helpers.figures.official import describe as official_describe
from helpers.figures.survey import need
from helpers.figures.survey.specs import NEED_AREAS, NEED_GROUPS
from helpers.survey.published import load_published

NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
QUOTE = re.compile(r'"(.+?)" \(line (\d+)\)')


def _cells(notebook, kind):
    return [
        "".join(c["source"])
        for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == kind
    ]


def _made(notebook) -> list[str]:
    """The figure ids a notebook's code cells pass to make(), in order."""
    ids = []
    for source in _cells(notebook, "code"):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "make":
                ids.append(node.args[0].value)
    return ids


def _required(function) -> set[str]:
    return {n for n, p in inspect.signature(function).parameters.items() if p.default is p.empty}


@pytest.mark.parametrize("entry", registry.FIGURES, ids=lambda f: f.figure_id)
def test_registry_passes_each_function_exactly_its_declared_inputs(entry):
    assert set(entry.inputs) <= set(inputs.PARAMETERS + inputs.TABLES)
    assert _required(entry.draw) == set(entry.inputs), entry.figure_id
    assert _required(entry.describe) == {"data", *entry.describe_inputs}, entry.figure_id


def test_unknown_input_name_is_refused():
    with pytest.raises(TypeError, match="no input 'tabel'"):
        Inputs().take(("tabel",))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_makes_its_registered_figures_once_in_report_order(notebook):
    made = _made(notebook)
    assert made == [f.figure_id for f in registry.for_notebook(notebook.stem)]
    numbers = [registry.get(i).numbers[0] for i in made if registry.get(i).numbers]
    assert numbers == sorted(numbers), f"{notebook.stem}: figures out of the report's order"
    for source in _cells(notebook, "code"):
        if "make(" in source and "import" not in source:
            assert len(source.splitlines()) <= 2, f"{notebook.stem}: a figure takes one or two lines:\n{source}"


def _report_table(name: str) -> pd.DataFrame:
    return read_validated(paths.RAW / "report" / name)


def _quoted_in_report_tables() -> list[tuple[str, int, str]]:
    """Every quote the report tables of the figures hold: (table, line, text)."""
    quotes = []
    for name, line, column in [
        ("figure_captions.csv", "line", "caption"),
        ("figure_statements.csv", "line", "statement"),
        ("need_statements.csv", "line", "statement"),
        ("sub_threats.csv", "line", "text"),
        ("research_framework.csv", "line", "component"),
        ("research_framework.csv", "section_line", "section"),
    ]:
        table = _report_table(name).dropna(subset=[column])
        quotes += [(name, int(at), text) for at, text in zip(table[line], table[column])]
    return quotes


def _report_words() -> set[tuple[int | None, str]]:
    """Every stretch of the report's words this repository holds: (line, text), line None where not recorded."""
    claims = load_claims()
    words = {(int(line), q) for line, q in zip(claims["line"], claims["quote"])}
    words |= {(line, text) for _, line, text in _quoted_in_report_tables()}
    return words | {(None, q) for q in load_published()["quote"]}


def _report_lines() -> list[str]:
    if not paths.report_text().exists():
        pytest.skip(f"report text not at {paths.report_text()} (set MSR_REPORT_TEXT)")
    return paths.report_text().read_text(encoding="utf-8").splitlines()


def test_report_tables_quote_the_report_at_their_line():
    lines = _report_lines()
    wrong = [(name, at, text) for name, at, text in _quoted_in_report_tables() if text not in lines[at - 1]]
    assert wrong == []


def test_sub_threat_table_is_the_reports_table_cell_by_cell():
    """Header (the line above the first row) and every row, blank cells included, as the text lays them out."""
    lines = _report_lines()
    cells = _report_table("sub_threats.csv")
    header = list(dict.fromkeys(cells["column"]))
    assert lines[cells["line"].min() - 2].split("\t") == header
    for at, row in cells.groupby("line"):
        assert list(row["column"]) == header, f"sub_threats.csv: the cells of line {at} are not in the header's order"
        assert [c.strip() for c in lines[at - 1].split("\t")] == list(row["text"].fillna("")), at


def test_need_statements_name_each_theme_and_the_group_they_say():
    """One theme per need-for-improvement theme (and the introduction); a statement said to name the group with
    the greatest need does so, and each theme names at most one."""
    statements = _report_table("need_statements.csv")
    assert list(dict.fromkeys(statements["theme"])) == [need.INTRO, *(theme for _, theme in NEED_AREAS)]
    groups = dict(NEED_GROUPS)
    for row in statements.dropna(subset=["greatest_need"]).itertuples():
        assert "greatest need" in row.statement and groups[row.greatest_need].lower() in row.statement.lower(), row
    assert statements.groupby("theme")["greatest_need"].count().max() == 1


def test_figure_modules_hold_no_quoted_text():
    """The report's words reach a figure as its declared inputs: no figure module types a quote of the tables
    (a quote longer than 40 characters: shorter ones, such as section headings, also serve as labels)."""
    quotes = {text for _, _, text in _quoted_in_report_tables() if len(text) > 40}
    for module in (paths.ROOT / "src" / "helpers" / "figures").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        typed = [q for q in quotes if q in source]
        assert typed == [], f"{module.name} types the report's words {typed[0]!r}: use its report table"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_narrative_quotes_are_the_reports_words_at_their_line(notebook):
    words = _report_words()
    text = paths.report_text()
    lines = text.read_text(encoding="utf-8").splitlines() if text.exists() else None
    for source in _cells(notebook, "markdown"):
        for quote, line in QUOTE.findall(source):
            line = int(line)
            assert any(quote in w and at in (line, None) for at, w in words), f"{notebook.stem}: {quote!r}"
            if lines is not None:
                assert quote in lines[line - 1], f"{notebook.stem}: {quote!r} is not on line {line} of the report"


def test_every_registered_figure_is_narrated_with_its_caption():
    captions = pd.read_csv(paths.RAW / "report" / "figure_captions.csv").set_index("figure")["caption"]
    for notebook in NOTEBOOKS:
        narrative = "\n".join(_cells(notebook, "markdown"))
        for entry in registry.for_notebook(notebook.stem):
            if entry.numbers:
                assert f'"{captions[entry.numbers[0]]}"' in narrative, entry.figure_id


def test_nothing_after_data_preparation_reads_raw_data():
    for notebook in NOTEBOOKS[1:]:
        for source in _cells(notebook, "code"):
            for node in ast.walk(ast.parse(source)):
                assert not (isinstance(node, ast.Attribute) and node.attr == "RAW"), notebook.stem
                assert not (isinstance(node, ast.Constant) and "data/raw" in str(node.value)), notebook.stem
                assert getattr(node, "id", getattr(node, "attr", "")) not in {"load_claims", "load_published"}
    for module in (paths.ROOT / "src" / "helpers" / "figures").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "paths.RAW" not in source, module.name
        assert not re.search(r"load_(published|claims)\(\)", source), f"{module.name} reads a raw table"


def test_typed_caption_text_holds_no_number():
    typed = [*official_describe.LAYOUT.values(), *official_describe.WHERE_PUBLISHED.values()]
    typed += list(official_describe.ALT.values())
    for text in typed:
        assert not re.search(r"\d", text), text


@pytest.mark.usefixtures("processed_survey")
def test_prepared_report_tables_read_back_as_validated():
    """What 00 writes to data/processed/report/ reads back, typed, equal to the validated raw table."""
    inputs = Inputs()
    report = paths.RAW / "report"
    tables = [
        (inputs.claims, load_claims()),
        (inputs.published, load_published()),
        (inputs.captions, read_validated(report / "figure_captions.csv")),
        (inputs.statements, read_validated(report / "figure_statements.csv")),
        (inputs.need_statements, read_validated(report / "need_statements.csv")),
        (inputs.sub_threats, read_validated(report / "sub_threats.csv")),
        (inputs.research_framework, read_validated(report / "research_framework.csv")),
    ]
    for prepared, raw in tables:
        pd.testing.assert_frame_equal(prepared, raw)
        assert prepared.attrs["lines"] == raw.attrs["lines"]
