"""Survey figures: what the report prints for each survey figure, exactly as printed, and nothing invented.

- ``draw``: the plotted data (printed values, or every answer's share from a real export) and the figure;
- ``plot``: diverging, stacked and simple bars, and the text panel of a figure with nothing printed;
- ``describe``: caption, source, tiers and alt text from the plotted data;
- ``specs``: `SurveyChart`, how a registry entry declares a survey figure (bars, chart kind, question, answer
  scale, n as printed), the report's words on it (caption and statements, from the report tables), and the
  survey's fixed vocabulary (populations, roles, need themes);
- ``need``: Figures 27–56 as one summary, with the report's words on them (``need_statements.csv`` and the
  captions, passed in).
"""
