"""Figures 9 and 10: NRM referrals by nationality for children and for adults, and the UK nationals' share of
each group computed from counts beside the share the report prints; values not found are marked, never filled.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ..style import CATEGORICAL, COMPUTED
from . import drawing as oc
from . import printed
from .drawing import A4_WIDTH, THOUSANDS

AGE_WORDS = {"child": "children (exploited as a child)", "adult": "adults (exploited as an adult)"}


def _uk_share(table: pd.DataFrame, age: str, last_year: int) -> pd.DataFrame:
    """UK nationals' share of one age group's referrals, computed where both counts were found for a year."""
    count = table[(table["series"] == "nrm_referrals") & (table["unit"] == "count")]
    count = count[(count["period_type"] == "calendar_year") & (count["year"] <= last_year)]
    by = {b: dict(zip(g["period"], g.itertuples())) for b, g in count.groupby("breakdown")}
    rows = []
    for period in sorted(set(by.get(f"age={age}", {}))):
        base = by[f"age={age}"][period]
        if age == "child":
            uk = by.get("age=child;nationality=uk", {}).get(period)
            num, inputs = (uk.value, [uk, base]) if uk else (None, [])
        else:
            uk_all, uk_child = (by.get(k, {}).get(period) for k in ("nationality=uk", "age=child;nationality=uk"))
            ok = uk_all is not None and uk_child is not None
            num, inputs = (uk_all.value - uk_child.value, [uk_all, uk_child, base]) if ok else (None, [])
        if num is not None:
            rows.append(
                {
                    "period": period,
                    "value": round(100 * num / base.value, 1),
                    "unit": "percent",
                    "tier": COMPUTED,
                    "inputs": "; ".join(f"{i.breakdown} {i.value:,.0f} ({i.tier}, {i.source_title})" for i in inputs),
                }
            )
    return pd.DataFrame(rows, columns=["period", "value", "unit", "tier", "inputs"])


def nationality_by_age(table: pd.DataFrame, age: str, last_year: int, claims: pd.DataFrame):
    """Figure 9 (age='child') or 10 (age='adult'): counts by nationality found for that age group, and the UK share
    of the group's referrals (computed from counts) beside the share the report prints (from the claims ledger)."""
    printed_share = printed.uk_share_by_age(claims, age)
    rows = table[
        (table["series"] == "nrm_referrals")
        & (table["unit"] == "count")
        & (table["period_type"] == "calendar_year")
        & table["breakdown"].str.fullmatch(rf"age={age};nationality=[a-z_]+")
        & (table["year"] <= last_year)
    ]
    rows = oc.with_bounds(rows.assign(nationality=rows["breakdown"].str.split("nationality=").str[1]))
    years = sorted(set(rows["period"]))  # the years with a count; the caption names the years not found
    nations = sorted(rows["nationality"].unique(), key=lambda n: (n != "uk", n))
    fig, (ax, ax_share) = plt.subplots(2, 1, figsize=(A4_WIDTH, 6.2), height_ratios=[3, 2])
    width = min(0.8 / max(len(nations), 1), 0.3)
    for i, (nation, colour) in enumerate(zip(nations, CATEGORICAL)):
        part = rows[rows["nationality"] == nation].set_index("period")
        for x, year in enumerate(years):
            xi = x + (i - (len(nations) - 1) / 2) * width
            if year in part.index:
                r = part.loc[year]
                oc.bar(ax, xi, r["value"], r["tier"], colour, width)
                ax.annotate(
                    f"{r['value']:,.0f}",
                    (xi, r["value"]),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=8,
                )
    ax.set_xticks(range(len(years)), years)
    ax.set_xlim(-0.6, max(len(years), 1) - 0.4)
    ax.set_ylabel("Referrals")
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_title(f"Referrals of {AGE_WORDS[age]} by nationality: the counts found", fontsize=9, loc="left")
    nation_legend = [Patch(color=c, label=_nation(n)) for n, c in zip(nations, CATEGORICAL)]
    ax.set_ylim(0, max(rows["value"].max() * 1.25, 1) if not rows.empty else 1)
    share = _uk_share(table, age, last_year)
    share_years = sorted(set(share["period"]) | set(printed_share["period"].astype(str)))
    for x, year in enumerate(share_years):
        for r in share[share["period"] == year].itertuples():
            oc.point(ax_share, x, r.value, COMPUTED, CATEGORICAL[0], marker="s")
            ax_share.annotate(
                f"{r.value:g}%", (x, r.value), xytext=(8, 0), textcoords="offset points", va="center", fontsize=8
            )
        for r in printed_share[printed_share["period"].astype(str) == year].itertuples():
            oc.point(ax_share, x, r.value, "report", oc.REPORT_COLOUR, size=8)
            ax_share.annotate(
                f"report: {r.value:g}%",
                (x, r.value),
                xytext=(-8, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=8,
            )
    ax_share.set_xticks(range(len(share_years)), share_years)
    ax_share.set_xlim(-0.8, len(share_years) - 0.2)
    ax_share.set_ylim(0, 100)
    ax_share.set_ylabel(f"% of {age} referrals")
    ax_share.set_title("UK nationals' share of the group's referrals", fontsize=9, loc="left")
    oc.keys(fig, nation_legend, [*rows["tier"], *share["tier"], *printed_share.assign(tier="report")["tier"]])
    number = 9 if age == "child" else 10
    fig.suptitle(
        f"Figure {number}: NRM referrals for victims exploited as {'a child' if age == 'child' else 'an adult'}"
        " by nationality",
        x=0.01,
        ha="left",
        fontsize=11,
    )
    counts = rows.assign(
        panel="counts", label=[f"{_nation(n)} {p}" for n, p in zip(rows["nationality"], rows["period"])]
    )
    shares = share.assign(panel="UK share (computed)", label="UK share " + share["period"], bound="")
    report = printed_share.assign(
        panel="UK share (report)",
        label="report UK share " + printed_share["period"].astype(str),
        tier="report",
        unit="percent",
    )
    report = report.assign(bound=["≈" if str(q).lower().startswith("approximately") else "" for q in report["quote"]])
    return fig, oc.plot_columns(pd.concat([counts, shares, report], ignore_index=True))


def _nation(code: str) -> str:
    return "UK" if code == "uk" else code.replace("_", " ").title()
