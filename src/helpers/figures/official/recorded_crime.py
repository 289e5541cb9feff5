"""Figure 6: police recorded modern slavery offences by financial year, from one named edition of the ONS
appendix tables, with the changes the report prints beside the same changes in that edition.

The function returns (figure, plotted data); the tier of every value is in its look (``drawing``).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from ...data.editions import where
from ...data.periods import financial_years
from ..style import CATEGORICAL, COMPUTED, wrap
from . import drawing as oc
from . import printed
from .drawing import A4_WIDTH, NOTE_BOX, THOUSANDS, signed_percent
from .edition import choose as chosen_edition
from .edition import name as edition_name

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
        text += f"report {signed_percent(printed.signed(r.value, r.quote), '{:+g}')}"
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
                    text += f"\n      this edition {signed_percent(found['value'], '{:+.1f}')}"
        if len(every) > 1:
            text += (
                f"; every edition {signed_percent(min(every), '{:+.1f}')} to {signed_percent(max(every), '{:+.1f}')}"
            )
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


def _change_years(period: str, years: list[str]) -> tuple[str | None, str | None]:
    """The two financial years of a printed change: '2022/23-2023/24' as both; a single end year '2019/20' from
    the first year of the modern slavery offence (2015/16), the base the report does not print."""
    parts = [p for p in str(period).replace("–", "-").split("-") if p]
    if len(parts) == 2:
        return parts[0], parts[1]
    first = BASE_YEAR
    return (first, parts[0]) if first in years and parts[0] in years else (None, None)
