"""The landing page's status box, computed from the build: figures by what they show, the audit's headline
counts and findings, and the build's commit and parameters."""

from __future__ import annotations

import ast
import json
import subprocess
from collections import Counter
from pathlib import Path

import pandas as pd

from .. import paths

DATA_TIERS = {"official", "official_secondary"}
INPUTS = ["notebooks", "src", "data/raw", "config"]
KIND_WORDS = {
    "data": "drawn from data",
    "printed": "showing only what the report printed",
    "not_published": "with nothing printed behind them",
}


def figure_kind(tiers: list[str]) -> str:
    """'data' where values come from published statistics, 'printed' where only the report's printed values (and
    what its text says) are shown, 'not_published' where the figure has nothing printed behind it."""
    if DATA_TIERS & set(tiers):
        return "data"
    return "printed" if "report" in tiers else "not_published"


def figure_kinds(figures: list[dict]) -> dict[str, int]:
    """How many of the report's numbered figures fall in each kind (a record may cover several numbers)."""
    from ..figures.registry import BY_ID

    counts: Counter[str] = Counter()
    for record in figures:
        entry = BY_ID.get(record["figure_id"])
        counts[figure_kind(record["tiers"])] += len(entry.numbers) if entry else 0
    return {kind: counts[kind] for kind in ("data", "printed", "not_published")}


def parameters(reports: Path) -> dict[str, str]:
    """The parameters the notebooks actually ran with (papermill's injected cells), as one value per name."""
    found: dict[str, set[str]] = {}
    for path in sorted((reports / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if "injected-parameters" in cell["metadata"].get("tags", []):
                for node in ast.parse("".join(cell["source"])).body:
                    if isinstance(node, ast.Assign):
                        found.setdefault(node.targets[0].id, set()).add(repr(ast.literal_eval(node.value)))
    return {name: " / ".join(sorted(values)) for name, values in sorted(found.items())}


def build_commit(root: Path) -> dict[str, str]:
    """The last commit that changed the chain's inputs, its date, and whether the inputs had uncommitted edits.

    Deterministic for the same checkout (no clock is read); outside a git checkout it says so."""

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout

    try:
        commit, date = git("log", "-1", "--format=%h %cs", "--", *INPUTS).split()
        dirty = bool(git("status", "--porcelain", "--", *INPUTS).strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return {"commit": "not available (not a git checkout)", "date": "not available", "dirty": ""}
    return {"commit": commit, "date": date, "dirty": "with uncommitted changes to the inputs" if dirty else ""}


def audit_headline(audit: pd.DataFrame, top: int = 5) -> dict:
    """Claims by verdict and the first findings: disagreements with a source, then inconsistencies, headline
    sections first."""
    from ..audit.ledger import VERDICTS

    counts = audit["verdict"].value_counts()
    findings = audit[audit["verdict"].isin(VERDICTS[:2])]
    findings = findings.assign(rank=findings["verdict"].map(VERDICTS.index))
    findings = findings.sort_values(["rank", "importance", "line"], kind="stable").head(top)
    return {
        "total": len(audit),
        "counts": [(v, int(counts.get(v, 0))) for v in VERDICTS],
        "findings": findings[["claim_id", "verdict", "section", "quote", "reason"]].to_dict("records"),
    }


def status(reports: Path, figures: list[dict]) -> dict:
    """Everything the status box shows."""
    audit_csv = reports.parent / "data" / "processed" / "claims_audit.csv"
    return {
        "kinds": figure_kinds(figures),
        "audit": audit_headline(pd.read_csv(audit_csv)) if audit_csv.exists() else None,
        "params": parameters(reports),
        "build": build_commit(paths.ROOT),
    }
