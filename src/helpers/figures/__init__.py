"""Figures: the house style (``style``), the one way a figure is saved and shown (``save``), and one module per
figure family: official statistics (``official``), survey charts (``survey`` with ``survey_specs``,
``survey_plot``, ``survey_meta`` and the report's words on them in ``survey_text``), the need-for-improvement
summary (``survey_need`` with ``survey_need_text``) and figures drawn from what the report prints (``report``)."""
