"""Figures drawn from values the report prints and nothing else: Figure 4 (one printed rating) and Figure 16
(printed counts of the dedicated teams' functions).

What the report does not print is shown as 'not published'. Each figure function takes the printed survey
statistics (``published``, as 00_data_preparation wrote them) and returns the figure and its plotted data; its
``*_meta`` function computes title, caption, source, tiers and alt text from that data.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd

from .. import style
from ..style import wrap

REPORT = "Leapwise for IASC, 'Policing Response to Modern Slavery' (July 2025)"


def _printed(published: pd.DataFrame, item_id: str, category: str | None = None, unit: str | None = None):
    rows = published[published["item_id"] == item_id]
    if category is not None:
        rows = rows[rows["category"] == category]
    if unit is not None:
        rows = rows[rows["unit"] == unit]
    if rows.empty:
        raise ValueError(f"survey_published.csv: no {item_id} {category or ''} row")
    return rows.iloc[-1]


# ---------------------------------------------------------------- Figure 4
CHANGE_WORDS = {
    "improved": "improved",
    "improved_then_worse": "improved, then got worse",
    "stayed_the_same": "stayed the same",
}


def fig04_data(published: pd.DataFrame) -> pd.DataFrame:
    """The decade's ratings (not published), the current rating, and the printed shares saying how the response
    changed over the decade, each with its quote."""
    r = _printed(published, "sl_effectiveness_score", unit="score")
    row = {"n": int(r["n"]), "stat_id": r["stat_id"], "quote": r["quote"]}
    ratings = [
        {
            "point": "Over the last decade (2015 to before now)",
            "rating": float("nan"),
            **row,
            "status": "not published",
            "stat_id": "",
            "quote": "",
        },
        {"point": "Current (2025)", "rating": float(r["value"]), **row, "status": "printed"},
    ]
    change = published[(published["item_id"] == "sl_response_change") & (published["unit"] == "percent")]
    change = change.drop_duplicates("category")
    shares = [
        {
            "point": f"Change over the decade: {CHANGE_WORDS[c.category]}",
            "share": float(c.value),
            "n": int(c.n),
            "status": "printed",
            "stat_id": c.stat_id,
            "quote": c.quote,
        }
        for c in change.itertuples()
    ]
    return pd.DataFrame(ratings + shares, columns=["point", "rating", "share", "n", "status", "stat_id", "quote"])


def _as_printed(row: pd.Series) -> str:
    """The rating in the words of its quote ('five out of ten'), else its number out of 10."""
    found = re.search(r"\b\w+ out of \w+\b", str(row["quote"]))
    return found[0] if found else f"{row['rating']:g} out of 10"


def _fig04_title(data: pd.DataFrame) -> str:
    n = data["n"].iloc[0]
    return f"System Leaders' perceived effectiveness of the policing response to MSHT over the last decade (n={n})"


def fig04(published: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    data = fig04_data(published)
    style.use_house_style()
    fig, (ax, ax_change) = plt.subplots(2, 1, figsize=(style.TEXT_WIDTH_IN, 5.2), height_ratios=[4, 1.3])
    ax.axvspan(2015, 2024.5, **style.tier_bar("not published", style.GREY))
    ax.text(
        2019.75,
        5.5,
        "Ratings over the decade: not published\n(the report prints the current rating,\n"
        "and how the response changed: below)",
        ha="center",
        va="center",
        fontsize=style.TEXT_PT,
        color=style.INK,
        bbox=dict(facecolor="white", edgecolor="none", pad=2),
    )
    current = data[(data["status"] == "printed") & data["rating"].notna()].iloc[0]
    ax.plot([2025], [current["rating"]], style.REPORT_MARKER, color=style.REPORT_EDGE, markersize=8)
    ax.annotate(
        f"{_as_printed(current)}\n(current rating, as printed;\nplaced at the report's year)",
        (2025, current["rating"]),
        xytext=(2020.6, 8.6),
        fontsize=style.SMALL_PT,
        arrowprops=dict(arrowstyle="->", color=style.MUTED),
        bbox=dict(facecolor="white", edgecolor="none", pad=1),
    )
    ax.set_xlim(2014.5, 2025.8)
    ax.set_ylim(1, 10)
    ax.set_xticks([2015, 2017, 2019, 2021, 2023, 2025])
    ax.set_ylabel("Perceived effectiveness (1 to 10)")
    ax.set_title(wrap(_fig04_title(data), 68), loc="left", fontsize=style.TITLE_PT)
    shares = data[data["share"].notna()]
    left = 0.0
    for colour, r in zip(style.CATEGORICAL, shares.itertuples()):
        ax_change.barh(0, r.share, left=left, height=0.7, **style.tier_bar("report", colour))
        words = r.point.split(": ", 1)[1]
        ax_change.text(
            left + r.share / 2,
            0,
            f"{r.share:g}%\n{wrap(words, 12 if r.share < 30 else 24)}",
            ha="center",
            va="center",
            fontsize=style.SMALL_PT,
            color=style.text_colour(colour),
        )
        left += r.share
    ax_change.set_xlim(0, max(100.0, left))
    ax_change.set_yticks([])
    ax_change.set_xlabel(
        wrap(f"How the response changed over the decade, as printed (% of System Leaders, n={current['n']})", 80),
        fontsize=style.SMALL_PT,
    )
    return fig, data


def fig04_meta(data: pd.DataFrame) -> dict:
    current = data[(data["status"] == "printed") & data["rating"].notna()].iloc[0]
    shares = data[data["share"].notna()]
    printed = "; ".join(f"{r.point.split(': ', 1)[1]} {r.share:g}%" for r in shares.itertuples())
    return dict(
        title=_fig04_title(data),
        tiers=["report", "not published"],
        caption=(
            f"The report's Figure 4 charts System Leaders' ratings (1 to 10, 10 most effective; n={current['n']}, "
            "not all interviewees gave a score) over the last decade, but its text prints only the current "
            f"rating: '{current['quote']}'. The ratings before it are not published and are "
            "left empty rather than invented; no trajectory of ratings is drawn. Below: how System Leaders said the "
            f"response changed over the decade, as printed: {printed}."
        ),
        source=(
            f"{REPORT}, section 'Prioritisation and Strategic Approach', 'At a Glance: Key Themes & Findings' and "
            "'The Impact of National Prioritisation on Policing', and Figure 4 (System Leader interviews)"
        ),
        alt=(
            f"Chart of System Leaders' rating of the policing response (1 to 10): only the current rating, "
            f"'{_as_printed(current)}', is printed; earlier years are not published. Over the decade: {printed}."
        ),
    )


# ---------------------------------------------------------------- Figure 16
TEAM_FUNCTION = {
    "force_intelligence_bureau": "Force Intelligence Bureau (FIB)",
    "safeguarding_vulnerabilities": "Safeguarding / vulnerabilities teams",
    "soc": "Serious organised crime (SOC)",
    "dedicated_exploitation_team": "Dedicated exploitation teams",
    "cid": "CID",
    "embedded_operational_teams": "Embedded in operational teams",
    "unclear": "Unclear",
}


def fig16_data(published: pd.DataFrame) -> pd.DataFrame:
    """The printed count of dedicated teams per function, the forces in scope and the printed share with one."""
    rows = published[
        (published["item_id"] == "rocu_team_function") & (pd.to_numeric(published["figure"], errors="coerce") == 16)
    ]
    rows = rows.drop_duplicates("category")
    forces = _printed(published, "rocu_dedicated_teams", "forces_in_scope", "count")
    share = _printed(published, "rocu_dedicated_teams", "has_dedicated_team", "percent")
    data = pd.DataFrame(
        {
            "function": [TEAM_FUNCTION[c] for c in rows["category"]],
            "category": rows["category"].to_numpy(),
            "teams": rows["value"].astype(int).to_numpy(),
            "n": rows["n"].astype(int).to_numpy(),
            "forces": int(forces["value"]),
            "share_with_team": f"{share['value']:g}%",
            "stat_id": rows["stat_id"].to_numpy(),
            "quote": rows["quote"].to_numpy(),
        }
    )
    if set(data["category"]) != set(TEAM_FUNCTION) or data["teams"].sum() != data["n"].iloc[0]:
        raise ValueError(
            f"Figure 16: printed team functions {data['teams'].sum()} do not add up to the "
            f"{data['n'].iloc[0]} dedicated teams, or a function is missing"
        )
    return data


def _fig16_title(data: pd.DataFrame) -> str:
    n, forces = data["n"].iloc[0], data["forces"].iloc[0]
    where = f"across the {forces} police forces incl. BTP"
    return f"Function of the {n} dedicated MSHT teams {where} (ROCU coordinators' account)"


def fig16(published: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    data = fig16_data(published)
    style.use_house_style()
    unclear = data["category"] == "unclear"
    order = pd.concat([data[unclear], data[~unclear].sort_values("teams", kind="stable")])  # unclear at the bottom
    fig, ax = plt.subplots(figsize=(style.TEXT_WIDTH_IN, 3.8))
    ax.barh(order["function"], order["teams"], height=0.6, **style.tier_bar("report", style.CATEGORICAL[0]))
    for y, v in enumerate(order["teams"]):
        ax.text(v + 0.15, y, str(v), va="center", fontsize=style.TEXT_PT)
    ax.set_xlabel(f"Number of dedicated MSHT teams (of {data['n'].iloc[0]})")
    fig.suptitle(wrap(_fig16_title(data), 80), x=0.01, ha="left", fontsize=style.TITLE_PT)  # over the labels too
    style.tier_key(fig, ["report"], loc="outside lower left", ncol=1)
    return fig, data


def fig16_meta(data: pd.DataFrame) -> dict:
    n, forces, share = data["n"].iloc[0], data["forces"].iloc[0], data["share_with_team"].iloc[0]
    quotes = " ".join(dict.fromkeys(data["quote"]))
    parts = ", ".join(f"{r.function} {r.teams}" for r in data.itertuples())
    return dict(
        title=_fig16_title(data),
        tiers=["report"],
        caption=(
            f"Counts as printed in the text (ROCU coordinators): '{quotes}' With the teams printed as unclear, "
            f"they sum to the {data['teams'].sum()} forces with dedicated teams. The report's caption says "
            f"'across the {forces} police forces': {forces} is the number of forces (incl. BTP) in scope, of which "
            f"{n} ({share}) have a dedicated team; the {forces - n} forces without one are not in the chart."
        ),
        source=f"{REPORT}, section 'Investigating and Disrupting / Resources / Dedicated Teams', Figure 16",
        alt=f"Bar chart of where the {n} dedicated MSHT teams sit: {parts}.",
    )
