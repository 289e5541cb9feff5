"""The claims audit: the ledger and its verdicts (``ledger``), checks by kind (``derived`` arithmetic,
``official_checks`` statistics on the published rows ``official_rows`` finds, with shares derived from published
shares in ``derived_official`` and bounds and approximations as intervals in ``bounds``; every edition of the
release files in ``edition_checks``; ``survey_checks`` granularity and answer sets, ``captions``, ``cross``
contradictions, ``dated`` events, ``verbal`` quantities), the report's text (``text``), the run over every claim
(``all_claims``) and the views the notebooks show (``views``). The names below are the package's public
interface."""

from .all_claims import run_audit
from .derived import check_derived
from .edition_checks import check_editions, edition_table
from .ledger import VERDICTS, compare, load_claims, qualifier, stated_series
from .official_checks import check_official
from .views import (
    claim_cards,
    contradiction_cards,
    load_audit,
    load_contradictions,
    quote_check_summary,
    ranked,
    section_verdicts,
    verdict_counts,
    verdict_lists,
)

__all__ = [
    "VERDICTS",
    "check_derived",
    "check_editions",
    "claim_cards",
    "contradiction_cards",
    "check_official",
    "compare",
    "edition_table",
    "load_audit",
    "load_claims",
    "load_contradictions",
    "qualifier",
    "quote_check_summary",
    "ranked",
    "run_audit",
    "section_verdicts",
    "stated_series",
    "verdict_counts",
    "verdict_lists",
]
