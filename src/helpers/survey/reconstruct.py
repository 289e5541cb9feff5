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
6. Multi-select items (MULTI_SELECT) get one Yes/No column per printed option, named item_id + '__' + option.
   The Yes count of an option comes from its printed percentage over the item's valid answers (n) as in step
   2 (nearest count and a recorded deviation when impossible); 'No' is the rest. The Yes answers of the
   options are laid out cyclically over the n answering respondents (which respondent ticked which option
   is not published; only the per-option counts are used). In `cells` the item_id of such an option is its
   column name.

Outputs: one CSV per population plus `cells` (population, item_id, subgroup, level, category, count, status,
...) where status is `reconstructed` (the count follows from a printed value) or `not_published`.
Printed statistics left out (NOT_RECONSTRUCTED) get their reason in the `reason` column of `check`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from itertools import product

import pandas as pd

from .. import paths
from . import granularity, likert
from .published import load_published, load_questionnaire

POPULATIONS = {
    "ms_leads": {"prefix": "MS", "roles": {"strategic": 11, "tactical": 17, "other": 9}, "default_n": 37},
    "frontline": {"prefix": "FL", "roles": {"frontline": 44}, "default_n": 41},
    "system_leaders": {"prefix": "SL", "roles": {"system_leader": 22}, "default_n": 22},
}
ROLE_LABELS = {
    "strategic": "MS strategic lead",
    "tactical": "MS tactical lead",
    "other": "Other (MS champion)",
    "frontline": "Frontline officer",
    "system_leader": "System Leader",
}

# Scales for items whose questionnaire scale is 'change', 'other', 'tenure' or 'rank'.
SCALE_OVERRIDES = {
    "ms_national_priority_change": "priority_change",
    "sl_response_change": "change",
    "fl_training_level": "training",
    "ms_tenure_current_role": "tenure_role",
    "ms_msht_involvement": "involvement",
    "ms_org_readiness_vs_5yrs": "readiness",
    "ms_region": "region",
    "ms_rank": "rank",
    "ms_policing_experience": "policing_experience",
}

# Multi-select items: one Yes/No column per printed option (item_id + '__' + option), share over valid answers.
MULTI_SELECT = {
    "ms_other_responsibilities": "",
    "ms_dedicated_team_specialisms": (
        "denominator unclear: the report footnote gives the MS Leads survey n=37, "
        "probably only respondents with dedicated teams answered"
    ),
    "ms_alternative_offences": "",
    "fl_signs_identified": "open question coded into themes by the report",
}
MULTI_SEP = "__"

# Printed percentages that cannot be reconstructed at respondent level, and why (the `reason` in `check`).
NOT_RECONSTRUCTED = {
    "sl_region_forces_removed_msht_control_strategy": (
        "no n printed: a share of the forces of one unnamed region (number of forces not given), raised in expert "
        "interviews; not a survey answer"
    ),
    "rocu_dedicated_teams": (
        "about police forces, not respondents: 24 of the 44 forces (incl. BTP) identified by ROCU coordinators as "
        "having dedicated MSHT teams (printed count S0091 gives 55%); the team counts are drawn directly as "
        "report-tier counts in figure 16"
    ),
}

_A = likert.SCALES["agreement5"]
PRINTED = {
    "agree": ["Agree", "Strongly agree"],
    "disagree": ["Disagree", "Strongly disagree"],
    "neutral": [_A[2]],
    "unsure_or_neutral": [_A[2], likert.DONT_KNOW],
    "not_applicable_or_neutral": [_A[2], likert.DONT_KNOW],
    "not_agree": ["Strongly disagree", "Disagree", _A[2], likert.DONT_KNOW],
    "always_or_often": ["Always", "Often"],
    "often": ["Often"],
    "sometimes": ["Sometimes"],
    "occasionally": ["Sometimes"],
    "rarely": ["Rarely"],
    "never": ["Never"],
    "rarely_or_never": ["Rarely", "Never"],
    "unsure": ["Unsure"],
    "often_or_sometimes": ["Often", "Sometimes"],
    "yes": ["Yes"],
    "no": ["No"],
    "improved": ["Improved"],
    "improved_then_worse": ["Improved then got worse"],
    "stayed_the_same": ["Stayed the same"],
    "more_prioritised": ["More prioritised"],
    "less_prioritised": ["Less prioritised"],
    "no_training": ["No training"],
    "some_training": ["Some training"],
    "victim_liaison_officer_training": ["Victim liaison officer training"],
    "dedicated_role": ["Dedicated role"],
    "less_than_1_year": ["Less than 1 year"],
    "1_3_years": ["1-3 years"],
    "over_3_years": ["Over 3 years"],
    "over_10_years": ["Over 10 years"],
    "2_5_years": ["2-5 years"],
    "superintendent": ["Superintendent"],
    "significant_improvement": ["Significant improvements required"],
}


def scale_of(item_id: str, questionnaire_scale: str) -> str | None:
    scale = SCALE_OVERRIDES.get(item_id, questionnaire_scale)
    return scale if scale in likert.SCALES else None


def _choose_counts(percents: list[float], n: int, exact_sum: bool) -> tuple[list[int], list[bool]]:
    """Counts per printed category (feasible where possible), summing to n (exact_sum) or at most n."""
    centre = [float(p) * n / 100 for p in percents]
    feasible = [granularity.counts_for(p, n) for p in percents]
    for widen in (0, 1, 2, 3):
        options = []
        for f, c in zip(feasible, centre):
            near = range(max(0, math.floor(c) - widen), min(n, math.ceil(c) + widen) + 1)
            options.append(sorted(set(f) | set(near)) if (widen or not f) else f)
        best = None
        for combo in product(*options):
            total = sum(combo)
            if (exact_sum and total != n) or total > n:
                continue
            misses = sum(k not in f for k, f in zip(combo, feasible))
            score = (misses, sum(abs(k - c) for k, c in zip(combo, centre)))
            if best is None or score < best[0]:
                best = (score, combo)
        if best is not None:
            combo = list(best[1])
            return combo, [k in f for k, f in zip(combo, feasible)]
    raise ValueError(f"no counts for {percents} with n={n}")


def _pct(count: int, n: int) -> float:
    return float(granularity.round_half_up(Decimal(count) * 100 / Decimal(n))) if n else float("nan")


def _printed_cell(printed: float, n: int, count: int, note: str, category: str, subgroup: str = "all") -> dict:
    """The record of one printed percentage: the count chosen for it and the share that count gives back."""
    return {
        "level": "printed",
        "subgroup": subgroup,
        "category": category,
        "n": n,
        "count": count,
        "printed": float(printed),
        "expected": _pct(count, n),
        "status": "reconstructed",
        "note": note,
    }


def _item_plan(population: str, item_id: str, scale: str, stats: pd.DataFrame, pop_size: int):
    """Answer counts of one item (values of likert.reconstruction_labels), its role-level fixes and the cells rows."""
    labels = likert.SCALES[scale]
    all_rows = stats[stats["subgroup"] == "all"].drop_duplicates(["category", "value"])
    n = int(all_rows["n"].max()) if len(all_rows) else min(POPULATIONS[population]["default_n"], pop_size)
    n = min(n, pop_size)
    cells, solved, check_only = [], [], []
    covered: set[str] = set()
    ordered = sorted(all_rows.itertuples(), key=lambda r: len(PRINTED[r.category]))  # specific first
    for row in ordered:
        members = PRINTED[row.category]
        (check_only if covered & set(members) else solved).append(row)
        if not covered & set(members):
            covered |= set(members)
    remainder = [lab for lab in labels if lab not in covered]
    answer: dict[str, int] = {}
    if solved:
        counts, ok = _choose_counts([r.value for r in solved], n, exact_sum=not remainder)
        for row, k, good in zip(solved, counts, ok):
            value = likert.combined_label(PRINTED[row.category])
            answer[value] = answer.get(value, 0) + k
            note = (
                ""
                if good
                else (f"printed {row.value:g}% impossible for n={n}; nearest count {k} gives {_pct(k, n):g}%")
            )
            cells.append(_printed_cell(row.value, n, k, note, row.category))
    answer[likert.NOT_PUBLISHED] = n - sum(answer.values())
    for row in check_only:
        k = _count_within(answer, PRINTED[row.category])
        note = (
            ""
            if _pct(k, n) == float(row.value)
            else f"overlaps an earlier printed category; printed {row.value:g}% gives {_pct(k, n):g}%"
        )
        cells.append(_printed_cell(row.value, n, k, note, row.category))
    # role-level fixes
    fixes: dict[tuple[str, str], int] = {}
    roles = POPULATIONS[population]["roles"]
    for row in stats[stats["subgroup"] != "all"].drop_duplicates(["subgroup", "category", "value"]).itertuples():
        m = int(row.n)
        counts, ok = _choose_counts([row.value], m, exact_sum=False)
        (lab,) = PRINTED[row.category]
        fixes[(row.subgroup, lab)] = counts[0]
        answer.setdefault(lab, 0)
        note = "" if ok[0] else "printed value impossible for n"
        cells.append(_printed_cell(row.value, m, counts[0], note, row.category, row.subgroup))
        needed = sum(v for (r, la), v in fixes.items() if la == lab) - answer.get(lab, 0)
        if needed > 0:  # a role count the all-respondent counts do not cover comes out of 'Not published'
            answer[lab] += needed
            answer[likert.NOT_PUBLISHED] -= needed
    for value, k in answer.items():
        unpublished = value == likert.NOT_PUBLISHED
        cells.append(
            {
                "level": "answer",
                "subgroup": "all",
                "category": value,
                "n": n,
                "count": k,
                "printed": float("nan"),
                "expected": _pct(k, n),
                "status": "not_published" if unpublished else "reconstructed",
                "note": "answers the report did not print" if unpublished else "",
            }
        )
    for (role, lab), k in fixes.items():
        cells.append(
            {
                "level": "answer",
                "subgroup": role,
                "category": lab,
                "n": roles[role],
                "count": k,
                "printed": float("nan"),
                "expected": _pct(k, roles[role]),
                "status": "reconstructed",
                "note": "role count fixed by a printed role percentage",
            }
        )
    for cell in cells:
        cell.update(population=population, item_id=item_id, scale=scale)
    return n, answer, fixes, cells


def _count_within(answer: dict[str, int], category_members: list[str]) -> int:
    """Respondents whose answer value lies wholly inside a printed category ('Not published' never does)."""
    return sum(
        k
        for value, k in answer.items()
        if likert.members_of(value) and set(likert.members_of(value)) <= set(category_members)
    )


def _multi_plan(population: str, item_id: str, stats: pd.DataFrame, pop_size: int):
    """Yes/No columns of one multi-select item ({column: answers}) and their cells rows."""
    scale = "yes_no_unsure"
    all_rows = stats[stats["subgroup"] == "all"].drop_duplicates(["category", "value"])
    all_rows = all_rows.drop_duplicates("category")
    n = min(int(all_rows["n"].max()), pop_size)
    caveat = MULTI_SELECT[item_id]
    columns, cells, start = {}, [], 0
    for row in all_rows.itertuples():
        column = f"{item_id}{MULTI_SEP}{row.category}"
        (k,), (good,) = _choose_counts([row.value], n, exact_sum=False)
        yes = {(start + i) % n for i in range(k)} if n else set()
        start = (start + k) % n if n else 0
        columns[column] = [("Yes" if i in yes else "No") if i < n else None for i in range(pop_size)]
        note = (
            ""
            if good
            else (
                f"printed {row.value:g}% impossible for n={n}; nearest count {k} gives "
                f"{_pct(k, n):g}%" + (f" ({caveat})" if caveat else "")
            )
        )
        base = {"population": population, "item_id": column, "scale": scale}
        cells.append(base | _printed_cell(row.value, n, k, note, "yes"))
        for lab, c in (("No", n - k), ("Yes", k), ("Unsure", 0)):
            cells.append(
                base
                | {
                    "subgroup": "all",
                    "level": "answer",
                    "category": lab,
                    "n": n,
                    "count": c,
                    "printed": float("nan"),
                    "expected": _pct(c, n),
                    "status": "reconstructed",
                    "note": "multi-select option: Yes count from the printed share, No the rest",
                }
            )
    return columns, cells


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
                columns, cells = _multi_plan(population, item.item_id, stats, size)
                for column, answers in columns.items():
                    frame[column] = pd.Series(answers, dtype="string")
                all_cells += cells
                continue
            scale = scale_of(item.item_id, item.scale)
            if scale is None:
                continue
            if not set(stats["category"]) <= set(PRINTED):
                continue
            n, answer, fixes, cells = _item_plan(population, item.item_id, scale, stats, size)
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
