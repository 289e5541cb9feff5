"""Figures 23 and 24 (outcomes, CPS prosecutions) and the live-operations series, from the tidy official rows.

One period type and one coverage per panel; rates in their own panels; the report's printed values as report-tier
marks placed on the period the report gives; bounds ('less than 2%') drawn as bounds.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ...audit.ledger import stated_series
from ..style import CATEGORICAL, COMPUTED, wrap
from . import drawing as oc
from .crime_and_referrals import financial_years
from .printed import cps_values

# ---------------------------------------------------------------- Figure 23
OUTCOME_PANELS = [
    ("England and Wales", "share_of=recorded_offences", "England and Wales, all forces\n(share of recorded offences)"),
    (
        "E&W forces responding to FOI (about two-thirds)",
        "share_of=recorded_offences",
        "Forces answering a Guardian FOI\n(about two-thirds of forces;\nshare of recorded offences)",
    ),
    ("", "share_of=concluded_investigations", "Single forces, 2018\n(share of concluded investigations)"),
]


def fig23_outcomes(table: pd.DataFrame, last_year: int):
    """Share charged or summonsed: one panel per coverage and basis, each with its own periods."""
    rows = table[
        (table["series"] == "ms_crime_outcomes")
        & (table["unit"] == "percent")
        & table["breakdown"].str.startswith("outcome=charged_summonsed;")
        & (table["year"] <= last_year)
    ]
    rows = oc.with_bounds(rows.sort_values(["period_start", "geography"], kind="stable"))
    fig, axes = plt.subplots(1, len(OUTCOME_PANELS), figsize=(11, 4.6), sharey=True)
    out = []
    for ax, (geo, basis, title) in zip(axes, OUTCOME_PANELS):
        part = rows[rows["breakdown"].str.endswith(basis)]
        part = (
            part[part["geography"] == geo] if geo else part[~part["geography"].isin([g for g, _, _ in OUTCOME_PANELS])]
        )
        labels = list(part["period"] if geo else part["geography"].str.replace(" Police area", ""))
        for x, r in enumerate(part.itertuples()):
            text = oc.label_value(r.value, r.bound, "{:g}", "%")
            ax.annotate(text, (x, r.value), ha="center", va="bottom", fontsize=8)
            if r.bound == "<":  # an upper bound: a dashed ceiling and an arrow down, no bar of that height
                ax.plot([x - 0.3, x + 0.3], [r.value, r.value], "--", color=CATEGORICAL[0], linewidth=1.5)
                ax.annotate("", (x, 0.1), (x, r.value), arrowprops=dict(arrowstyle="->", color=CATEGORICAL[0]))
            else:
                oc.bar(ax, x, r.value, r.tier, CATEGORICAL[0], 0.6)
        ax.set_xticks(range(len(part)), labels, fontsize=8)
        ax.set_xlim(-0.8, max(len(part), 2) - 0.2)
        ax.set_title(title, fontsize=9, loc="left")
        out.append(part.assign(panel=title.replace("\n", " "), coverage=part["geography"], label=labels))
    axes[0].set_ylabel("Charged or summonsed (%)")
    data = pd.concat(out, ignore_index=True)
    axes[-1].legend(handles=oc.tier_handles(data["tier"]), fontsize=7, loc="upper right")
    axes[0].text(
        0.02,
        0.97,
        "Dashed line and arrow: the source prints\nan upper bound (less than 2%), no exact value",
        transform=axes[0].transAxes,
        fontsize=7,
        va="top",
    )
    fig.suptitle(
        "Recorded modern slavery crimes charged or summonsed (the report prints no value; its text says it fell)",
        x=0.01,
        ha="left",
        fontsize=11,
    )
    return fig, oc.plot_columns(data)


# ---------------------------------------------------------------- Figure 24
CPS_COUNTS = {"cps_ms_prosecutions": "prosecutions", "cps_ms_convictions": "convictions"}


def _cps_periods(kind: str, rows: pd.DataFrame, last_year: int) -> list[str]:
    if kind == "calendar_year":
        return [str(y) for y in range(2016, last_year + 1)]
    if kind == "financial_year":
        return financial_years(2016, last_year - 1)
    return list(dict.fromkeys(rows.loc[rows["period_type"] == kind].sort_values("period_start")["period"]))


def fig24_cps(table: pd.DataFrame, last_year: int, claims: pd.DataFrame):
    """Counts (top) and conviction rates (bottom), one column per period type, and the report's values (from the
    claims ledger), each placed on the period the report gives."""
    printed = cps_values(claims)
    rows = oc.with_bounds(
        table[
            table["series"].isin([*CPS_COUNTS, "cps_ms_conviction_rate"])
            & (table["breakdown"] == "total")
            & (table["year"] <= last_year)
        ]
    )
    kinds = {"calendar_year": "Calendar years", "financial_year": "Financial years (April to March)"}
    kinds["rolling_year"] = "Rolling years (year to the month shown)"
    fig, axes = plt.subplots(2, 3, figsize=(13, 8), width_ratios=[7, 7, 2], sharey="row", sharex="col")
    out = []
    for col, (kind, title) in enumerate(kinds.items()):
        periods = _cps_periods(kind, rows, last_year)
        ax_n, ax_r = axes[0, col], axes[1, col]
        x = np.arange(len(periods))
        part = rows[rows["period_type"] == kind]
        for offset, (name, word), colour in zip((-0.2, 0.2), CPS_COUNTS.items(), CATEGORICAL):
            s = part[part["series"] == name].set_index("period").reindex(periods)
            for xi, (_period, r) in zip(x + offset, s.iterrows()):
                if pd.notna(r["value"]):
                    oc.bar(ax_n, xi, r["value"], r["tier"], colour, 0.4)
                    ax_n.annotate(f"{r['value']:,.0f}", (xi, r["value"]), ha="center", va="bottom", fontsize=6)
            out.append(s.reset_index().assign(panel=f"{title}: {word}", label=lambda d, w=word: d["period"] + " " + w))
        found = set(part.loc[part["series"].isin(CPS_COUNTS), "period"])
        for xi, period in zip(x, periods):
            if period not in found:
                oc.not_found(ax_n, xi)
        rate = part[part["series"] == "cps_ms_conviction_rate"].set_index("period").reindex(periods)
        for xi, (_period, r) in zip(x, rate.iterrows()):
            if pd.notna(r["value"]):
                oc.point(ax_r, xi, r["value"], r["tier"], CATEGORICAL[2])
                ax_r.annotate(
                    f"{r['value']:g}%", (xi, r["value"]), xytext=(6, 4), textcoords="offset points", fontsize=7
                )
        out.append(rate.reset_index().dropna(subset=["value"]).assign(panel=f"{title}: conviction rate"))
        computed = _computed_rates(part, periods)
        for xi, r in zip(x, computed.itertuples()):
            if pd.notna(r.value) and r.period not in set(rate.dropna(subset=["value"]).index):
                oc.point(ax_r, xi, r.value, COMPUTED, CATEGORICAL[2], marker="s", size=5)
                ax_r.annotate(f"{r.value:.1f}%", (xi, r.value), xytext=(6, -10), textcoords="offset points", fontsize=7)
        out.append(computed.dropna(subset=["value"]).assign(panel=f"{title}: conviction rate (computed)"))
        _report_marks(ax_n, ax_r, printed[printed["period_type"] == kind], periods, out, title, rows)
        rolling = kind == "rolling_year"
        labels = [p.replace("year to ", "").replace(" ", "\n") for p in periods] if rolling else periods
        ax_r.set_xticks(x, labels, rotation=0 if rolling else 45)
        ax_r.set_ylim(0, 100)
        ax_n.set_title(wrap(title, 20 if kind == "rolling_year" else 60), fontsize=10, loc="left")
        ax_n.set_xlim(-0.7, max(len(x), 1) - 0.3)
    axes[0, 0].set_ylabel("Defendants")
    axes[1, 0].set_ylabel("Conviction rate (%)")
    data = pd.concat(out, ignore_index=True)
    tiers = data["tier"].dropna()
    counts_legend = [Patch(color=c, label=w) for w, c in zip(CPS_COUNTS.values(), CATEGORICAL)]
    fig.legend(
        handles=[
            *counts_legend,
            *oc.tier_handles(set(tiers) & {"official", "official_secondary"}),
            *oc.tier_handles(tiers, CATEGORICAL[2], kind="marker"),
        ],
        fontsize=7,
        loc="outside lower center",
        ncol=4,
    )
    fig.suptitle(
        "CPS modern-slavery-flagged prosecutions and convictions (England and Wales); conviction rates below",
        x=0.01,
        ha="left",
        fontsize=12,
    )
    data = data.assign(label=data["label"].fillna(data["panel"] + " " + data["period"].astype(str)))
    return fig, oc.plot_columns(data)


def _computed_rates(part: pd.DataFrame, periods: list[str]) -> pd.DataFrame:
    counts = {n: part[part["series"] == n].set_index("period")["value"] for n in CPS_COUNTS}
    rows = []
    for p in periods:
        pros, conv = counts["cps_ms_prosecutions"].get(p), counts["cps_ms_convictions"].get(p)
        value = round(100 * conv / pros, 1) if pros is not None and conv is not None else np.nan
        rows.append({"period": p, "value": value, "unit": "percent", "tier": COMPUTED, "series": "computed rate"})
    return pd.DataFrame(rows)


def _report_marks(ax_n, ax_r, printed, periods: list[str], out: list, title: str, rows: pd.DataFrame) -> None:
    """The report's values on the periods it gives; where a source dates the same value otherwise, say so."""
    for r in printed.itertuples():
        if r.period not in periods:
            continue
        xi = periods.index(r.period)
        ax = ax_r if r.series == "cps_ms_conviction_rate" else ax_n
        oc.point(ax, xi, r.value, "report", oc.REPORT_COLOUR)
        same = rows[(rows["series"] == r.series) & (rows["value"] == r.value) & (rows["period"] != r.period)]
        elsewhere = f"\n(sources date {r.value:g} to {', '.join(dict.fromkeys(same['period']))})" if len(same) else ""
        ax.annotate(
            f"report: {r.value:g}{elsewhere}", (xi, r.value), xytext=(-4, 8), textcoords="offset points", fontsize=7
        )
        out.append(pd.DataFrame([r._asdict()]).drop(columns="Index").assign(tier="report", panel=f"{title}: report"))
    band = printed[printed["series"] == "cps_ms_conviction_rate_range"]
    for r in band.itertuples():
        first, last = (periods.index(p) for p in r.period.split("-"))
        ax_r.fill_between([first - 0.3, last + 0.3], r.low, r.high, color="#FFF2CC", edgecolor=oc.REPORT_COLOUR)
        ax_r.annotate(
            f"report: {r.low:g}% to {r.high:g}%, average {r.value:g}%\n(individual years not printed)",
            (first - 0.3, r.high + 3),
            fontsize=7,
        )
        out.append(pd.DataFrame([r._asdict()]).drop(columns="Index").assign(tier="report", panel=f"{title}: report"))


# ---------------------------------------------------------------- live operations
def _decimal(ts: pd.Period) -> float:
    return ts.year + (ts.month - 0.5) / 12


def ops_live_operations(table: pd.DataFrame, claims: pd.DataFrame, last_year: int):
    """Published snapshots (by tier, bounds marked) against the report's values (from the claims ledger), each
    drawn over its whole year. A value two sources date differently is drawn once, as a disputed span."""
    stated = stated_series(claims, "live_ms_operations")
    rows = table[
        (table["series"] == "live_ms_operations")
        & (table["breakdown"] == "total")
        & (table["unit"] == "count")
        & (table["year"] <= last_year)
    ]
    rows = oc.with_bounds(rows.sort_values("period_end", kind="stable"))
    rows = rows.assign(x=[_decimal(p) for p in rows["period_end"]])
    disputed = rows[rows.duplicated("value", keep=False)]
    fig, ax = plt.subplots(figsize=(11, 6))
    single = rows.drop(disputed.index)
    ax.plot(single["x"], single["value"], "-", color=CATEGORICAL[0], linewidth=0.8, alpha=0.6)
    markers = {"": "o", "≥": "^", ">": "^", "≈": "o", "<": "v"}
    snapshot_labels, priority_labels = [], []
    for i, r in enumerate(single.itertuples()):
        oc.point(ax, r.x, r.value, r.tier, CATEGORICAL[0], markers[r.bound])
        offset = (6, 4) if i % 2 else (-6, -12)
        label = ax.annotate(
            oc.label_value(r.value, r.bound),
            (r.x, r.value),
            xytext=offset,
            textcoords="offset points",
            fontsize=7,
            ha="left" if i % 2 else "right",
        )
        snapshot_labels.append(label)
    for value, g in disputed.groupby("value"):
        ax.plot(g["x"], [value] * len(g), "-", color=CATEGORICAL[1], linewidth=3)
        for r in g.itertuples():
            oc.point(ax, r.x, value, r.tier, CATEGORICAL[1])
        dates = "\nor ".join(f"{p} ({s.split(':')[0]})" for p, s in zip(g["period"], g["source_title"]))
        note = ax.annotate(
            f"{value:,.0f}: one value, dated\n{dates}",
            (g["x"].min(), value),
            xytext=(-4, 40),
            textcoords="offset points",
            fontsize=7,
            color="#3D3D3D",
        )
        priority_labels.append(note)
    for r in stated.itertuples():
        ax.plot([r.year, r.year + 1], [r.value, r.value], "-", color=oc.REPORT_COLOUR, linewidth=2.5)
        oc.point(ax, r.year + 0.5, r.value, "report", oc.REPORT_COLOUR)
        label = ax.annotate(
            f"report {r.year}: {r.value:,.0f}",
            (r.year + 0.5, r.value),
            xytext=(0, -14),
            textcoords="offset points",
            ha="center",
            fontsize=7,
        )
        priority_labels.insert(0, label)
    ax.set_xlim(2015, last_year + 1)
    ax.set_xticks(range(2015, last_year + 2))
    ax.set_ylabel("Live operations / investigations")
    handles = oc.tier_handles([*rows["tier"], "report"], kind="marker") + [
        plt.Line2D([], [], marker="^", color=CATEGORICAL[0], linestyle="", label="source prints a lower bound"),
        plt.Line2D([], [], color=CATEGORICAL[1], linewidth=3, label="one value two sources date differently"),
        plt.Line2D([], [], color=oc.REPORT_COLOUR, linewidth=2.5, label="report value, drawn over the year it gives"),
    ]
    ax.legend(handles=handles, fontsize=7, loc="upper left")
    ax.set_title(
        "Live police modern slavery operations, UK: published snapshots and the report's values",
        loc="left",
        fontsize=11,
    )
    dropped = oc.drop_colliding(fig, priority_labels + snapshot_labels)
    note = (
        f"\nLabels left out where they would overlap: {'; '.join(dropped)} (every value is in the CSV)."
        if dropped
        else ""
    )
    ax.set_xlabel("Date of the snapshot, or the year the report gives" + note, fontsize=8, loc="left")
    data = pd.concat(
        [
            rows.assign(
                panel=np.where(rows.index.isin(disputed.index), "disputed date", "snapshot"), label=rows["period"]
            ),
            stated.assign(
                tier="report", panel="report", label="report " + stated["period"].astype(str), bound="", unit="count"
            ),
        ],
        ignore_index=True,
    )
    return fig, oc.plot_columns(data)
