"""Figure 7: NRM referrals by age at exploitation and Duty to Notify reports, from one edition of the NRM
release and the hand-typed official table, with the report's printed change on the previous year.

The function returns (figure, plotted data); the tier of every value is in its look (``drawing``).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ...data.official import series
from ..style import BAND, CATEGORICAL, COMPUTED, MUTED, wrap
from . import drawing as oc
from . import printed
from .drawing import A4_WIDTH, NOTE_BOX, THOUSANDS, signed_percent
from .edition import choose as chosen_edition
from .edition import name as edition_name

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
    text = f"{period}: report {signed_percent(value, '{:+g}')}"
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
        text += f", published totals {signed_percent(given, '{:+.1f}')} ({a['value']:,.0f} to {b['value']:,.0f})"
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
