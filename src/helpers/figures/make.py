"""Build, describe, save and show one registered figure: the one line a notebook needs per figure.

``make(figure_id, inputs)`` looks the figure up in the registry, calls its draw function in the house style with
exactly the inputs its entry declares (``inputs.take``), computes caption, source line, tiers and alt text from
the plotted data (its describe function), and saves and shows it (``save``). Label and notebook come from the
registry.
"""

from __future__ import annotations

from . import registry, save, style
from .inputs import Inputs


def build(figure_id: str, inputs: Inputs):
    """(figure, plotted data, record fields) of one registered figure, without saving it."""
    entry = registry.get(figure_id)
    style.use_house_style()
    fig, data = entry.draw(**inputs.take(entry.inputs))
    fields = entry.describe(data, **inputs.take(entry.describe_inputs))
    return fig, data, fields


def make(figure_id: str, inputs: Inputs):
    """Build one registered figure, save it (PNG, SVG, CSV, record) and return its display."""
    entry = registry.get(figure_id)
    fig, data, fields = build(figure_id, inputs)
    place = dict(sort_key=entry.order) if entry.order is not None else {}
    return save.save_figure(fig, figure_id, label=entry.label, data=data, notebook=entry.notebook, **place, **fields)
