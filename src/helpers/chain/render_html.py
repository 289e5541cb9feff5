"""Make nbconvert's pages a publication: real title, viewport, the site's navigation (every chapter and figure in
a sidebar, a menu on a phone), an "on this page" list, previous/next links, downloads, a search box, a code view
that passes contrast, no prompts or heading anchors in the reviewer view, and nothing fetched from another site."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from .. import paths
from ..figures.style import TIER_COLOURS, TIER_NOTE, TIER_WORDS
from . import disk

CODE_STYLE = "xcode"  # the Pygments style whose every token colour passes WCAG AA on the code cells' background
SITE_CSS = """
body,body.jp-Notebook{margin:0;padding:0;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff}
a{color:#1d4f91}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #fd0;outline-offset:1px}
.skip{position:absolute;left:-999px}.skip:focus{left:1em;top:.5em;background:#fff;padding:.5em;z-index:10}
.site-header{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;padding:.5em 1em;background:#12436D;color:#fff}
.site-header a{color:#fff;font-weight:bold;text-decoration:none;padding:.4em 0}
.site-header form{margin-left:auto;display:flex;gap:.3em;align-items:center}
.site-header label{color:#fff}.site-header input{font-size:1rem;padding:.35em;min-width:10em;border:2px solid #fff}
.site-header button,.menu-button{font-size:1rem;min-height:44px;min-width:44px;padding:.3em .8em;cursor:pointer;
 background:#fff;color:#12436D;border:2px solid #fff;font-weight:bold}
.menu-button{display:none}
.site{display:flex;align-items:flex-start}
.site-nav{flex:0 0 17rem;max-height:100vh;overflow-y:auto;position:sticky;top:0;padding:1em;font-size:.9rem;
 border-right:1px solid #bbb;box-sizing:border-box;background:#fff}
.site-nav ol{list-style:none;padding-left:0;margin:0}.site-nav ol ol{padding-left:1em;margin:.2em 0 .5em}
.site-nav li{margin:.1em 0}.site-nav a{display:inline-block;padding:.3em 0}
.site-nav [aria-current=page]{font-weight:bold;color:#0b0c0c}
.site-main{flex:1 1 auto;min-width:0;padding:0 1.5em 2em;max-width:70rem;box-sizing:border-box}
.page-intro{font-size:.9rem;border-bottom:2px solid #12436D;padding:.3em 0 .6em}
.on-this-page,.downloads{font-size:.95rem;background:#f3f2f1;padding:.5em 1em;margin:1em 0}
.on-this-page ol{margin:.3em 0;padding-left:1.3em}.on-this-page li{margin:.1em 0}
.on-this-page a{display:block;padding:.3em 0}
main a{text-decoration:underline}
.on-this-page ol ol{list-style:disc}
.pager{display:flex;justify-content:space-between;gap:1em;flex-wrap:wrap;border-top:1px solid #bbb;margin-top:2em;
 padding-top:1em}.pager a{display:inline-block;padding:.5em 0}
.tier{font-weight:bold}
figure{margin:1em 0}figure img,.fig-link img{width:100%;height:auto;display:block}
.fig-files{font-size:.95rem}.fig-files a{display:inline-block;padding:.3em .2em;margin-right:.6em}
img{max-width:100%;height:auto}
.table-scroll{overflow-x:auto;max-width:100%}
table.readable{border-collapse:collapse;width:100%;margin:.5em 0}
table.readable th,table.readable td{border-bottom:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top;
 white-space:normal;min-width:5em;max-width:40em}
table.readable thead th{background:#f3f2f1}.table-rows{font-size:.85em;color:#505a5f}
.claims{display:grid;gap:.8em;margin:.5em 0}
.claim{border:1px solid #bbb;border-left:6px solid #12436D;padding:.6em .9em;background:#fff}
.claim blockquote{margin:0 0 .4em;font-size:1.05em}
.claim-meta{margin:.3em 0}.claim-basis{margin:.3em 0;padding-left:1.2em;font-size:.95em}
.verdict{display:inline-block;color:#fff;font-weight:bold;padding:.1em .5em;border-radius:3px}
.claim-ids a{display:inline-block;padding:.35em .1em;min-width:24px}
.claims-fold>summary{cursor:pointer;padding:.5em 0;font-weight:bold;color:#1d4f91}
.claim:target{outline:3px solid #fd0}
@media (max-width:900px){
 .menu-button{display:inline-block}.site{display:block}
 .js .site-nav{display:none}.js .site-nav.open{display:block}
 .site-nav{position:static;max-height:none;border-right:0;border-bottom:1px solid #bbb;width:auto}
 .site-main{padding:0 .8em 2em}.site-header form{margin-left:0;width:100%}.site-header input{flex:1}
 .jp-Cell,.jp-OutputArea-output{padding-left:0!important;padding-right:0!important}
}
"""
SITE_SCRIPT = """document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded',function(){var b=document.querySelector('.menu-button'),
n=document.getElementById('site-nav');if(!b||!n)return;b.addEventListener('click',function(){
var o=n.classList.toggle('open');b.setAttribute('aria-expanded',o?'true':'false');});});
function openTarget(){var h=location.hash.slice(1);try{h=decodeURIComponent(h);}catch(e){}
var t=h&&document.getElementById(h),d=t&&t.closest('details:not([open])');if(!d)return;
for(;d;d=d.parentElement.closest('details:not([open])'))d.open=true;t.scrollIntoView();}
document.addEventListener('DOMContentLoaded',openTarget);window.addEventListener('hashchange',openTarget);"""
# nbconvert's JupyterLab stylesheet carries rules the HTML checker rejects (scrollbar pseudo-classes, a quoted
# box-shadow, overflow: overlay): dropped or corrected, they change nothing a browser draws on these pages.
SCROLLBAR_PSEUDO = (":horizontal", ":vertical")
LAB_CSS_FIXES = [
    (re.compile(r"overflow:\s*overlay"), "overflow: auto"),
    (re.compile(r"box-shadow:\s*'([^'\n]*)'"), r"box-shadow: \1"),
    (re.compile(r'box-shadow:\s*"([^"\n]*)"'), r"box-shadow: \1"),
]


def chain_order() -> list[str]:
    """The notebooks of the chain in their file order (the order a reader follows)."""
    return [p.stem for p in sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


@cache
def chapter_titles() -> dict[str, str]:
    """Each notebook's title: the first heading of its first markdown cell."""
    titles = {}
    for name in chain_order():
        cells = json.loads((paths.ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        text = next(("".join(c["source"]) for c in cells if c["cell_type"] == "markdown"), name)
        titles[name] = text.splitlines()[0].lstrip("# ").strip() if text else name
    return titles


def chapter_figures() -> dict[str, list[tuple[str, str]]]:
    """Each notebook's figures as (id, label), in the registry's order."""
    from ..figures.registry import FIGURES

    out: dict[str, list[tuple[str, str]]] = {}
    for figure in FIGURES:
        numbers = ", ".join(str(n) for n in figure.numbers)
        label = f"Figure{'s' if len(figure.numbers) > 1 else ''} {numbers}" if numbers else figure.title
        out.setdefault(figure.notebook, []).append((figure.figure_id, label))
    return out


def legend_html() -> str:
    return "Data tiers: " + "; ".join(
        f'<span class="tier" style="color:{TIER_COLOURS[t]}">{html.escape(TIER_WORDS.get(t, t))}</span>: {note}'
        for t, note in TIER_NOTE.items()
    )


def site_nav(current: str | None, root: str, view: str = "reviewer") -> str:
    """The sidebar: the index, search, every chapter and under it every figure (links relative to `root`)."""
    here = ' aria-current="page"' if current is None else ""
    items = [f'<li><a href="{root}index.html"{here}>Appendix home</a></li>']
    figures = chapter_figures()
    for name, title in chapter_titles().items():
        mark = ' aria-current="page"' if name == current else ""
        page = f"{root}html/{view}/{name}.html"
        subs = "".join(
            f'<li><a href="{page}#{fid}">{html.escape(label)}</a></li>' for fid, label in figures.get(name, [])
        )
        items.append(f'<li><a href="{page}"{mark}>{html.escape(title)}</a>{f"<ol>{subs}</ol>" if subs else ""}</li>')
    items.append(f'<li><a href="{root}search.html">Search</a></li>')
    return f'<nav id="site-nav" class="site-nav" aria-label="Chapters and figures"><ol>{"".join(items)}</ol></nav>'


def site_header(root: str) -> str:
    return (
        '<a class="skip" href="#content">Skip to content</a><header class="site-header">'
        '<button type="button" class="menu-button" aria-expanded="false" aria-controls="site-nav">Menu</button>'
        f'<a href="{root}index.html">Policing response to modern slavery: appendix</a>'
        f'<form role="search" aria-label="Search the appendix" action="{root}search.html">'
        '<label for="site-search">Search</label>'
        '<input id="site-search" name="q" type="search" autocomplete="off">'
        '<button type="submit">Go</button></form></header>'
    )


def on_this_page(headings: list[tuple[int, str, str]]) -> str:
    """A nested list of the page's sections (level, id, text); level-3 entries sit under their level-2 entry."""
    out, open_sub = [], False
    for level, anchor, text in headings:
        link = f'<a href="#{anchor}">{html.escape(text)}</a>'
        if level == 3 and out:
            out.append(("" if open_sub else "<ol>") + f"<li>{link}</li>")
            open_sub = True
            continue
        out.append(("</ol></li>" if open_sub else ("</li>" if out else "")) + f"<li>{link}")
        open_sub = False
    if not out:
        return ""
    body = "".join(out) + ("</ol></li>" if open_sub else "</li>")
    return f'<nav class="on-this-page" aria-label="On this page"><h2>On this page</h2><ol>{body}</ol></nav>'


def pager(current: str, order: list[str], view: str) -> str:
    titles, at = chapter_titles(), order.index(current) if current in order else -1
    links = []
    if at > 0:
        links.append(f'<a href="{order[at - 1]}.html" rel="prev">← Previous: {html.escape(titles[order[at - 1]])}</a>')
    if 0 <= at < len(order) - 1:
        links.append(f'<a href="{order[at + 1]}.html" rel="next">Next: {html.escape(titles[order[at + 1]])} →</a>')
    return f'<nav class="pager" aria-label="Previous and next chapter">{"".join(links)}</nav>'


def code_css() -> str:
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style=CODE_STYLE).get_style_defs(".highlight") + (
        "\n.jp-InputPrompt,.jp-OutputPrompt{color:#505a5f!important;opacity:1!important}"
        "\n.highlight{background:#f5f5f5}"
    )


def without_scrollbar_pseudo(css: str) -> str:
    """`css` without the rules whose selector uses a scrollbar pseudo-class (linear: string search, no regex)."""
    for pseudo in SCROLLBAR_PSEUDO:
        at = css.find(pseudo)
        while at >= 0:
            start = max(css.rfind("}", 0, at), css.rfind("{", 0, at), css.rfind("*/", 0, at) + 1)
            end = css.find("}", at)
            css = css[: start + 1] + css[end + 1 :] if end >= 0 else css
            at = css.find(pseudo, start + 1)
    return css


def _fix_lab_css(soup: BeautifulSoup) -> None:
    for style in soup.find_all("style"):
        text = style.string or ""
        if any(p in text for p in SCROLLBAR_PSEUDO):
            text = without_scrollbar_pseudo(text)
        if "overlay" in text or "box-shadow" in text:
            for pattern, replacement in LAB_CSS_FIXES:
                text = pattern.sub(replacement, text)
        style.string = text
        if style.get("type") == "text/css":
            del style["type"]


def _figures(soup: BeautifulSoup, main, reports: Path, root: str) -> None:
    """Each figure: the image opens its SVG, and its files are offered under the caption."""
    for figure in main.find_all("figure", id=True):
        fid = figure["id"]
        if not (reports / "figures" / f"{fid}.svg").exists():
            continue
        image = figure.find("img")
        if image is not None:
            link = soup.new_tag("a", href=f"{root}figures/{fid}.svg", attrs={"class": "fig-link"})
            image.wrap(link)
        files = " ".join(
            f'<a href="{root}figures/{fid}.{ext}">{ext.upper()} ({what})</a>'
            for ext, what in (("png", "image"), ("svg", "vector image"), ("csv", "the plotted data with sources"))
        )
        caption = figure.find("figcaption") or figure
        caption.append(BeautifulSoup(f'<span class="fig-files"><br>Download: {files}</span>', "html.parser"))


def publish_page(page: str, name: str, view: str, order: list[str], reports: Path, pdf: bool = False) -> str:
    """The nbconvert page of notebook `name` as a page of the site (see the module's docstring)."""
    soup = BeautifulSoup(page, "html.parser")
    root = "../../"
    heading = soup.find("h1")
    for anchor in soup.select("a.anchor-link"):
        anchor.decompose()
    title = heading.get_text(" ", strip=True) if heading else name
    soup.title.string = f"{title} ({view} view): Policing response to modern slavery, appendix"
    soup.html["lang"] = "en-GB"
    for script in soup.find_all("script"):
        src = script.get("src", "")
        if src.startswith(("http:", "https:", "//")) or script.get("type") == "text/x-mathjax-config":
            script.decompose()
        elif "https://" in (script.string or ""):
            script.decompose()
    for viewport in soup.find_all("meta", attrs={"name": "viewport"}):
        viewport.decompose()
    soup.head.insert(
        1, soup.new_tag("meta", attrs={"name": "viewport", "content": "width=device-width, initial-scale=1"})
    )
    _fix_lab_css(soup)
    style = soup.new_tag("style")
    style.string = SITE_CSS + (code_css() if view == "code" else "")
    soup.head.append(style)
    script = soup.new_tag("script")
    script.string = SITE_SCRIPT
    soup.head.append(script)
    if view == "reviewer":
        for prompt in soup.select(".jp-InputPrompt, .jp-OutputPrompt"):
            prompt.decompose()
    main = soup.find("main")
    main["id"], main["class"] = "content", "site-main"
    for table in main.find_all("table"):
        if table.find_parent(class_="table-scroll") is None:
            table.wrap(soup.new_tag("div", attrs={"class": "table-scroll", "tabindex": "0"}))
    _figures(soup, main, reports, root)
    headings = [
        (int(h.name[1]), h["id"], h.get_text(" ", strip=True)) for h in main.find_all(["h2", "h3"]) if h.get("id")
    ]
    other = "code" if view == "reviewer" else "reviewer"
    pdf_link = (
        f'<a href="{root}appendix.pdf#nameddest=nb-{name}">this chapter in the PDF appendix</a> '
        f'(<a href="{root}appendix.pdf">the whole appendix</a>)'
        if pdf
        else "no PDF in this build (it was built without one)"
    )
    intro = BeautifulSoup(
        f'<div class="page-intro"><p>Independent reproduction of <i>Policing Response to Modern Slavery</i> '
        f"(Leapwise for the IASC, July 2025), not endorsed by the report's authors. {legend_html()}.</p>"
        f'<p class="downloads">This chapter: <a href="../{other}/{name}.html">{other} view</a> · '
        f'<a href="{root}notebooks/{name}.ipynb">executed notebook ({name}.ipynb)</a> · {pdf_link}</p></div>',
        "html.parser",
    )
    first = main.find(class_="jp-Cell")
    h1_cell = heading.find_parent(class_="jp-Cell") if heading else None
    anchor_at = h1_cell or first
    toc = BeautifulSoup(on_this_page(headings), "html.parser")
    if anchor_at is not None:
        anchor_at.insert_after(toc)
        main.insert(0, intro)
    main.append(BeautifulSoup(pager(name, order, view), "html.parser"))
    layout = soup.new_tag("div", attrs={"class": "site"})
    main.wrap(layout)
    layout.insert(0, BeautifulSoup(site_nav(name, root, view), "html.parser"))
    soup.body.insert(0, BeautifulSoup(site_header(root), "html.parser"))
    return str(soup)


def _templates():
    from jinja2 import Environment, PackageLoader

    return Environment(loader=PackageLoader("helpers.chain", "templates"), autoescape=True)


def search_records(reports: Path, figures: list[dict]) -> list[dict]:
    """What search finds: every section of every reviewer page (its text), every claim and every figure. A page's
    records are those its rendering wrote beside it (``html/search/<notebook>.json``, see render.render_notebook)."""
    records = []
    for name in chain_order():
        if (saved := search_file(reports, name)).exists():
            records += json.loads(saved.read_text(encoding="utf-8"))
    for f in figures:
        records.append(
            {
                "k": "figure",
                "t": f"{f['label']}: {f['title']}",
                "u": f"html/reviewer/{f['notebook']}.html#{f['figure_id']}",
                "x": f"{f['figure_id']} {f.get('caption', '')} Source: {f['source']}",
            }
        )
    return records


def search_file(reports: Path, name: str) -> Path:
    """Where a reviewer page's search records are written with it."""
    return reports / "html" / "search" / f"{name}.json"


def page_records(name: str, page: str) -> list[dict]:
    """The search records of one reviewer page: each claim card, and the text under each heading."""
    records = []
    main = BeautifulSoup(page, "html.parser").find("main")
    for drop in main.select("nav, .page-intro, style, script, img"):
        drop.decompose()
    for claim in main.select("article.claim[id]"):
        records.append(
            {
                "k": "claim",
                "t": claim.select_one(".claim-id").get_text(),
                "u": f"html/reviewer/{name}.html#{claim['id']}",
                "x": claim.get_text(" ", strip=True),
            }
        )
        claim.decompose()
    title, anchor, text = chapter_titles().get(name, name), "", []
    for element in main.find_all(["h1", "h2", "h3", "p", "li", "td", "th", "figcaption", "blockquote", "pre"]):
        if element.name in ("h1", "h2", "h3") and element.get("id"):
            if text:
                records.append(
                    {
                        "k": "page",
                        "t": title,
                        "u": f"html/reviewer/{name}.html#{anchor}".rstrip("#"),
                        "x": " ".join(text),
                    }
                )
            title = f"{chapter_titles().get(name, name)}: {element.get_text(' ', strip=True)}"
            anchor, text = element["id"], []
        elif not element.find(["p", "li", "td", "figcaption", "blockquote"]):
            text.append(element.get_text(" ", strip=True))
    if text:
        records.append(
            {"k": "page", "t": title, "u": f"html/reviewer/{name}.html#{anchor}".rstrip("#"), "x": " ".join(text)}
        )
    return records


def write_index(reports: Path, notebooks: list[str], figures: list[dict], pdf: bool, behind: list[str]) -> None:
    """The landing page; `behind`: the chapters newer than the PDF appendix."""
    from ..audit.views import VERDICT_WORDS, claim_anchor, plain_basis
    from .index import figure_kind, status

    state = status(reports, figures)
    figures = [{**f, "kind": figure_kind(f["tiers"])} for f in figures]
    common = _common()
    index = (
        _templates()
        .get_template("index.html.j2")
        .render(
            figures=figures,
            notebooks=[(n, chapter_titles().get(n, n)) for n in notebooks],
            pdf=pdf,
            behind=[chapter_titles().get(n, n) for n in behind],
            status=state,
            legend=legend_html(),
            nav=site_nav(None, ""),
            verdicts=VERDICT_WORDS,
            anchor=claim_anchor,
            basis=plain_basis,
            **common,
        )
    )
    disk.write_text(reports / "index.html", index)


def write_search(reports: Path, figures: list[dict]) -> None:
    """The search page and its index (a script file, so that search works from file:// too)."""
    records = json.dumps(search_records(reports, figures), ensure_ascii=False, separators=(",", ":"))
    disk.write_text(reports / "search-index.js", f"window.SEARCH_INDEX={records};\n")
    search = _templates().get_template("search.html.j2").render(nav=site_nav("search", ""), **_common())
    disk.write_text(reports / "search.html", search)


def _common() -> dict:
    """What the landing page and the search page share."""
    return {
        "header": site_header(""),
        "script": SITE_SCRIPT,
        "css": SITE_CSS,
        "colours": TIER_COLOURS,
        "tier_words": TIER_WORDS,
    }
