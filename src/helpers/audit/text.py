"""The report's text as a declared input: its checksum, and the check that every quote is on its line.

The text is not redistributed here. Without it the quote check is 'not run' for every claim (counted and listed),
never silently skipped; a text with another checksum is refused, since the ledger's line numbers refer to it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from ..data.validate import DataValidationError

EXPECTED_SHA256 = "d78cae9ba6366d1a75f6fc3556df141ed03a1afe884313770c3aeb23c3229bec"
REPORT_URL = (
    "https://www.antislaverycommissioner.co.uk/news-insights/"
    "report-policing-response-to-modern-slavery-how-has-it-changed-in-the-last-10-years"
)
HOW_TO_GET = (
    f"the report's text was not found at {{path}}: download the report from the IASC's publication page "
    f"({REPORT_URL}), save its text as that file (or set the `report_text` parameter); its sha256 must be "
    f"{EXPECTED_SHA256}"
)


class ReportTextError(ValueError):
    """The report's text has another checksum than the one the ledger was written against."""


def read_report(path: Path) -> list[str] | None:
    """The report's lines, or None when the file is absent; refuses a text with another checksum."""
    if not path.exists():
        return None
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != EXPECTED_SHA256:
        raise ReportTextError(
            f"{path}: sha256 {digest} is not the expected {EXPECTED_SHA256}; the ledger's line numbers and quotes "
            f"refer to that text (the report as published at {REPORT_URL})"
        )
    return data.decode("utf-8").splitlines()


def quote_status(claims: pd.DataFrame, lines: list[str] | None, name: str = "report/claims.csv") -> pd.Series:
    """Per claim: 'passed' (the quote is on its line) or 'not run' (no text); a quote not on its line stops
    the run with the ledger's file, line and column."""
    if lines is None:
        return pd.Series("not run", index=claims["claim_id"], name="quote_check")
    problems = [
        f"{name}, line {i + 2}, column 'quote': not on line {row['line']} of the report text"
        for i, row in claims.iterrows()
        if row["line"] > len(lines) or row["quote"] not in lines[row["line"] - 1]
    ]
    if problems:
        raise DataValidationError(problems)
    return pd.Series("passed", index=claims["claim_id"], name="quote_check")
