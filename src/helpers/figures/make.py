"""Build, describe, save and show one registered figure: the one line a notebook needs per figure.

``make(figure_id, inputs)`` looks the figure up in the registry, calls its figure function in the house style
with the validated tables it names (``inputs``), computes caption, source line, tiers and alt text from the
plotted data (its ``describe`` function), and saves and shows it (``save``). Label and notebook come from the
registry.
"""

from __future__ import annotations

import importlib
import inspect

from . import registry, save, style
from .inputs import Inputs


def resolve(target: str):
    """The function a registry entry names as 'package.module:function'."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def call(target: str, inputs: Inputs, **given):
    """Call a registered function with the arguments its parameter names ask for."""
    function = resolve(target)
    kwargs = {
        name: given[name] if name in given else inputs.argument(name) for name in inspect.signature(function).parameters
    }
    return function(**kwargs)


def build(figure_id: str, inputs: Inputs):
    """(figure, plotted data, record fields) of one registered figure, without saving it."""
    entry = registry.get(figure_id)
    style.use_house_style()
    fig, data = call(entry.build, inputs, figure_id=figure_id, **dict(entry.options))
    fields = call(entry.describe, inputs, figure_id=figure_id, data=data, **dict(entry.options))
    return fig, data, fields


def make(figure_id: str, inputs: Inputs):
    """Build one registered figure, save it (PNG, SVG, CSV, record) and return its display."""
    entry = registry.get(figure_id)
    fig, data, fields = build(figure_id, inputs)
    return save.save_figure(fig, figure_id, label=entry.label, data=data, notebook=entry.notebook, **fields)
