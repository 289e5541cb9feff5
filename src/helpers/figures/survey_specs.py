"""What each survey figure shows: its label, title, population, items and answer scale (declarative)."""

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
