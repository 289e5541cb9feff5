"""Figures 23 and 24 (outcomes, CPS prosecutions) and the live-operations series, from the tidy official rows.

One period type and one coverage per panel; rates in their own panels; the report's printed values as report-tier
marks placed on the period the report gives; bounds ('less than 2%') drawn as bounds.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch

from ...audit.ledger import stated_series
from ...data.periods import financial_years
from .. import style
from ..style import BAND, CATEGORICAL, COMPUTED, GREY, wrap
from . import drawing as oc
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
    fig, axes = plt.subplots(1, len(OUTCOME_PANELS), figsize=(oc.A4_WIDTH, 4.4), sharey=True)
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
        ax.set_xticks(range(len(part)), [wrap(label, 12) for label in labels], fontsize=style.SMALL_PT)
        ax.set_xlim(-0.8, max(len(part), 2) - 0.2)
        ax.set_title(wrap(title.replace("\n", " "), 24), fontsize=style.SMALL_PT, loc="left")
        out.append(part.assign(panel=title.replace("\n", " "), coverage=part["geography"], label=labels))
    axes[0].set_ylabel("Charged or summonsed (%)")
    data = pd.concat(out, ignore_index=True)
    ceiling = plt.Line2D([], [], linestyle="--", color=CATEGORICAL[0], label="the source prints an upper bound")
    oc.keys(fig, [ceiling] if (data["bound"] == "<").any() else [], data["tier"])
    fig.suptitle(
        wrap(
            "Recorded modern slavery crimes charged or summonsed (the report prints no value; its text says it fell)",
            68,
        ),
        x=0.01,
        ha="left",
        fontsize=style.TITLE_PT,
    )
    return fig, oc.plot_columns(data)


# ---------------------------------------------------------------- Figure 24
CPS_COUNTS = {"cps_ms_prosecutions": "prosecutions", "cps_ms_convictions": "convictions"}
RATE_COLOUR = CATEGORICAL[2]  # the conviction-rate series


def _cps_periods(kind: str, rows: pd.DataFrame, last_year: int) -> list[str]:
    if kind == "calendar_year":
        return [str(y) for y in range(2016, last_year + 1)]
    if kind == "financial_year":
        return financial_years(2016, last_year - 1)
    return list(dict.fromkeys(rows.loc[rows["period_type"] == kind].sort_values("period_start")["period"]))


PERIOD_GROUPS = {
    "calendar_year": "Calendar years",
    "financial_year": "Financial years (April to March)",
    "rolling_year": "Years to the month shown",
}


def _slots(rows: pd.DataFrame, last_year: int) -> list[tuple[str, str, float]]:
    """(period type, period, x) of every period drawn: the period types side by side, a gap between them."""
    slots, x = [], 0.0
    for kind in PERIOD_GROUPS:
        periods = _cps_periods(kind, rows, last_year)
        for period in periods:
            slots.append((kind, period, x))
            x += 1
        x += 0.8 if periods else 0
    return slots


def _not_found_bands(ax, xs: list[float]) -> None:
    """Periods not found as light bands (one legend entry names them), adjacent periods as one band."""
    runs, start, last = [], None, None
    for x in xs:
        if start is None:
            start = x
        elif x - last > 1:
            runs.append((start, last))
            start = x
        last = x
    if start is not None:
        runs.append((start, last))
    for first, end in runs:
        ax.axvspan(first - 0.45, end + 0.45, color=BAND, linewidth=0)


def fig24_cps(table: pd.DataFrame, last_year: int, claims: pd.DataFrame):
    """Counts (top) and conviction rates (bottom), two full-width panels; calendar years, financial years and
    years to a month side by side, never mixed; periods not found as light bands; the report's values (from the
    claims ledger) on the periods it gives."""
    printed = cps_values(claims)
    rows = oc.with_bounds(
        table[
            table["series"].isin([*CPS_COUNTS, "cps_ms_conviction_rate"])
            & (table["breakdown"] == "total")
            & (table["year"] <= last_year)
        ]
    )
    slots = _slots(rows, last_year)
    fig, (ax_n, ax_r) = plt.subplots(2, 1, figsize=(oc.A4_WIDTH, 7.4), sharex=True, height_ratios=[1, 1])
    out, missing, value_labels, report_labels = [], [], [], []
    ax_n.set_ylim(0, max(rows.loc[rows["series"].isin(CPS_COUNTS), "value"].max(), 1) * 1.3)
    for kind, title in PERIOD_GROUPS.items():
        here = [(p, x) for k, p, x in slots if k == kind]
        if not here:
            continue
        periods, xs = [p for p, _ in here], np.array([x for _, x in here])
        part = rows[rows["period_type"] == kind]
        for offset, (name, word), colour in zip((-0.2, 0.2), CPS_COUNTS.items(), CATEGORICAL):
            s = part[part["series"] == name].set_index("period").reindex(periods)
            for xi, (_period, r) in zip(xs + offset, s.iterrows()):
                if pd.notna(r["value"]):
                    oc.bar(ax_n, xi, r["value"], r["tier"], colour, 0.4)
                    value_labels.append(oc.count_label(ax_n, xi, r["value"]))
            out.append(s.reset_index().assign(panel=f"{title}: {word}", label=lambda d, w=word: d["period"] + " " + w))
        found = set(part.loc[part["series"].isin(CPS_COUNTS), "period"])
        missing += [x for p, x in here if p not in found]
        rate = part[part["series"] == "cps_ms_conviction_rate"].set_index("period").reindex(periods)
        for xi, (_period, r) in zip(xs, rate.iterrows()):
            if pd.notna(r["value"]):
                oc.point(ax_r, xi, r["value"], r["tier"], CATEGORICAL[2])
                value_labels.append(_rate_label(ax_r, xi, r["value"], f"{r['value']:g}%"))
        out.append(rate.reset_index().dropna(subset=["value"]).assign(panel=f"{title}: conviction rate"))
        computed = _computed_rates(part, periods)
        for xi, r in zip(xs, computed.itertuples()):
            if pd.notna(r.value) and r.period not in set(rate.dropna(subset=["value"]).index):
                oc.point(ax_r, xi, r.value, COMPUTED, CATEGORICAL[2], marker="s", size=6)
                value_labels.append(_rate_label(ax_r, xi, r.value, f"{r.value:.1f}%"))
        out.append(computed.dropna(subset=["value"]).assign(panel=f"{title}: conviction rate (computed)"))
        report_labels += _report_marks(
            ax_n, ax_r, printed[printed["period_type"] == kind], dict(here), out, title, rows
        )
        ax_n.text(
            xs.mean(),
            1.02,
            wrap(title, 22 if len(xs) < 4 else 40),
            transform=ax_n.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=8,
        )
        for axis in (ax_n, ax_r):
            axis.axvline(xs[-1] + 0.9, color=GREY, linewidth=0.8)
    _not_found_bands(ax_n, missing)
    ax_n.set_ylabel("Defendants")
    ax_r.set_ylim(50, 95)  # every published or computed rate lies here (the axis says so), with room for labels
    ax_r.set_ylabel("Conviction rate (%)")
    ticks = [(x, p.replace("year to ", "to ")) for _, p, x in slots]
    ax_r.set_xticks([x for x, _ in ticks], [p for _, p in ticks], rotation=90)
    ax_r.set_xlim(-0.7, slots[-1][2] + 0.7)
    data = pd.concat(out, ignore_index=True)
    tiers = data["tier"].dropna()
    counts_legend = [Patch(color=c, label=w) for w, c in zip(CPS_COUNTS.values(), CATEGORICAL)]
    counts_legend.append(Patch(facecolor=CATEGORICAL[2], edgecolor=CATEGORICAL[2], label="conviction rate"))
    oc.keys(fig, counts_legend, [*tiers, *([oc.NOT_FOUND] if missing else [])])
    fig.suptitle(
        "CPS modern-slavery-flagged prosecutions, convictions and conviction rates", x=0.01, ha="left", fontsize=11
    )
    dropped = oc.drop_colliding(fig, report_labels + value_labels)
    if dropped:
        ax_r.set_xlabel(
            wrap(f"Labels left out where they would overlap: {'; '.join(dropped)}.", 95), fontsize=8, loc="left"
        )
    data = data.assign(label=data["label"].fillna(data["panel"] + " " + data["period"].astype(str)))
    return fig, oc.plot_columns(data)


def _rate_label(ax, x: float, value: float, text: str):
    """A rate's label, upright above its marker, so that neighbouring periods' labels stay apart."""
    return ax.annotate(
        text, (x, value), xytext=(0, 6), textcoords="offset points", ha="center", va="bottom", fontsize=8, rotation=90
    )


def _computed_rates(part: pd.DataFrame, periods: list[str]) -> pd.DataFrame:
    counts = {n: part[part["series"] == n].set_index("period")["value"] for n in CPS_COUNTS}
    rows = []
    for p in periods:
        pros, conv = counts["cps_ms_prosecutions"].get(p), counts["cps_ms_convictions"].get(p)
        value = round(100 * conv / pros, 1) if pros is not None and conv is not None else np.nan
        rows.append({"period": p, "value": value, "unit": "percent", "tier": COMPUTED, "series": "computed rate"})
    return pd.DataFrame(rows)


def _report_marks(ax_n, ax_r, printed, xs: dict[str, float], out: list, title: str, rows: pd.DataFrame) -> list:
    """The report's values on the periods it gives (a count's label at the top of its panel); where a source dates
    the same value otherwise, say so. Returns the labels."""
    labels = []
    for r in printed.itertuples():
        if r.period not in xs:
            continue
        xi = xs[r.period]
        ax = ax_r if r.series == "cps_ms_conviction_rate" else ax_n
        oc.point(ax, xi, r.value, "report", oc.REPORT_COLOUR)
        same = rows[(rows["series"] == r.series) & (rows["value"] == r.value) & (rows["period"] != r.period)]
        elsewhere = f"\n(sources: {', '.join(dict.fromkeys(same['period']))})" if len(same) else ""
        top = ax.get_ylim()[1] if ax is ax_n else r.value
        labels.append(
            ax.annotate(
                f"report: {r.value:g}{elsewhere}",
                (xi, r.value),
                xytext=(xi - 0.3, top * 0.98) if ax is ax_n else (-5, 8),
                textcoords="data" if ax is ax_n else "offset points",
                fontsize=8,
                ha="left",
                va="top" if ax is ax_n else "bottom",
            )
        )
        out.append(pd.DataFrame([r._asdict()]).drop(columns="Index").assign(tier="report", panel=f"{title}: report"))
    band = printed[printed["series"] == "cps_ms_conviction_rate_range"]
    for r in band.itertuples():
        first, last = (xs[p] for p in r.period.split("-"))
        ax_r.fill_between(  # the rate series' colour, light; the report tier's black edge
            [first - 0.3, last + 0.3], r.low, r.high, facecolor=to_rgba(RATE_COLOUR, 0.2), edgecolor=oc.REPORT_COLOUR
        )
        labels.append(
            ax_r.annotate(
                f"report: {r.low:g}% to {r.high:g}%,\naverage {r.value:g}%",
                ((first + last) / 2, r.high),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=8,
            )
        )
        out.append(pd.DataFrame([r._asdict()]).drop(columns="Index").assign(tier="report", panel=f"{title}: report"))
    return labels


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
    fig, ax = plt.subplots(figsize=(oc.A4_WIDTH, 4.8))
    single = rows.drop(disputed.index)
    ax.plot(single["x"], single["value"], "-", color=CATEGORICAL[0], linewidth=0.8, alpha=0.6)
    shapes = {"": "o", "≥": "^", ">": "^", "≈": "o", "<": "v"}
    snapshot_labels, priority_labels, markers = [], [], []
    for r in single.itertuples():
        oc.point(ax, r.x, r.value, r.tier, CATEGORICAL[0], shapes[r.bound])
        markers.append((ax, r.x, r.value))
        label = ax.annotate(
            oc.label_value(r.value, r.bound),
            (r.x, r.value),
            xytext=(0, 7),
            textcoords="offset points",
            fontsize=style.SMALL_PT,
            ha="center",
            va="bottom",
        )  # straight above its own marker: a label never sits nearer another marker
        snapshot_labels.append(label)
    for value, g in disputed.groupby("value"):
        ax.plot(g["x"], [value] * len(g), "-", color=CATEGORICAL[1], linewidth=3)
        for r in g.itertuples():
            oc.point(ax, r.x, value, r.tier, CATEGORICAL[1])
            markers.append((ax, r.x, value))
    for r in stated.itertuples():
        ax.plot([r.year, r.year + 1], [r.value, r.value], "-", color=oc.REPORT_COLOUR, linewidth=2.5)
        oc.point(ax, r.year + 0.5, r.value, "report", oc.REPORT_COLOUR)
        markers.append((ax, r.year + 0.5, r.value))
        label = ax.annotate(
            f"report {r.year}: {r.value:,.0f}",
            (r.year + 0.5, r.value),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=style.SMALL_PT,
        )
        priority_labels.insert(0, label)
    ax.set_xlim(2015, last_year + 1)
    ax.set_xticks(range(2015, last_year + 2))
    ax.set_ylim(0, max(rows["value"].max(), stated["value"].max() if len(stated) else 0) * 1.2)
    ax.yaxis.set_major_formatter(oc.THOUSANDS)
    ax.set_ylabel("Live operations")
    series = [
        plt.Line2D([], [], marker="o", color=CATEGORICAL[0], linestyle="", label="published snapshot"),
        plt.Line2D([], [], marker="^", color=CATEGORICAL[0], linestyle="", label="the source prints a lower bound"),
        plt.Line2D([], [], color=CATEGORICAL[1], linewidth=3, label="one value two sources date differently"),
        plt.Line2D([], [], color=oc.REPORT_COLOUR, linewidth=2.5, label="the report's value, over the year it gives"),
    ]
    oc.keys(fig, series, [*rows["tier"], "report"])
    fig.suptitle(
        wrap("Live police modern slavery operations, UK: published snapshots and the report's values", 68),
        x=0.01,
        ha="left",
        fontsize=style.TITLE_PT,
    )
    dropped = oc.drop_colliding(fig, priority_labels + snapshot_labels, markers)
    note = "\n" + wrap(f"Labels left out where they would overlap: {'; '.join(dropped)}.", 95) if dropped else ""
    ax.set_xlabel("Date of the snapshot, or the year the report gives" + note, fontsize=style.SMALL_PT, loc="left")
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
