"""Title, caption, source line, tiers and alt text of the official-statistics figures, computed from their data.

The words typed here describe how a chart is laid out and where a missing series is published; they hold no
number (a test keeps it so). Every number a caption states (coverages, the report's values, bounds, periods
not found, values the sources date differently) is read from the figure's plotted data.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from ..style import COMPUTED
from . import drawing as oc
from .printed import signed
from .recorded_crime import BASE_YEAR

TITLES = {
    "fig06": "Police recorded modern slavery offences, England and Wales, from one edition of the ONS tables",
    "fig07": "NRM referrals (UK) by age at exploitation, and Duty to Notify reports",
    "fig08": "NRM referrals by exploitation type, age and gender: values found and the report's shares",
    "fig09": "NRM referrals for victims exploited as a child, by nationality",
    "fig10": "NRM referrals for victims exploited as an adult, by nationality",
    "ops": "Live police modern slavery operations, UK",
    "fig23": "Recorded modern slavery crimes charged or summonsed, by coverage",
    "fig24": "CPS modern-slavery-flagged prosecutions, convictions and conviction rates, by period type",
}
LAYOUT = {
    "fig08": "One row per value found, grouped by exploitation type and ordered by year. Shares are computed "
    "against the total of the same group and year where that total was found. The report's shares (light orange rows) "
    "count a referral under every type it mentions; single-type counts are therefore lower.",
    "fig09": "Left: counts of the group's referrals by nationality, for the years found. Right: the UK nationals' "
    "share of the group's referrals, computed from published counts (the counts used, drawn or not, are the "
    "inputs in the figure's CSV), and the share the report prints (diamond).",
    "ops": "Markers: live operations or investigations published at the dates shown; triangles where the source "
    "prints a lower bound ('at least', 'more than'). Black bars: the values the report states, each drawn over "
    "the year it gives, without a month.",
    "fig23": "Share of recorded modern slavery crimes (or concluded investigations) charged or summonsed, one "
    "panel per coverage and basis. The shares are not comparable across panels.",
    "fig24": "Columns: calendar years, financial years and rolling years, never mixed. Top: defendants "
    "prosecuted and convicted; bottom: conviction rates as published (circles) or computed from the counts "
    "above (squares). Diamonds and the band: the report's values on the periods it gives.",
}
LAYOUT["fig10"] = LAYOUT["fig09"]
WHERE_PUBLISHED = {
    "fig08": "the Home Office NRM end-of-year data tables",
    "fig09": "the Home Office NRM end-of-year summary data tables",
    "fig10": "the Home Office NRM end-of-year summary data tables",
    "ops": "the NPCC Modern Slavery and Organised Immigration Crime Unit returns, as quoted in Home Office written "
    "answers",
    "fig23": "Home Office, Crime outcomes in England and Wales, and its open data tables",
    "fig24": "the CPS Prosecution Crime Types data tables",
}
ALT = {
    "fig08": "Table of NRM referrals by exploitation type, year and group",
    "fig09": "Bar chart of referrals of victims exploited as a child by nationality and the UK share",
    "fig10": "Bar chart of referrals of victims exploited as an adult by nationality and the UK share",
    "ops": "Chart of live police modern slavery operations over time and the report's stated values",
    "fig23": "Bar charts of published charge or summons shares by coverage",
    "fig24": "Bar charts of CPS prosecutions and convictions and point charts of conviction rates by period type",
}


def _value(r: dict) -> str:
    sign = r.get("bound") if isinstance(r.get("bound"), str) else ""
    suffix = {"percent": "%", "percent_change": "%"}.get(r.get("unit"), "")
    fmt = "{:,.0f}" if float(r["value"]).is_integer() else "{:,.1f}"
    return oc.label_value(r["value"], sign, fmt, suffix)


def _runs(periods: list[str], missing: list[bool]) -> list[str]:
    """Consecutive missing periods as 'first to last'."""
    runs, start = [], None
    for i, gone in enumerate([*missing, False]):
        if gone and start is None:
            start = i
        elif not gone and start is not None:
            first, last = periods[start], periods[i - 1]
            runs.append(first if first == last else f"{first} to {last}")
            start = None
    return runs


def not_found(data: pd.DataFrame) -> str:
    """'<panel or coverage>: <periods>' for every run of periods drawn as not found."""
    where = data["coverage"] if "coverage" in data else data.get("panel", pd.Series("", index=data.index))
    parts = []
    for name, group in data.assign(_where=where.fillna("")).groupby("_where", sort=False):
        runs = _runs(list(group["period"].astype(str)), list(group["value"].isna()))
        if runs:
            parts.append(f"{name}: {', '.join(runs)}" if name else ", ".join(runs))
    return "; ".join(parts)


def bounds(data: pd.DataFrame) -> str:
    if "bound" not in data:
        return ""
    rows = data[data["value"].notna() & data["bound"].isin(["<", "≤"])]
    return "; ".join(f"{_value(r)} ({r['period']}, {r.get('coverage') or r['geography']})" for _, r in rows.iterrows())


def report_values(data: pd.DataFrame) -> list[str]:
    """Each report value drawn, with its period; where a source gives the same value for another period, that
    period too."""
    published = data[data["tier"].isin(["official", "official_secondary"])]
    out = []
    for r in data[data["tier"] == "report"].sort_values("period", kind="stable").to_dict("records"):
        if r.get("unit") == "percent_change":
            out.append(f"'{r['quote']}'")
            continue
        text = f"{r['label']}: {_value(r)}" if "exploitation" in r else f"{_value(r)} ({r['period']})"
        same = published[(published["value"] == r["value"]) & (published["period"].astype(str) != str(r["period"]))]
        if str(r.get("series", "")).endswith("_range"):
            text += ", drawn with the range the report prints as a band"
        elif len(same) and not any(str(r["period"]) in p for p in same["period"].astype(str)):
            text += f", which the sources used here date {' or '.join(same['period'].astype(str))}"
        out.append(text)
    return out


def unmatched_report_counts(data: pd.DataFrame) -> list[str]:
    """Report counts that no published value in the figure equals (e.g. the report's levels no snapshot gives)."""
    published = set(data.loc[data["tier"].isin(["official", "official_secondary"]), "value"])
    report = data[(data["tier"] == "report") & (data["unit"] == "count") & ~data["value"].isin(published)]
    return [f"{_value(r)} ({r['period']})" for r in report.sort_values("period", kind="stable").to_dict("records")]


def unshared_periods(data: pd.DataFrame) -> list[str]:
    """Periods with a report share but no share computed from published counts (Figures 9 and 10)."""
    computed = set(data.loc[data["tier"] == COMPUTED, "period"].astype(str))
    return [p for p in dict.fromkeys(data.loc[data["tier"] == "report", "period"].astype(str)) if p not in computed]


def caption(figure_id: str, data: pd.DataFrame) -> str:
    where = WHERE_PUBLISHED[figure_id]
    parts = [LAYOUT[figure_id]]
    if "coverage" in data and data["coverage"].notna().any():
        covered = [c for c in dict.fromkeys(data.loc[data["value"].notna(), "coverage"]) if isinstance(c, str) and c]
        parts.append(f"Coverage: {'; '.join(covered)}.")
    if ceilings := bounds(data):
        parts.append(f"Drawn as upper bounds (the source prints 'less than'): {ceilings}.")
    disputed = data[data["panel"] == "disputed date"] if "panel" in data else data.iloc[:0]
    for value, group in disputed.groupby("value"):
        parts.append(f"{value:,.0f} is one value that sources date {' or '.join(group['period'])}.")
    if listed := "; ".join(report_values(data)):
        parts.append(f"The report's values: {listed}" + ("" if listed.endswith(".'") else "."))
    if unmatched := unmatched_report_counts(data):
        parts.append(
            f"Report values that no published value gives: {'; '.join(unmatched)} "
            f"({oc.NOT_FOUND}; where to look: {where})."
        )
    if figure_id in {"fig09", "fig10"} and (periods := unshared_periods(data)):
        parts.append(
            f"The UK share for {', '.join(periods)} cannot be computed here: counts by age and nationality for that "
            f"year are {oc.NOT_FOUND} (published in {where})."
        )
    if missing := not_found(data):
        parts.append(f"Not found in the sources used here: {missing}. Where they are published: {where}.")
    return " ".join(parts)


def _count(value: float) -> str:
    return f"{value:,.0f}"


def _fig06_caption(data: pd.DataFrame) -> str:
    named = data["edition_name"].dropna().iloc[0]
    parts = [
        f"Financial years (April to March), England and Wales, all from one edition of the appendix tables: {named}. "
        "The tables give trafficking for sexual exploitation (offence code 72) until 2015/16 and modern slavery "
        "(offence code 106) from 2015/16; the bars stack both, and a bar's label is their sum."
    ]
    quotes = data.loc[data["tier"] == "report", "quote"]
    if len(quotes):
        parts.append("The report prints changes, not levels: " + "; ".join(f"'{q}'" for q in quotes) + ".")
    every = data[data["panel"].isin(["change, this edition", "change, another edition"])]
    for period, group in every.groupby("period", sort=False):
        listed = ", ".join(f"{v:+.1f}% ({e})" for v, e in zip(group["value"], group["edition"]))
        parts.append(f"The same change, {period}, in every stored edition: {listed}.")
    for r in data[(data["tier"] == "report") & ~data["period"].astype(str).str.contains("-")].itertuples():
        parts.append(
            f"The report does not say from which year its {r.value:g}% change to {r.period} is counted; "
            f"{BASE_YEAR} is used here."
        )
    return " ".join(parts)


def _fig06_alt(data: pd.DataFrame) -> str:
    bars = data[data["panel"].isna() & data["value"].notna()].groupby("period", sort=True)["value"].sum()
    bars = bars[bars.index >= BASE_YEAR]
    peak = bars.idxmax()
    after = list(bars.index)[list(bars.index).index(peak) + 1 :]
    text = (
        f"Bar chart of police recorded modern slavery offences in England and Wales: {_count(bars.iloc[0])} in "
        f"{bars.index[0]}, rising to {_count(bars[peak])} in {peak}"
    )
    if after:
        period = f"{peak} to {after[0]}"
        change = data.loc[(data["panel"] == "change, this edition") & (data["period"] == period), "value"]
        printed = data[(data["tier"] == "report") & (data["period"].astype(str) == period.replace(" to ", "-"))]
        said = [f"{change.iloc[0]:+.1f}%"] if len(change) else []
        said += [f"report {signed(v, q):+g}%" for v, q in zip(printed["value"], printed["quote"])]
        text += f", then {_count(bars[after[0]])} in {after[0]}" + (f" ({'; '.join(said)})" if said else "")
        if len(after) > 1:
            text += f" and {_count(bars[after[-1]])} in {after[-1]}"
    return (text + ".").replace("-", "\u2212").replace("\u2212in", "-in")


def _fig07_caption(data: pd.DataFrame) -> str:
    ages = data[data["measure"].isin(["nrm_adult", "nrm_child", "nrm_not_known"]) & data["value"].notna()]
    total_only = data[(data["measure"] == "nrm_total") & data["value"].notna()]
    dtn = data[(data["measure"] == "dtn_reports") & data["value"].notna()]
    parts = [
        "Top: NRM referrals, UK, by calendar year and age at exploitation: each year is the sum of the release's "
        f"four quarters ({ages['period'].min()} to {ages['period'].max()})."
    ]
    if len(total_only):
        parts.append(
            f"For {', '.join(total_only['period'])} the release used here has no breakdown by age: the bar is the "
            "published total."
        )
    if len(dtn):
        parts.append(
            "Bottom: Duty to Notify reports (adults who did not consent to a referral), from the duty's start in "
            f"November 2015 (so {dtn['period'].min()} covers November and December only); there are no reports "
            "before it, which the shaded band marks."
        )
    for r in data[data["measure"] == "nrm_change"].itertuples():
        given = data[(data["measure"] == "nrm_change_published") & (data["period"] == r.period)]
        beside = f", the published totals {given['value'].iloc[0]:+.1f}%" if len(given) else f" ({oc.NOT_FOUND})"
        parts.append(f"The report's change {r.period}: '{r.quote}'{beside}.")
    parts.append(
        "The report's Figure 7 splits referrals by competent authority; that split was not found for most years "
        f"({oc.NOT_FOUND})."
    )
    return " ".join(parts)


def _fig07_alt(data: pd.DataFrame) -> str:
    totals = data[data["measure"].str.startswith("nrm_", na=False) & (data["measure"] != "nrm_change")]
    by_year = totals.groupby("period")["value"].sum(min_count=1).dropna()
    dtn = data[(data["measure"] == "dtn_reports") & data["value"].notna()].set_index("period")["value"]
    text = (
        f"Stacked bars: NRM referrals rose from {_count(by_year.iloc[0])} in {by_year.index[0]} to "
        f"{_count(by_year.iloc[-1])} in {by_year.index[-1]}"
    )
    if len(dtn):
        text += (
            f"; Duty to Notify reports from {_count(dtn.iloc[0])} (November and December {dtn.index[0]}) to "
            f"{_count(dtn.iloc[-1])} in {dtn.index[-1]}"
        )
    return text + "."


SPECIFIC = {"fig06": (_fig06_caption, _fig06_alt), "fig07": (_fig07_caption, _fig07_alt)}


def describe(figure_id: str, data: pd.DataFrame, vintage: str) -> dict:
    """Title, caption, source, tiers and alt text (one or two sentences) of one official figure, from its data."""
    make_caption, make_alt = SPECIFIC.get(figure_id, (partial(caption, figure_id), None))
    return dict(
        title=TITLES[figure_id],
        caption=make_caption(data),
        source=oc.sources(data, vintage),
        tiers=oc.record_tiers(data),
        alt=make_alt(data) if make_alt else ALT[figure_id] + ".",
    )
