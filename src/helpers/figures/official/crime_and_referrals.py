"""The report's recorded-crime and NRM figures (6, 7, 9, 10): 6 and 7 from one edition of the release files,
9 and 10 from the tidy official rows.

Each function returns (figure, plotted data). One period type per panel, coverage told apart by series, the tier
of every value in its look (``drawing``), and values not found marked as such, never filled.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ...data.editions import where
from ...data.official import series
from ..style import BAND, CATEGORICAL, COMPUTED, MUTED, wrap
from . import drawing as oc
from . import printed
from .drawing import A4_WIDTH, THOUSANDS
from .edition import choose as chosen_edition
from .edition import name as edition_name


def financial_years(first: int, last: int) -> list[str]:
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(first, last + 1)]


# ---------------------------------------------------------------- Figure 6
ONS_TITLE = "ONS, Crime in England and Wales: Appendix tables"
FIRST_FY = (
    2012  # 2012/13: the first year of the Home Office force-area tables the report cites (year ending March 2013)
)
OFFENCES = {  # series of the ONS appendix tables (stacked in this order): words on the chart
    "trafficking_sexual_exploitation_offences": "Trafficking for sexual exploitation (offence code 72)",
    "police_recorded_ms_offences": "Modern slavery (offence code 106, from 2015/16)",
}
MS = "police_recorded_ms_offences"
BASE_YEAR = "2015/16"  # a printed change to one year only is counted from the first year of the offence (code 106)
NOTE_BOX = dict(facecolor="white", edgecolor="none", pad=1)  # a note stays readable over grid lines


def _change(rows: pd.DataFrame, first: str, last: str) -> dict | None:
    """The percentage change between two financial years of one edition's modern slavery series, with its cells."""
    ms = rows[(rows["series"] == MS) & (rows["period_type"] == "financial_year")].set_index("period")
    if first not in ms.index or last not in ms.index or ms.loc[[first, last], "value"].isna().any():
        return None
    a, b = ms.loc[first], ms.loc[last]
    return {
        "value": round(100 * (b["value"] - a["value"]) / a["value"], 1),
        "inputs": f"{first} {a['value']:,.0f} ({where(a)}) to {last} {b['value']:,.0f} ({where(b)})",
    }


def fig06_recorded_crime(editions: pd.DataFrame, vintage: str, last_year: int, claims: pd.DataFrame):
    """Recorded offences by financial year from one named edition of the ONS appendix tables: trafficking for
    sexual exploitation (code 72) stacked under modern slavery (code 106); the changes the report prints for
    Figure 6 (claims ledger) beside the same changes in this edition."""
    rows = chosen_edition(editions, MS, vintage)
    fy = rows[(rows["period_type"] == "financial_year") & rows["series"].isin(OFFENCES)]
    years = [y for y in financial_years(FIRST_FY, last_year) if y in set(fy["period"])]
    fy = fy[fy["period"].isin(years)]
    fig, ax = plt.subplots(figsize=(A4_WIDTH, 4.6))
    bottom = pd.Series(0.0, index=years)
    out = []
    for (series_name, words), colour in zip(OFFENCES.items(), CATEGORICAL):
        part = fy[fy["series"] == series_name].set_index("period").reindex(years)
        drawn = part["value"].fillna(0)
        for x, year in enumerate(years):
            if drawn[year] > 0:
                oc.bar(ax, x, drawn[year], part.loc[year, "tier"], colour, 0.75, bottom=bottom[year])
        bottom += drawn
        out.append(part.reset_index().assign(series=series_name, label=[f"{y} {words}" for y in years]))
    for x, year in enumerate(years):
        oc.count_label(ax, x, bottom[year])
    ax.set_xticks(range(len(years)), years, rotation=90)
    ax.set_ylabel("Recorded offences")
    ax.set_ylim(0, bottom.max() * 1.8)  # room above the bars for the report's changes
    ax.yaxis.set_major_formatter(THOUSANDS)
    report = printed.figure_changes(claims, 6)
    lines, changes, unstated = [], [], False
    for r in report.itertuples():
        first, last = _change_years(r.period, years)
        stated = "-" in str(r.period)
        unstated |= not stated
        text = f"{first} to {last}{'' if stated else '*'}: " if first else f"{r.period}: "
        text += f"report {_percent(printed.signed(r.value, r.quote), '{:+g}')}"
        every = []
        for file, edition_rows in editions[editions["series"] == MS].groupby("file", sort=False):
            found = _change(editions[editions["file"] == file], first, last) if first else None
            if found:
                this = file == rows["file"].iloc[0]
                every.append(found["value"])
                changes.append(
                    {
                        "period": f"{first} to {last}",
                        "value": found["value"],
                        "unit": "percent_change",
                        "tier": COMPUTED,
                        "inputs": found["inputs"],
                        "series": MS,
                        "edition": edition_rows["edition"].iloc[0],
                        "file": file,
                        "panel": "change, this edition" if this else "change, another edition",
                        "label": f"{first} to {last}, {edition_rows['edition'].iloc[0]} edition",
                    }
                )
                if this:
                    text += f"\n      this edition {_percent(found['value'], '{:+.1f}')}"
        if len(every) > 1:
            text += f"; every edition {_percent(min(every), '{:+.1f}')} to {_percent(max(every), '{:+.1f}')}"
        lines.append((first or "", text))
    note = "\n* the report does not print the base year" if unstated else ""
    ax.text(
        0.02,
        0.97,
        "The report's changes beside this edition's:\n" + "\n".join(t for _, t in sorted(lines)) + note,
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=8,
        bbox=NOTE_BOX,
    )
    named = edition_name(rows)
    ax.set_title(wrap(f"{ONS_TITLE}, {named}", 80), loc="left", fontsize=8)
    fig.suptitle("Police recorded modern slavery offences, England and Wales", x=0.01, ha="left", fontsize=11)
    series_key = [Patch(facecolor=c, edgecolor=c, label=w) for w, c in zip(OFFENCES.values(), CATEGORICAL)]
    oc.keys(fig, series_key, fy["tier"].dropna())
    report = report.assign(tier="report", panel="report", label=report["quote"], bound="", unit="percent_change")
    data = pd.concat([*out, pd.DataFrame(changes), report], ignore_index=True).assign(edition_name=named)
    return fig, oc.plot_columns(data)


def _percent(value: float, fmt: str) -> str:
    """A signed percentage with a true minus sign."""
    return fmt.format(value).replace("-", "\u2212") + "%"


def _change_years(period: str, years: list[str]) -> tuple[str | None, str | None]:
    """The two financial years of a printed change: '2022/23-2023/24' as both; a single end year '2019/20' from
    the first year of the modern slavery offence (2015/16), the base the report does not print."""
    parts = [p for p in str(period).replace("–", "-").split("-") if p]
    if len(parts) == 2:
        return parts[0], parts[1]
    first = BASE_YEAR
    return (first, parts[0]) if first in years and parts[0] in years else (None, None)


# ---------------------------------------------------------------- Figure 7
AGES = {  # breakdown of the NRM release: words on the chart (stacked in this order)
    "age=adult": "Exploited as an adult",
    "age=child": "Exploited as a child",
    "age=not_known": "Age not specified or unknown",
}
TOTAL_ONLY = "Total only (by age not in the release used here)"
DTN_COLOUR = CATEGORICAL[5]
DTN_START = 2015  # the duty to notify began on 1 November 2015 (Modern Slavery Act 2015, section 52)


def _year_rows(rows: pd.DataFrame, series_name: str, breakdown: str) -> pd.DataFrame:
    picked = rows[(rows["series"] == series_name) & (rows["breakdown"] == breakdown)]
    return picked[picked["period_type"] == "calendar_year"].set_index("period")


def fig07_nrm_referrals(
    table: pd.DataFrame, editions: pd.DataFrame, vintage: str, last_year: int, claims: pd.DataFrame
):
    """Top: NRM referrals by age at exploitation for every full year of one edition of the NRM release (sums of
    its quarters), and the total only for later years (the hand-typed official table). Bottom: Duty to Notify
    reports for every year since the duty began (release, then the table); earlier years are one band."""
    nrm = chosen_edition(editions, "nrm_referrals", vintage)
    dtn = chosen_edition(editions, "dtn_reports", vintage)
    by_age = {b: _year_rows(nrm, "nrm_referrals", b) for b in AGES}
    first = int(min(by_age["age=adult"].index))
    years = [str(y) for y in range(first, last_year + 1)]
    typed_total = series(table, "nrm_referrals", period_type="calendar_year", unit="count").set_index("period")
    typed_dtn = series(table, "dtn_reports", period_type="calendar_year", unit="count").set_index("period")
    fig, (ax, ax_dtn) = plt.subplots(2, 1, figsize=(A4_WIDTH, 6.4), height_ratios=[3, 2], sharex=True)
    out, totals = [], {}
    for x, year in enumerate(years):
        if all(year in by_age[b].index for b in AGES):
            bottom = 0.0
            for (b, words), colour in zip(AGES.items(), CATEGORICAL):
                r = by_age[b].loc[year]
                if r["value"] > 0:
                    oc.bar(ax, x, r["value"], COMPUTED, colour, 0.75, bottom=bottom)
                bottom += r["value"]
                out.append(
                    r.to_frame().T.assign(
                        period=year,
                        measure=b.replace("age=", "nrm_"),
                        label=f"{year} {words}",
                        panel="NRM referrals",
                        tier=COMPUTED,
                        inputs=f"sum of the release's quarters: {r['cell']}",
                    )
                )
            totals[year] = bottom
        elif year in typed_total.index:
            r = typed_total.loc[year]
            oc.bar(ax, x, r["value"], r["tier"], CATEGORICAL[3], 0.75)
            totals[year] = r["value"]
            out.append(
                r.to_frame().T.assign(
                    period=year, measure="nrm_total", label=f"{year} NRM referrals, total", panel="NRM referrals"
                )
            )
        else:
            out.append(
                pd.DataFrame(
                    [
                        {
                            "period": year,
                            "value": np.nan,
                            "measure": "nrm_total",
                            "panel": "NRM referrals",
                            "label": f"{year} NRM referrals",
                        }
                    ]
                )
            )
    for x, year in enumerate(years):
        if year in totals:
            oc.count_label(ax, x, totals[year])
    ax.set_ylim(0, max(totals.values()) * 1.3)
    ax.set_ylabel("Referrals")
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.set_title(
        wrap(f"NRM referrals, UK, by age at exploitation. Release: {edition_name(nrm)}", 80), loc="left", fontsize=8
    )
    change = _printed_change(claims, typed_total)
    if change:
        ax.text(0.02, 0.95, change["text"], transform=ax.transAxes, ha="left", va="top", fontsize=8, bbox=NOTE_BOX)
        out.append(pd.DataFrame(change["rows"]))
    release_dtn = _year_rows(dtn, "dtn_reports", "total")
    dtn_years = [y for y in years if int(y) >= DTN_START]
    for y in dtn_years:
        x = years.index(y)
        if y in release_dtn.index and pd.notna(release_dtn.loc[y, "value"]):
            r = release_dtn.loc[y]
        elif y in typed_dtn.index:
            r = typed_dtn.loc[y]
        else:
            oc.not_found(ax_dtn, x)
            out.append(
                pd.DataFrame(
                    [
                        {
                            "period": y,
                            "value": np.nan,
                            "measure": "dtn_reports",
                            "panel": "Duty to Notify",
                            "label": f"{y} Duty to Notify reports",
                        }
                    ]
                )
            )
            continue
        oc.bar(ax_dtn, x, r["value"], r["tier"], DTN_COLOUR, 0.75)
        oc.count_label(ax_dtn, x, r["value"])
        part = " (November and December)" if int(y) == DTN_START else ""
        out.append(
            r.to_frame().T.assign(
                period=y, measure="dtn_reports", panel="Duty to Notify", label=f"{y}{part} Duty to Notify reports"
            )
        )
    before = years.index(dtn_years[0]) if dtn_years else len(years)
    if before:
        ax_dtn.axvspan(-0.5, before - 0.5, color=BAND, linewidth=0)
        ax_dtn.text(
            (before - 1) / 2,
            0.5,
            "before the duty began\n(November 2015)",
            transform=ax_dtn.get_xaxis_transform(),
            ha="center",
            va="center",
            fontsize=8,
            color=MUTED,
        )
    dtn_max = max((v for v in pd.concat(out)["value"][pd.concat(out)["measure"].eq("dtn_reports")].dropna()), default=1)
    ax_dtn.set_ylim(0, dtn_max * 1.45)
    ax_dtn.set_ylabel("Reports")
    ax_dtn.yaxis.set_major_formatter(THOUSANDS)
    ax_dtn.set_title(
        wrap(
            f"Duty to Notify reports (adults who did not enter the NRM). Release: {edition_name(dtn)}; "
            "later years: the end of year summaries",
            80,
        ),
        loc="left",
        fontsize=8,
    )
    ax_dtn.set_xticks(range(len(years)), years, rotation=90)
    fig.suptitle("NRM referrals by age, and Duty to Notify reports", x=0.01, ha="left", fontsize=11)
    data = pd.concat(out, ignore_index=True)
    key = [Patch(facecolor=c, edgecolor=c, label=w) for w, c in zip([*AGES.values(), TOTAL_ONLY], CATEGORICAL)]
    key.append(Patch(facecolor=DTN_COLOUR, edgecolor=DTN_COLOUR, label="Duty to Notify reports"))
    oc.keys(fig, key, data["tier"].dropna())
    return fig, oc.plot_columns(data.assign(bound=""))


def _printed_change(claims: pd.DataFrame, totals: pd.DataFrame) -> dict | None:
    """The report's change in NRM referrals on the previous year beside the change the hand-typed totals give:
    the note's text and its rows (the printed change; the computed one, with its inputs)."""
    rows = printed.changes(claims, r"nrm_referrals\|total\|\d{4}-\d{4}")
    years = rows["period"].str.split("-", expand=True).astype(int) if not rows.empty else None
    rows = rows[(years[1] - years[0]) == 1] if years is not None else rows  # the change on the previous year
    if rows.empty:
        return None
    r = rows.iloc[-1]
    first, last = str(r["period"]).split("-")
    period = f"{first} to {last}"
    value = printed.signed(r["value"], r["quote"])
    text = f"{period}: report {_percent(value, '{:+g}')}"
    out = [
        {
            "period": period,
            "value": value,
            "measure": "nrm_change",
            "panel": "change",
            "unit": "percent_change",
            "tier": "report",
            "quote": r["quote"],
            "label": f"{period}, as printed in the report",
        }
    ]
    if first in totals.index and last in totals.index:
        a, b = totals.loc[first], totals.loc[last]
        given = round(100 * (b["value"] - a["value"]) / a["value"], 1)
        text += f", published totals {_percent(given, '{:+.1f}')} ({a['value']:,.0f} to {b['value']:,.0f})"
        out.append(
            {
                "period": period,
                "value": given,
                "measure": "nrm_change_published",
                "panel": "change",
                "unit": "percent_change",
                "tier": COMPUTED,
                "label": f"{period}, from the published totals",
                "inputs": f"{first} {a['value']:,.0f} ({a['source_title']}); {last} {b['value']:,.0f} "
                f"({b['source_title']})",
            }
        )
    return {"text": text, "rows": out}


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
