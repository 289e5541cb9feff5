"""Figures: every figure declared once in ``registry`` (report numbers, notebook, tiers, the function that builds it
and the one that describes it), made by ``make`` from the validated tables in ``inputs``, saved and shown by
``save`` in the house ``style``. One module per figure family: official statistics (``official``,
``official_types``, ``official_justice``, with ``official_common``, ``official_printed`` and
``official_captions``), survey charts (``survey`` with ``survey_specs``, ``survey_plot``, ``survey_meta`` and the
report's words on them in ``survey_text``), the need-for-improvement summary (``survey_need`` with
``survey_need_text``), and figures of what the report prints (``report_values``, ``report_tables``); ``tables``
shows tables in the notebooks."""
