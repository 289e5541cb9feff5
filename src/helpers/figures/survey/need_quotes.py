# ruff: noqa: E501
"""What the report's text says about the need-for-improvement Figures 27-56: the survey's introduction to them,
per theme the group the text says expressed the greatest need with its sentences (quoted exactly with their
line in the report's text), and each figure's caption as printed (declarative)."""

from __future__ import annotations

NEED_INTRO = (
    1366,
    "System Leaders, MS Leads and frontline officers were surveyed to assess the necessity for improvements "
    "across various critical domains.",
)
# theme -> (the group the text says expressed the greatest need, or None, and the text's sentences on the theme)
NEED_FINDINGS: dict[str, tuple[str | None, list[tuple[int, str]]]] = {
    "policy": (
        "frontline",
        [
            (
                1370,
                "Frontline officers expressed the greatest need for improvements to policy, citing a lack of "
                "guidance for tackling MSHT that could be addressed through better policy.",
            )
        ],
    ),
    "training & education": (
        "frontline",
        [
            (
                1389,
                "When asked about the need for improvements for training and education, frontline officers "
                "expressed the greatest need, with 63% reporting significant improvements are required.",
            )
        ],
    ),
    "community engagement": (
        "ms_leads",
        [
            (
                1408,
                "When asked about the need for improvement in community engagement, MS Leads expressed the greatest need.",
            )
        ],
    ),
    "multi-agency collaboration": (
        "frontline",
        [(1427, "Frontline officers expressed the greatest need for improvements for multi-agency collaboration.")],
    ),
    "prevention": (
        "ms_leads",
        [
            (1446, "MS Leads expressed the greatest need for improvements for prevention efforts."),
            (1446, "System Leaders identified prevention in its entirety as falling outside the remit of policing."),
        ],
    ),
    "resource allocation": (
        "frontline",
        [
            (
                1465,
                "When asked about resource allocation, frontline officers expressed the greatest need for improvement.",
            ),
            (1465, "System Leaders and MS Leads also highlighted a substantial need for improvement in this area."),
        ],
    ),
    "data & infrastructure": (
        "ms_leads",
        [(1484, "When asked, MS Leads expressed the greatest need for improvement for data & infrastructure.")],
    ),
    "victim support": (
        "ms_leads",
        [(1503, "When asked, MS Leads expressed the greatest need for improvement in victim support.")],
    ),
    "investigation and prosecution": (
        "system_leaders",
        [
            (
                1522,
                "When asked, System Leaders expressed the greatest need for improvements to investigation and prosecution.",
            )
        ],
    ),
    "legislation": (
        None,
        [
            (
                1541,
                "The MSA is considered sufficient for prosecuting modern slavery cases; however, its application has "
                "been problematic and requires improvement.",
            )
        ],
    ),
}

NEED_CAPTIONS: dict[int, str] = {
    27: "Figure 27: Systems leaders' perceptions of the need for improvement for policy (n=22)",
    28: "Figure 28: MS Leads' perceptions of the need for improvement for policy (n=37)",
    29: "Figure 29: Frontline officers' perceptions of the need for improvement for policy (n=41)",
    30: "Figure 30: System leaders' perceptions of the need for improvement for training & education (n=22)",
    31: "Figure 31: MS Leads' perceptions of the need for improvement for training & education (n=37)",
    32: "Figure 32: Frontline officers' perceptions of the need for improvement for training & education (n=41)",
    33: "Figure 33: System leaders' perceptions of the need for improvement for community engagement (n=22)",
    34: "Figure 34: MS Leads' perceptions of the need for improvement for community engagement (n=37)",
    35: "figure 35: Frontline officers' perceptions of the need for improvement for community engagement (n=41)",
    36: "figure 362: System leaders' perceptions of the need for improvement for multi-agency collaboration (n=22)",
    37: "Figure 37: MS Leads' perceptions of the need for improvement for multi-agency collaboration (n=37)",
    38: "Figure 38: Frontline officers' perceptions of the need for improvement for multi-agency collaboration (n=41)",
    39: "Figure 39: System leaders' perceptions of the need for improvement for prevention (n=22)",
    40: "Figure 40: MS Leads' perceptions of the need for improvement for prevention (n=37)",
    41: "Figure 41: Frontline officers' perceptions of the need for improvement for prevention (n=41)",
    42: "Figure 42: System leaders' perceptions of the need for improvement for resource allocation (n=22)",
    43: "Figure 43: MS Leads' perceptions of the need for improvement for resource allocation (n=37)",
    44: "Figure 44: Frontline officers' perception of the need for improvement for resource allocation (n=41)",
    45: "Figure 45: System leaders' perceptions on the need for improvements for data & infrastructure (n=22)",
    46: "Figure 46: MS Leads' perceptions on the need for improvements for data & infrastructure (n=37)",
    47: "Figure 47: Frontline officers' perceptions on the need for improvement for data & infrastructure (n=41)",
    48: "Figure 48: System leaders' perceptions of the need for improvement for victim support (n=22)",
    49: "Figure 49: MS Leads' perceptions of the need for improvement for victim support (n=37)",
    50: "Figure 50: Frontline officers' perceptions of the need for improvement for victim support (n=41)",
    51: "Figure 51: System leaders' perceptions of the need for improvement for investigation and prosecution (n=22)",
    52: "Figure 52: MS Leads' perceptions of the need for improvement for investigation and prosecution (n=41)",
    53: "Figure 53: Frontline officers' perceptions of the need for improvement for investigation and prosecution (n=37)",
    54: "Figure 54: System leaders' perceptions on the need for improvement for legislation (n=22)",
    55: "Figure 55: MS Leads' perceptions on the need for improvement for legislation (n=37)",
    56: "Figure 56: Frontline officers' perceptions on the need for improvement for legislation (n=41)",
}
