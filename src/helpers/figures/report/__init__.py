"""Figures of what the report prints and nothing else.

- ``printed_values``: Figure 4 (one printed rating) and Figure 16 (printed counts of the teams' functions);
- ``table_figures``: Figure 5 (the sub-threat table) and Figures 1 and 57 (the research framework);
- ``audit_glance``: the audit at a glance (the report's numeric claims by section and verdict).
"""
