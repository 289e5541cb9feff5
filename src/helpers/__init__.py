"""Helpers for the reproducible companion of 'Policing Response to Modern Slavery' (IASC, 2025).

Packages by concern: ``chain`` (running and rendering the notebooks), ``data`` (raw tables, schemas, periods,
official statistics), ``survey`` (answer scales, the printed survey statistics, the respondent-level
reconstruction), ``audit`` (every numeric claim of the report checked) and ``figures`` (house style, saving, one
module per figure family). ``paths`` says where inputs are read and outputs written; ``session`` runs a notebook
outside the runner (checked parameters, scratch outputs).
"""
