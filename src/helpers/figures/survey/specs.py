"""What each survey figure shows: its label, population, items and chart kind (declarative). Titles are the
report's captions (``quotes.TEXT``); the need-for-improvement Figures 27-56 are one summary (NEED_GROUPS)."""

from __future__ import annotations

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
        kind="diverging",
        section="Prioritisation / Current picture",
        rows=[("My organisation emphasises the importance of tackling MSHT", "frontline", "fl_org_emphasises_msht")],
    ),
    "fig11": dict(
        collapse="agreement5",
        label="Figure 11",
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
        kind="bar",
        section="Identifying the challenge / Training",
        rows=[("Level of training", "frontline", "fl_training_level")],
    ),
    "fig15": dict(
        quote_on_chart=True,
        label="Figure 15",
        kind="stacked",
        section="Investigating and disrupting / Readiness",
        rows=[("Readiness compared to five years ago", "ms_leads", "ms_org_readiness_vs_5yrs")],
    ),
    "fig17": dict(
        quote_on_chart=True,
        label="Figure 17",
        kind="stacked",
        by_role=True,
        section="Investigating and disrupting / MS Leads",
        rows=[("Rank", "ms_leads", "ms_rank")],
    ),
    "fig18": dict(
        label="Figure 18",
        kind="stacked",
        by_role=True,
        section="Investigating and disrupting / MS Leads",
        rows=[("Time in role", "ms_leads", "ms_tenure_current_role")],
    ),
    "fig19": dict(
        quote_on_chart=True,
        label="Figure 19",
        kind="stacked",
        by_role=True,
        section="Investigating and disrupting / MS Leads",
        rows=[("Involvement", "ms_leads", "ms_msht_involvement")],
    ),
    "fig20": dict(
        collapse="frequency5",
        label="Figure 20",
        kind="stacked",
        section="Investigating and disrupting / Financial investigation",
        rows=[("Use of financial investigators", "ms_leads", "ms_fin_investigators_use")],
    ),
    "fig21": dict(
        collapse="frequency5",
        label="Figure 21",
        kind="stacked",
        section="Investigating and disrupting / Victim support",
        rows=[("Use of victim navigators", "ms_leads", "ms_victim_navigators_use")],
    ),
    "fig22": dict(
        collapse="frequency5",
        label="Figure 22",
        kind="stacked",
        section="Investigating and disrupting / External support",
        rows=[
            ("TOEX", "ms_leads", "ms_support_toex_use"),
            ("ROCU coordinators", "ms_leads", "ms_support_rocu_use"),
            ("NCA's unit", "ms_leads", "ms_support_nca_use"),
        ],
    ),
    "fig25": dict(
        label="Figure 25",
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
        kind="stacked",
        section="Bringing perpetrators to justice / Prosecutions",
        rows=[("Evidence-led prosecutions", "ms_leads", "ms_evidence_led_prosecutions")],
    ),
    "fig58": dict(
        quote_on_chart=True,
        label="Figure 58",
        kind="bar",
        section="Methodology",
        rows=[("Region", "ms_leads", "ms_region")],
    ),
}
NEED_GROUPS = [("system_leaders", "System Leaders"), ("ms_leads", "MS Leads"), ("frontline", "Frontline officers")]
NEED_FIRST = 27  # Figures 27-56: theme by theme, System Leaders, MS Leads, frontline officers


def need_figure_number(theme_index: int, group_index: int) -> int:
    return NEED_FIRST + 3 * theme_index + group_index


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
