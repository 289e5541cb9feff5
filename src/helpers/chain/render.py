"""Render executed notebooks as standalone HTML (code and reviewer views), with each reviewer page's search records.

The landing page and the search index (render_html.write_index, write_search) read `figure_records`; the PDF
appendix (render_pdf) builds on `notebook_html` and `templates`; nothing here imports either."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from . import disk

VIEWS = {"code": {"exclude_input": False}, "reviewer": {"exclude_input": True, "exclude_input_prompt": True}}
templates = Environment(loader=PackageLoader("helpers.chain", "templates"), autoescape=select_autoescape())


def notebook_html(executed: Path, view: str, template: str = "lab") -> str:
    """One view of an executed notebook as nbconvert's HTML."""
    import nbformat

    exporter = _exporter(template)
    for trait in ("exclude_input", "exclude_input_prompt"):
        setattr(exporter, trait, VIEWS[view].get(trait, False))
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return body


@cache
def _exporter(template: str):
    """One exporter per template, for both views: its compiled templates are reused (a third of the time)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name=template, embed_images=True)


def figure_records(figures: Path) -> list[dict]:
    """The metadata each saved figure left beside its files, in report order."""
    records = [json.loads(p.read_text(encoding="utf-8")) for p in figures.glob("*.json")]
    return sorted(records, key=lambda r: (r["sort_key"], r["figure_id"]))


def render_notebook(reports: Path, name: str, pdf: bool) -> None:
    """Both HTML views of one executed notebook (with `pdf`, they link the PDF appendix), and the reviewer
    page's search records."""
    from .render_html import chain_order, page_records, publish_page, search_file

    executed = reports / "notebooks" / f"{name}.ipynb"
    pages = {}
    for view in VIEWS:
        (reports / "html" / view).mkdir(parents=True, exist_ok=True)
        pages[view] = publish_page(notebook_html(executed, view), name, view, chain_order(), reports, pdf)
        disk.write_text(reports / "html" / view / f"{name}.html", pages[view])
    search_file(reports, name).parent.mkdir(exist_ok=True)
    records = json.dumps(page_records(name, pages["reviewer"]), ensure_ascii=False, indent=0)
    disk.write_text(search_file(reports, name), records + "\n")
