"""The three surveyed populations: respondent-id prefix, role sizes and the n used when an item prints none,
and the role labels the respondent rows carry."""

from __future__ import annotations

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
