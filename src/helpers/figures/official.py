"""The report's official-statistics figures, drawn from the tidy official rows (one function per figure).

Each function returns (figure, plotted data). Missing values are shown as 'not published', never filled.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..data.official import series
from .save import mark_missing
from .style import CATEGORICAL, GREY

PLOT_COLUMNS = [
    "series",
    "breakdown",
    "period",
    "geography",
    "value",
    "unit",
    "release_date",
    "tier",
    "source_title",
    "source_url",
    "quote",
]


def financial_years(first: int, last: int) -> list[str]:
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(first, last + 1)]


def _aligned(rows: pd.DataFrame, periods: list[str], prefer_geography: str) -> pd.DataFrame:
    """One row per expected period (preferred geography first); periods with no row get value NaN."""
    out = []
    for period in periods:
        match = rows[rows["period"] == period]
        if not match.empty:
            match = match.assign(_p=(match["geography"] != prefer_geography)).sort_values("_p").iloc[[0]]
            out.append(match.drop(columns="_p")[PLOT_COLUMNS])
        else:
            out.append(pd.DataFrame([{"period": period, "value": np.nan}]))
    return pd.concat(out, ignore_index=True).reindex(columns=PLOT_COLUMNS)


def _bars(ax, data: pd.DataFrame, color: str, prefer_geography: str, label: str | None = None) -> None:
    x = np.arange(len(data))
    other_geo = data["geography"].notna() & (data["geography"] != prefer_geography)
    ax.bar(x, data["value"].fillna(0), color=color, label=label)
    ax.bar(
        x[other_geo],
        data.loc[other_geo, "value"],
        color="white",
        edgecolor=color,
        hatch="..",
        label=f"{label + ': ' if label else ''}partial geography (see data)",
    )
    for xi, v in zip(x, data["value"]):
        if pd.notna(v):
            ax.annotate(f"{v:,.0f}", (xi, v), ha="center", va="bottom", fontsize=8)
    mark_missing(ax, x[data["value"].isna()])
    ax.set_xticks(x, data["period"], rotation=45, ha="right")


def fig06_recorded_crime(table: pd.DataFrame, last_year: int):
    rows = series(table, "police_recorded_ms_offences", period_type="financial_year", unit="count")
    data = _aligned(rows, financial_years(2015, last_year), "England and Wales")
    fig, ax = plt.subplots(figsize=(9, 4.5))
    _bars(ax, data, CATEGORICAL[0], "England and Wales")
    ax.set_ylabel("Recorded offences")
    ax.set_title("Police recorded modern slavery offences, England and Wales")
    ax.legend(loc="upper left", fontsize=8)
    return fig, data


def fig07_nrm_referrals(table: pd.DataFrame, last_year: int):
    years = [str(y) for y in range(2014, last_year + 1)]
    total = _aligned(series(table, "nrm_referrals", period_type="calendar_year", unit="count"), years, "UK")
    dtn = _aligned(series(table, "dtn_reports", period_type="calendar_year", unit="count"), years, "England and Wales")
    parts = {
        ca: _aligned(
            series(table, "nrm_referrals", f"competent_authority={ca}", period_type="calendar_year", unit="count"),
            years,
            "UK",
        )
        for ca in ("sca", "ieca")
    }
    fig, ax = plt.subplots(figsize=(9, 4.8))
    x = np.arange(len(years))
    width = 0.4
    ax.bar(x - width / 2, total["value"].fillna(0), width, color=CATEGORICAL[0], label="NRM referrals (total)")
    bottom = np.zeros(len(years))
    for (ca, part), colour in zip(parts.items(), (CATEGORICAL[1], CATEGORICAL[2])):
        ax.bar(
            x + width / 2,
            part["value"].fillna(0),
            width,
            bottom=bottom,
            color=colour,
            label=f"of which {ca.upper()} (competent authority)",
        )
        bottom += part["value"].fillna(0).to_numpy()
    ax.plot(x, dtn["value"], marker="o", color=CATEGORICAL[3], label="Duty to Notify reports")
    mark_missing(ax, x[total["value"].isna()] - width / 2)
    ax.set_xticks(x, years, rotation=45, ha="right")
    ax.set_ylabel("Referrals / reports")
    ax.set_title("NRM referrals (UK) by competent authority, and Duty to Notify reports")
    ax.legend(fontsize=8, loc="upper left")
    data = pd.concat(
        [
            total.assign(measure="nrm_total"),
            *(p.assign(measure=f"nrm_{ca}") for ca, p in parts.items()),
            dtn.assign(measure="dtn_reports"),
        ],
        ignore_index=True,
    )
    return fig, data


def _breakdown_dict(text: str) -> dict[str, str]:
    return {} if text == "total" else dict(part.split("=", 1) for part in text.split(";"))


def fig08_exploitation(table: pd.DataFrame, last_year: int):
    """Every published count of referrals by exploitation type (with age or gender where published)."""
    rows = table[
        (table["series"] == "nrm_referrals")
        & (table["unit"] == "count")
        & (table["period_type"] == "calendar_year")
        & table["breakdown"].str.contains("exploitation=")
        & (table["year"] <= last_year)
    ].copy()
    rows["exploitation"] = [_breakdown_dict(b)["exploitation"] for b in rows["breakdown"]]
    rows["group"] = [
        ", ".join(f"{k}={v}" for k, v in _breakdown_dict(b).items() if k in ("age", "gender", "scope")) or "all"
        for b in rows["breakdown"]
    ]
    types = sorted(rows["exploitation"].unique())
    fig, ax = plt.subplots(figsize=(9, 5))
    markers = dict(zip(sorted(rows["group"].unique()), "osD^v<>px"))
    for colour, kind in zip(CATEGORICAL * 2, types):
        for group, marker in markers.items():
            sel = rows[(rows["exploitation"] == kind) & (rows["group"] == group)]
            if not sel.empty:
                ax.scatter(sel["year"], sel["value"], color=colour, marker=marker, s=45, label=f"{kind} ({group})")
    ax.axvline(2018.5, color=GREY, linestyle="--")
    ax.annotate(
        "criminal exploitation recorded\nseparately from 2019",
        (2018.6, ax.get_ylim()[1] * 0.9),
        fontsize=8,
        color="#595959",
    )
    ax.set_xlim(2013.5, last_year + 0.5)
    ax.set_ylabel("Referrals")
    ax.set_title("NRM referrals by exploitation type: every published value found")
    ax.legend(fontsize=7, ncol=2, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig, rows[PLOT_COLUMNS + ["year"]].reset_index(drop=True)


def fig09_10_nationality(table: pd.DataFrame, last_year: int):
    """Referrals by nationality in the last year with published counts, and the UK share by age."""
    rows = table[
        (table["series"] == "nrm_referrals")
        & (table["period_type"] == "calendar_year")
        & table["breakdown"].str.contains("nationality=")
        & (table["year"] <= last_year)
    ]
    year = int(rows.loc[rows["unit"] == "count", "year"].max())
    counts = rows[(rows["year"] == year) & (rows["unit"] == "count")].copy()
    counts["nationality"] = [_breakdown_dict(b)["nationality"] for b in counts["breakdown"]]
    counts["age"] = [_breakdown_dict(b).get("age", "all ages") for b in counts["breakdown"]]
    counts = counts.sort_values("value", ascending=False)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    labels = [f"{n.upper() if n == 'uk' else n.title()} ({a})" for n, a in zip(counts["nationality"], counts["age"])]
    colours = [CATEGORICAL[0] if n == "uk" else CATEGORICAL[1] for n in counts["nationality"]]
    ax.barh(labels, counts["value"], color=colours)
    ax.invert_yaxis()
    for y, v in enumerate(counts["value"]):
        ax.annotate(f"{v:,.0f}", (v, y), va="center", ha="left", fontsize=8)
    ax.set_xlabel("Referrals")
    ax.set_title(f"NRM referrals by nationality, {year}: published counts")
    return fig, counts[PLOT_COLUMNS + ["nationality", "age"]].reset_index(drop=True)


def fig23_outcomes(table: pd.DataFrame, last_year: int):
    rows = table[
        (table["series"] == "ms_crime_outcomes")
        & (table["unit"] == "percent")
        & table["breakdown"].str.startswith("outcome=charged_summonsed")
        & (table["year"] <= last_year)
    ]
    rows = rows.sort_values("period_start").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    labels = [f"{p}\n{g}" for p, g in zip(rows["period"], rows["geography"])]
    ax.bar(range(len(rows)), rows["value"], color=CATEGORICAL[0])
    for i, v in enumerate(rows["value"]):
        ax.annotate(f"{v:g}%", (i, v), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(rows)), labels, fontsize=7)
    ax.set_ylabel("Charged or summonsed (%)")
    ax.set_title("Recorded modern slavery crimes charged or summonsed: published shares")
    return fig, rows[PLOT_COLUMNS]


def fig24_cps(table: pd.DataFrame, last_year: int):
    measures = {"cps_ms_prosecutions": "prosecutions", "cps_ms_convictions": "convictions"}
    rows = table[
        table["series"].isin([*measures, "cps_ms_conviction_rate"])
        & (table["breakdown"] == "total")
        & (table["year"] <= last_year)
    ].sort_values("period_start")
    periods = list(dict.fromkeys(rows["period"]))
    fig, ax = plt.subplots(figsize=(9, 4.8))
    x = np.arange(len(periods))
    for offset, (name, label), colour in zip((-0.2, 0.2), measures.items(), CATEGORICAL):
        part = _aligned(rows[rows["series"] == name], periods, "England and Wales")
        ax.bar(x + offset, part["value"].fillna(0), 0.4, color=colour, label=label)
        mark_missing(ax, x[part["value"].isna()] + offset)
    rate = _aligned(rows[rows["series"] == "cps_ms_conviction_rate"], periods, "England and Wales")
    twin = ax.twinx()
    twin.plot(x, rate["value"], "o", color=CATEGORICAL[3], label="conviction rate (%)")
    twin.set_ylim(0, 100)
    twin.set_ylabel("Conviction rate (%)")
    ax.set_xticks(x, periods, rotation=45, ha="right")
    ax.set_ylabel("Defendants")
    ax.set_title("CPS modern-slavery-flagged prosecutions and convictions")
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], fontsize=8, loc="upper left")
    return fig, rows[PLOT_COLUMNS].reset_index(drop=True)


def official_vs_report(
    table: pd.DataFrame, series_name: str, report_values: pd.DataFrame, title: str, ylabel: str, last_year: int
):
    """Published snapshots of a series against the values the report states for it (finding, not smoothing)."""
    rows = series(table, series_name, last_year=last_year)
    fig, ax = plt.subplots(figsize=(9, 4.5))
    x_official = [p.start_time.year + (p.start_time.month - 1) / 12 for p in rows["period_end"]]
    ax.plot(x_official, rows["value"], "o-", color=CATEGORICAL[0], label="published (official)")
    for xo, v in zip(x_official, rows["value"]):
        ax.annotate(f"{v:,.0f}", (xo, v), fontsize=7, ha="right", va="bottom")
    ax.plot(
        report_values["year"] + 0.95,
        report_values["value"],
        "s",
        color=CATEGORICAL[3],
        markersize=8,
        label="as stated in the report (dated to year end)",
    )
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=8, loc="upper left")
    data = pd.concat(
        [rows[PLOT_COLUMNS].assign(kind="official"), report_values.assign(kind="report")], ignore_index=True
    )
    return fig, data
