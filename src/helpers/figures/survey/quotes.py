# ruff: noqa: E501
"""What the report's text says about each survey figure: the question, the answer scale it reveals, n as printed
and its sentences about the figure, quoted exactly with their line in the report's text (declarative).

Shown on figures for which the report printed no number, and in every survey figure's caption and CSV. The quotes
were checked as exact substrings of the report's text (Leapwise for IASC, July 2025). The need-for-improvement
Figures 27-56 have theirs in ``need_quotes``.
"""

from __future__ import annotations

TEXT: dict[int, dict] = {
    2: dict(
        caption="Figure 2: MS Leads' perceptions of the prioritisation of MSHT n=37",
        n="n=37",
        question="Bar 1: MSHT is adequately prioritised by their organisation (L241, L311). Bar 2: MSHT is adequately prioritised by the government (L141, L241, L311).",
        scale="agreed (L241, L311; for the government bar the text says 'felt' (L241, L311) or 'think' (L141)); only the agreeing share is printed, no other category is named",
        statements=[
            (241, "Currently, MSHT overall is not perceived as adequately prioritised."),
            (
                311,
                "Despite potential paradoxes in the perceptions of declining national prioritisation, MS Leads were clear that MSHT is not adequately prioritised at present.",
            ),
            (311, "an even smaller percentage (24%) felt it is adequately prioritised by the government (Figure 2)."),
        ],
    ),
    3: dict(
        caption="Figure 3: Frontline officers' perceptions of their organisation's prioritisation of MSHT n=44",
        n="n=44",
        question="Their organisation emphasises the importance of tackling MSHT (L311).",
        scale="agreeing (L311); no other category named",
        statements=[
            (
                311,
                "During focus groups, frontline officers also expressed that MSHT was not emphasised as a priority, with only 23% agreeing that their organisation emphasises the importance of tackling MSHT.",
            ),
        ],
    ),
    4: dict(
        caption="Figure 4: System leaders' perceived effectiveness of the policing response to MSHT over the last decade (rated 1 to 10, 10 being most effective) (n=22, not all interviewees presented a quantitative score)",
        n="n=22, not all interviewees presented a quantitative score",
        question="Perceived effectiveness of the policing response to MSHT over the last decade, rated 1 to 10 with 10 the most effective (caption L419). The text gives only the current rating (L245) and says it has improved since 2015 (L245, L408).",
        scale="1-10 score, 10 = most effective (L419); the time points of the chart are not printed (text: 'since 2015', 'over the last decade', 'current')",
        statements=[
            (
                245,
                "Despite perceived improvements since 2015, System Leaders rate the current effectiveness of the overall policing response at just five out of ten.",
            ),
            (
                408,
                "Systems leaders' perceptions of the effectiveness of the police response clearly shows that national prioritisation impacts policing efficacy.",
            ),
            (
                408,
                "While the overall effectiveness of the police response is perceived to have improved since 2015, the recent decline in prioritisation has reportedly hindered the necessary improvements in policing and potentially weakened the response.",
            ),
            (408, "the overall perceived effectiveness of the response remains low:"),
            (
                410,
                "nearly one-third disagreed, citing stagnation or decline due to reduced resourcing and workforce turnover.",
            ),
        ],
    ),
    11: dict(
        caption="Figure 11: Perceptions of the prevalence of MSHT (MS Leads n=37, Frontline n=43)",
        n="MS Leads n=37, Frontline n=43",
        question="MSHT is prevalent (MS Leads and frontline, L542); MSHT had become more prevalent in the last five years (frontline, L542).",
        scale="agree / 'in agreement' (L542); 'did believe' (L542); no other category named",
        statements=[
            (
                542,
                "MS Leads were more likely to agree that MSHT is prevalent, with 68% in agreement compared to only 33% of frontline officers.",
            ),
            (
                542,
                "This significant discrepancy between the perceptions of MSHT prevalence among these two roles suggests that frontline officers' may be less familiar with MSHT and therefore less equipped to identify MSHT.",
            ),
            (
                542,
                "However, 65% of frontline officers did believe that MSHT had become more prevalent in the last five years (Figure 11).",
            ),
        ],
    ),
    12: dict(
        caption="Figure 12: MS Leads' perceptions of the increase in prevalence of MSHT since joining policing n=37",
        n="n=37",
        question="Whether specific forms of exploitation had increased since they started in policing (L549): 'the number of victims subjected to sexual exploitation had increased since they had joined policing' (L549), and the same for each other form.",
        scale="agreed (L549, L551); 'unsure or neither agreed nor disagreed' (combined, L551). This implies agree / neither agree nor disagree / disagree plus unsure; the disagree share is not printed",
        statements=[
            (549, "Perceptions of the prevalence varied by the different MSHT sub-threats."),
            (549, "With 92% of the MS Leads having over ten years policing experience"),
            (551, "However, confidence dropped significantly when it came to domestic servitude."),
            (551, "This uncertainty on the prevalence of domestic servitude may"),
            (563, "influence the ability to identify this form of MSHT, which is already a very hidden crime."),
        ],
    ),
    13: dict(
        caption="Figure 13: MS Leads and frontline officers' perceptions of MSHT understanding in the police (MS Leads n=37, Frontline n =44)",
        n="MS Leads n=37, Frontline n =44",
        question="MS Leads: MSHT is better understood in the police now than five years ago (L572); MS Leads: MSHT is widely understood within policing today (L572; 'widely understood in policing' L133); frontline: modern slavery is widely understood by their peers (L572; 'widely understood in policing' L133; 'their peers have a sufficient understanding' L439).",
        scale="agreed / disagreeing (L572); the neutral or unsure remainder is not named",
        statements=[
            (572, "Police currently do not feel confident in their understanding of MSHT."),
            (
                439,
                "police remain uncertain about their own grasp of the issue. This is particularly evident among frontline officers",
            ),
            (133, "frontline understanding and identification of MSHT remains limited."),
            (
                593,
                "Despite the vast majority of frontline officers reporting that they lacked a comprehensive understanding of MSHT, they were still able to identify several signs of potential exploitation.",
            ),
            (
                572,
                "Most System Leaders⁵³ reported that understanding of MSHT in the police has improved since the MSA.",
            ),
        ],
    ),
    14: dict(
        caption="Figure 14: Frontline officers' perceptions of their level of training (n=41)",
        n="n=41",
        question="Level of MSHT training received (caption: 'perceptions of their level of training').",
        scale="no training; some training; victim liaison officer training; dedicated roles (L663-L666)",
        statements=[
            (
                441,
                "Current training standards are reportedly inadequate in both quantity and quality to meet this requirement.",
            ),
            (633, "some identified that frontline training is inconsistent and often minimal"),
            (
                647,
                "Frontline officers reported that current training within forces has been insufficient for their professional development needs.",
            ),
        ],
    ),
    15: dict(
        caption="Figure 15: MS Leads' perceptions on their organisation's readiness to tackle modern slavery compared to five years ago",
        n="not printed in the caption (footnote 64 on the text: MS Leads survey, n=37)",
        question="Their organisation's readiness to tackle modern slavery compared to five years ago (caption); 'better equipped to tackle MSHT compared to five years ago' (L796).",
        scale="not revealed; 'better equipped' (L796) implies a comparative scale, but no category is printed",
        statements=[
            (
                796,
                "Despite this, MS Leads felt that their organisations are better equipped to tackle MSHT compared to five years ago.",
            ),
            (
                796,
                "However, this progress is still not translating to positive CJS outcomes, and challenges with resourcing and competing priorities persist, as discussed below.",
            ),
        ],
    ),
    17: dict(
        caption="Figure 17: MS Leads by rank (n=37)",
        n="n=37",
        question="Rank of the MS Lead (L868: 'reported their rank'), by role.",
        scale="ranks named: superintendent, inspector, sergeant (L875); no full list",
        statements=[
            (
                875,
                "The majority of Strategic Leads hold the rank of superintendent (55%), while most of the Tactical Leads are at the inspector level.",
            ),
            (
                875,
                "MS Champions, on the other hand, are more evenly distributed across the ranks, with the highest proportion being at the sergeant level (Figure 17).",
            ),
            (868, "This information was gathered to understand the level of experience dedicated to MS Leads."),
        ],
    ),
    18: dict(
        caption="Figure 18: MS Leads length of time in current MS role (n=37)",
        n="n=37",
        question="Length of time in the current MS role (caption), overall and by role.",
        scale="less than 1 year; 1-3 years; over 3 years (= '3+ years') (L897-L901)",
        statements=[
            (
                901,
                "MS Champions were most likely to have been in their roles the longest, with 44% serving for 3+ years.",
            ),
            (
                901,
                "In comparison, 24% of Tactical Leads and 18% of Strategic Leads had held their position for the same duration (Figure 18).",
            ),
        ],
    ),
    19: dict(
        caption="Figure 19: MS Leads length of time involved in the response to modern slavery (n=37)",
        n="n=37",
        question="Length of time involved in the response to modern slavery (caption), by role.",
        scale="bands named: 2-5 years; over 10 years (L910); the other bands are not named",
        statements=[
            (
                910,
                "Tactical Leads have the longest involvement in MSHT response, with nearly a third having over 10 years of experience, compared to 0% for Strategic Leads.",
            ),
            (
                910,
                "Most Strategic Leads have been involved in the MSHT response for 2-5 years, accounting for 55% (Figure 19).",
            ),
        ],
    ),
    20: dict(
        caption="Figure 20: MS Leads' perceptions of the use of financial investigators for MSHT cases (n=37)",
        n="n=37",
        question="Use of financial investigators for MSHT cases (caption, L947).",
        scale="always or often (combined, L947); no other category named",
        statements=[
            (
                947,
                "Despite this, MS Leads indicated a relatively high use of financial investigators, with 43% indicating they always or often use them for MSHT cases.",
            ),
            (
                947,
                "However, given the economic aspects of MSHT, interviewees suggested that ideally financial investigators should be used in most cases.",
            ),
            (947, "Some System Leaders⁷² reported a shortage of financial investigators"),
        ],
    ),
    21: dict(
        caption="Figure 21: MS Leads' perceptions of victim navigator use (n=37)",
        n="n=37",
        question="How often they use victim navigators (L1012).",
        scale="often or always (combined, L1012); no other category named",
        statements=[
            (
                1012,
                "Some System Leaders highlighted victim navigators are essential to investigations and prosecutions but are underfunded and are only currently available in five regions.",
            ),
            (1012, "Only, 25% of MS Leads reported they often or always used victim navigators."),
        ],
    ),
    22: dict(
        caption="Figure 22: MS Leads' perceptions of use of external support mechanisms (n=37)",
        n="n=37",
        question="Use of external support mechanisms for MSHT cases (L1033).",
        scale="often or always; sometimes (L1033); no other category named",
        statements=[
            (1033, "The most common external mechanism for support used is TOEX"),
            (
                1033,
                "ROCU coordinators were also frequently used with 41% saying often or always and 43% saying sometimes.",
            ),
            (1033, "Only 19% reported often or always using the NCA's unit."),
        ],
    ),
    25: dict(
        caption="Figure 25: MS Leads' perceptions of how often other legislation is used instead of the MSA by exploitation type (n=37)",
        n="n=37",
        question="How often each form of exploitation is charged with other offences instead of those under the MSA (L1118-L1123).",
        scale="often or always (SE, CE; LE and DS print 'often'); sometimes; rarely; never; unsure (L1120-L1123)",
        statements=[
            (1076, "MS Leads revealed varying undercharging patterns for MSHT sub-threats"),
            (
                1076,
                "Half of MS Leads⁸³ said criminal exploitation is often or always charged under other legislation instead of the MSA, with similar trends for sexual exploitation (47%).",
            ),
            (1076, "A smaller percentage said the same for labour exploitation (25%) and domestic servitude (33%)."),
            (
                1118,
                "MS Leads⁸⁸ indicated that other legislation is frequently used *instead of* the MSA. This varies based on the type of MSHT sub-threat (Figure 25):",
            ),
        ],
    ),
    26: dict(
        caption="Figure 26: MS Leads' perception of use the pursuit of evidence-led prosecutions for MSHT cases (n=37)",
        n="n=37",
        question="How often they pursue evidence-led prosecutions for MSHT (L1199).",
        scale="always or often (combined, L1199); no other category named",
        statements=[
            (
                1199,
                "Despite these challenges, there appears to be a reasonable appetite for pursuing evidence led prosecutions, with 30% of respondents indicating they always or often pursue evidence lead prosecutions for MSHT.",
            ),
            (
                1197,
                "MS Leads reported that evidence-led prosecutions are only feasible for cases of sexual exploitation due to the specificities of the MSA.",
            ),
        ],
    ),
    58: dict(
        caption="Figure 58: Survey respondents per region (MS Leads)",
        n="not printed in the caption (the survey had 37 responses, Methodology)",
        question="Region of the respondent (L1680: 'we did ask for their region'); organisations were not captured.",
        scale="regions are not named",
        statements=[
            (1680, "To maintain anonymity, we did not capture the organisations of the respondents."),
            (1680, "However, we did ask for their region."),
            (1680, "We obtained responses from all regions."),
        ],
    ),
}
