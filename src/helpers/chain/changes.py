"""What a build changed against the previous one: every plotted value, audit verdict and headline finding (the
landing page's counts and first findings) that differs, with its old and new value and the inputs that changed for
the notebook that made it.

Written by the runner into ``reports/changes.csv`` and ``reports/changes.html`` (linked from the landing page).
The previous build is the live ``reports/`` and ``data/processed/``; the new one the staging folder; the changed
inputs come from the per-input hashes of the manifest (``graph.changes``). A first build says there is none.
"""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pandas as pd

from ..audit.views import VERDICT_WORDS
from . import graph
from .index import KIND_WORDS, audit_headline, figure_kinds
from .render import figure_records

COLUMNS = ["kind", "item", "key", "column", "old", "new", "changed inputs"]
ROW_KEYS = ("series", "breakdown", "period", "geography", "panel", "label", "population", "item", "category")
AUDIT = "data/processed/claims_audit.csv"
AUDIT_NOTEBOOK = "00_data_preparation"
AUDIT_COLUMNS = ("verdict", "recomputed")


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _keyed(rows: list[dict[str, str]], keys: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Rows by their key columns (the row number where a table has none); a repeated key gets a count."""
    out: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows, start=1):
        key = "; ".join(f"{k}={row[k]}" for k in keys if row.get(k)) or f"row {number}"
        while key in out:
            key += " (again)"
        out[key] = row
    return out


def table_changes(kind: str, item: str, old: list[dict], new: list[dict], keys, columns=None) -> list[dict]:
    """Cell by cell: a value that differs, a row only in one build (as a whole row)."""
    before, after = _keyed(old, keys), _keyed(new, keys)
    found = []
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        if was is None or now is None:
            found.append(
                {
                    "kind": kind,
                    "item": item,
                    "key": key,
                    "column": "(row)",
                    "old": "" if was is None else json.dumps(was),
                    "new": "" if now is None else json.dumps(now),
                }
            )
            continue
        for column in columns or sorted(set(was) | set(now)):
            if column in keys or was.get(column) == now.get(column):
                continue
            found.append(
                {
                    "kind": kind,
                    "item": item,
                    "key": key,
                    "column": column,
                    "old": was.get(column, ""),
                    "new": now.get(column, ""),
                }
            )
    return found


def build_changes(live: Path, staged: Path, previous: dict, current: dict, after: dict | None = None) -> list[dict]:
    """Every plotted value (reports/figures/*.csv) and audit verdict that differs between the live build and
    the staged one, each with the inputs that changed for the notebook that made it (and, for an upstream output,
    for the notebooks upstream of it: `after`)."""
    after = after or {}
    if not previous:
        return [
            {
                "kind": "build",
                "item": "",
                "key": "",
                "column": "",
                "old": "",
                "new": "",
                "changed inputs": "no previous build to compare with",
            }
        ]
    found = []
    figures = sorted(
        {p.name for p in (live / "reports" / "figures").glob("*.csv")}
        | {p.name for p in (staged / "reports" / "figures").glob("*.csv")}
    )
    for name in figures:
        record = staged / "reports" / "figures" / name.replace(".csv", ".json")
        if not record.is_file():
            record = live / "reports" / "figures" / name.replace(".csv", ".json")
        notebook = json.loads(record.read_text(encoding="utf-8")).get("notebook", "") if record.is_file() else ""
        old, new = (_rows(root / "reports" / "figures" / name) for root in (live, staged))
        for change in table_changes("plotted value", name.removesuffix(".csv"), old, new, ROW_KEYS):
            found.append({**change, "changed inputs": _why(notebook, previous, current, after)})
    old, new = _rows(live / AUDIT), _rows(staged / AUDIT)
    for change in table_changes("verdict", "claims_audit", old, new, ("claim_id",), AUDIT_COLUMNS):
        found.append({**change, "changed inputs": _why(AUDIT_NOTEBOOK, previous, current, after)})
    was, now = headline(live), headline(staged)
    for key in [k for k in now if was.get(k) != now[k]] + [k for k in was if k not in now]:
        found.append(
            {
                "kind": "headline finding",
                "item": "landing page",
                "key": key,
                "column": "",
                "old": was.get(key, ""),
                "new": now.get(key, ""),
                "changed inputs": _why(AUDIT_NOTEBOOK, previous, current, after),
            }
        )
    return found


def headline(root: Path) -> dict[str, str]:
    """A build's headline findings as the landing page states them: claims audited and by verdict, the first
    findings (claim ids), and the report's figures by what they show."""
    out: dict[str, str] = {}
    if (root / AUDIT).is_file():
        found = audit_headline(pd.read_csv(root / AUDIT))
        out["claims audited"] = str(found["total"])
        out.update({f"claims: {VERDICT_WORDS[v][0]}": str(n) for v, n in found["counts"]})
        out["first findings"] = ", ".join(f["claim_id"] for f in found["findings"])
    records = figure_records(root / "reports" / "figures")
    if records:
        out.update({f"report figures {KIND_WORDS[k]}": str(n) for k, n in figure_kinds(records).items()})
    return out


def _why(notebook: str, previous: dict, current: dict, after: dict[str, list[str]]) -> str:
    """The inputs that changed for `notebook`; for a changed upstream output, those of the notebooks upstream."""
    if notebook not in current:
        return ""
    reasons = graph.changes(previous.get(notebook), current[notebook])
    if any(r.startswith("upstream output") for r in reasons):
        for name in after.get(notebook, []):
            reasons += [f"{name}: {r}" for r in graph.changes(previous.get(name), current.get(name, {}))]
    return "; ".join(reasons) or "none of its inputs"


def write(reports: Path, rows: list[dict]) -> None:
    """reports/changes.csv and its page, reports/changes.html."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (reports / "changes.csv").write_text(buffer.getvalue(), encoding="utf-8")
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(row.get(c, '')))}</td>" for c in COLUMNS) + "</tr>" for row in rows
    )
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in COLUMNS)
    summary = f"{len(rows)} change(s) since the previous build" if rows else "no change since the previous build"
    if rows and rows[0]["kind"] == "build":
        summary = "the first build: there is no previous build to compare with"
    page = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Changes since the previous build'
        '</title></head><body><main><p><a href="index.html">Back to the appendix</a></p>'
        f"<h1>Changes since the previous build</h1><p>{html.escape(summary)}; the same as "
        '<a href="changes.csv">changes.csv</a>.</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table></main></body></html>\n"
    )
    (reports / "changes.html").write_text(page, encoding="utf-8")
