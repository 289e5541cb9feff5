"""The site's page shell: navigation to every chapter and figure, an "on this page" list, previous/next links,
figure downloads, offline scripts only, and the JupyterLab CSS the HTML checker rejects corrected."""

from bs4 import BeautifulSoup

from helpers.chain.render_html import chain_order, chapter_figures, on_this_page, publish_page

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notebook</title>
<style type="text/css">a::-webkit-scrollbar-thumb:horizontal{color:red} b{overflow: overlay;box-shadow:'none'}</style>
<script src="https://cdn.example/mathjax.js"></script></head><body><main>
<div class="jp-Cell"><h1 id="t">Title</h1></div><div class="jp-Cell"><h2 id="a">A</h2><h3 id="b">B</h3>
<figure id="fig06"><img alt="chart" src="data:image/png;base64,AA=="><figcaption>c</figcaption></figure>
<table><tr><td>1</td></tr></table></div></main></body></html>"""


def test_on_this_page_nests_level_three_under_level_two():
    html = on_this_page([(2, "a", "A"), (3, "b", "B"), (2, "c", "C")])
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.select("nav > ol > li > a")] == ["#a", "#c"]
    assert [a["href"] for a in soup.select("nav > ol > li > ol > li > a")] == ["#b"]
    assert on_this_page([]) == ""


def test_publish_page_adds_navigation_downloads_and_drops_remote_scripts(tmp_path):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "fig06.svg").write_text("<svg/>")
    order = chain_order()
    soup = BeautifulSoup(publish_page(PAGE, order[1], "reviewer", order, tmp_path), "html.parser")
    assert soup.find("main")["id"] == "content" and soup.html["lang"] == "en-GB"
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert f"{order[0]}.html" in hrefs and f"{order[2]}.html" in hrefs
    assert f"../../notebooks/{order[1]}.ipynb" in hrefs
    for figure_id, _ in chapter_figures()["02_identifying_the_challenge"]:
        assert f"../../html/reviewer/02_identifying_the_challenge.html#{figure_id}" in hrefs
    assert soup.find("img").parent["href"] == "../../figures/fig06.svg"
    assert {f"../../figures/fig06.{e}" for e in ("png", "svg", "csv")} <= set(hrefs)
    assert [a["href"] for a in soup.select("nav.on-this-page a")] == ["#a", "#b"]
    assert soup.find("table").parent["class"] == ["table-scroll"]
    assert not soup.find("script", src=True)
    css = " ".join(s.string for s in soup.find_all("style"))
    assert ":horizontal" not in css and "overlay" not in css and "'none'" not in css
    assert not soup.find("style", type=True)
