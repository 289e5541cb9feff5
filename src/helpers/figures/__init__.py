"""Figures: the house style (``style``), the one way a figure is saved and shown (``save``), and one module per
figure family: official statistics (``official``), survey charts (``survey`` with ``survey_specs`` and
``survey_plot``) and figures drawn from what the report prints (``report``)."""
