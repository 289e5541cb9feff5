"""The respondent rows the survey figures are drawn from: the reconstruction, or a real export in its place."""

from __future__ import annotations

import pandas as pd

from . import export, likert, reconstruct
from .populations import POPULATIONS


def load(survey_source: str = "reconstruction") -> tuple[dict[str, pd.DataFrame], bool]:
    """Respondent rows per population, and whether they are a real export.

    'reconstruction': the rows of data/processed/survey ('Not published' where the report printed nothing). A
    folder (data/raw/confidential/ or outside the repository): a real export with the same files and columns,
    checked by survey.export; every answer is recoded here, once, with likert.recode into a Categorical of its
    scale (label variants accepted, unknown labels, including 'Not published', stop with file, line and column).
    """
    folder = export.resolve_folder(survey_source)
    if folder is None:
        return {pop: reconstruct.load_rows(pop) for pop in POPULATIONS}, False
    return read_export(folder, reconstruct.load_cells()), True


def read_export(folder, cells: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A real export's rows, every item column of `cells` (the reconstruction's items and scales) present and
    every answer recoded; the chain's preflight calls it before any notebook runs."""
    scales = cells[cells["level"] == "answer"].drop_duplicates(["population", "item_id"])
    items = {p: list(scales.loc[scales["population"] == p, "item_id"]) for p in POPULATIONS}
    rows = export.read_export(folder, items)
    for pop, frame in rows.items():
        path = folder / f"{pop}.csv"
        for item in scales[scales["population"] == pop].itertuples():
            frame[item.item_id] = likert.recode(frame[item.item_id], item.scale, file=str(path), column=item.item_id)
    return rows
