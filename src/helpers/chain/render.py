"""Render executed notebooks: standalone HTML (code and reviewer views), the landing page and the A4 PDF."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib
from jinja2 import Environment, PackageLoader, select_autoescape

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
VIEWS = {"code": {"exclude_input": False}, "reviewer": {"exclude_input": True, "exclude_input_prompt": True}}
_templates = Environment(loader=PackageLoader("helpers.chain", "templates"), autoescape=select_autoescape())


def pdf_css() -> str:
    """A4 pages, fonts pinned to the DejaVu files matplotlib ships (the same on every machine)."""
    faces = "".join(
        f"@font-face{{font-family:'Pinned {family}';src:url('file://{FONT_DIR / file}');"
        f"font-weight:{weight};font-style:{style}}}"
        for family, file, weight, style in [
            ("Sans", "DejaVuSans.ttf", "normal", "normal"),
            ("Sans", "DejaVuSans-Bold.ttf", "bold", "normal"),
            ("Sans", "DejaVuSans-Oblique.ttf", "normal", "italic"),
            ("Mono", "DejaVuSansMono.ttf", "normal", "normal"),
        ]
    )
    return faces + _templates.get_template("appendix.css").render()


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
        (reports / "html" / view / f"{name}.html").write_text(page, encoding="utf-8")
    if pdf:
        write_section_pdf(reports, name)


def render_index(reports: Path, notebooks: list[str], pdf: bool = True) -> None:
    """The appendix's landing page: a status box, every figure with its tier and notebook, and every notebook."""
    from .index import status
    from .render_html import TIER_COLOURS, legend_html

    figures = figure_records(reports / "figures")
    index = _templates.get_template("index.html.j2").render(
        figures=figures,
        notebooks=notebooks,
        pdf=pdf,
        status=status(reports, figures),
        legend=legend_html(),
        colours=TIER_COLOURS,
    )
    (reports / "index.html").write_text(index, encoding="utf-8")


def write_section_pdf(reports: Path, name: str) -> Path:
    """The reviewer view of one notebook as A4 pages, without a browser or LaTeX."""
    import logging

    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    body = vector_figures(notebook_html(reports / "notebooks" / f"{name}.ipynb", "reviewer", "basic"))
    page = _templates.get_template("appendix.html.j2").render(name=name, body=body)
    target = reports / "pdf" / f"{name}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=page, base_url=str(reports)).write_pdf(target, stylesheets=[CSS(string=pdf_css())])
    return target


def vector_figures(body: str) -> str:
    """The PDF body with each saved figure's PNG replaced by its SVG file, and no heading anchors."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    for anchor in soup.select("a.anchor-link"):
        anchor.decompose()
    for figure in soup.select("figure[id] img"):
        figure["src"] = f"figures/{figure.find_parent('figure')['id']}.svg"
    return str(soup)


def merge_pdf(reports: Path, notebooks: list[str]) -> Path:
    """appendix.pdf: the notebooks' PDF sections in chain order, with one outline entry per notebook."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for name in (n for n in notebooks if (reports / "pdf" / f"{n}.pdf").exists()):
        writer.append(reports / "pdf" / f"{name}.pdf", outline_item=name)
    target = reports / "appendix.pdf"
    with target.open("wb") as handle:
        writer.write(handle)
    return target
