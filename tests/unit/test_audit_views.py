"""The claims as a reader sees them: values with their units, years as years, the basis in words, one anchored
card per claim, and every claim id under its verdict."""

import pandas as pd

from helpers.audit.views import (
    claim_anchor,
    claim_cards,
    contradiction_cards,
    number,
    plain_basis,
    plain_value,
    quote_check_summary,
    verdict_lists,
)

ROWS = pd.DataFrame(
    [
        {
            "claim_id": "L0075:18",
            "section": "Foreword",
            "value": 18.0,
            "unit": "percent_change",
            "verdict": "disagrees_with_source",
            "reason": "[arithmetic] pct_change(L0786:4322,L0786:3552) = -17.82 against 18 as printed | [official] 3555 "
            "count (December 2022, UK, official_secondary, released 2023-02-15, operations.csv line 11) to 2497 "
            "count (June 2024, UK, official_secondary, released 2025-01, operations.csv line 12): -29.8%",
            "quote": "the number of live investigations has fallen by 18%",
        },
        {
            "claim_id": "L0089:2020",
            "section": "Prioritisation",
            "value": 2020.0,
            "unit": "year",
            "verdict": "within_rounding",
            "reason": "[repeated] consistent with L0289:2019 & <b>",
            "quote": "in 2020 the unit was renamed",
        },
    ]
)


def test_numbers_and_values_read_as_printed():
    assert number(4322) == "4,322" and number(-17.8) == "\u221217.8" and number(2020) == "2020"
    assert number(2020, year=False) == "2,020"
    assert plain_value(2020, "year") == "2020" and plain_value(18, "percent_change") == "18%"
    assert plain_value(17.8, "gbp_million") == "£17.8m" and plain_value(3, "years") == "3 years"


def test_basis_in_plain_words():
    basis = plain_basis(ROWS.loc[0, "reason"])
    assert basis[0] == ("recomputed", "4,322 to 3,552 is \u221217.8% (the report prints 18)")
    label, text = basis[1]
    assert label == "published source" and text.startswith("3,555 (December 2022, UK, official, secondary copy")
    assert text.endswith("\u221229.8%") and "_" not in text
    assert plain_basis("[arithmetic] share(L0323:24,44) = 54.55 against 55 as printed") == [
        ("recomputed", "24 of 44 is 54.5% (the report prints 55)")
    ]
    assert plain_basis("[arithmetic] sum(L0287:15,L0287:2.8) = 17.8 against 17.8 as printed")[0][1].startswith(
        "15 + 2.8"
    )


def test_cards_put_the_quote_first_and_escape_text():
    page = claim_cards(ROWS, anchored=True)._repr_html_()
    assert page.index("live investigations") < page.index("disagrees with source") < page.index("4,322")
    assert page.count('<article class="claim" id="claim-') == 2 and 'id="claim-L0075-18"' in page
    assert "&lt;b&gt;" in page and "<b>2020</b>" in page and "2,020" not in page
    assert 'id="' not in claim_cards(ROWS)._repr_html_()
    assert claim_anchor("L1711:10#2") == "claim-L1711-10-2"


def test_a_sections_cards_fold_under_a_summary_that_counts_them():
    page = claim_cards(ROWS, anchored=True, folded=True)._repr_html_()
    assert page.startswith('<details class="claims-fold"><summary>Show the 2 claims</summary><div class="claims">')
    assert page.count('<article class="claim" id="claim-') == 2 and page.endswith("</div></details>")
    assert "<details" not in claim_cards(ROWS, anchored=True)._repr_html_()


def test_the_quote_check_summary_counts_the_claims_checked_and_those_not_run():
    checked = pd.DataFrame({"quote_check": ["passed", "passed", "not run"]})
    assert quote_check_summary(checked) == (
        "quote check against the report's text run for 2 of 3 claims; not run (no report text) for 1"
    )
    assert quote_check_summary(checked.iloc[:2]) == "quote check against the report's text run for 2 of 2 claims"


def test_verdict_lists_link_every_claim_under_its_verdict():
    page = verdict_lists(ROWS)._repr_html_()
    assert 'id="verdict-disagrees_with_source"' in page and 'href="#claim-L0089-2020"' in page
    assert page.count("<h3") == 5


def test_contradictions_quote_both_statements():
    rows = pd.DataFrame(
        [
            {
                "kind": "same fact stated differently",
                "claim_id": "L0289:2019",
                "quote": "became the unit in 2019",
                "other_claims": "L0089:2020",
                "other_quotes": "became the unit in 2020/21",
                "verdict": "disagrees_with_source",
                "basis": "[repeated] contradicts L0089:2020 (same fact)",
            }
        ]
    )
    page = contradiction_cards(rows)._repr_html_()
    assert page.index("in 2019") < page.index("disagrees with source") < page.index("in 2020/21")
    assert "disagrees_with_source" not in page and "said elsewhere in the report" in page
