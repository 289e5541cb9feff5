"""The built appendix in headless Chromium (Debian's package): pages load cleanly, images, links and anchors resolve,
every page passes axe-core (WCAG 2.2 AA) at desktop and phone widths, the Nu HTML checker finds no error, search
finds every claim id and every figure title from file:// and when served, the phone menu opens; screenshots at
desktop and phone widths. axe-core and vnu-jar come from the local npm install `.ci/run` makes (.ci/node_modules);
nothing is fetched at test time."""

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from helpers.audit.views import claim_anchor
from helpers.chain.sandbox import copy_inputs, run_chain

pytestmark = pytest.mark.chain
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / ".ci" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WIDTHS = [(1280, 900, "desktop"), (390, 844, "phone")]
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need(path: Path, what: str) -> None:
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs {what} ({path}): .ci/run installs it")
        pytest.skip(f"{what} not found at {path}: run .ci/run (or `npm ci --prefix .ci`) to install it")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    _need(Path(CHROMIUM), "Chromium (apt-get install -y chromium)")
    copy = copy_inputs(tmp_path_factory.mktemp("site"))
    done, _ = run_chain(copy, "--no-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    return copy


@pytest.fixture(scope="module")
def browser(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:  # playwright gives the browser a new temporary profile
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def _pages(reports: Path) -> list[Path]:
    return [reports / "index.html", reports / "search.html", *sorted((reports / "html").rglob("*.html"))]


def test_every_link_and_anchor_resolves(site):
    reports, ids, broken = site / "reports", {}, []
    for page in _pages(reports):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids[page] = {t["id"] for t in soup.find_all(id=True)}
        links = [a["href"] for a in soup.find_all("a", href=True)] + [
            t["src"] for t in soup.find_all(["img", "script"], src=True)
        ]
        for href in links:
            parts = urlsplit(href)
            assert parts.scheme in ("", "data"), f"{page.name} fetches from outside: {href}"
            if parts.scheme == "data":
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.name}: {href}")
            elif parts.fragment and target.suffix == ".html":
                found = ids.get(target) or {
                    t["id"] for t in BeautifulSoup(target.read_text(), "html.parser").find_all(id=True)
                }
                ids[target] = found
                if parts.fragment not in found:
                    broken.append(f"{page.name}: {href} (no such anchor)")
    assert not broken


def test_every_notebook_page_offers_its_downloads(site):
    reports = site / "reports"
    for page in sorted((reports / "html" / "reviewer").glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        hrefs = {a["href"] for a in soup.find_all("a", href=True)}
        assert f"../../notebooks/{page.stem}.ipynb" in hrefs, page.name
        assert soup.find("main") and soup.select_one("nav.site-nav") and soup.select_one("nav.pager"), page.name
        for figure in soup.select("main figure[id]"):
            fid = figure["id"]
            assert figure.find("img").find_parent("a")["href"] == f"../../figures/{fid}.svg", fid
            assert {f"../../figures/{fid}.{ext}" for ext in ("png", "svg", "csv")} <= hrefs, fid


def test_pages_load_without_errors_and_claims_are_complete(site, browser, tmp_path):
    reports = site / "reports"
    ledger = set(pd.read_csv(site / "data" / "processed" / "claims_audit.csv")["claim_id"])
    shots = tmp_path / "screenshots"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("requestfailed", lambda r: errors.append(f"{page.url}: failed {r.url}"))
    for path in _pages(reports):
        page.goto(path.as_uri(), wait_until="load")
        assert "Notebook" != page.title() and page.title()
        assert page.locator('meta[name="viewport"]').count() == 1
        assert page.locator("main").count() == 1, path.name
        broken = page.evaluate("[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length")
        assert broken == 0, f"{path.name}: {broken} images did not load"
        assert page.evaluate("[...document.images].every(i => i.alt.trim().length > 0)"), path.name
    page.goto((reports / "html" / "reviewer" / "07_claims_audit.html").as_uri())
    shown = set(page.eval_on_selector_all("article.claim[id] .claim-id", "c => c.map(e => e.textContent)"))
    assert ledger == shown and len(ledger) > 100
    text = page.inner_text("main")
    cards = page.evaluate("[...document.querySelectorAll('.claims')].map(e => e.innerText).join(' ')")
    assert "_" not in cards, "machine spellings on the claims cards"
    assert "pct_change(" not in text and "disagrees_with_source" not in text
    assert page.locator("text=¶").count() == 0 and page.locator(".jp-InputPrompt").count() == 0
    assert page.locator("details.claims-fold[open]").count() == 0 and not page.is_visible("#claim-L0075-18")
    page.click('.claim-ids a[href="#claim-L0075-18"]')
    assert page.is_visible("#claim-L0075-18"), "a link to a folded claim opens its section"
    page.goto((reports / "html" / "reviewer" / "07_claims_audit.html").as_uri() + "#claim-L0089-2020")
    assert page.is_visible("#claim-L0089-2020"), "a search result's link to a folded claim opens its section"
    for width, height, name in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        for target in (
            "index.html",
            "html/reviewer/02_identifying_the_challenge.html",
            "html/reviewer/07_claims_audit.html",
        ):
            page.goto((reports / target).as_uri())
            page.screenshot(path=shots / f"{Path(target).stem}_{name}.png")
    page.close()
    assert not errors
    print(f"screenshots in {shots}")


def test_every_page_passes_axe_at_desktop_and_phone_width(site, browser):
    _need(AXE, "axe-core")
    page, found = browser.new_page(), []
    for width, height, name in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        for path in _pages(site / "reports"):
            page.goto(path.as_uri(), wait_until="load")
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                "axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
                ".then(r => r.violations.map(v => v.id + ' (' + v.nodes.length + ' nodes): ' +"
                " v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')))"
            )
            found += [f"{name} {path.relative_to(site / 'reports')}: {v}" for v in violations]
    page.close()
    assert not found, "\n".join(found)


def test_html_validates_with_the_nu_checker(site):
    _need(VNU, "vnu-jar")
    java = shutil.which("java")
    if java is None:
        _need(Path("/usr/bin/java"), "Java (apt-get install -y default-jre-headless)")
    pages = [str(p) for p in _pages(site / "reports")]
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages], capture_output=True, text=True
    )
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(urlsplit(m.get('url', '')).path).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors[:30])


def _search_finds_everything(page, base: str, site: Path) -> None:
    audit = pd.read_csv(site / "data" / "processed" / "claims_audit.csv")
    page.goto(f"{base}/search.html?q={quote('L0075:18')}", wait_until="load")
    first = page.locator("#results li a").first
    assert first.inner_text() == "Claim L0075:18" and first.get_attribute("href").endswith("#claim-L0075-18")
    missing = page.evaluate(
        "ids => ids.filter(([q, anchor]) => !(appendixSearch(q)[0] || '').endsWith('#' + anchor))",
        [[c, claim_anchor(c)] for c in audit["claim_id"]],
    )
    assert not missing, missing[:10]
    figures = [json.loads(p.read_text()) for p in sorted((site / "reports" / "figures").glob("*.json"))]
    lost = page.evaluate(
        "fs => fs.filter(([t, id]) => !appendixSearch(t).some(u => u.endsWith('#' + id)))",
        [[f["title"], f["figure_id"]] for f in figures],
    )
    assert not lost and len(figures) > 10, lost


def test_search_finds_every_claim_and_figure_from_file(site, browser):
    page = browser.new_page()
    _search_finds_everything(page, (site / "reports").as_uri(), site)
    page.close()


def test_search_finds_every_claim_and_figure_when_served(site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site / "reports"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        _search_finds_everything(page, f"http://127.0.0.1:{server.server_address[1]}", site)
    finally:
        page.close()
        server.shutdown()


def test_phone_menu_opens_the_chapter_list(site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((site / "reports" / "html" / "reviewer" / "02_identifying_the_challenge.html").as_uri())
    nav = page.locator("#site-nav")
    assert not nav.is_visible()
    page.click(".menu-button")
    assert nav.is_visible() and page.get_attribute(".menu-button", "aria-expanded") == "true"
    assert nav.bounding_box()["y"] < 844, "the chapter list starts below the first phone screen"
    page.close()
