"""The survey layer: answer scales and recoding of real-export labels (``likert``), whole-count arithmetic of
percentages (``granularity``), the printed statistics and the questionnaire (``published``), the surveyed
populations (``populations``) and how each item is read (``items``), the answer counts of each item
(``answer_counts``), the deterministic respondent-level reconstruction (``reconstruct``), its recompute check
(``recompute``), the check of a real export (``export``) and the rows the figures are drawn from, either one
(``respondents``)."""
