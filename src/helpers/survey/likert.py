"""Response scales of the survey items, recoding of raw text answers, collapsing and shares.

Every scale is an ordered list of (code, label). `categorical(scale)` gives the ordered pandas Categorical
dtype of its labels; `codes(scale)` maps label -> numeric code (1..k, in scale order; a "don't know" style
category comes last). Raw answers are recoded with `recode`, which accepts the usual text variants (case,
extra spaces, curly apostrophes, 'Neutral' for 'Neither agree nor disagree', 'Not sure' / "Don't know" /
'Unsure' for the scale's don't-know category) and turns blanks into missing. Any other label stops with a
ValueError naming every unknown label with its rows, the file and the column.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from .granularity import round_half_up

DONT_KNOW = "Don't know"

SCALES: dict[str, list[str]] = {
    "agreement5": ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", DONT_KNOW],
    "frequency5": ["Never", "Rarely", "Sometimes", "Often", "Always", "Unsure"],
    "yes_no_unsure": ["No", "Yes", "Unsure"],
    "need_improvement": [
        "No improvement required",
        "Minor improvements required",
        "Moderate improvements required",
        "Significant improvements required",
        DONT_KNOW,
    ],
    "change": ["Got worse", "Stayed the same", "Improved then got worse", "Improved"],
    "priority_change": ["Less prioritised", "About the same", "More prioritised"],
    "training": ["No training", "Some training", "Victim liaison officer training", "Dedicated role"],
    "tenure_role": ["Less than 1 year", "1-3 years", "Over 3 years"],
    "involvement": ["Less than 2 years", "2-5 years", "5-10 years", "Over 10 years"],
    "readiness": ["Much less ready", "Less ready", "About the same", "Better equipped", "Much better equipped"],
    "region": [
        "East Midlands",
        "Eastern",
        "London",
        "North East",
        "North West",
        "South East",
        "South West",
        "Wales",
        "West Midlands",
        "National",
    ],
    "policing_experience": ["10 years or less", "Over 10 years"],
    "rank": ["Sergeant", "Inspector", "Chief Inspector", "Superintendent", "Chief Superintendent or above"],
}

# Categories that are not a position on the scale (shown last, greyed, and excluded by `substantive=True`).
NON_SUBSTANTIVE = {DONT_KNOW, "Unsure"}

# Answer values of the reconstructed rows (never of a real export): an answer the report did not print, and
# combined answers where the report prints only the sum of several labels (e.g. 'agree' = Agree + Strongly agree).
NOT_PUBLISHED = "Not published"
COMBINED: dict[str, list[str]] = {
    "Agree or strongly agree (split not published)": ["Agree", "Strongly agree"],
    "Disagree or strongly disagree (split not published)": ["Disagree", "Strongly disagree"],
    "Neither agree nor disagree, or don't know (split not published)": ["Neither agree nor disagree", DONT_KNOW],
    "Not agree (split not published)": ["Strongly disagree", "Disagree", "Neither agree nor disagree", DONT_KNOW],
    "Always or often (split not published)": ["Always", "Often"],
    "Rarely or never (split not published)": ["Rarely", "Never"],
    "Often or sometimes (split not published)": ["Often", "Sometimes"],
}


def combined_label(members: list[str]) -> str:
    """The reconstruction's answer value for a printed category of several labels (a single label stays)."""
    if len(members) == 1:
        return members[0]
    return next(label for label, m in COMBINED.items() if set(m) == set(members))


def members_of(label: str) -> list[str]:
    """The scale labels an answer value stands for: itself, the members of a combined value, none if unpublished."""
    return [] if label == NOT_PUBLISHED else COMBINED.get(label, [label])


def reconstruction_labels(scale: str) -> list[str]:
    """The scale's labels, the combined values whose members are all on the scale, and 'Not published'."""
    labels = SCALES[scale]
    combined = [c for c, m in COMBINED.items() if set(m) <= set(labels)]
    return [*labels, *combined, NOT_PUBLISHED]


# Named collapses: scale -> group name -> member labels.
COLLAPSES: dict[str, dict[str, list[str]]] = {
    "agreement5": {
        "agree": ["Agree", "Strongly agree"],
        "neutral": ["Neither agree nor disagree"],
        "disagree": ["Disagree", "Strongly disagree"],
        "dont_know": [DONT_KNOW],
    },
    "frequency5": {
        "always_or_often": ["Always", "Often"],
        "sometimes": ["Sometimes"],
        "rarely_or_never": ["Rarely", "Never"],
        "unsure": ["Unsure"],
    },
}

_ALIASES = {
    "neutral": "neither agree nor disagree",
    "neither agree or disagree": "neither agree nor disagree",
    "neither": "neither agree nor disagree",
    "not sure": "@dk",
    "unsure": "@dk",
    "don't know": "@dk",
    "dont know": "@dk",
    "do not know": "@dk",
    "uncertain": "@dk",
    "1 - 3 years": "1-3 years",
    "1 to 3 years": "1-3 years",
    "2 to 5 years": "2-5 years",
    "5 to 10 years": "5-10 years",
    "3+ years": "over 3 years",
}


def categorical(scale: str, reconstruction: bool = False) -> pd.CategoricalDtype:
    if reconstruction:
        return pd.CategoricalDtype(reconstruction_labels(scale), ordered=False)
    return pd.CategoricalDtype(SCALES[scale], ordered=True)


def codes(scale: str) -> dict[str, int]:
    return {label: i for i, label in enumerate(SCALES[scale], start=1)}


def _normalise(text: str) -> str:
    text = str(text).replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _lookup(scale: str, reconstruction: bool = False) -> dict[str, str]:
    labels = reconstruction_labels(scale) if reconstruction else SCALES[scale]
    table = {_normalise(label): label for label in labels}
    dk = next((label for label in labels if label in NON_SUBSTANTIVE), None)
    for variant, target in _ALIASES.items():
        if target == "@dk":
            if dk is not None:
                table.setdefault(variant, dk)
        elif target in table:
            table.setdefault(variant, table[target])
    return table


def recode(
    series: pd.Series,
    scale: str,
    *,
    file: str = "<data>",
    column: str | None = None,
    first_line: int = 2,
    reconstruction: bool = False,
) -> pd.Series:
    """Raw text answers -> ordered Categorical of the scale's labels; blanks -> missing.

    reconstruction=True also accepts the reconstruction's combined values and 'Not published' (unordered).
    Row numbers in the error are CSV lines (header = line 1), taken from the position in `series`.
    """
    column = column or str(series.name)
    table = _lookup(scale, reconstruction)
    text = series.astype("string")
    norm = text.map(lambda v: _normalise(v) if isinstance(v, str) else "", na_action=None).fillna("")
    mapped = norm.map(lambda v: table.get(v) if v else None)
    unknown = (norm != "") & mapped.isna()
    if unknown.any():
        lines: dict[str, list[int]] = {}
        for pos in range(len(series)):
            if unknown.iloc[pos]:
                lines.setdefault(str(text.iloc[pos]), []).append(pos + first_line)
        listed = "; ".join(f"{label!r} at line(s) {', '.join(map(str, rows))}" for label, rows in lines.items())
        raise ValueError(
            f"{file}, column {column!r}: unknown label(s) for scale {scale!r}: {listed}. Known labels: {SCALES[scale]}"
        )
    return pd.Series(
        pd.Categorical(mapped.astype("object"), dtype=categorical(scale, reconstruction)),
        index=series.index,
        name=series.name,
    )


def collapse(answers: pd.Series, groups: dict[str, list[str]] | str) -> pd.Series:
    """Recoded answers -> group names (e.g. agree / neutral / disagree; always_or_often ...)."""
    if isinstance(groups, str):
        groups = COLLAPSES[groups]
    member = {label: name for name, labels in groups.items() for label in labels}
    order = list(groups)
    values = answers.astype("object").map(member)
    return pd.Series(pd.Categorical(values, categories=order, ordered=True), index=answers.index, name=answers.name)


def largest_remainder(counts: list[int], total: int = 100, decimals: int = 0) -> list[Decimal]:
    """Shares of `counts` rounded so that they sum exactly to `total` (Hamilton / largest remainder)."""
    n = sum(counts)
    if n == 0:
        return [Decimal(0)] * len(counts)
    unit = Decimal(1).scaleb(-decimals)
    exact = [Decimal(c) * total / Decimal(n) / unit for c in counts]
    floors = [int(e) for e in exact]
    short = int(Decimal(total) / unit) - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:short]:
        floors[i] += 1
    return [Decimal(f) * unit for f in floors]


def shares(
    answers: pd.Series, *, base: str = "valid", decimals: int = 0, method: str = "half_up", substantive: bool = False
) -> pd.DataFrame:
    """Count and percentage per category of a Categorical (recoded or collapsed) answer series.

    base='valid': over non-missing answers (the report's convention); base='all': over all respondents.
    substantive=True drops don't-know style categories from the base. method='half_up' rounds each share
    half up (exact decimals); method='largest_remainder' makes the shares sum to 100.
    """
    if base not in ("valid", "all") or method not in ("half_up", "largest_remainder"):
        raise ValueError(f"base must be valid/all and method half_up/largest_remainder, got {base}, {method}")
    counts = answers.value_counts(sort=False, dropna=True)
    if substantive:
        counts = counts[[c for c in counts.index if c not in NON_SUBSTANTIVE]]
    n = int(counts.sum()) if base == "valid" else len(answers)
    if method == "largest_remainder":
        if base == "all" and answers.isna().any():
            values = largest_remainder([*counts.tolist(), int(answers.isna().sum())], decimals=decimals)[:-1]
        else:
            values = largest_remainder(counts.tolist(), decimals=decimals)
    else:
        values = [round_half_up(Decimal(int(c)) * 100 / Decimal(n), decimals) if n else Decimal(0) for c in counts]
    return pd.DataFrame(
        {
            "category": [str(c) for c in counts.index],
            "count": counts.to_numpy(dtype="int64"),
            "n": n,
            "percent": [float(v) for v in values],
        }
    )
