"""Tables as a reader sees them: named columns, whole numbers as integers with thousands separators, no index,
missing values as a word, wrapped text and every row (pandas truncates long tables; this never does)."""

from __future__ import annotations

import html

import pandas as pd


def _label(name) -> str:
    return str(name).replace("_", " ")


def _cell(value, missing: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return missing
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and float(value).is_integer()):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def readable(data: pd.DataFrame | pd.Series, missing: str = "not found") -> pd.DataFrame:
    """A frame of display strings: a meaningful index becomes columns, a Series gets a named value column."""
    if isinstance(data, pd.Series):
        data = data.rename(data.name or "value").to_frame()
    if not isinstance(data.index, pd.RangeIndex) or any(n is not None for n in data.index.names):
        data = data.reset_index()
    data = data.rename(columns=_label)
    data.columns.name = None
    return data.apply(lambda column: column.map(lambda v: _cell(v, missing)))


class Table:
    """Rich display of a complete, readable table (HTML for the pages and PDF, plain text otherwise)."""

    def __init__(self, data: pd.DataFrame | pd.Series, caption: str = "", missing: str = "not found"):
        self.text, self.caption = readable(data, missing), caption

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in self.text.columns)
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>"
            for row in self.text.itertuples(index=False)
        )
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        rows_note = f'<p class="table-rows">{len(self.text):,} rows</p>'
        return (
            f'<table class="readable">{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{rows_note}'
        )

    def __repr__(self) -> str:
        return self.text.to_string(index=False)


def show(data: pd.DataFrame | pd.Series, caption: str = "", missing: str = "not found") -> Table:
    """Display every row of `data` readably; use as the last expression of a cell or inside display()."""
    return Table(data, caption, missing)
