"""Build, describe, save and show one registered figure: the one line a notebook needs per figure.

``make(figure_id, inputs)`` looks the figure up in the registry, calls its draw function in the house style with
exactly the inputs its entry declares (``inputs.take``), computes caption, source line, tiers and alt text from
the plotted data (its describe function), and saves and shows it (``save``). Label and notebook come from the
registry. Under the figure it shows the plotted data as a table (collapsed) and the function that draws it, with
its file and line, linked (``shown``): one step from a figure to its code.
"""

from __future__ import annotations

import html
import inspect
from pathlib import Path

import pandas as pd

from .. import paths
from . import registry, save, style
from .inputs import Inputs

CODE_VIEW_TO_ROOT = "../../../"  # from reports/html/code/<notebook>.html to the repository root
NOTEBOOK_TO_ROOT = "../"  # from notebooks/<notebook>.ipynb (JupyterLab) to the repository root


def build(figure_id: str, inputs: Inputs):
    """(figure, plotted data, record fields) of one registered figure, without saving it."""
    entry = registry.get(figure_id)
    style.use_house_style()
    fig, data = entry.draw(**inputs.take(entry.inputs))
    fields = entry.describe(data, **inputs.take(entry.describe_inputs))
    return fig, data, fields


def make(figure_id: str, inputs: Inputs):
    """Build one registered figure, save it (PNG, SVG, CSV, record) and return its display, with its data and
    the function that draws it."""
    entry = registry.get(figure_id)
    fig, data, fields = build(figure_id, inputs)
    place = dict(sort_key=entry.order) if entry.order is not None else {}
    shown = save.save_figure(fig, figure_id, label=entry.label, data=data, notebook=entry.notebook, **place, **fields)
    return Shown(shown, data_table(data), code_link(entry.draw))


class Shown:
    """A figure's display followed by its plotted data (collapsed) and the function that draws it."""

    def __init__(self, figure, table: str, code: str):
        self.figure, self.table, self.code = figure, table, code

    def _repr_html_(self) -> str:
        return self.figure._repr_html_() + self.table + self.code

    def __repr__(self) -> str:
        return repr(self.figure)


def data_table(data: pd.DataFrame) -> str:
    """The plotted data as an HTML table inside a closed ``<details>``."""
    table = data.to_html(index=False, border=0, na_rep="—", classes="figure-data")
    return f'<details class="figure-data"><summary>Plotted data ({len(data)} rows)</summary>{table}</details>'


def code_location(function) -> tuple[str, str, int]:
    """The qualified name of a draw function (a partial: the function it wraps), its file relative to the
    repository root and its first line."""
    function = getattr(function, "func", function)
    file = Path(inspect.getsourcefile(function)).resolve()
    line = inspect.getsourcelines(function)[1]
    return f"{function.__module__}.{function.__qualname__}", file.relative_to(paths.ROOT).as_posix(), line


def code_link(function) -> str:
    """'Drawn by name (path, line N)', the path linked: from the code view under the runner, else from the
    notebook in JupyterLab."""
    name, path, line = code_location(function)
    href = (CODE_VIEW_TO_ROOT if paths.under_runner() else NOTEBOOK_TO_ROOT) + path
    return (
        f'<p class="figure-code">Drawn by <code>{html.escape(name)}</code> in '
        f'<a href="{html.escape(href)}"><code>{html.escape(path)}</code></a>, line {line}</p>'
    )
