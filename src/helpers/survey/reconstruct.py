"""Deterministic respondent-level reconstruction of the survey from the percentages the report prints.

The underlying survey data were never published. For each population (ms_leads, frontline, system_leaders)
this module builds rows shaped like a survey export (respondent_id, role, one column per item holding TEXT
labels) such that recomputing each printed percentage from the rows gives the printed value back:

1. Printed percentages of an item (subgroup 'all') are grouped by printed category; each printed category is
   a set of answer labels of the item's scale (e.g. 'agree' = Agree + Strongly agree). Printed categories
   are solved from the most specific (fewest labels) up; one overlapping an already solved category is only
   checked, not solved.
2. Whole counts per printed category come from `granularity.counts_for` (half-up rounding); among the
   combinations, the one summing to n (or at most n when some answers are not covered by any printed
   category) and closest to p*n/100 is taken. When a printed value is impossible for n, the nearest count is
   used and the deviation recorded.
3. NO INVENTED ANSWER: a printed category of several labels is one combined answer value (likert.COMBINED,
   e.g. 'Agree or strongly agree (split not published)'); the respondents not covered by any printed
   category answer likert.NOT_PUBLISHED. Items without any printed number are 'Not published' throughout. So
   any table computed from the rows shows what the report printed and nothing else.
4. Printed subgroup (role) percentages fix the count of that answer in that role (taken from the 'Not
   published' remainder); the remaining answers are filled into the other roles in respondent order.
5. When an item's n is below the population size, the last respondents have a blank answer (item
   non-response), so shares over valid answers use the printed n.
6. Multi-select items (items.MULTI_SELECT) get one Yes/No column per printed option, named item_id + '__' + option.
   The Yes count of an option comes from its printed percentage over the item's valid answers (n) as in step
   2 (nearest count and a recorded deviation when impossible); 'No' is the rest. The Yes answers of the
   options are laid out cyclically over the n answering respondents (which respondent ticked which option
   is not published; only the per-option counts are used). In `cells` the item_id of such an option is its
   column name.

The counts of each item come from ``answer_counts``; this module lays them out in respondent order, writes the
files and reads them back. Outputs: one CSV per population plus `cells` (population, item_id, subgroup, level,
category, count, status, ...) where status is `reconstructed` (the count follows from a printed value) or
`not_published`. Printed statistics left out (items.NOT_RECONSTRUCTED) get their reason in the `reason` column of
`recompute.check`.
"""

from __future__ import annotations

import pandas as pd

from .. import paths
from . import likert
from .answer_counts import item_counts, multi_select_counts
from .items import MULTI_SELECT, PRINTED, scale_of
from .populations import POPULATIONS, ROLE_LABELS
from .published import load_published, load_questionnaire


def _fill(answer: dict[str, int], fixes: dict, roles: dict[str, int], n: int) -> list[str | None]:
    """Answers in respondent order: role blocks in order, fixed role counts first, the rest in order."""
    slots = {role: [] for role in roles}
    for (role, lab), k in fixes.items():
        slots[role] += [lab] * k
    remaining = dict(answer)
    for (_, lab), k in fixes.items():
        remaining[lab] -= k
    closed = {(role, lab) for role, lab in fixes}
    order = list(roles)
    for lab, k in remaining.items():
        for role in order:
            while k > 0 and (role, lab) not in closed and len(slots[role]) < roles[role]:
                slots[role].append(lab)
                k -= 1
        for role in order:  # fallback: the role-level fix cannot be kept
            while k > 0 and len(slots[role]) < roles[role]:
                slots[role].append(lab)
                k -= 1
    out: list[str | None] = []
    for role in order:
        labels = slots[role]
        out += labels + [None] * (roles[role] - len(labels))
    # item non-response at the end (only when no role fixes; roles are full otherwise)
    answered = [a for a in out if a is not None]
    if len(answered) == len(out) or fixes:
        return out
    return answered + [None] * (len(out) - len(answered))


def build(published: pd.DataFrame | None = None, questionnaire: pd.DataFrame | None = None) -> dict:
    """{'rows': {population: DataFrame}, 'cells': DataFrame}."""
    published = load_published() if published is None else published
    questionnaire = load_questionnaire() if questionnaire is None else questionnaire
    percents = published[published["unit"] == "percent"]
    rows, all_cells = {}, []
    for population, spec in POPULATIONS.items():
        roles = spec["roles"]
        size = sum(roles.values())
        frame = pd.DataFrame(
            {
                "respondent_id": [f"{spec['prefix']}{i:03d}" for i in range(1, size + 1)],
                "role": [ROLE_LABELS[r] for r, k in roles.items() for _ in range(k)],
            }
        )
        items = questionnaire[questionnaire["population"] == population]
        for item in items.itertuples():
            stats = percents[
                (percents["population"] == population) & (percents["item_id"] == item.item_id) & percents["n"].notna()
            ]
            if item.item_id in MULTI_SELECT and len(stats):
                columns, cells = multi_select_counts(population, item.item_id, stats, size)
                for column, answers in columns.items():
                    frame[column] = pd.Series(answers, dtype="string")
                all_cells += cells
                continue
            scale = scale_of(item.item_id, item.scale)
            if scale is None:
                continue
            if not set(stats["category"]) <= set(PRINTED):
                continue
            n, answer, fixes, cells = item_counts(population, item.item_id, scale, stats, size)
            answers = _fill(answer, fixes, roles, n)
            frame[item.item_id] = pd.Series(answers, dtype="string")
            all_cells += cells
        rows[population] = frame
    cells = pd.DataFrame(all_cells)[
        [
            "population",
            "item_id",
            "scale",
            "subgroup",
            "level",
            "category",
            "n",
            "count",
            "printed",
            "expected",
            "status",
            "note",
        ]
    ]
    return {"rows": rows, "cells": cells}


def write(result: dict) -> list:
    out = paths.processed() / "survey"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for population, frame in result["rows"].items():
        frame.to_csv(out / f"{population}.csv", index=False, lineterminator="\n")
        written.append(out / f"{population}.csv")
    result["cells"].to_csv(out / "cells.csv", index=False, lineterminator="\n")
    return written + [out / "cells.csv"]


def load_rows(population: str) -> pd.DataFrame:
    return pd.read_csv(paths.processed() / "survey" / f"{population}.csv", dtype="string", keep_default_na=False)


def load_cells() -> pd.DataFrame:
    return pd.read_csv(paths.processed() / "survey" / "cells.csv")


def recoded(rows: pd.DataFrame, population: str, item_id: str, scale: str) -> pd.Series:
    """One item's answers as a Categorical (the reconstruction's combined and 'Not published' values accepted)."""
    return likert.recode(
        rows[item_id], scale, file=f"data/processed/survey/{population}.csv", column=item_id, reconstruction=True
    )
