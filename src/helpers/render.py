"""Render executed notebooks: standalone HTML (code and reviewer views), the landing page and the A4 PDF."""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib
from jinja2 import Environment, PackageLoader, select_autoescape

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
VIEWS = {"code": {"exclude_input": False}, "reviewer": {"exclude_input": True, "exclude_input_prompt": True}}
_templates = Environment(loader=PackageLoader("helpers", "templates"), autoescape=select_autoescape())


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


def render_reports(reports: Path, notebooks: list[str], pdf: bool = True) -> None:
    executed = reports / "notebooks"
    for view in VIEWS:
        (reports / "html" / view).mkdir(parents=True, exist_ok=True)
        for name in notebooks:
            html = notebook_html(executed / f"{name}.ipynb", view)
            (reports / "html" / view / f"{name}.html").write_text(html, encoding="utf-8")
    figures = figure_records(reports / "figures")
    index = _templates.get_template("index.html.j2").render(figures=figures, notebooks=notebooks, pdf=pdf)
    (reports / "index.html").write_text(index, encoding="utf-8")
    if pdf:
        write_pdf(reports, notebooks)


def write_pdf(reports: Path, notebooks: list[str]) -> Path:
    """One A4 PDF of the reviewer view of every notebook, without a browser or LaTeX."""
    import logging

    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    bodies = [notebook_html(reports / "notebooks" / f"{n}.ipynb", "reviewer", "basic") for n in notebooks]
    page = _templates.get_template("appendix.html.j2").render(sections=zip(notebooks, bodies))
    target = reports / "appendix.pdf"
    HTML(string=page, base_url=str(reports)).write_pdf(target, stylesheets=[CSS(string=pdf_css())])
    return target
