"""The built appendix in headless Chromium (Debian's package): pages load cleanly, images and links resolve,
the claims page shows every claim of the ledger; screenshots at desktop and phone widths."""

import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from helpers.chain.sandbox import copy_inputs, run_chain

pytestmark = pytest.mark.chain
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs Chromium for the browser test: apt-get install -y chromium")
        pytest.skip("Chromium not found: install it with `apt-get install -y chromium` (Debian) to run this test")
    copy = copy_inputs(tmp_path_factory.mktemp("site"))
    done, _ = run_chain(copy, "--no-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    return copy


def _pages(reports: Path) -> list[Path]:
    return [reports / "index.html", *sorted((reports / "html").rglob("*.html"))]


def test_every_link_and_anchor_resolves(site):
    reports, ids, broken = site / "reports", {}, []
    for page in _pages(reports):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids[page] = {t["id"] for t in soup.find_all(id=True)}
        links = [a["href"] for a in soup.find_all("a", href=True)] + [i["src"] for i in soup.find_all("img")]
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


def test_pages_load_without_errors_and_claims_are_complete(site, tmp_path):
    from playwright.sync_api import sync_playwright

    reports = site / "reports"
    ledger = set(pd.read_csv(site / "data" / "processed" / "claims_audit.csv")["claim_id"])
    shots = tmp_path / "screenshots"
    with sync_playwright() as p:  # playwright gives the browser a new temporary profile
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors = []
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("requestfailed", lambda r: errors.append(f"{page.url}: failed {r.url}"))
        for path in _pages(reports):
            page.goto(path.as_uri(), wait_until="load")
            assert "Notebook" != page.title() and page.title()
            assert page.locator('meta[name="viewport"]').count() == 1
            broken = page.evaluate("[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length")
            assert broken == 0, f"{path.name}: {broken} images did not load"
            assert page.evaluate("[...document.images].every(i => i.alt.trim().length > 0)"), path.name
        page.goto((reports / "html" / "reviewer" / "07_claims_audit.html").as_uri())
        shown = set(
            page.eval_on_selector_all("table.readable tbody tr td:first-child", "c => c.map(e => e.textContent)")
        )
        assert ledger <= shown and len(ledger) > 100
        assert page.locator("text=¶").count() == 0 and page.locator(".jp-InputPrompt").count() == 0
        for width, height, name in [(1280, 900, "desktop"), (390, 844, "phone")]:
            page.set_viewport_size({"width": width, "height": height})
            for target in ("index.html", "html/reviewer/02_identifying_the_challenge.html"):
                page.goto((reports / target).as_uri())
                page.screenshot(path=shots / f"{Path(target).stem}_{name}.png")
        browser.close()
    assert not errors
    print(f"screenshots in {shots}")
