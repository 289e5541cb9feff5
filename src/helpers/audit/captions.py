"""Figure captions against their populations: a caption's n against the usual n of the same population's
captions in the same section, in both directions (an n its population never has, and an n that belongs to a
sibling population's captions)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .ledger import SURVEY_POPULATIONS, Check

CAPTION = r"^Figure \d+:.*\bn\s*=\s*\d+"


def caption_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Sample sizes stated in a figure caption of one survey population."""
    rows = claims[
        (claims["unit"] == "count")
        & claims["population"].isin(SURVEY_POPULATIONS)
        & claims["quote"].str.contains(CAPTION, regex=True)
    ]
    return rows.assign(group=rows["section"].str.split(" / ").str[0])


def check_captions(claims: pd.DataFrame) -> dict[str, Check]:
    result = {}
    captions = caption_claims(claims)
    for _, group in captions.groupby("group"):
        usual = {
            pop: Counter(rows["value"]).most_common(1)[0] for pop, rows in group.groupby("population") if len(rows) > 1
        }
        for _, row in group.iterrows():
            own = usual.get(row["population"])
            if own is None or row["value"] == own[0]:
                continue
            owner = [p for p, (n, _) in usual.items() if p != row["population"] and n == row["value"]]
            where = f"{own[1]} of the {row['population']} captions in this section give n={own[0]:g}"
            if owner:
                reason = f"caption n={row['value']:g} is the n of the {owner[0]} captions in this section; {where}"
                result[row["claim_id"]] = Check("inconsistent", own[0], "caption", reason)
            else:
                reason = f"caption n={row['value']:g} differs from its siblings ({where}); possible for one question"
                result[row["claim_id"]] = Check("not_checkable", own[0], "caption", reason)
    return result
