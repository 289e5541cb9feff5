"""Render executed notebooks: standalone HTML (code and reviewer views) and the landing page (the PDF: render_pdf)."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from . import disk

VIEWS = {"code": {"exclude_input": False}, "reviewer": {"exclude_input": True, "exclude_input_prompt": True}}
templates = Environment(loader=PackageLoader("helpers.chain", "templates"), autoescape=select_autoescape())


def notebook_html(executed: Path, view: str, template: str = "lab") -> str:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name=template, embed_images=True, **VIEWS[view])
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return body


def figure_records(figures: Path) -> list[dict]:
    """The metadata each saved figure left beside its files, in report order."""
    records = [json.loads(p.read_text(encoding="utf-8")) for p in figures.glob("*.json")]
    return sorted(records, key=lambda r: (r["sort_key"], r["figure_id"]))


def render_notebook(reports: Path, name: str, pdf: bool = True) -> None:
    """Both HTML views of one executed notebook and, for the appendix, its reviewer view as an A4 PDF section."""
    from .render_html import chain_order, publish_page

    executed = reports / "notebooks" / f"{name}.ipynb"
    for view in VIEWS:
        (reports / "html" / view).mkdir(parents=True, exist_ok=True)
        page = publish_page(notebook_html(executed, view), name, view, chain_order())
        target = reports / "html" / view / f"{name}.html"
        with disk.writing(target):
            target.write_text(page, encoding="utf-8")
    if pdf:
        from .render_pdf import write_section_pdf

        write_section_pdf(reports, name)


def render_index(reports: Path, notebooks: list[str], pdf: bool = True) -> None:
    """The appendix's landing page: a status box, every figure with its tier and notebook, and every notebook."""
    from .index import status
    from .render_html import TIER_COLOURS, legend_html

    figures = figure_records(reports / "figures")
    index = templates.get_template("index.html.j2").render(
        figures=figures,
        notebooks=notebooks,
        pdf=pdf,
        status=status(reports, figures),
        legend=legend_html(),
        colours=TIER_COLOURS,
    )
    with disk.writing(reports / "index.html"):
        (reports / "index.html").write_text(index, encoding="utf-8")
