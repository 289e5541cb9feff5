"""The audit at a glance: how many of the report's numeric claims each verdict holds, section by section (a
seaborn heatmap with the count in every cell). Its data is the claims audit table the data preparation writes;
the claims themselves, with quotes and reasons, are in that table and on the claims-audit page."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.colors import LinearSegmentedColormap

from ...audit.ledger import VERDICTS
from .. import style
from ..style import wrap

VERDICT_WORDS = {  # a verdict as a reader reads it
    "disagrees_with_source": "disagrees with a published source",
    "inconsistent": "inconsistent within the report",
    "within_rounding": "equal within rounding",
    "reproduced": "reproduced exactly",
    "not_checkable": "not checkable",
}
TITLE = "The audit at a glance: the report's numeric claims by section and verdict"


def glance_data(audit: pd.DataFrame) -> pd.DataFrame:
    """Claims per (report section, verdict), sections in the report's order, every verdict listed (0 kept)."""
    rows = audit.assign(section=audit["section"].str.split(" / ").str[0])
    order = rows.groupby("section")["line"].min().sort_values().index
    counts = pd.crosstab(rows["section"], rows["verdict"]).reindex(index=order, columns=VERDICTS, fill_value=0)
    long = counts.stack().rename("claims").reset_index()
    return long.assign(verdict_words=long["verdict"].map(VERDICT_WORDS))


def audit_glance(audit: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Sections down, verdicts across, the count of claims in each cell; the shade is the count."""
    data = glance_data(audit)
    style.use_house_style()
    grid = data.pivot(index="section", columns="verdict", values="claims")
    grid = grid.loc[list(dict.fromkeys(data["section"])), VERDICTS]
    width, left = style.TEXT_WIDTH_IN, 2.25
    row_h, top, bottom = 0.3, 1.15, 0.55
    height = top + row_h * len(grid) + bottom
    fig = plt.figure(figsize=(width, height), layout="none")
    ax = fig.add_axes((left / width, bottom / height, (width - left - 0.1) / width, row_h * len(grid) / height))
    ramp = LinearSegmentedColormap.from_list("counts", ["white", *style.SEQUENTIAL[::-1][1:]])
    sns.heatmap(
        grid,
        ax=ax,
        annot=True,
        fmt="d",
        cmap=ramp,
        cbar=False,
        linewidths=0.8,
        linecolor=style.GREY,
        annot_kws={"fontsize": style.TEXT_PT},
    )
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.xaxis.tick_top()
    ax.set_xticklabels([wrap(VERDICT_WORDS[v], 12) for v in VERDICTS], fontsize=style.SMALL_PT, rotation=0)
    ax.set_yticklabels([wrap(s, 34) for s in grid.index], fontsize=style.SMALL_PT, rotation=0)
    ax.tick_params(length=0)
    fig.text(
        0.1 / width, 1 - 0.08 / height, wrap(TITLE, 68), ha="left", va="top", fontsize=style.TITLE_PT, fontweight="bold"
    )
    note = "Shade: the number of claims. Every claim, its quote and the reason for its verdict: the claims audit."
    fig.text(
        0.1 / width, 0.3 / height, wrap(note, 100), ha="left", va="top", fontsize=style.SMALL_PT, color=style.MUTED
    )
    return fig, data


def audit_glance_meta(data: pd.DataFrame) -> dict:
    """Title, caption, source, tiers and alt text from the counts."""
    total = int(data["claims"].sum())
    by = data.groupby("verdict")["claims"].sum()
    checked = int(by["reproduced"] + by["within_rounding"])
    busiest = data.groupby("section", sort=False)["claims"].sum().idxmax()
    return dict(
        title=TITLE.split(": ", 1)[1],
        caption=(
            f"The {total} numeric claims of the report's text, counted by the report's section and by the verdict "
            f"the audit computes for each: {checked} reproduced exactly or within rounding, "
            f"{int(by['disagrees_with_source'])} disagree with a published source, {int(by['inconsistent'])} are "
            f"inconsistent within the report and {int(by['not_checkable'])} could not be checked because no "
            "published source for them was found. Each claim, with its exact quote, is listed on the claims-audit "
            "page and in the claims audit table."
        ),
        source="The report's text (Leapwise for IASC, July 2025), every numeric claim quoted; verdicts computed here",
        tiers=["report"],
        alt=(
            f"Heatmap of the report's {total} numeric claims by section and verdict: {checked} check out, "
            f"{int(by['disagrees_with_source'])} disagree with a source, {int(by['inconsistent'])} are inconsistent "
            f"and {int(by['not_checkable'])} cannot be checked. Most claims are in '{busiest}'."
        ),
    )
