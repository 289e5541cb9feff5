"""House style (UK Analysis Function, afcharts): the palettes, the matplotlib settings (one layout engine:
constrained layout) and the tier vocabulary, defined here once: the tier words, what each means, its colour in
the pages, and its label in a chart legend."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
from afcharts.af_colours import get_af_colours

TIERS = ("official", "official_secondary", "report", "reconstructed", "not published")
TIER_NOTE = {
    "official": "published statistics, quoted from the publisher's own page (URL and quote per value)",
    "official_secondary": "an official figure read on a page that reproduces it (news, blog, mirror)",
    "report": "as printed in the report",
    "reconstructed": "respondent rows derived to give back printed percentages",
    "not published": "the report printed no value: shown as such, never filled",
}
TIER_COLOURS = {
    "official": "#12436D",
    "official_secondary": "#3D3D3D",
    "report": "#1D6B63",
    "reconstructed": "#801650",
    "not published": "#505A5F",
}
COMPUTED = "computed"  # a value computed here from published values (its inputs' tiers are in the data)
TIER_WORDS = {  # a value's tier as a chart legend or table names it
    "official": "official (publisher's own page)",
    "official_secondary": "official (secondary: news, blog or mirror)",
    "report": "as printed in the report",
    COMPUTED: "computed here from published values",
}
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


def wrap(text: str, width: int) -> str:
    """A label in lines of at most `width` characters, words kept whole (a longer word has a line of its own)."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False) or [""])


def table(ax: plt.Axes, cells, columns: list[str], widths: list[float], fontsize: float):
    """A table in the house style: left-aligned cells, grey rules, a header row in the first categorical colour."""
    drawn = ax.table(
        cellText=cells, colLabels=columns, loc="upper center", cellLoc="left", colLoc="left", colWidths=widths
    )
    drawn.auto_set_font_size(False)
    drawn.set_fontsize(fontsize)
    for (row, _col), cell in drawn.get_celld().items():
        cell.set_edgecolor(GREY)
        if row == 0:
            cell.set_facecolor(CATEGORICAL[0])
            cell.get_text().set_color("white")
            cell.get_text().set_fontweight("bold")
    return drawn
