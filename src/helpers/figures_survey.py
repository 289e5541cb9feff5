"""Survey figures: a diverging stacked Likert bar chart, 100% stacked bars and simple horizontal bars.

Shares are recomputed from the reconstructed respondent rows (data/processed/survey) with likert.shares.
Every segment carries its tier from reconstruct's `cells`: `reconstructed` when its count follows from a
printed percentage, `illustrative` when it was filled by the documented illustrative pattern; illustrative
segments are hatched with charts.ILLUSTRATIVE_HATCH and labelled 'illustrative' in the legend.
"""

from __future__ import annotations

import warnings

import matplotlib.colors as mcolors
import matplotlib.patheffects as patheffects
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from pathlib import Path

from . import charts, likert, paths, reconstruct

POP_NAME = {"ms_leads": "MS Leads", "frontline": "Frontline officers", "system_leaders": "System Leaders"}
POP_SOURCE = {
    "ms_leads": "Leapwise MS Leads survey (n=37)",
    "frontline": "Leapwise focus groups with frontline officers",
    "system_leaders": "Leapwise System Leader interviews (22 giving scores)",
}
ROLES = [("strategic", "Strategic Leads"), ("tactical", "Tactical Leads"), ("other", "MS Champions / other")]

NEED_AREAS = [
    ("policy", "policy"),
    ("training_education", "training & education"),
    ("community_engagement", "community engagement"),
    ("multi_agency_collaboration", "multi-agency collaboration"),
    ("prevention", "prevention"),
    ("resource_allocation", "resource allocation"),
    ("data_infrastructure", "data & infrastructure"),
    ("victim_support", "victim support"),
    ("investigation_prosecution", "investigation and prosecution"),
    ("legislation", "legislation"),
]

FIGURES: dict[str, dict] = {
    "fig02": dict(
        collapse="agreement5",
        label="Figure 2",
        title="MS Leads' perceptions of the prioritisation of MSHT (n=37)",
        kind="diverging",
        section="Prioritisation / Current picture",
        rows=[
            ("MSHT is adequately prioritised by my organisation", "ms_leads", "ms_prioritised_by_org"),
            ("MSHT is adequately prioritised by the government", "ms_leads", "ms_prioritised_nationally"),
        ],
    ),
    "fig03": dict(
        collapse="agreement5",
        label="Figure 3",
        title="Frontline officers' perceptions of their organisation's prioritisation of MSHT (n=44)",
        kind="diverging",
        section="Prioritisation / Current picture",
        rows=[("My organisation emphasises the importance of tackling MSHT", "frontline", "fl_org_emphasises_msht")],
    ),
    "fig11": dict(
        collapse="agreement5",
        label="Figure 11",
        title="Perceptions of the prevalence of MSHT (MS Leads n=37, Frontline n=43)",
        kind="diverging",
        section="Identifying the challenge / Prevalence",
        rows=[
            ("MS Leads: MSHT is prevalent", "ms_leads", "ms_prevalent"),
            ("Frontline: MSHT is prevalent", "frontline", "fl_prevalent"),
            ("Frontline: more prevalent in the last five years", "frontline", "fl_more_prevalent_5yrs"),
        ],
    ),
    "fig12": dict(
        collapse="agreement5",
        label="Figure 12",
        title="MS Leads' perceptions of the increase in prevalence of MSHT since joining policing (n=37)",
        kind="diverging",
        section="Identifying the challenge / Prevalence",
        rows=[
            ("Sexual exploitation", "ms_leads", "ms_increase_sexual_exploitation"),
            ("Criminal exploitation", "ms_leads", "ms_increase_criminal_exploitation"),
            ("Labour exploitation", "ms_leads", "ms_increase_labour_exploitation"),
            ("Domestic servitude", "ms_leads", "ms_increase_domestic_servitude"),
        ],
    ),
    "fig13": dict(
        collapse="agreement5",
        label="Figure 13",
        title="MS Leads' and frontline officers' perceptions of MSHT understanding in "
        "the police (MS Leads n=37, Frontline n=44)",
        kind="diverging",
        section="Identifying the challenge / Understanding",
        rows=[
            ("MS Leads: better understood than five years ago", "ms_leads", "ms_better_understood_5yrs"),
            ("MS Leads: widely understood within policing today", "ms_leads", "ms_widely_understood_policing"),
            ("Frontline: widely understood by my peers", "frontline", "fl_widely_understood_peers"),
        ],
    ),
    "fig14": dict(
        label="Figure 14",
        title="Frontline officers' perceptions of their level of training (n=41)",
        kind="bar",
        section="Identifying the challenge / Training",
        rows=[("Level of training", "frontline", "fl_training_level")],
    ),
    "fig15": dict(
        label="Figure 15",
        title="MS Leads' perceptions of their organisation's readiness to tackle "
        "modern slavery compared to five years ago",
        kind="diverging",
        section="Investigating and disrupting / Readiness",
        rows=[("Readiness compared to five years ago", "ms_leads", "ms_org_readiness_vs_5yrs")],
    ),
    "fig17": dict(
        label="Figure 17",
        title="MS Leads by rank (n=37)",
        kind="stacked",
        by_role=True,
        section="Investigating and disrupting / MS Leads",
        rows=[("Rank", "ms_leads", "ms_rank")],
    ),
    "fig18": dict(
        label="Figure 18",
        title="MS Leads' length of time in current MS role (n=37)",
        kind="stacked",
        by_role=True,
        section="Investigating and disrupting / MS Leads",
        rows=[("Time in role", "ms_leads", "ms_tenure_current_role")],
    ),
    "fig19": dict(
        label="Figure 19",
        title="MS Leads' length of time involved in the response to modern slavery (n=37)",
        kind="stacked",
        by_role=True,
        section="Investigating and disrupting / MS Leads",
        rows=[("Involvement", "ms_leads", "ms_msht_involvement")],
    ),
    "fig20": dict(
        collapse="frequency5",
        label="Figure 20",
        title="MS Leads' perceptions of the use of financial investigators for MSHT cases (n=37)",
        kind="stacked",
        section="Investigating and disrupting / Financial investigation",
        rows=[("Use of financial investigators", "ms_leads", "ms_fin_investigators_use")],
    ),
    "fig21": dict(
        collapse="frequency5",
        label="Figure 21",
        title="MS Leads' perceptions of victim navigator use (n=37)",
        kind="stacked",
        section="Investigating and disrupting / Victim support",
        rows=[("Use of victim navigators", "ms_leads", "ms_victim_navigators_use")],
    ),
    "fig22": dict(
        collapse="frequency5",
        label="Figure 22",
        title="MS Leads' perceptions of use of external support mechanisms (n=37)",
        kind="stacked",
        section="Investigating and disrupting / External support",
        rows=[
            ("TOEX", "ms_leads", "ms_support_toex_use"),
            ("ROCU coordinators", "ms_leads", "ms_support_rocu_use"),
            ("NCA", "ms_leads", "ms_support_nca_use"),
        ],
    ),
    "fig25": dict(
        label="Figure 25",
        title="MS Leads' perceptions of how often other legislation is used instead "
        "of the MSA, by exploitation type (n=37)",
        kind="stacked",
        section="Bringing perpetrators to justice / Use of the MSA",
        rows=[
            ("Sexual exploitation", "ms_leads", "ms_other_legislation_sexual_exploitation"),
            ("Criminal exploitation", "ms_leads", "ms_other_legislation_criminal_exploitation"),
            ("Labour exploitation", "ms_leads", "ms_other_legislation_labour_exploitation"),
            ("Domestic servitude", "ms_leads", "ms_other_legislation_domestic_servitude"),
        ],
    ),
    "fig26": dict(
        collapse="frequency5",
        label="Figure 26",
        title="MS Leads' perceptions of the pursuit of evidence-led prosecutions for MSHT cases (n=37)",
        kind="stacked",
        section="Bringing perpetrators to justice / Prosecutions",
        rows=[("Evidence-led prosecutions", "ms_leads", "ms_evidence_led_prosecutions")],
    ),
    "fig58": dict(
        label="Figure 58",
        title="Survey respondents per region (MS Leads)",
        kind="bar",
        section="Methodology",
        rows=[("Region", "ms_leads", "ms_region")],
    ),
}
_fig = 27
for _key, _name in NEED_AREAS:
    for _pop in ("system_leaders", "ms_leads", "frontline"):
        FIGURES[f"fig{_fig}"] = dict(
            label=f"Figure {_fig}",
            title=f"{POP_NAME[_pop]}' perceptions of the need for improvement for {_name}",
            kind="diverging",
            section="Appendix: need for improvements",
            rows=[(_name.capitalize(), _pop, f"need_improvement_{_key}")],
        )
        _fig += 1


COLLAPSED_LABELS = {
    "agreement5": {
        "disagree": "Disagree (incl. strongly)",
        "neutral": "Neither agree nor disagree",
        "agree": "Agree (incl. strongly)",
        "dont_know": "Don't know",
    },
    "frequency5": {
        "rarely_or_never": "Rarely or never",
        "sometimes": "Sometimes",
        "always_or_often": "Always or often",
        "unsure": "Unsure",
    },
}
NON_SUB = set(likert.NON_SUBSTANTIVE) | {"Don't know", "Unsure"}


def order_of(scale_key: str) -> list[str]:
    """Category labels in plotting order for a scale or a collapsed scale ('agreement5:collapsed')."""
    scale, _, collapsed = scale_key.partition(":")
    if collapsed:
        labels = COLLAPSED_LABELS[scale]
        order = (
            ["disagree", "neutral", "agree", "dont_know"]
            if scale == "agreement5"
            else ["rarely_or_never", "sometimes", "always_or_often", "unsure"]
        )
        return [labels[k] for k in order]
    return likert.SCALES[scale]


def _lighten(colour: str, amount: float) -> tuple:
    r, g, b = mcolors.to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def palette(scale: str) -> dict[str, object]:
    labels = order_of(scale)
    substantive = [lab for lab in labels if lab not in NON_SUB]
    colours: dict[str, object] = {}
    if scale.endswith(":collapsed"):
        colours.update(zip(substantive, [charts.CATEGORICAL[3], charts.GREY, charts.CATEGORICAL[0]]))
        colours.setdefault(labels[-1], "#E6E6E6")
        return colours
    if scale in ("agreement5", "need_improvement", "readiness", "frequency5") and len(substantive) == 5:
        neg, pos = charts.CATEGORICAL[3], charts.CATEGORICAL[0]
        colours.update(zip(substantive, [neg, _lighten(neg, 0.5), charts.GREY, _lighten(pos, 0.5), pos]))
    elif scale == "need_improvement" or len(substantive) <= 5:
        colours.update(
            zip(substantive, charts.SEQUENTIAL[::-1][: len(substantive)] if len(substantive) > 2 else charts.DUO)
        )
    else:
        colours.update({lab: charts.CATEGORICAL[i % len(charts.CATEGORICAL)] for i, lab in enumerate(substantive)})
    if scale == "need_improvement":
        colours.update(
            zip(
                substantive,
                [
                    charts.CATEGORICAL[0],
                    _lighten(charts.CATEGORICAL[0], 0.5),
                    _lighten(charts.CATEGORICAL[3], 0.5),
                    charts.CATEGORICAL[3],
                ],
            )
        )
    for lab in labels:
        colours.setdefault(lab, "#E6E6E6")
    return colours


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


def _legend(ax, scale: str, colours: dict, any_illustrative: bool, present: list[str]) -> None:
    handles = [Patch(facecolor=colours[lab], label=lab) for lab in order_of(scale) if lab in present]
    if any_illustrative:
        handles.append(
            Patch(
                facecolor="white",
                edgecolor="#595959",
                hatch=charts.ILLUSTRATIVE_HATCH,
                label="illustrative (not printed)",
            )
        )
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=8, frameon=False)


def _segment(ax, y, left, width, colour, tier, label_value):
    ax.barh(
        y,
        width,
        left=left,
        color=colour,
        edgecolor="white" if tier != "illustrative" else "#595959",
        hatch=charts.ILLUSTRATIVE_HATCH if tier == "illustrative" else None,
        linewidth=0.5,
        height=0.6,
    )
    if width >= 6:
        dark = mcolors.rgb_to_hsv(mcolors.to_rgb(colour))[2] < 0.6
        ax.text(
            left + width / 2,
            y,
            f"{label_value:.0f}%",
            ha="center",
            va="center",
            fontsize=8,
            color="white" if dark else "black",
        )


def plot(data: pd.DataFrame, kind: str, title: str) -> plt.Figure:
    """Diverging (Likert), 100% stacked or simple horizontal bars of tidy `figure_data`."""
    charts.use_house_style()
    scale = data["scale"].iloc[0]
    colours = palette(scale)
    bars = list(dict.fromkeys(data["bar"]))
    fig, ax = plt.subplots(
        figsize=(8, max(3.4, 2.2 + 0.7 * len(bars))) if kind != "bar" else (8, 1.5 + 0.4 * len(data))
    )
    present = list(dict.fromkeys(data["category"]))
    if kind == "bar":
        d = data.iloc[::-1]
        for y, r in enumerate(d.itertuples()):
            colour = charts.CATEGORICAL[0]
            ax.barh(
                y,
                r.percent,
                color=colour,
                height=0.6,
                hatch=charts.ILLUSTRATIVE_HATCH if r.tier == "illustrative" else None,
                edgecolor="#595959" if r.tier == "illustrative" else colour,
            )
            ax.text(r.percent + 1, y, f"{r.percent:.0f}% ({r.count})", va="center", fontsize=8)
        ax.set_yticks(range(len(d)), d["category"])
        ax.set_xlabel("% of respondents answering")
        handles = (
            []
            if all_illustrative(data)
            else [
                Patch(
                    facecolor=charts.CATEGORICAL[0],
                    label="survey data" if (data["tier"] == "report").all() else "reconstructed from printed %",
                )
            ]
        )
        if (data["tier"] == "illustrative").any():
            handles.append(
                Patch(
                    facecolor=charts.CATEGORICAL[0],
                    edgecolor="#595959",
                    hatch=charts.ILLUSTRATIVE_HATCH,
                    label="illustrative (not printed)",
                )
            )
        ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    else:
        labels = order_of(scale)
        substantive = [lab for lab in labels if lab not in NON_SUB]
        for y, bar in enumerate(reversed(bars)):
            d = data[data["bar"] == bar].set_index("category")
            if kind == "diverging":
                mid = len(substantive) // 2
                neutral = substantive[mid] if len(substantive) % 2 else None
                negatives = substantive[:mid]
                left = -(
                    sum(d.at[lab, "percent"] for lab in negatives if lab in d.index)
                    + (d.at[neutral, "percent"] / 2 if neutral in d.index else 0)
                )
            else:
                left = 0.0
            for lab in labels:
                if lab not in d.index or d.at[lab, "count"] == 0:
                    continue
                if kind == "diverging" and lab in NON_SUB:
                    continue
                w = float(d.at[lab, "percent"])
                _segment(ax, y, left, w, colours[lab], d.at[lab, "tier"], w)
                left += w
            if kind == "diverging":
                dk = [lab for lab in labels if lab in NON_SUB and lab in d.index]
                for lab in dk:
                    if d.at[lab, "count"]:
                        _segment(
                            ax,
                            y,
                            105,
                            float(d.at[lab, "percent"]),
                            colours[lab],
                            d.at[lab, "tier"],
                            float(d.at[lab, "percent"]),
                        )
        ax.set_yticks(range(len(bars)), [b if len(b) < 45 else b[:42] + "..." for b in reversed(bars)])
        if kind == "diverging":
            ax.axvline(0, color="#3D3D3D", linewidth=0.8)
            ax.set_xlim(-100, 130)
            ax.set_xlabel("% of respondents (negative left of 0; don't know / unsure at right)", fontsize=9)
        else:
            ax.set_xlim(0, 100)
            ax.set_xlabel("% of respondents answering", fontsize=9)
        _legend(ax, scale, colours, (data["tier"] == "illustrative").any(), present)
    if all_illustrative(data):
        title = illustrative_title(title)
    ax.set_title(title, loc="left", fontsize=11, wrap=True)
    _tight(fig)
    if all_illustrative(data):
        stamp(ax)
    return fig


STAMP = "ILLUSTRATIVE: no data published"


def all_illustrative(data: pd.DataFrame) -> bool:
    return bool(len(data)) and bool((data["tier"] == "illustrative").all())


def illustrative_title(title: str) -> str:
    return title if title.startswith("Illustrative:") else f"Illustrative: {title}"


def stamp(ax) -> None:
    """A large light diagonal 'ILLUSTRATIVE: no data published' across the axes, above the bars."""
    box = ax.get_position()
    width_pt = box.width * ax.figure.get_figwidth() * 72
    size = max(12.0, min(28.0, 0.95 * width_pt / (0.66 * len(STAMP))))  # fits the axes width
    ax.text(
        0.5,
        0.5,
        STAMP,
        transform=ax.transAxes,
        rotation=12,
        ha="center",
        va="center",
        fontsize=size,
        fontweight="bold",
        color="#404040",
        alpha=0.55,
        zorder=10,
        clip_on=False,
        path_effects=[patheffects.withStroke(linewidth=3, foreground="white")],
    )


def _dropin_folder(survey_source) -> Path | None:
    """None for the reconstruction; the folder of a real export otherwise (relative to the repo root)."""
    if str(survey_source) == "reconstruction":
        return None
    folder = Path(str(survey_source)).expanduser()
    folder = folder if folder.is_absolute() else paths.ROOT / folder
    if not str(survey_source).strip() or not folder.is_dir():
        raise ValueError(
            f"parameter survey_source must be 'reconstruction' or an existing folder holding a "
            f"survey export ({', '.join(f'{p}.csv' for p in reconstruct.POPULATIONS)}); got "
            f"{survey_source!r} (looked for {folder})"
        )
    return folder


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
    rows = {}
    for pop in reconstruct.POPULATIONS:
        path = folder / f"{pop}.csv"
        if not path.is_file():
            raise ValueError(f"parameter survey_source: {folder} has no {pop}.csv")
        frame = pd.read_csv(path, dtype="string", keep_default_na=False).reset_index(drop=True)
        for item in scales[scales["population"] == pop].itertuples():
            if item.item_id not in frame.columns:
                raise ValueError(f"{path}: column {item.item_id!r} is missing (survey_source export)")
            coded = likert.recode(frame[item.item_id], item.scale, file=str(path), column=item.item_id)
            frame[item.item_id] = coded.astype("object").where(coded.notna(), "").astype("string")
        rows[pop] = frame
    cells = cells.copy()
    cells["status"] = "report"
    return rows, cells


def draw(figure_id: str, survey_source: str = "reconstruction") -> tuple[plt.Figure, pd.DataFrame]:
    rows, cells = load(survey_source)
    data = figure_data(figure_id, rows, cells)
    return plot(data, FIGURES[figure_id]["kind"], FIGURES[figure_id]["title"]), data


def metadata(figure_id: str, data: pd.DataFrame, notebook: str) -> dict:
    """label, title, data, caption, source, tiers and alt text for charts.save_figure."""
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


def _tight(fig) -> None:
    """tight_layout without the 'layout has changed to tight' warning (its text holds the install path)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The figure layout has changed to tight")
        fig.tight_layout()
