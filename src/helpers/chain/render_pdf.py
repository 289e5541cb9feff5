"""The A4 PDF appendix: one section per notebook (rendered as each notebook finishes), then a title page, a
table of contents with page numbers, continuous 'page x of N' footers, bookmarks and document metadata."""

from __future__ import annotations

import logging
from pathlib import Path

import matplotlib

from . import disk

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TITLE = "Policing Response to Modern Slavery: reproducible appendix"
METADATA = {
    "/Title": TITLE,
    "/Author": "Research software team (independent reproduction)",
    "/Subject": "Figures and numbers of the IASC report (Leapwise, July 2025) rebuilt from data and checked",
}
LANGUAGE = "en-GB"


def _quiet() -> None:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def pdf_css() -> str:
    """A4 pages, fonts pinned to the DejaVu files matplotlib ships (the same on every machine)."""
    from .render import templates

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
    return faces + templates.get_template("appendix.css").render()


def _pdf(html: str, base: Path, target: Path) -> Path:
    from weasyprint import CSS, HTML

    _quiet()
    target.parent.mkdir(parents=True, exist_ok=True)
    with disk.writing(target):
        HTML(string=html, base_url=str(base)).write_pdf(target, stylesheets=[CSS(string=pdf_css())])
    return target


def write_section_pdf(reports: Path, name: str) -> Path:
    """The reviewer view of one notebook as A4 pages (figures as SVG), without a browser or LaTeX."""
    from .render import notebook_html, templates

    body = vector_figures(notebook_html(reports / "notebooks" / f"{name}.ipynb", "reviewer", "basic"))
    page = templates.get_template("appendix.html.j2").render(name=name, body=body)
    return _pdf(page, reports, reports / "pdf" / f"{name}.pdf")


def vector_figures(body: str) -> str:
    """The PDF body with each saved figure's PNG replaced by its SVG file, and no heading anchors."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    for anchor in soup.select("a.anchor-link"):
        anchor.decompose()
    for figure in soup.select("figure[id] img"):
        figure["src"] = f"figures/{figure.find_parent('figure')['id']}.svg"
    return str(soup)


def section_outline(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, page index in the section) of a section's headings, from the bookmarks WeasyPrint wrote."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    entries = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, str(item.title).strip(), reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return entries


def contents(sections: list[tuple[str, Path]], front_pages: int) -> list[dict]:
    """Table of contents: each heading of every section with its page in the whole appendix (1-based)."""
    from pypdf import PdfReader

    entries, start = [], front_pages
    for _, path in sections:
        for level, title, page in section_outline(path):
            if level <= 2:
                entries.append({"level": level, "title": title, "page": start + page + 1})
        start += len(PdfReader(path).pages)
    return entries


def _front(reports: Path, sections, build: dict, front_pages: int) -> Path:
    from .render import templates

    page = templates.get_template("front.html.j2").render(
        title=TITLE, build=build, contents=contents(sections, front_pages)
    )
    return _pdf(page, reports, reports / "pdf" / "_front.pdf")


def _footers(reports: Path, total: int) -> Path:
    """`total` empty A4 pages carrying only 'page x of N', to lay over the appendix's pages."""
    html = (
        "<!DOCTYPE html><html><head><style>@page{size:A4;margin:18mm 16mm 20mm 16mm;"
        "@bottom-right{content:'page ' counter(page) ' of ' counter(pages);font-size:8pt;color:#505a5f}}"
        "div{break-after:page}</style></head><body>" + "<div></div>" * total + "</body></html>"
    )
    return _pdf(html, reports, reports / "pdf" / "_footers.pdf")


def _build(reports: Path) -> dict:
    """The build's commit, date and parameters, as the landing page states them."""
    from .. import paths
    from .index import build_commit, parameters

    commit = build_commit(paths.ROOT)
    label = " ".join(v for v in (commit["commit"], commit["dirty"]) if v)
    return {"commit": label, "date": commit["date"], "parameters": parameters(reports)}


def merge_pdf(reports: Path, notebooks: list[str], build: dict | None = None) -> Path:
    """appendix.pdf: title page and contents, then the notebooks' sections in chain order, numbered throughout."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    build = build or _build(reports)
    sections = [(n, reports / "pdf" / f"{n}.pdf") for n in notebooks if (reports / "pdf" / f"{n}.pdf").exists()]
    front = _front(reports, sections, build, 2)
    front_pages = len(PdfReader(front).pages)
    if front_pages != 2:  # a long contents list: lay it out again with the right offset
        front = _front(reports, sections, build, front_pages)
    writer = PdfWriter()
    writer.append(front, import_outline=False)
    writer.add_outline_item("Title page and contents", 0)
    for name, path in sections:
        writer.append(path, outline_item=name)
    footers = PdfReader(_footers(reports, len(writer.pages)))
    for page, footer in zip(writer.pages, footers.pages):
        page.merge_page(footer)
    writer.add_metadata(METADATA)
    writer._root_object[NameObject("/Lang")] = TextStringObject(LANGUAGE)
    for scratch in ("_front.pdf", "_footers.pdf"):
        (reports / "pdf" / scratch).unlink()
    target = reports / "appendix.pdf"
    with disk.writing(target), target.open("wb") as handle:
        writer.write(handle)
    return target
