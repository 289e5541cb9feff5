"""The report's NRM and recorded-crime figures (6, 7, 9, 10) drawn from the tidy official rows.

Each function returns (figure, plotted data). One period type per panel, coverage told apart by series, the tier
of every value in its look (``drawing``), and values not found marked as such, never filled.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ...data.official import series
from ..style import CATEGORICAL, COMPUTED, TIER_WORDS
from . import drawing as oc
from . import printed

COVERAGE_WORDS = {
    "England and Wales": "England and Wales, all forces",
    "E&W excl GMP": "England and Wales excluding Greater Manchester Police",
    "38 E&W forces responding to a Sky News FOI request": "38 forces answering a Sky News FOI (not all forces)",
}


def financial_years(first: int, last: int) -> list[str]:
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(first, last + 1)]


def _coverage(geography: str) -> str:
    return COVERAGE_WORDS.get(geography, geography)


def _label_bars(ax, xs, data: pd.DataFrame, fontsize: int = 7) -> None:
    for x, r in zip(xs, data.itertuples()):
        if pd.notna(r.value):
            ax.annotate(oc.label_value(r.value, r.bound), (x, r.value), ha="center", va="bottom", fontsize=fontsize)


# ---------------------------------------------------------------- Figure 6
def fig06_recorded_crime(table: pd.DataFrame, last_year: int, claims: pd.DataFrame):
    """Financial years (one bar series per coverage) and, in its own panel, the rolling-year total; the changes
    the report prints for Figure 6 (from the claims ledger) in a box, quoted."""
    changes = printed.figure_changes(claims, 6)
    rows = oc.with_bounds(series(table, "police_recorded_ms_offences", unit="count", last_year=last_year))
    years = financial_years(2015, last_year)
    fy = rows[rows["period_type"] == "financial_year"]
    coverages = ["England and Wales", *sorted(set(fy["geography"]) - {"England and Wales"})]
    fig, (ax, ax_roll) = plt.subplots(1, 2, figsize=(11, 5), width_ratios=[4.2, 1], sharey=True)
    width = 0.8 / len(coverages)
    out = []
    for i, (geo, colour) in enumerate(zip(coverages, CATEGORICAL)):
        part = fy[fy["geography"] == geo].set_index("period").reindex(years).reset_index()
        part = part.assign(geography=geo, coverage=_coverage(geo), panel="financial year", label=part["period"])
        xs = np.arange(len(years)) + (i - (len(coverages) - 1) / 2) * width
        for x, r in zip(xs, part.itertuples()):
            if pd.notna(r.value):
                oc.bar(ax, x, r.value, r.tier, colour, width)
        _label_bars(ax, xs, part, 6)
        if geo == "England and Wales":
            for x in xs[part["value"].isna().to_numpy()]:
                oc.not_found(ax, x)
        out.append(part)
    roll = rows[rows["period_type"] == "rolling_year"].assign(panel="rolling year", label=lambda d: d["period"])
    roll = roll.assign(coverage=[_coverage(g) for g in roll["geography"]])
    for x, r in enumerate(roll.itertuples()):
        oc.bar(ax_roll, x, r.value, r.tier, CATEGORICAL[0], 0.6)
    _label_bars(ax_roll, range(len(roll)), roll)
    ax_roll.set_xticks(range(len(roll)), [p.replace("year to ", "year to\n") for p in roll["period"]], fontsize=8)
    ax_roll.set_title("Rolling year (July to June)", fontsize=10, loc="left")
    ax.set_xticks(range(len(years)), years, rotation=45, ha="right")
    ax.set_ylabel("Recorded offences")
    ax.set_ylim(0, rows["value"].max() * 1.3)  # room for the box of printed changes above the tallest bar
    ax.set_title("Financial years (April to March)", fontsize=10, loc="left")
    tiers = pd.concat([*out, roll])["tier"].dropna()
    coverage = [Patch(color=c, label=_coverage(g)) for g, c in zip(coverages, CATEGORICAL)]
    ax.legend(handles=[*coverage, *oc.tier_handles(tiers)], fontsize=7, loc="upper left")
    ax.text(
        0.99,
        0.97,
        "Report (printed, no levels):\n"
        + "\n".join(f"'{q}' (line {line})" for q, line in zip(changes["quote"], changes["line"])),
        transform=ax.transAxes,
        ha="right",
        va="top",
        fontsize=8,
        bbox=dict(facecolor="white", edgecolor=oc.REPORT_COLOUR, boxstyle="round"),
    )
    fig.suptitle("Police recorded modern slavery offences, England and Wales", x=0.01, ha="left", fontsize=12)
    report = changes.assign(tier="report", panel="report", label=changes["quote"], bound="")
    return fig, oc.plot_columns(pd.concat([*out, roll, report], ignore_index=True))


# ---------------------------------------------------------------- Figure 7
def _split_release(releases: pd.DataFrame, year: str) -> tuple[pd.DataFrame, pd.Series | None]:
    """The newest release giving both competent-authority parts for a year, and that release's total."""
    rows = releases[
        (releases["series"] == "nrm_referrals")
        & (releases["period"] == year)
        & (releases["period_type"] == "calendar_year")
        & (releases["unit"] == "count")
    ]
    parts = rows[rows["breakdown"].isin(["competent_authority=sca", "competent_authority=ieca"])]
    complete = [d for d, g in parts.groupby("release_date") if g["breakdown"].nunique() == 2]
    if not complete:
        return parts.iloc[0:0], None
    release = max(complete)
    same = parts[parts["release_date"] == release].drop_duplicates("breakdown")
    totals = rows[(rows["breakdown"] == "total") & (rows["release_date"] == release)]
    return same, (totals.iloc[0] if not totals.empty else None)


def fig07_nrm_referrals(table: pd.DataFrame, last_year: int, releases: pd.DataFrame):
    """NRM totals (UK) with the competent-authority split of the same release; DtN reports in their own panel.

    `table` is the chosen vintage; `releases` every release within it, from which a year's split and the total of
    that same release are taken, so a stack is its total.
    """
    years = [str(y) for y in range(2014, last_year + 1)]
    fig, (ax, ax_dtn) = plt.subplots(2, 1, figsize=(10, 7.5), height_ratios=[3, 2], sharex=True)
    chosen = series(table, "nrm_referrals", period_type="calendar_year", unit="count").set_index("period")
    out = []
    for x, year in enumerate(years):
        parts, total = _split_release(releases, year)
        if total is not None:
            bottom = 0.0
            for (_, p), colour in zip(parts.sort_values("breakdown", ascending=False).iterrows(), CATEGORICAL[1:]):
                oc.bar(ax, x, p["value"], p["tier"], colour, 0.7, bottom=bottom)
                bottom += p["value"]
                out.append(p.to_frame().T.assign(measure="nrm_" + p["breakdown"].split("=")[1], split="same release"))
            later = chosen["value"].get(year)
            extra = f"\nrevised {later:,.0f}" if pd.notna(later) and later != total["value"] else ""
            ax.annotate(f"{total['value']:,.0f}{extra}", (x, total["value"]), ha="center", va="bottom", fontsize=6)
            out.append(total.to_frame().T.assign(measure="nrm_total", split="same release as its split"))
        elif year in chosen.index:
            r = chosen.loc[year]
            oc.bar(ax, x, r["value"], r["tier"], CATEGORICAL[0], 0.7)
            ax.annotate(f"{r['value']:,.0f}", (x, r["value"]), ha="center", va="bottom", fontsize=7)
            out.append(r.to_frame().T.assign(period=year, measure="nrm_total", split=oc.NOT_FOUND))
        else:
            oc.not_found(ax, x)
            out.append(pd.DataFrame([{"period": year, "value": np.nan, "measure": "nrm_total"}]))
    parts_legend = [
        Patch(color=CATEGORICAL[0], label=f"total; split by competent authority {oc.NOT_FOUND}"),
        Patch(color=CATEGORICAL[1], label="Single Competent Authority (SCA), same release as its total"),
        Patch(color=CATEGORICAL[2], label="Immigration Enforcement Competent Authority (IECA)"),
    ]
    dtn = series(table, "dtn_reports", period_type="calendar_year", unit="count").set_index("period").reindex(years)
    for x, (_year, r) in enumerate(dtn.iterrows()):
        if pd.notna(r["value"]):
            oc.bar(ax_dtn, x, r["value"], r["tier"], CATEGORICAL[3], 0.7)
            ax_dtn.annotate(f"{r['value']:,.0f}", (x, r["value"]), ha="center", va="bottom", fontsize=7)
        else:
            oc.not_found(ax_dtn, x)
    data = pd.concat(out, ignore_index=True).assign(panel="NRM referrals, UK")
    dtn = dtn.reset_index().assign(measure="dtn_reports", panel="Duty to Notify reports, England and Wales")
    data = pd.concat([data, dtn], ignore_index=True)
    words = {"nrm_total": "NRM referrals", "nrm_sca": "of which SCA", "nrm_ieca": "of which IECA"}
    words["dtn_reports"] = "Duty to Notify reports"
    data = data.assign(label=data["period"] + " " + data["measure"].map(words), bound="")
    ax.set_ylabel("Referrals")
    ax.set_title("NRM referrals, UK, by calendar year", fontsize=10, loc="left")
    ax.legend(handles=[*parts_legend, *oc.tier_handles(data["tier"].dropna())], fontsize=7, loc="upper left")
    ax_dtn.set_ylabel("Reports")
    ax_dtn.set_title("Duty to Notify reports (adults not entering the NRM), England and Wales", fontsize=10, loc="left")
    ax_dtn.set_xticks(range(len(years)), years)
    fig.suptitle("NRM referrals by competent authority, and Duty to Notify reports", x=0.01, ha="left", fontsize=12)
    return fig, oc.plot_columns(data)


# ---------------------------------------------------------------- Figures 9 and 10
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
    years = [str(y) for y in range(int(rows["year"].min()) if not rows.empty else last_year, last_year + 1)]
    nations = sorted(rows["nationality"].unique(), key=lambda n: (n != "uk", n))
    fig, (ax, ax_share) = plt.subplots(1, 2, figsize=(11, 4.8), width_ratios=[3, 2])
    width = min(0.8 / max(len(nations), 1), 0.3)
    for i, (nation, colour) in enumerate(zip(nations, CATEGORICAL)):
        part = rows[rows["nationality"] == nation].set_index("period")
        for x, year in enumerate(years):
            xi = x + (i - (len(nations) - 1) / 2) * width
            if year in part.index:
                r = part.loc[year]
                oc.bar(ax, xi, r["value"], r["tier"], colour, width)
                ax.annotate(f"{r['value']:,.0f}", (xi, r["value"]), ha="center", va="bottom", fontsize=7)
    for x, year in enumerate(years):
        if year not in set(rows["period"]):
            oc.not_found(ax, x)
    ax.set_xticks(range(len(years)), years)
    ax.set_ylabel("Referrals")
    ax.set_title(f"Referrals of {AGE_WORDS[age]} by nationality: counts found", fontsize=10, loc="left")
    nation_legend = [Patch(color=c, label=_nation(n)) for n, c in zip(nations, CATEGORICAL)]
    ax.legend(handles=[*nation_legend, *oc.tier_handles(rows["tier"])], fontsize=7, loc="upper left")
    ax.set_ylim(0, max(rows["value"].max() * 1.35, 1) if not rows.empty else 1)
    share = _uk_share(table, age, last_year)
    share_years = sorted(set(share["period"]) | set(printed_share["period"].astype(str)))
    for year in share_years:
        x = int(year)
        for r in share[share["period"] == year].itertuples():
            oc.point(ax_share, x, r.value, COMPUTED, CATEGORICAL[0])
            ax_share.annotate(f"{r.value:g}%", (x, r.value), xytext=(8, -3), textcoords="offset points", fontsize=8)
        for r in printed_share[printed_share["period"].astype(str) == year].itertuples():
            oc.point(ax_share, x, r.value, "report", oc.REPORT_COLOUR, size=8)
            ax_share.annotate(
                f"report: {r.value:g}%", (x, r.value), xytext=(8, 4), textcoords="offset points", fontsize=8
            )
            if year not in set(share["period"]):
                ax_share.annotate(
                    f"count by age {year}:\n{oc.NOT_FOUND}", (x, 2), ha="center", fontsize=7, color="#595959"
                )
    ax_share.set_xticks([int(y) for y in share_years], share_years)
    ax_share.tick_params(axis="x", labelrotation=45)  # neighbouring years stay apart in the narrow panel
    ax_share.set_xlim(int(share_years[0]) - 0.8, int(share_years[-1]) + 0.8)
    ax_share.set_ylim(0, 100)
    ax_share.set_ylabel(f"UK nationals, % of {age} referrals")
    ax_share.set_title("UK nationals' share", fontsize=10, loc="left")
    ax_share.legend(
        handles=[
            plt.Line2D([], [], marker="o", color=CATEGORICAL[0], linestyle="", label=TIER_WORDS[COMPUTED]),
            *oc.tier_handles(["report"]),
        ],
        fontsize=7,
        loc="upper left",
    )
    number = 9 if age == "child" else 10
    fig.suptitle(
        f"Figure {number}: NRM referrals for victims exploited as {'a child' if age == 'child' else 'an adult'}"
        " by nationality",
        x=0.01,
        ha="left",
        fontsize=12,
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
