"""House style (UK Analysis Function, afcharts) and the one way every figure is saved and shown."""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import asdict, dataclass, field

import matplotlib

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from afcharts.af_colours import get_af_colours  # noqa: E402

from . import paths  # noqa: E402

TIERS = ("official", "report", "reconstructed", "illustrative")
TIER_NOTE = {
    "official": "published official statistics (URL and quote for every value in the data files)",
    "report": "values as printed in the report",
    "reconstructed": "respondent-level rows reconstructed to give back the report's printed percentages",
    "illustrative": "ILLUSTRATIVE: synthetic values where nothing was published; not a finding",
}
ILLUSTRATIVE_HATCH = "////"
CATEGORICAL = get_af_colours("categorical", colour_format="hex", number_of_colours=6)
DUO = get_af_colours("duo", colour_format="hex")
SEQUENTIAL = get_af_colours("sequential", colour_format="hex", number_of_colours=5)
GREY = "#BFBFBF"


def use_house_style() -> None:
    """afcharts style, fonts pinned to matplotlib's DejaVu Sans (Arial is not on every machine), fixed SVG ids."""
    plt.style.use("afcharts.afcharts")
    plt.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 11,
            "axes.titlesize": 13,
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "svg.hashsalt": "ms-policing-repro",
            "svg.fonttype": "none",
            "figure.figsize": (8, 4.5),
            "figure.constrained_layout.use": True,
        }
    )


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
):
    """Save PNG, SVG, the plotted data as CSV and the caption metadata; display it with alt text and caption."""
    unknown = set(tiers) - set(TIERS)
    if unknown or not tiers:
        raise ValueError(f"figure {figure_id}: tiers must be among {TIERS}, got {tiers}")
    if not alt.strip():
        raise ValueError(f"figure {figure_id}: alt text is required")
    paths.FIGURES.mkdir(parents=True, exist_ok=True)
    base = paths.FIGURES / figure_id
    fig.savefig(base.with_suffix(".png"), metadata={"Software": None})
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
        _sort_key(label),
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
        tiers = "; ".join(f"<b>{t}</b>: {html.escape(TIER_NOTE[t])}" for t in r.tiers)
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


def mark_missing(ax: plt.Axes, positions, label: str = "not published", y: float = 0.0) -> None:
    """Write a visible 'not published' marker where a value is missing, instead of a silent gap."""
    for x in positions:
        ax.annotate(label, (x, y), rotation=90, ha="center", va="bottom", fontsize=8, color="#595959")
