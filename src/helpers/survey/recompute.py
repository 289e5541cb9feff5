"""Every printed survey percentage recomputed from the respondent rows: exact, a recorded deviation, or a bug."""

from __future__ import annotations

import pandas as pd

from . import likert
from .granularity import percent_of
from .items import MULTI_SELECT, MULTI_SEP, NOT_RECONSTRUCTED, PRINTED
from .populations import ROLE_LABELS
from .published import load_published
from .reconstruct import recoded


def check(result: dict, published: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every printed survey percentage against the value recomputed from the rows with likert.shares.

    status: exact (recomputed == printed); recorded_deviation (differs, as recorded in cells); mismatch
    (differs and not recorded: a bug); not_reconstructed (item outside the reconstruction; `reason` says why).
    """
    published = load_published() if published is None else published
    cells = result["cells"]
    printed_cells = cells[cells["level"] == "printed"]
    out = []
    for row in published[published["unit"] == "percent"].itertuples():
        base = {
            "stat_id": row.stat_id,
            "population": row.population,
            "item_id": row.item_id,
            "subgroup": row.subgroup,
            "category": row.category,
            "n": row.n,
            "printed": float(row.value),
        }
        frame = result["rows"].get(row.population)
        multi = row.item_id in MULTI_SELECT
        column = f"{row.item_id}{MULTI_SEP}{row.category}" if multi else row.item_id
        category = "yes" if multi else row.category
        if frame is None or column not in frame.columns:
            reason = NOT_RECONSTRUCTED.get(row.item_id) or (
                "no n printed"
                if pd.isna(row.n)
                else "not a single-answer scale item (open, numeric or unbanded tenure)"
            )
            out.append(base | {"recomputed": float("nan"), "status": "not_reconstructed", "note": "", "reason": reason})
            continue
        scale = cells.loc[cells["item_id"] == column, "scale"].iloc[0]
        answers = recoded(frame, row.population, column, scale)
        if row.subgroup != "all":
            role = ROLE_LABELS[row.subgroup]
            answers = answers[frame["role"] == role]
        table = likert.shares(answers)
        inside = [
            c for c in table["category"] if likert.members_of(c) and set(likert.members_of(c)) <= set(PRINTED[category])
        ]
        k = int(table.loc[table["category"].isin(inside), "count"].sum())
        value = percent_of(k, int(table["n"].iloc[0]))
        cell = printed_cells[
            (printed_cells["item_id"] == column)
            & (printed_cells["population"] == row.population)
            & (printed_cells["subgroup"] == row.subgroup)
            & (printed_cells["category"] == category)
        ]
        expected = float(cell["expected"].iloc[0]) if len(cell) else float("nan")
        note = str(cell["note"].iloc[0]) if len(cell) and isinstance(cell["note"].iloc[0], str) else ""
        if value == float(row.value):
            status = "exact"
        elif value == expected and note:
            status = "recorded_deviation"
        else:
            status = "mismatch"
        out.append(base | {"recomputed": value, "status": status, "note": note, "reason": ""})
    return pd.DataFrame(out)
