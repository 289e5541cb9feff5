"""Answer counts of one item from its printed percentages (steps 1-6 of ``reconstruct``), each with the
`cells` records of where its counts come from."""

from __future__ import annotations

import pandas as pd

from . import likert
from .granularity import choose_counts, percent_of
from .items import MULTI_SELECT, MULTI_SEP, PRINTED
from .populations import POPULATIONS


def _printed_cell(printed: float, n: int, count: int, note: str, category: str, subgroup: str = "all") -> dict:
    """The record of one printed percentage: the count chosen for it and the share that count gives back."""
    return {
        "level": "printed",
        "subgroup": subgroup,
        "category": category,
        "n": n,
        "count": count,
        "printed": float(printed),
        "expected": percent_of(count, n),
        "status": "reconstructed",
        "note": note,
    }


def item_counts(population: str, item_id: str, scale: str, stats: pd.DataFrame, pop_size: int):
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
        counts, ok = choose_counts([r.value for r in solved], n, exact_sum=not remainder)
        for row, k, good in zip(solved, counts, ok):
            value = likert.combined_label(PRINTED[row.category])
            answer[value] = answer.get(value, 0) + k
            note = (
                ""
                if good
                else (f"printed {row.value:g}% impossible for n={n}; nearest count {k} gives {percent_of(k, n):g}%")
            )
            cells.append(_printed_cell(row.value, n, k, note, row.category))
    answer[likert.NOT_PUBLISHED] = n - sum(answer.values())
    for row in check_only:
        k = _count_within(answer, PRINTED[row.category])
        note = (
            ""
            if percent_of(k, n) == float(row.value)
            else f"overlaps an earlier printed category; printed {row.value:g}% gives {percent_of(k, n):g}%"
        )
        cells.append(_printed_cell(row.value, n, k, note, row.category))
    # role-level fixes
    fixes: dict[tuple[str, str], int] = {}
    roles = POPULATIONS[population]["roles"]
    for row in stats[stats["subgroup"] != "all"].drop_duplicates(["subgroup", "category", "value"]).itertuples():
        m = int(row.n)
        counts, ok = choose_counts([row.value], m, exact_sum=False)
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
                "expected": percent_of(k, n),
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
                "expected": percent_of(k, roles[role]),
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


def multi_select_counts(population: str, item_id: str, stats: pd.DataFrame, pop_size: int):
    """Yes/No columns of one multi-select item ({column: answers}) and their cells rows."""
    scale = "yes_no_unsure"
    all_rows = stats[stats["subgroup"] == "all"].drop_duplicates(["category", "value"])
    all_rows = all_rows.drop_duplicates("category")
    n = min(int(all_rows["n"].max()), pop_size)
    caveat = MULTI_SELECT[item_id]
    columns, cells, start = {}, [], 0
    for row in all_rows.itertuples():
        column = f"{item_id}{MULTI_SEP}{row.category}"
        (k,), (good,) = choose_counts([row.value], n, exact_sum=False)
        yes = {(start + i) % n for i in range(k)} if n else set()
        start = (start + k) % n if n else 0
        columns[column] = [("Yes" if i in yes else "No") if i < n else None for i in range(pop_size)]
        note = (
            ""
            if good
            else (
                f"printed {row.value:g}% impossible for n={n}; nearest count {k} gives "
                f"{percent_of(k, n):g}%" + (f" ({caveat})" if caveat else "")
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
                    "expected": percent_of(c, n),
                    "status": "reconstructed",
                    "note": "multi-select option: Yes count from the printed share, No the rest",
                }
            )
    return columns, cells
