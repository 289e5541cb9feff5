"""The A4 PDF appendix as one tagged WeasyPrint document: a title page, a contents list that links to its
pages, then every notebook's reviewer view in chain order, with bookmarks, a running header naming the section
and 'page x of N' footers. Each notebook's section PDF is a copy of its pages (no second layout)."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

import matplotlib

from . import disk
from .render import notebook_html, templates

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
TITLE = "Policing Response to Modern Slavery: reproducible appendix"
AUTHOR = "Research software team (independent reproduction)"
SUBJECT = "Figures and numbers of the IASC report (Leapwise, July 2025) rebuilt from data and checked"
LANGUAGE = "en-GB"
VARIANT = "pdf/ua-1"
TEXT_WIDTH_CHARS = 100  # characters of the tables' 7.5 pt DejaVu Sans across the A4 text width (178 mm)
SHORT_WORD = 24  # characters: a column whose longest word is no longer keeps it whole
URL = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:]")


def _quiet() -> None:
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def _page_references_once() -> None:
    """pydyf rebuilds the list of every page's reference each time it is asked, and WeasyPrint's tagging asks
    once per tagged element: time grows with pages x elements. Keep the list until a page is added (same bytes)."""
    import pydyf

    built = pydyf.PDF.page_references
    if getattr(built.fget, "kept", False):
        return

    def kept(pdf):
        count = len(pdf.pages["Kids"])
        if pdf.__dict__.get("_page_references", (None,))[0] != count:
            pdf.__dict__["_page_references"] = (count, built.fget(pdf))
        return pdf.__dict__["_page_references"][1]

    kept.kept = True
    pydyf.PDF.page_references = property(kept)


def pdf_css() -> str:
    """The print stylesheet, with fonts pinned to the DejaVu files matplotlib ships (the same on every machine)."""
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
    return faces + templates.get_template("print.css").render()


def column_widths(table) -> list[float]:
    """Percent widths for a fixed-layout table. A column of short words (ids, numbers, units, verdicts) gets room
    for its longest word, so that none is split; the columns of long text share the rest of the line in
    proportion to their cells' mean length (at least their longest word, up to 30 characters, where it fits)."""
    rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
    columns = list(zip(*[r for r in rows if len(r) == len(rows[0])]))
    need = [min(max(len(w) for cell in col for w in cell.split() or [""]), 30) + 3 for col in columns]
    mean = [sum(len(cell) for cell in col) / len(col) for col in columns]
    short = [n <= SHORT_WORD and m <= 2 * SHORT_WORD for n, m in zip(need, mean)]
    rest = TEXT_WIDTH_CHARS - sum(n for n, s in zip(need, short) if s)
    weights = [max(m, n) for m, n, s in zip(mean, need, short) if not s]
    if rest <= 0 or not weights:
        widths = need
    else:
        shares = iter(rest * w / sum(weights) for w in weights)
        widths = [n if s else next(shares) for n, s in zip(need, short)]
    return [100 * w / sum(widths) for w in widths]


def _fix_columns(soup) -> None:
    for table in soup.select("table.readable"):
        if table.find("tr") is None:
            continue
        colgroup = soup.new_tag("colgroup")
        for width in column_widths(table):
            colgroup.append(soup.new_tag("col", attrs={"style": f"width:{width:.2f}%"}))
        caption = table.find("caption")
        if caption:
            caption.insert_after(colgroup)
        else:
            table.insert(0, colgroup)


def _keep_figures_with_headings(soup) -> None:
    """Wrap each figure's cell with the cells before it, back to its heading, in one unbreakable block (its id:
    the figure's, then '--block')."""
    for figure in soup.select("figure[id]"):
        cell = figure.find_parent(class_="cell")
        if cell is None:
            continue
        block = [cell]
        for previous in cell.find_previous_siblings(class_="cell"):
            if previous.select_one("figure[id]"):
                break
            block.insert(0, previous)
            if previous.find(["h1", "h2", "h3", "h4"]):
                break
        else:
            block = [cell]
        wrapper = soup.new_tag("div", attrs={"class": "figure-block", "id": f"{figure['id']}--block"})
        block[0].insert_before(wrapper)
        for part in block:
            wrapper.append(part.extract())


def _link_urls(soup) -> None:
    """Source URLs printed as text become links."""
    from bs4 import BeautifulSoup

    for text in list(soup.find_all(string=URL)):
        if text.find_parent(["a", "style", "script"]):
            continue
        linked = URL.sub(lambda m: f'<a href="{m.group()}">{m.group()}</a>', html.escape(text, quote=False))
        text.replace_with(BeautifulSoup(linked, "html.parser"))


def section(reports: Path, name: str, order: list[str]) -> dict:
    """One notebook's reviewer view for the book: its ids made unique, links to other notebooks pointing
    inside the book, SVG figures kept with their headings, tables laid out for A4, source URLs linked."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(notebook_html(reports / "notebooks" / f"{name}.ipynb", "reviewer", "basic"), "html.parser")
    for anchor in soup.select("a.anchor-link"):
        anchor.decompose()
    for fold in soup.select("details.claims-fold"):  # folded on a screen, printed open
        fold.summary.decompose()
        fold.unwrap()
    for img in soup.select("figure[id] img"):
        img["src"] = f"figures/{img.find_parent('figure')['id']}.svg"
    for element in soup.find_all(id=True):
        element["id"] = f"{name}--{element['id']}"
    for link in soup.find_all("a", href=True):
        href = link["href"]
        target = re.match(r"(?:\.\./)*(?:notebooks/|html/\w+/)?(\d\d_\w+)\.(?:ipynb|html)(#.*)?$", href)
        if href.startswith("#"):
            link["href"] = f"#{name}--{href[1:]}"
        elif target and target.group(1) in order:
            link["href"] = f"#{target.group(1)}--{target.group(2)[1:]}" if target.group(2) else f"#nb-{target.group(1)}"
        elif not re.match(r"(https?|mailto):", href):  # a file of the checkout: its text stays, no machine path
            link.unwrap()
    _keep_figures_with_headings(soup)
    _fix_columns(soup)
    _link_urls(soup)
    headings = [
        {"level": int(h.name[1]), "title": h.get_text(" ", strip=True), "id": h["id"]}
        for h in soup.find_all(["h1", "h2"])
        if h.get("id")
    ]
    return {"name": name, "id": f"nb-{name}", "soup": soup, "headings": headings}


def _print_each_card_once(sections: list[dict]) -> None:
    """A claim's card is printed once in the book: a later card with the same content (the claims audit lists
    every claim again, by section) becomes one line naming the claim and its verdict, with a link to the first
    card and its page. The line keeps the later card's id, so links to it still land."""
    first: dict[str, str] = {}
    for part in sections:
        soup = part["soup"]
        for number, card in enumerate(soup.select("article.claim")):
            content = "".join(str(child) for child in card.children)
            if content not in first:
                card["id"] = card.get("id") or f"{part['name']}--card-{number}"
                first[content] = card["id"]
                continue
            claim, verdict = card.select_one(".claim-meta .claim-id"), card.select_one(".claim-meta .verdict")
            line = soup.new_tag("p", attrs={"class": "claim-ref"})
            if card.get("id"):
                line["id"] = card["id"]
            line.append(soup.new_string("Claim "))
            line.append(claim.extract())
            line.append(soup.new_string(" "))
            line.append(verdict.extract())
            link = soup.new_tag("a", attrs={"href": f"#{first[content]}", "class": "card-page"})
            link.string = "its card"
            line.append(soup.new_string(": "))
            line.append(link)
            card.replace_with(line)


def _build(reports: Path) -> dict:
    """The build's commit, date and parameters, as the landing page states them."""
    from .. import paths
    from .index import build_commit, parameters

    commit = build_commit(paths.ROOT)
    label = " ".join(v for v in (commit["commit"], commit["dirty"]) if v)
    return {"commit": label, "date": commit["date"], "parameters": parameters(reports)}


def book_html(reports: Path, notebooks: list[str], build: dict | None = None) -> str:
    """The whole appendix as one HTML document: title page, contents, then each executed notebook."""
    sections = [section(reports, n, notebooks) for n in notebooks if (reports / "notebooks" / f"{n}.ipynb").exists()]
    _print_each_card_once(sections)
    for part in sections:
        part["body"] = str(part.pop("soup"))
    return templates.get_template("book.html.j2").render(
        title=TITLE,
        author=AUTHOR,
        subject=SUBJECT,
        language=LANGUAGE,
        build=build or _build(reports),
        contents=[h for s in sections for h in s["headings"]],
        sections=sections,
    )


def remove_pdfs(reports: Path) -> None:
    """Remove the appendix (a run without the PDF leaves none older than the pages)."""
    (reports / "appendix.pdf").unlink(missing_ok=True)


def write_appendix(reports: Path, notebooks: list[str], build: dict | None = None) -> Path:
    """reports/appendix.pdf as one tagged document (each notebook's section starts at the named destination
    ``nb-<notebook>``, which the pages link to)."""
    from weasyprint import CSS, HTML

    _quiet()
    _page_references_once()
    remove_pdfs(reports)
    book = HTML(string=book_html(reports, notebooks, build), base_url=str(reports))
    target = reports / "appendix.pdf"
    with disk.writing(target):
        book.write_pdf(target, stylesheets=[CSS(string=pdf_css())], pdf_variant=VARIANT, pdf_tags=True)
    return target
