"""Views of the written audit for the notebooks: a section's claims, counts by verdict, ranked findings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from .ledger import VERDICTS


def load_audit(path: Path | None = None) -> pd.DataFrame:
    """The audit written by the data-preparation notebook."""
    return pd.read_csv(path or paths.processed() / "claims_audit.csv", dtype={"figure": "str"})


def section_verdicts(audit: pd.DataFrame, section: str) -> pd.DataFrame:
    """The claims of one report section (matched on the start of the section name) with their verdicts."""
    rows = audit[audit["section"].str.startswith(section)]
    return rows[["claim_id", "figure", "value", "unit", "verdict", "reason", "quote"]].reset_index(drop=True)


def verdict_counts(audit: pd.DataFrame, by: str = "section") -> pd.DataFrame:
    """Claims by verdict and section (or another column), with totals."""
    table = pd.crosstab(audit[by], audit["verdict"], margins=True, margins_name="total")
    return table.reindex(columns=[v for v in VERDICTS if v in table.columns] + ["total"])


def ranked(audit: pd.DataFrame, verdict: str, max_importance: int = 4) -> pd.DataFrame:
    """Claims with one verdict, headline sections first, then in document order."""
    rows = audit[(audit["verdict"] == verdict) & (audit["importance"] <= max_importance)]
    rows = rows.sort_values(["importance", "line"], kind="stable")
    return rows[["claim_id", "section", "value", "unit", "reason", "quote"]].reset_index(drop=True)


def load_contradictions(path: Path | None = None) -> pd.DataFrame:
    """The cross-statement contradictions written by the data-preparation notebook, headline first."""
    return pd.read_csv(path or paths.processed() / "claims_contradictions.csv")
