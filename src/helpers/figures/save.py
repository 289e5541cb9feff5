"""The one way every figure is saved (PNG, SVG, CSV, JSON record) and shown (with alt text, caption, tier)."""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import asdict, dataclass, field

import matplotlib.pyplot as plt
import pandas as pd

from .. import paths
from .style import TIER_NOTE, TIER_WORDS, TIERS


@dataclass
class FigureRecord:
    figure_id: str
    label: str
    title: str
    caption: str
    source: str
    tiers: list[str]
    alt: str
    notebook: str
    sort_key: float
    files: list[str] = field(default_factory=list)


def _sort_key(label: str) -> float:
    match = re.search(r"(\d+)", label)
    return float(match.group(1)) if match else 999.0


def save_figure(
    fig: plt.Figure,
    figure_id: str,
    *,
    label: str,
    title: str,
    data: pd.DataFrame,
    caption: str,
    source: str,
    tiers: list[str],
    alt: str,
    notebook: str,
    sort_key: float | None = None,
):
    """Save PNG, SVG, the plotted data as CSV and the caption metadata; display it with alt text and caption."""
    unknown = set(tiers) - set(TIERS)
    if unknown or not tiers:
        raise ValueError(f"figure {figure_id}: tiers must be among {TIERS}, got {tiers}")
    if not alt.strip():
        raise ValueError(f"figure {figure_id}: alt text is required")
    paths.figures().mkdir(parents=True, exist_ok=True)
    base = paths.figures() / figure_id
    # A figure placed by hand (no layout engine) stays so: matplotlib restores "no engine" after a save by
    # reading the rc default, which would switch constrained layout on for the second save.
    fixed = {"figure.constrained_layout.use": False} if fig.get_layout_engine() is None else {}
    with plt.rc_context(fixed):
        fig.savefig(base.with_suffix(".png"), metadata={"Software": None})
        if not fixed:  # the SVG keeps the layout the PNG was drawn with (solved once, not twice)
            fig.set_layout_engine("none")
        fig.savefig(base.with_suffix(".svg"), metadata={"Date": None, "Creator": None})
    data.to_csv(base.with_suffix(".csv"), index=False, lineterminator="\n")
    record = FigureRecord(
        figure_id,
        label,
        title,
        caption,
        source,
        list(tiers),
        alt,
        notebook,
        _sort_key(label) if sort_key is None else sort_key,
        [f"{figure_id}.png", f"{figure_id}.svg", f"{figure_id}.csv"],
    )
    base.with_suffix(".json").write_text(json.dumps(asdict(record), indent=1, ensure_ascii=False) + "\n")
    plt.close(fig)
    return _FigureDisplay(record, base.with_suffix(".png").read_bytes())


class _FigureDisplay:
    """Rich display of a saved figure: the PNG with alt text, caption, source and tier."""

    def __init__(self, record: FigureRecord, png: bytes):
        self.record, self.png = record, png

    def _repr_html_(self) -> str:
        r = self.record
        tiers = "; ".join(f"<b>{html.escape(TIER_WORDS.get(t, t))}</b>: {html.escape(TIER_NOTE[t])}" for t in r.tiers)
        data = base64.b64encode(self.png).decode()
        return (
            f'<figure id="{r.figure_id}"><img src="data:image/png;base64,{data}" alt="{html.escape(r.alt)}">'
            f"<figcaption><b>{html.escape(r.label)}: {html.escape(r.title)}</b><br>{html.escape(r.caption)}<br>"
            f"Source: {html.escape(r.source)}<br>Data tier: {tiers}</figcaption></figure>"
        )

    def __repr__(self) -> str:
        return f"{self.record.label}: {self.record.title} [{', '.join(self.record.tiers)}]"


def alt_values(prefix: str, labels, values, fmt: str = "{:,.0f}", suffix: str = "") -> str:
    """Alt text that states every plotted value, and 'not published' where one is missing."""
    parts = [f"{label}: {fmt.format(v) if pd.notna(v) else 'not published'}" for label, v in zip(labels, values)]
    return f"{prefix}: {'; '.join(parts)}.{(' ' + suffix) if suffix else ''}"
