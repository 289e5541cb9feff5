"""Survey figures: what the report prints for each survey figure, exactly as printed, and nothing invented.

- ``draw``: the plotted data (printed values, or every answer's share from a real export) and the figure;
- ``plot``: diverging, stacked and simple bars, and the text panel of a figure with nothing printed;
- ``describe``: caption, source, tiers and alt text from the plotted data;
- ``specs``: each figure's bars (population, item), chart kind and section, and the roles and need themes;
- ``quotes``: the report's words on each figure (caption, question, scale, n, statements with their lines);
- ``need``: Figures 27–56 as one summary, with the report's words on them in ``need_quotes``.
"""
