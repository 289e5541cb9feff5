"""House style (UK Analysis Function, afcharts), defined here once: the size figures are drawn at (the A4 text
width) and the smallest text size; the palettes (afcharts) and what each colour means (colour is a series or an
answer, never a tier); the tier vocabulary (its words, what each means, its colour in the pages) and the one tier
key: a tier is shown by fill, hatch or marker, drawn the same on every chart (``tier_key``); the matplotlib
settings (one layout engine: constrained layout)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
from afcharts.af_colours import get_af_colours
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

TEXT_WIDTH_IN = 16 / 2.54  # the A4 text width (16 cm): every figure is drawn this wide and printed at this width
MIN_PRINTED_PT = 8.0  # no text smaller than this at the printed size
TEXT_PT, SMALL_PT, TITLE_PT = 9.0, 8.0, 11.0  # body text, notes and the smallest labels, titles

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
NOT_FOUND_WORDS = "not found in the sources used here"
COMPUTED = "computed"  # a value computed here from published values (its inputs' tiers are in the data)
TIER_WORDS = {  # a value's tier as a chart legend or table names it
    "official": "official (publisher's own page)",
    "official_secondary": "official (copy of a publisher's table)",
    "report": "as printed in the report",
    "not published": "not published",
    COMPUTED: "computed here from published values",
    NOT_FOUND_WORDS: NOT_FOUND_WORDS,
}
CATEGORICAL = get_af_colours("categorical", colour_format="hex", number_of_colours=6)
DUO = get_af_colours("duo", colour_format="hex")
SEQUENTIAL = get_af_colours("sequential", colour_format="hex", number_of_colours=5)  # darkest first
GREY = get_af_colours("focus", colour_format="hex")[1]  # afcharts' light grey: context, neutral answers
INK = "#262626"  # text
MUTED = "#505A5F"  # notes, and text that names something not found
KEY = CATEGORICAL[4]  # the tier key's swatches: a neutral dark grey, so no series colour stands for a tier
BAND = "#F2F2F2"  # a light band: years or cells with no value found
DARK = {CATEGORICAL[0], CATEGORICAL[2], CATEGORICAL[4], SEQUENTIAL[0], SEQUENTIAL[1], SEQUENTIAL[2]}

# Colour means the answer, the same on every survey chart: agreeing and frequent answers blue, disagreeing
# and rare ones orange and pink, the middle grey, unsure purple. Ordered scales that are not an evaluation
# (durations, ranks) take the sequential ramp in scale order (``ordered``).
ANSWER_COLOURS = {
    "Agree": CATEGORICAL[0],
    "Agree (incl. strongly)": CATEGORICAL[0],
    "Strongly agree": CATEGORICAL[0],
    "Often or always": CATEGORICAL[0],
    "Always or often": CATEGORICAL[0],
    "Always": CATEGORICAL[0],
    "Often": SEQUENTIAL[3],
    "Neither agree nor disagree": GREY,
    "Sometimes": GREY,
    "Disagree": CATEGORICAL[3],
    "Disagree (incl. strongly)": CATEGORICAL[3],
    "Rarely": CATEGORICAL[3],
    "Rarely or never": CATEGORICAL[3],
    "Strongly disagree": CATEGORICAL[2],
    "Never": CATEGORICAL[2],
    "Unsure": CATEGORICAL[5],
    "Don't know": CATEGORICAL[5],
    "Unsure or neither agree nor disagree": CATEGORICAL[5],
}


def ordered(position: int, count: int) -> str:
    """The colour of the position-th of `count` ordered categories: the sequential ramp, light to dark, spread
    evenly so that neighbours differ."""
    ramp = SEQUENTIAL[::-1]
    if count <= 1:
        return ramp[2]
    spread = (1, 3) if count == 2 else tuple(round(i * (len(ramp) - 1) / (count - 1)) for i in range(count))
    return ramp[spread[min(position, len(spread) - 1)]]


def text_colour(fill: str) -> str:
    """White on a dark fill, ink on a light one."""
    return "white" if fill in DARK else INK


# How each tier looks, on every chart (the series colour fills it; the key draws it in KEY grey).
HATCH = {"official_secondary": "xx", "not published": "///", COMPUTED: ".."}
REPORT_MARKER, REPORT_EDGE = "D", "black"


def tier_bar(tier: str, colour: str) -> dict:
    """Bar keyword arguments that draw a value of this tier in a series colour: solid for official, white
    cross-hatched for an official copy, outlined in black as printed in the report, dotted computed here, white
    hatched grey not published."""
    if tier == "official":
        return dict(facecolor=colour, edgecolor=colour)
    if tier == "report":
        return dict(facecolor=colour, edgecolor=REPORT_EDGE, linewidth=0.8)
    if tier == "not published":
        return dict(facecolor="white", edgecolor="#8C8C8C", hatch=HATCH[tier], linewidth=0.6)
    return dict(facecolor="white", edgecolor=colour, hatch=HATCH[tier], linewidth=1.0)


def tier_key_handles(tiers) -> tuple[list, list[str]]:
    """The tier key's entries (handles, labels), in the vocabulary's order, each drawn the same on every chart."""
    handles, labels = [], []
    for tier in [t for t in (*TIERS, COMPUTED, NOT_FOUND_WORDS) if t in set(tiers)]:
        if tier == NOT_FOUND_WORDS:
            handle = Patch(facecolor=BAND, edgecolor="#D9D9D9")
        elif tier == "report":
            diamond = Line2D([], [], marker=REPORT_MARKER, color=REPORT_EDGE, linestyle="", markersize=6)
            handle = (Patch(**tier_bar(tier, GREY)), diamond)
        elif tier == "reconstructed":
            continue  # reconstructed rows give back printed values: they are drawn as the report's values
        else:
            handle = Patch(**tier_bar(tier, KEY))
        handles.append(handle)
        labels.append(TIER_WORDS[tier])
    return handles, labels


def tier_key(fig: plt.Figure, tiers, **legend) -> plt.Artist:
    """The one tier key: a row of swatches under the title 'How far each value can be trusted', same look
    everywhere. Keyword arguments place it (``fig.legend``'s)."""
    handles, labels = tier_key_handles(tiers)
    options = dict(loc="lower left", bbox_to_anchor=(0, 0), frameon=False, fontsize=SMALL_PT, ncol=2)
    options |= dict(title="Tier of each value", title_fontsize=SMALL_PT, alignment="left")
    return fig.legend(handles, labels, handler_map={tuple: HandlerTuple(ndivide=None)}, **(options | legend))


def use_house_style() -> None:
    """afcharts style at the A4 text width, fonts pinned to matplotlib's DejaVu Sans (Arial is not on every
    machine), fixed SVG ids."""
    plt.style.use("afcharts.afcharts")
    plt.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": TEXT_PT,
            "axes.titlesize": TITLE_PT,
            "axes.labelsize": TEXT_PT,
            "xtick.labelsize": TEXT_PT,
            "ytick.labelsize": TEXT_PT,
            "legend.fontsize": SMALL_PT,
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "svg.hashsalt": "ms-policing-repro",
            "svg.fonttype": "none",
            "figure.figsize": (TEXT_WIDTH_IN, TEXT_WIDTH_IN * 0.6),
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
