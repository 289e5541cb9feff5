"""Views of the written audit for the notebooks: a section's claims, counts by verdict, ranked findings, and the
claims as cards a reader can take in on any screen (quote first, the verdict as a coloured word, the basis in
plain words)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from .. import paths
from .ledger import VERDICTS

CARD_COLUMNS = ["claim_id", "section", "value", "unit", "verdict", "reason", "quote"]
VERDICT_WORDS = {
    "disagrees_with_source": ("disagrees with source", "#A8201A"),
    "inconsistent": ("inconsistent", "#7A4100"),
    "within_rounding": ("within rounding", "#1D6B63"),
    "reproduced": ("reproduced", "#00703C"),
    "not_checkable": ("not checkable", "#505A5F"),
}
CHECK_WORDS = {
    "arithmetic": "recomputed",
    "official": "published source",
    "official_derived": "from published shares",
    "repeated": "said elsewhere in the report",
    "breakdown": "against its breakdown",
    "answer_set": "survey answers",
    "sample_size": "sample size",
    "granularity": "possible with the sample",
    "caption": "figure caption",
    "dated": "dates",
    "none": "not checked",
}
UNIT_WORDS = {"count": "", "percent": "%", "percent_change": "%", "percentage_points": " percentage points"}
MONEY = {"gbp_million": "m", "gbp_billion": "bn", "gbp_thousand": "k", "gbp": ""}
OPERAND = re.compile(r"\bL\d{3,4}:(-?[\d.]+)(?:#\d+)?")
FORMULA = re.compile(r"(pct_change|share|sum|ratio|diff)\((.*)\) = (-?[\d.e+]+) against (-?[\d.e+]+) as printed")
BREAKDOWN = re.compile(r"against its breakdown (.+) = (-?[\d.]+) \((.*)\)$")
MINUS = re.compile(r"(?<![\w-])-(?=\d)")
OFFICIAL_VALUE = re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?) (count|percent|gbp_million|gbp|years|months)\b")


def load_audit(path: Path | None = None) -> pd.DataFrame:
    """The audit written by the data-preparation notebook."""
    return pd.read_csv(path or paths.processed() / "claims_audit.csv", dtype={"figure": "str"})


def section_verdicts(audit: pd.DataFrame, *sections: str) -> pd.DataFrame:
    """The claims of report sections (each matched on the start of the section name) with their verdicts."""
    rows = audit[audit["section"].str.startswith(sections)]
    return rows[["claim_id", "figure", "section", "value", "unit", "verdict", "reason", "quote"]].reset_index(drop=True)


def verdict_counts(audit: pd.DataFrame, by: str = "section") -> pd.DataFrame:
    """Claims by verdict and section (or another column), with totals."""
    table = pd.crosstab(audit[by], audit["verdict"], margins=True, margins_name="total")
    return table.reindex(columns=[v for v in VERDICTS if v in table.columns] + ["total"])


def ranked(audit: pd.DataFrame, verdict: str, max_importance: int = 4) -> pd.DataFrame:
    """Claims with one verdict, headline sections first, then in document order."""
    rows = audit[(audit["verdict"] == verdict) & (audit["importance"] <= max_importance)]
    rows = rows.sort_values(["importance", "line"], kind="stable")
    return rows[CARD_COLUMNS].reset_index(drop=True)


def quote_check_summary(audit: pd.DataFrame) -> str:
    """For how many claims the quote was checked against the report's text, and for how many it was not run (the
    text is not redistributed here: see ``text``)."""
    not_run = int((audit["quote_check"] == "not run").sum())
    unchecked = f"; not run (no report text) for {not_run}" if not_run else ""
    return f"quote check against the report's text run for {len(audit) - not_run} of {len(audit)} claims{unchecked}"


def load_contradictions(path: Path | None = None) -> pd.DataFrame:
    """The cross-statement contradictions written by the data-preparation notebook, headline first."""
    return pd.read_csv(path or paths.processed() / "claims_contradictions.csv")


def number(value: float, year: bool | None = None) -> str:
    """A number as a reader writes it: thousands separators, no trailing zeros, a true minus; a year (or, unless
    `year` is False, a whole number from 1900 to 2100) as a year."""
    if year or (year is None and float(value).is_integer() and 1900 <= value <= 2100):
        return str(int(value))
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace("-", "\u2212")


def plain_value(value: float, unit: str) -> str:
    """The printed value with its unit in words: '18%', '£17.8m', '2020', '19,000', '3 years'."""
    if unit == "year":
        return number(value, year=True)
    if unit in MONEY:
        return f"£{number(value)}{MONEY[unit]}"
    if unit in UNIT_WORDS:
        return number(value) + UNIT_WORDS[unit]
    return f"{number(value)} {unit.replace('_', ' ')}"


def _operand(text: str) -> str:
    try:
        return number(float(text))
    except ValueError:
        return text.strip()


def _formula(match: re.Match) -> str:
    kind, args, result, printed = match[1], match[2], float(match[3]), match[4]
    values = [_operand(v) for v in OPERAND.sub(r"\1", args).replace("sum(", "").replace(")", "").split(",")]
    if kind == "pct_change" and len(values) == 2:
        change = number(round(result, 1))
        said = f"{values[0]} to {values[1]} is {change if result < 0 else '+' + change}%"
    elif kind == "share" and len(values) == 2:
        said = f"{values[0]} of {values[1]} is {number(round(result, 1))}%"
    else:
        sign = {"sum": " + ", "ratio": " ÷ ", "diff": " \u2212 "}.get(kind, ", ")
        said = f"{sign.join(values)} = {number(round(result, 2))}"
    return f"{said} (the report prints {number(float(printed))})"


def plain_basis(reason: str) -> list[tuple[str, str]]:
    """Each check behind a verdict as (what was checked, what it found), in words: formulas become sums and
    changes between numbers, claim ids become the values they stand for, and machine spellings become words."""
    out = []
    for part in str(reason).split(" | "):
        tag = re.match(r"\[(\w+)\]\s*", part)
        label = CHECK_WORDS.get(tag[1], tag[1].replace("_", " ")) if tag else "basis"
        text = part[tag.end() :] if tag else part
        text = FORMULA.sub(_formula, text)
        text = OFFICIAL_VALUE.sub(lambda m: number(float(m[1]), year=False) + UNIT_WORDS.get(m[2], f" {m[2]}"), text)
        text = BREAKDOWN.sub(r"against its breakdown (claims \3), which gives \2", text)
        text = MINUS.sub("\u2212", text)
        text = text.replace("official_secondary", "official, secondary copy").replace("_", " ")
        out.append((label, text))
    return out


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's card: 'L0075:18' becomes 'claim-L0075-18'."""
    return "claim-" + re.sub(r"[^A-Za-z0-9]+", "-", str(claim_id)).strip("-")


def verdict_badge(verdict: str) -> str:
    word, colour = VERDICT_WORDS[verdict]
    return f'<span class="verdict" style="background:{colour};color:#fff">{html.escape(word)}</span>'


def _basis_items(reason: str) -> str:
    return "".join(f"<li><b>{html.escape(label)}</b>: {html.escape(text)}</li>" for label, text in plain_basis(reason))


def _card(row: pd.Series, anchored: bool) -> str:
    anchor = f' id="{claim_anchor(row["claim_id"])}"' if anchored else ""
    basis = _basis_items(row["reason"])
    section = f" · {html.escape(str(row['section']))}" if "section" in row and pd.notna(row["section"]) else ""
    return (
        f'<article class="claim"{anchor}><blockquote>“{html.escape(str(row["quote"]))}”</blockquote>'
        f'<p class="claim-meta">{verdict_badge(row["verdict"])} <b>{plain_value(row["value"], row["unit"])}</b> as '
        f'printed · claim <span class="claim-id">{html.escape(str(row["claim_id"]))}</span>{section}</p>'
        f'<ul class="claim-basis">{basis}</ul></article>'
    )


class ClaimCards:
    """Rich display of claims as cards (HTML for the pages and PDF, plain text otherwise). `anchored` cards carry
    the claim's id as their anchor (once per site: the claims-audit notebook's list by section); `folded` cards sit
    in a closed ``<details>`` (a page opens it when a link lands on one of its cards; the PDF prints it open)."""

    def __init__(self, rows: pd.DataFrame, anchored: bool = False, folded: bool = False):
        self.rows, self.anchored, self.folded = rows, anchored, folded

    def _repr_html_(self) -> str:
        cards = f'<div class="claims">{"".join(_card(row, self.anchored) for _, row in self.rows.iterrows())}</div>'
        count = f"{len(self.rows):,} claim{'' if len(self.rows) == 1 else 's'}"
        if self.folded:  # the summary gives the count
            return f'<details class="claims-fold"><summary>Show the {count}</summary>{cards}</details>'
        return f'{cards}<p class="table-rows">{count}</p>'

    def __repr__(self) -> str:
        return "\n".join(
            f"{r.claim_id} [{VERDICT_WORDS[r.verdict][0]}] {plain_value(r.value, r.unit)}: {r.quote}"
            for r in self.rows.itertuples()
        )


def claim_cards(rows: pd.DataFrame, anchored: bool = False, folded: bool = False) -> ClaimCards:
    """Display `rows` of the audit (claim_id, value, unit, verdict, reason, quote; section if present) as cards,
    `folded` into a closed ``<details>`` if asked."""
    return ClaimCards(rows, anchored, folded)


class VerdictLists:
    """Every claim id under its verdict, each a link to its card, with the count; one heading per verdict."""

    def __init__(self, audit: pd.DataFrame):
        self.audit = audit

    def _repr_html_(self) -> str:
        out = []
        for verdict in VERDICTS:
            ids = self.audit.loc[self.audit["verdict"] == verdict, "claim_id"]
            links = ", ".join(f'<a href="#{claim_anchor(c)}">{html.escape(c)}</a>' for c in ids)
            out.append(
                f'<h3 id="verdict-{verdict}">{verdict_badge(verdict)} {len(ids):,} claims</h3>'
                f'<p class="claim-ids">{links}</p>'
            )
        return "".join(out)

    def __repr__(self) -> str:
        return "\n".join(
            f"{VERDICT_WORDS[v][0]}: {', '.join(self.audit.loc[self.audit['verdict'] == v, 'claim_id'])}"
            for v in VERDICTS
        )


def verdict_lists(audit: pd.DataFrame) -> VerdictLists:
    """The claims grouped by verdict: every id, linked to its card."""
    return VerdictLists(audit)


class ContradictionCards:
    """Rich display of contradictions between statements: the quote, the statements it contradicts (each quoted,
    with its id), the verdict as a coloured word and the basis in words."""

    def __init__(self, rows: pd.DataFrame):
        self.rows = rows

    def _repr_html_(self) -> str:
        cards = []
        for _, row in self.rows.iterrows():
            others = zip(str(row["other_claims"]).split("; "), str(row["other_quotes"]).split(" | "), strict=False)
            against = "".join(
                f'<li>“{html.escape(q)}” (claim <span class="claim-id">{html.escape(c)}</span>)</li>' for c, q in others
            )
            basis = _basis_items(row["basis"])
            cards.append(
                f'<article class="claim"><blockquote>“{html.escape(str(row["quote"]))}”</blockquote>'
                f'<p class="claim-meta">{verdict_badge(row["verdict"])} {html.escape(str(row["kind"]))} · claim '
                f'<span class="claim-id">{html.escape(str(row["claim_id"]))}</span>, against:</p>'
                f'<ul class="claim-basis">{against}</ul><ul class="claim-basis">{basis}</ul></article>'
            )
        return f'<div class="claims">{"".join(cards)}</div>'

    def __repr__(self) -> str:
        return "\n".join(f"{r.claim_id} [{VERDICT_WORDS[r.verdict][0]}] {r.quote}" for r in self.rows.itertuples())


def contradiction_cards(rows: pd.DataFrame) -> ContradictionCards:
    """Display the contradictions (load_contradictions) as cards."""
    return ContradictionCards(rows)
