"""The validated tables and parameters a figure function takes, read once per notebook from what
00_data_preparation wrote.

A registry entry names the ones its draw and describe functions take (``table``, ``editions``, ``claims``,
``published``, ``captions``, ``statements``, ``need_statements``, ``sub_threats``, ``research_framework``,
``survey``, ``cells``, ``audit``, ``last_year``, ``vintage``, ``survey_source``); ``make`` passes exactly those, by
keyword, from one ``Inputs`` (``take``). Nothing here reads a table of ``data/raw/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..audit.views import load_audit
from ..data import editions, official
from ..data.tables import load_report_table
from ..survey import reconstruct, respondents

PARAMETERS = ("last_year", "vintage", "survey_source")
TABLES = (
    "table",
    "editions",
    "claims",
    "published",
    "captions",
    "statements",
    "need_statements",
    "sub_threats",
    "research_framework",
    "survey",
    "cells",
    "audit",
)


@dataclass
class Inputs:
    """A notebook's parameters and, loaded on first use, the tables its figures take."""

    last_year: int | None = None
    vintage: str = "latest"
    survey_source: str = "reconstruction"

    @cached_property
    def table(self) -> pd.DataFrame:
        """The official table of the parameter vintage; a `last_year` outside its years is refused here."""
        table = official.load_table(self.vintage)
        if self.last_year is not None:
            official.check_last_year(self.last_year, table)
        return table

    @cached_property
    def editions(self) -> pd.DataFrame:
        """Every value of every publisher's release file, edition by edition, with file, sheet and cell."""
        return editions.load_editions()

    @cached_property
    def claims(self) -> pd.DataFrame:
        return load_report_table("claims.csv")

    @cached_property
    def published(self) -> pd.DataFrame:
        return load_report_table("survey_published.csv")

    @cached_property
    def captions(self) -> pd.DataFrame:
        """The report's figure captions with their lines (figure_captions.csv)."""
        return load_report_table("figure_captions.csv")

    @cached_property
    def statements(self) -> pd.DataFrame:
        """The report's sentences on each survey figure, quoted with their lines (figure_statements.csv)."""
        return load_report_table("figure_statements.csv")

    @cached_property
    def need_statements(self) -> pd.DataFrame:
        """The report's sentences on the need for improvement (Figures 27-56), by theme (need_statements.csv)."""
        return load_report_table("need_statements.csv")

    @cached_property
    def sub_threats(self) -> pd.DataFrame:
        """Figure 5's table, cell by cell with its lines (sub_threats.csv)."""
        return load_report_table("sub_threats.csv")

    @cached_property
    def research_framework(self) -> pd.DataFrame:
        """The research framework's components and their sections (research_framework.csv; Figures 1, 57)."""
        return load_report_table("research_framework.csv")

    @cached_property
    def survey(self) -> tuple[dict[str, pd.DataFrame], bool]:
        """Respondent rows per population, and whether they come from a real export (survey.respondents)."""
        return respondents.load(self.survey_source)

    @cached_property
    def cells(self) -> pd.DataFrame:
        """Every reconstructed answer cell with its scale and status (survey.reconstruct)."""
        return reconstruct.load_cells()

    @cached_property
    def audit(self) -> pd.DataFrame:
        """Every numeric claim of the report with its computed verdict (the claims audit 00 writes)."""
        return load_audit()

    def take(self, names: tuple[str, ...]) -> dict[str, object]:
        """The named inputs as keyword arguments; a name that is not an input is a registry error."""
        unknown = [name for name in names if name not in PARAMETERS + TABLES]
        if unknown:
            raise TypeError(f"figure functions take no input {unknown[0]!r}; known: {', '.join(PARAMETERS + TABLES)}")
        if "last_year" in names:
            self.table  # noqa: B018 (loading the table checks last_year against its years)
        return {name: getattr(self, name) for name in names}
