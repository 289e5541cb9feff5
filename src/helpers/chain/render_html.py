"""Make nbconvert's pages a publication: real title, viewport, a header with the tier legend and navigation,
no prompts or heading anchors in the reviewer view, and nothing fetched from another site."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .. import paths
from ..figures.style import TIER_COLOURS, TIER_NOTE

PAGE_CSS = """
.appendix-header{font-family:Arial,Helvetica,sans-serif;border-bottom:2px solid #12436D;padding:.5em 1em;
 margin-bottom:1em;font-size:.9rem;color:#0b0c0c;background:#fff}
.appendix-header nav a{margin-right:1em}.appendix-header a{color:#1d4f91}
.tier{font-weight:bold}table.readable{border-collapse:collapse;width:100%;table-layout:auto;margin:.5em 0}
table.readable th,table.readable td{border-bottom:1px solid #bbb;padding:4px 6px;text-align:left;
 vertical-align:top;white-space:normal;overflow-wrap:anywhere;max-width:40em}
table.readable thead th{background:#f3f2f1}.table-rows{font-size:.85em;color:#505a5f}
img{max-width:100%;height:auto}
"""


def chain_order() -> list[str]:
    """The notebooks of the chain in their file order (the order a reader follows)."""
    return [p.stem for p in sorted((paths.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


def legend_html() -> str:
    return "Data tiers: " + "; ".join(
        f'<span class="tier" style="color:{TIER_COLOURS[t]}">{t}</span> ({note})' for t, note in TIER_NOTE.items()
    )


def publish_page(page: str, name: str, view: str, order: list[str]) -> str:
    """The nbconvert page of notebook `name` with title, viewport, header and offline scripts only."""
    soup = BeautifulSoup(page, "html.parser")
    heading = soup.find("h1")
    for anchor in soup.select("a.anchor-link"):
        anchor.decompose()
    title = heading.get_text(" ", strip=True) if heading else name
    soup.title.string = f"{title} ({name}, {view} view): Policing response to modern slavery, appendix"
    for script in soup.find_all("script", src=True):
        if script["src"].startswith(("http:", "https:", "//")):
            script.decompose()
    for script in soup.find_all("script"):
        if script.get("type") == "text/x-mathjax-config" or "https://" in (script.string or ""):
            script.decompose()
    for viewport in soup.find_all("meta", attrs={"name": "viewport"}):
        viewport.decompose()
    soup.head.insert(
        1, soup.new_tag("meta", attrs={"name": "viewport", "content": "width=device-width, initial-scale=1"})
    )
    style = soup.new_tag("style")
    style.string = PAGE_CSS
    soup.head.append(style)
    if view == "reviewer":
        for prompt in soup.select(".jp-InputPrompt, .jp-OutputPrompt"):
            prompt.decompose()
    at = order.index(name) if name in order else -1
    links = ['<a href="../../index.html">Appendix index</a>']
    if at > 0:
        links.append(f'<a href="{order[at - 1]}.html" rel="prev">Previous: {order[at - 1]}</a>')
    if 0 <= at < len(order) - 1:
        links.append(f'<a href="{order[at + 1]}.html" rel="next">Next: {order[at + 1]}</a>')
    other = "code" if view == "reviewer" else "reviewer"
    links.append(f'<a href="../{other}/{name}.html">{other} view</a>')
    header = BeautifulSoup(
        f'<header class="appendix-header"><nav aria-label="appendix">{"".join(links)}</nav>'
        f"<p>Independent reproduction of <i>Policing Response to Modern Slavery</i> (Leapwise for the IASC, July "
        f"2025), not endorsed by the report's authors. {legend_html()}.</p></header>",
        "html.parser",
    )
    soup.body.insert(0, header)
    return str(soup)
