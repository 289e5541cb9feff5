"""Survey figures: a diverging stacked Likert bar chart, 100% stacked bars and simple horizontal bars.

Shares are recomputed from the reconstructed respondent rows (data/processed/survey) with likert.shares.
Every segment carries its tier from reconstruct's `cells`: `reconstructed` when its count follows from a
printed percentage, `illustrative` when it was filled by the documented illustrative pattern; illustrative
segments are hatched with style.ILLUSTRATIVE_HATCH and labelled 'illustrative' in the legend.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..survey import export, likert, reconstruct
from .survey_plot import illustrative_title, plot
from .survey_specs import COLLAPSED_LABELS, FIGURES, POP_SOURCE, ROLES


def figure_data(figure_id: str, rows: dict[str, pd.DataFrame], cells: pd.DataFrame) -> pd.DataFrame:
    """Tidy shares of every bar of the figure, recomputed from the rows, each with its tier."""
    spec = FIGURES[figure_id]
    out = []
    answer_cells = cells[cells["level"] == "answer"]
    dropin = bool((cells["status"] == "report").all())  # a real export: every cell is the survey's own data
    for text, population, item_id in spec["rows"]:
        item_cells = answer_cells[(answer_cells["population"] == population) & (answer_cells["item_id"] == item_id)]
        scale = item_cells["scale"].iloc[0]
        frame = rows[population]
        answers = reconstruct.recoded(frame, population, item_id, scale)
        groups = [("all", text)]
        if spec.get("by_role"):
            groups = [(code, name) for code, name in ROLES] + [("all", "All MS Leads")]
        for subgroup, bar in groups:
            subset = answers if subgroup == "all" else answers[frame["role"] == reconstruct.ROLE_LABELS[subgroup]]
            status = dict(
                zip(
                    item_cells.loc[item_cells["subgroup"] == subgroup, "category"],
                    item_cells.loc[item_cells["subgroup"] == subgroup, "status"],
                )
            )
            scale_key = scale
            if spec.get("collapse") == scale:
                groups_ = likert.COLLAPSES[scale]
                names = COLLAPSED_LABELS[scale]
                subset = likert.collapse(subset, groups_).cat.rename_categories(names)
                printed = cells[
                    (cells["level"] == "printed")
                    & (cells["population"] == population)
                    & (cells["item_id"] == item_id)
                    & (cells["subgroup"] == subgroup)
                ]
                printed_sets = [set(reconstruct.PRINTED[c]) for c in printed["category"]]
                status = {
                    names[g]: "report"
                    if all(status.get(x) == "report" for x in m)
                    else "reconstructed"
                    if (set(m) in printed_sets or all(status.get(x) == "reconstructed" for x in m))
                    else "illustrative"
                    for g, m in groups_.items()
                }
                scale_key = f"{scale}:collapsed"
            table = likert.shares(subset)
            for r in table.itertuples():
                out.append(
                    {
                        "figure_id": figure_id,
                        "bar": bar,
                        "population": population,
                        "item_id": item_id,
                        "scale": scale_key,
                        "subgroup": subgroup,
                        "category": r.category,
                        "count": r.count,
                        "n": r.n,
                        "percent": r.percent,
                        "tier": "report" if dropin else status.get(r.category, "illustrative"),
                    }
                )
    return pd.DataFrame(out)


def _dropin_folder(survey_source) -> Path | None:
    """None for the reconstruction; the folder of a real export otherwise (see survey.export for where)."""
    return export.resolve_folder(survey_source)


def load(survey_source: str = "reconstruction") -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Respondent rows per population and the cells (item scales and tiers).

    'reconstruction': the rows of data/processed/survey with their reconstructed/illustrative tiers. A folder
    (absolute, or relative to the repository root): a real export with the same files and columns; every
    answer is recoded with likert.recode (label variants accepted, unknown labels stop with file, line and
    column) and every cell is tier 'report', the survey's own data.
    """
    folder = _dropin_folder(survey_source)
    cells = reconstruct.load_cells()
    if folder is None:
        return ({pop: reconstruct.load_rows(pop) for pop in reconstruct.POPULATIONS}, cells)
    scales = cells[cells["level"] == "answer"].drop_duplicates(["population", "item_id"])
    items = {p: list(scales.loc[scales["population"] == p, "item_id"]) for p in reconstruct.POPULATIONS}
    rows = export.read_export(folder, items)
    for pop, frame in rows.items():
        path = folder / f"{pop}.csv"
        for item in scales[scales["population"] == pop].itertuples():
            coded = likert.recode(frame[item.item_id], item.scale, file=str(path), column=item.item_id)
            frame[item.item_id] = coded.astype("object").where(coded.notna(), "").astype("string")
    cells = cells.copy()
    cells["status"] = "report"
    return rows, cells


def draw(figure_id: str, survey_source: str = "reconstruction") -> tuple[plt.Figure, pd.DataFrame]:
    rows, cells = load(survey_source)
    data = figure_data(figure_id, rows, cells)
    return plot(data, FIGURES[figure_id]["kind"], FIGURES[figure_id]["title"]), data


def metadata(figure_id: str, data: pd.DataFrame, notebook: str) -> dict:
    """label, title, data, caption, source, tiers and alt text for save.save_figure."""
    spec = FIGURES[figure_id]
    tiers = sorted(set(data["tier"]))
    if tiers == ["report"]:
        return _metadata_dropin(figure_id, data, notebook)
    illustrative = "illustrative" in tiers
    reconstructed = "reconstructed" in tiers
    save_tiers = (["report", "reconstructed"] if reconstructed else []) + (["illustrative"] if illustrative else [])
    pops = list(dict.fromkeys(data["population"]))
    source = "; ".join(
        f"{POP_SOURCE[p]} as printed in the report (Leapwise for IASC, July 2025), section "
        f"'{spec['section']}', {spec['label']}"
        for p in pops
    )
    if not reconstructed:
        caption = (
            f"ILLUSTRATIVE ONLY. The report prints no numbers for {spec['label']}; every bar is filled by "
            "the documented illustrative pattern (reconstruct.WEIGHTS), not a finding. It shows the layout "
            "of the report's chart, not its values."
        )
    else:
        caption = (
            f"{spec['label']} redrawn from respondent rows reconstructed so that they give back the "
            "percentages the report prints (tiers report/reconstructed). "
        )
        caption += (
            "Hatched segments are illustrative: the report prints only combined shares there (for example "
            "'agree' without the split into agree / strongly agree) or nothing, and they are filled by a "
            "documented fixed pattern."
            if illustrative
            else "Every segment follows from a printed value."
        )
    ns = "; ".join(f"{b}: n={int(n)}" for b, n in data.groupby("bar", sort=False)["n"].first().items())
    caption += f" Base: valid answers ({ns})."
    parts = []
    for bar, d in data.groupby("bar", sort=False):
        shares = ", ".join(f"{r.category} {r.percent:.0f}%" for r in d.itertuples() if r.count)
        parts.append(f"{bar}: {shares}")
    kind = {
        "diverging": "Diverging stacked bar chart",
        "stacked": "100% stacked bar chart",
        "bar": "Horizontal bar chart",
    }[spec["kind"]]
    alt = (
        f"{kind} of {spec['title']}. "
        + ". ".join(parts)
        + "."
        + (" Hatched segments are illustrative, not printed in the report." if illustrative else "")
    )
    if not reconstructed:
        alt = "ILLUSTRATIVE, no data published: the chart is stamped as such. " + alt
    title = spec["title"] if reconstructed else illustrative_title(spec["title"])
    return dict(
        label=spec["label"],
        title=title,
        data=data,
        caption=caption,
        source=source,
        tiers=save_tiers,
        alt=alt,
        notebook=notebook,
    )


def _metadata_dropin(figure_id: str, data: pd.DataFrame, notebook: str) -> dict:
    """Metadata of a figure drawn from a real survey export (survey_source = a folder): tier 'report'."""
    spec = FIGURES[figure_id]
    ns = "; ".join(f"{b}: n={int(n)}" for b, n in data.groupby("bar", sort=False)["n"].first().items())
    caption = (
        f"{spec['label']} drawn from the survey's own respondent-level export (survey_source folder), "
        f"answers recoded with likert.recode; shares over valid answers, rounded half up. Base: {ns}."
    )
    parts = [
        f"{bar}: " + ", ".join(f"{r.category} {r.percent:.0f}%" for r in d.itertuples() if r.count)
        for bar, d in data.groupby("bar", sort=False)
    ]
    kind = {
        "diverging": "Diverging stacked bar chart",
        "stacked": "100% stacked bar chart",
        "bar": "Horizontal bar chart",
    }[spec["kind"]]
    source = f"Leapwise survey export, section '{spec['section']}', {spec['label']}"
    return dict(
        label=spec["label"],
        title=spec["title"],
        data=data,
        caption=caption,
        source=source,
        tiers=["report"],
        alt=f"{kind} of {spec['title']}. " + ". ".join(parts) + ".",
        notebook=notebook,
    )
