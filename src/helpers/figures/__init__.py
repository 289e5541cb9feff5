"""Figures: every figure declared once, made in the house style from the validated tables, saved with its record.

- ``registry``: one entry per figure (report numbers, id, notebook, population, tiers, declared inputs, the draw
  and describe functions), and the README's figure map;
- ``make``: builds, describes, saves and shows one registered figure;
- ``inputs``: the validated tables and parameters a figure function may take;
- ``style``: the house style (afcharts), the tier vocabulary and colours;
- ``save``: PNG, SVG, CSV and JSON record of a figure;
- ``legibility``: checks of a saved figure as a reader meets it (printed text size, collisions, plain words, alt
  text);
- ``display``: tables shown in the notebooks;
- the figure families, one subpackage each: ``official`` (official statistics), ``survey`` (survey charts and the
  need-for-improvement summary), ``report`` (figures of what the report prints).
"""
