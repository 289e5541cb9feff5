"""How each survey item is read for the reconstruction: its answer scale, whether it is multi-select, which
printed statistics are left out and why, and each printed category as the set of answer labels it covers."""

from __future__ import annotations

from . import likert

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
