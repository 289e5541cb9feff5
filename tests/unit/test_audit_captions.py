import pandas as pd

from helpers.audit.captions import check_captions


def _caption(cid, number, population, n, section="Appendices / Need"):
    return {
        "claim_id": cid,
        "quote": f"Figure {number}: perceptions (n={n})",
        "value": float(n),
        "unit": "count",
        "population": population,
        "section": section,
    }


def test_an_n_that_belongs_to_the_sibling_population_is_flagged_both_ways():
    claims = pd.DataFrame(
        [_caption(f"A{i}", i, "ms_leads", 37) for i in range(3)]
        + [_caption(f"B{i}", 10 + i, "frontline", 41) for i in range(3)]
        + [_caption("X", 20, "ms_leads", 41), _caption("Y", 21, "frontline", 37), _caption("Z", 22, "frontline", 40)]
    )
    result = check_captions(claims)
    assert result["X"].verdict == "inconsistent" and "n of the frontline captions" in result["X"].reason
    assert result["Y"].verdict == "inconsistent" and "n of the ms_leads captions" in result["Y"].reason
    assert result["Z"].verdict == "not_checkable"
    assert "A0" not in result and "B0" not in result


def test_captions_in_other_sections_are_not_siblings():
    claims = pd.DataFrame(
        [_caption(f"A{i}", i, "ms_leads", 37) for i in range(2)]
        + [_caption(f"B{i}", 10 + i, "frontline", 41, section="Elsewhere / x") for i in range(2)]
        + [_caption("X", 20, "ms_leads", 41)]
    )
    assert check_captions(claims)["X"].verdict == "not_checkable"
