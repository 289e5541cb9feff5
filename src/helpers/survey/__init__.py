"""The survey layer: answer scales and recoding of real-export labels (``likert``), whole-count arithmetic of
percentages (``granularity``), the printed statistics and the questionnaire (``published``), the deterministic
respondent-level reconstruction (``reconstruct``) and its recompute check (``recompute``)."""
