"""The whole chain on the real data, in copies of the repository: determinism, incremental runs, failures."""

import csv
import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from helpers.chain import graph
from helpers.chain.sandbox import run_chain
from helpers.figures import registry

pytestmark = pytest.mark.chain
OUTPUTS = ["data/processed", "reports"]


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in OUTPUTS
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def test_two_runs_are_byte_identical(built):
    (a, _), (b, _) = built
    first, second = _digest(a), _digest(b)
    assert first == second
    kinds = {Path(k).suffix for k in first}
    assert {".png", ".svg", ".csv", ".html", ".pdf", ".ipynb"} <= kinds


def test_outputs_of_the_appendix(built):
    copy, done = built[0]
    reports = copy / "reports"
    assert (reports / "appendix.pdf").read_bytes().startswith(b"%PDF")
    index = (reports / "index.html").read_text(encoding="utf-8")
    for record in map(json.loads, (p.read_text() for p in (reports / "figures").glob("*.json"))):
        for suffix in (".png", ".svg", ".csv"):
            assert (reports / "figures" / f"{record['figure_id']}{suffix}").exists()
        assert record["alt"] and record["tiers"] and f"figures/{record['figure_id']}.png" in index
    reviewer = (reports / "html" / "reviewer" / "02_identifying_the_challenge.html").read_text(encoding="utf-8")
    assert "figs.fig06_recorded_crime" not in reviewer and 'alt="Bar chart of police recorded' in reviewer
    assert "ran   00_data_preparation" in done.stdout and "chain:" in done.stdout


def test_pdf_has_title_contents_continuous_numbers_and_metadata(built):
    from pypdf import PdfReader

    reader = PdfReader(built[0][0] / "reports" / "appendix.pdf")
    total = len(reader.pages)
    first = reader.pages[0].extract_text()
    contents = "".join(reader.pages[i].extract_text() for i in (1, 2))
    assert "reproducible appendix" in first and "not endorsed by the report's authors" in first
    assert "Contents" in contents and "07 Claims audit" in contents
    for number in (1, total // 2, total):
        assert f"page {number} of {total}" in reader.pages[number - 1].extract_text()
    assert "07 Claims audit: how far can each number be trusted?" in reader.pages[total - 1].extract_text()  # header
    assert reader.metadata.title.startswith("Policing Response to Modern Slavery") and reader.metadata.author
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Title page", "Contents"] and "07 Claims audit: how far can each number be trusted?" in titles
    assert not any("¶" in t or "_" in t for t in titles)


def test_pdf_is_tagged_linked_and_keeps_figures_with_their_headings(built):
    """Tagged (structure tree, figures with alt text, header cells), links (the contents and cross-references
    inside the book), and each figure starts on the page of its heading (its block's destination)."""
    from pypdf import PdfReader

    reader = PdfReader(built[0][0] / "reports" / "appendix.pdf")
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()
    kinds, alts = set(), []

    def walk(element):
        element = element.get_object()
        if isinstance(element, dict):
            kinds.add(element.get("/S"))
            if element.get("/S") == "/Figure":
                alts.append(element.get("/Alt"))
            kids = element.get("/K", [])
            for kid in kids if isinstance(kids, list) else [kids]:
                walk(kid)

    walk(root["/StructTreeRoot"])
    assert {"/Figure", "/Table", "/TH", "/TD", "/H1", "/H2", "/Link"} <= kinds, kinds
    assert len(alts) >= 29 and all(alts), "a figure without alt text"
    inside = sum(
        "/Dest" in annotation.get_object() or annotation.get_object().get("/A", {}).get("/S") == "/GoTo"
        for page in reader.pages
        for annotation in page.get("/Annots") or []
    )
    assert inside >= 60, inside
    destinations = reader.named_destinations
    blocks = [name for name in destinations if name.endswith("--block")]
    assert len(blocks) == len(registry.BY_ID)
    split = [
        name
        for name in blocks
        if reader.get_destination_page_number(destinations[name])
        != reader.get_destination_page_number(destinations[name.removesuffix("--block")])
    ]
    assert split == [], f"figures on another page than their heading: {split}"


def _poppler(tool: str, *args) -> str:
    import shutil
    import subprocess

    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed (Debian: poppler-utils; CI installs it)")
    return subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True).stdout


def test_pdf_as_a_reader_tool_sees_it(built):
    """pdfinfo reports it tagged; pdftotext finds every claim id of the audit verbatim."""
    copy, _ = built[0]
    pdf = copy / "reports" / "appendix.pdf"
    assert "Tagged:          yes" in _poppler("pdfinfo", pdf)
    text = _poppler("pdftotext", pdf, "-")
    ids = pd.read_csv(copy / "data" / "processed" / "claims_audit.csv")["claim_id"]
    missing = [claim for claim in ids if claim not in text]
    assert len(ids) > 400 and missing == [], f"{len(missing)} claim ids not found, e.g. {missing[:5]}"


def test_noop_rerun_skips_everything(built):
    copy, _ = built[0]
    before = _digest(copy)
    done, _ = run_chain(copy)
    assert done.returncode == 0 and "nothing to do" in done.stdout
    assert _digest(copy) == before


def test_bad_raw_data_leaves_reports_untouched_and_names_the_problem(built):
    copy, _ = built[1]
    before = _digest(copy)
    nrm = copy / "data" / "raw" / "official" / "nrm.csv"
    good = nrm.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    lines[3] = lines[3].replace(",count,", ",-count,", 1)
    nrm.write_text("".join(lines), encoding="utf-8")
    try:
        done, _ = run_chain(copy)
    finally:
        nrm.write_text(good, encoding="utf-8")
    assert done.returncode == 1
    assert "ran   " not in done.stdout  # refused by the preflight check, before any notebook ran
    assert "data/raw/official/nrm.csv, line 4, column 'unit'" in done.stderr
    assert _digest(copy) == before


def test_unknown_parameter_is_refused_before_anything_runs(built):
    copy, _ = built[1]
    before = _digest(copy)
    done, _ = run_chain(copy, "-p", "last_yaer=2025")
    assert done.returncode == 1 and "'last_yaer' (command line) is not declared" in done.stderr
    assert _digest(copy) == before


def test_new_year_of_data_extends_the_figures_without_code_change(built, expected):
    copy, _ = built[1]
    done, _ = run_chain(copy, "--only", "02_identifying_the_challenge", "-p", "last_year=2025")
    assert done.returncode == 0, done.stdout + done.stderr
    fig07 = pd.read_csv(copy / "reports" / "figures" / "fig07.csv", dtype={"period": str})
    expected("chain_new_year", fig07, ["measure", "period"])
    assert "skip  00_data_preparation" in done.stdout  # it does not declare last_year: nothing changed for it


def test_reports_hold_no_respondent_level_rows(built):
    copy, _ = built[0]
    lines = {
        line
        for path in (copy / "data" / "processed" / "survey").glob("*.csv")
        if path.stem in ("ms_leads", "frontline", "system_leaders")
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    }
    assert len(lines) > 50
    leaks = []
    for path in sorted((copy / "reports").rglob("*")):
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        if "respondent_id" in text:
            leaks.append(f"{path.relative_to(copy)}: respondent_id")
        leaks += [f"{path.relative_to(copy)}: {line[:40]}" for line in lines if line in text]
    assert not leaks, leaks[:10]


def test_every_saved_figure_is_registered_with_its_notebook(built):
    copy, _ = built[0]
    saved = {
        r["figure_id"]: r
        for r in map(json.loads, (p.read_text() for p in (copy / "reports" / "figures").glob("*.json")))
    }
    assert set(saved) == set(registry.BY_ID)
    for figure_id, record in saved.items():
        assert record["notebook"] == registry.get(figure_id).notebook, figure_id
        assert set(record["tiers"]) <= set(registry.get(figure_id).tiers), figure_id


def test_no_saved_figure_is_clipped(built):
    """Generic, for every figure the chain saves (official ones too): no ink on the PNG's 2-pixel border."""
    import numpy as np
    from PIL import Image

    clipped = []
    for png in sorted((built[0][0] / "reports" / "figures").glob("*.png")):
        pixels = np.asarray(Image.open(png).convert("L"))
        border = np.concatenate(
            [pixels[:2].ravel(), pixels[-2:].ravel(), pixels[:, :2].ravel(), pixels[:, -2:].ravel()]
        )
        if (border < 245).any():
            clipped.append(png.name)
    assert clipped == [], f"ink on the border (something clipped): {clipped}"


def test_editing_one_figure_module_reruns_only_the_notebooks_that_import_it(built):
    copy, _ = built[0]
    module = copy / "src" / "helpers" / "figures" / "official" / "recorded_crime.py"
    module.write_text(module.read_text() + "\n# an edit\n")
    done, _ = run_chain(copy, "--no-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    ran = {line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("ran ")}
    importers = {s.name for s in graph.load_chain(copy) if module in graph.code_modules(s, copy)}
    assert ran == importers and "00_data_preparation" not in ran and "07_claims_audit" not in ran


def test_a_data_edit_reruns_preparation_and_only_the_readers_of_changed_tables(built):
    copy, _ = built[0]
    cps = copy / "data" / "raw" / "official" / "cps.csv"
    lines = cps.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace("Written PQ answer", "Written PQ answer (edited)", 1)
    cps.write_text("".join(lines))
    explained, _ = run_chain(copy, "--no-pdf", "--explain")
    said = {line.split()[1]: line.split(maxsplit=2) for line in explained.stdout.splitlines()[1:]}
    assert said["00_data_preparation"] == ["run", "00_data_preparation", "data file: data/raw/official/cps.csv changed"]
    assert {verdict for verdict, name, _ in said.values() if name != "00_data_preparation"} == {"maybe"}
    done, _ = run_chain(copy, "--no-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ran   00_data_preparation" in done.stdout and "ran   04_bringing_perpetrators_to_justice" in done.stdout
    assert "skip  05_need_for_improvements" in done.stdout and "skip  07_claims_audit" in done.stdout
    justice = next(line for line in done.stdout.splitlines() if "start 04_bringing_perpetrators_to_justice" in line)
    assert "(upstream output: data/processed/" in justice
    changed = list(csv.DictReader((copy / "reports" / "changes.csv").open(encoding="utf-8")))
    sources = [r for r in changed if r["kind"] == "plotted value" and r["column"] == "source_title"]
    assert sources and all("(edited)" in r["new"] and "(edited)" not in r["old"] for r in sources)
    edited = "00_data_preparation: data file: data/raw/official/cps.csv changed"
    assert all(edited in r["changed inputs"] for r in sources)


def test_no_pdf_leaves_no_stale_pdf_and_the_next_pdf_shows_the_new_state(built):
    copy, _ = built[0]
    notebook = copy / "notebooks" / "06_methodology.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + "\n\nAn edit made between two builds."
    notebook.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    done, _ = run_chain(copy, "--no-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    reports = copy / "reports"
    assert sorted(p.name for p in reports.rglob("*.pdf")) == []
    assert "No PDF in this build" in (reports / "index.html").read_text(encoding="utf-8")
    done, _ = run_chain(copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skip  06_methodology" in done.stdout
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(reports / "appendix.pdf").pages)
    assert "An edit made between two builds." in text
    page = (reports / "html" / "reviewer" / "06_methodology.html").read_text(encoding="utf-8")
    assert 'href="../../appendix.pdf#nameddest=nb-06_methodology"' in page
    assert "nb-06_methodology" in PdfReader(reports / "appendix.pdf").named_destinations


def test_only_keeps_the_pdf_says_it_is_older_and_a_full_run_rebuilds_it(built):
    copy, _ = built[0]
    reports = copy / "reports"
    done, _ = run_chain(copy)  # whatever earlier tests left, a full run gives a current PDF
    assert done.returncode == 0, done.stdout + done.stderr
    before = (reports / "appendix.pdf").read_bytes()
    notebook = copy / "notebooks" / "06_methodology.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + "\n\nAn edit made in the edit loop."
    notebook.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    done, _ = run_chain(copy, "--only", "06_methodology")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ran   06_methodology" in done.stdout and "kept from the last full run" in done.stdout
    assert (reports / "appendix.pdf").read_bytes() == before
    index = " ".join((reports / "index.html").read_text(encoding="utf-8").split())
    assert "This PDF is older than the pages of 06 Methodology" in index
    done, _ = run_chain(copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skip  06_methodology" in done.stdout and "render appendix" in done.stdout
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(reports / "appendix.pdf").pages)
    assert "An edit made in the edit loop." in text
    assert "older than the pages" not in (reports / "index.html").read_text(encoding="utf-8")


def test_the_log_of_a_full_run_holds_no_kernel_warnings(built):
    for _, done in built:
        log = done.stdout + done.stderr
        assert "[IPKernelApp]" not in log and "without encryption" not in log, log
