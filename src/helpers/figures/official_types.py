"""Figure 8 as a table by exploitation type: every published value found, its group in words, the share of
referrals it gives, and the shares the report prints, each with its tier."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..data.official import parse_breakdown
from . import official_common as oc
from . import style
from .official_printed import exploitation_shares

TYPE_WORDS = {
    "labour": "Labour",
    "sexual": "Sexual",
    "criminal": "Criminal",
    "domestic_servitude": "Domestic servitude",
    "unknown": "Unknown",
}
GROUP_WORDS = {
    ("age", "adult"): "adults",
    ("age", "child"): "children",
    ("gender", "male"): "male",
    ("gender", "female"): "female",
    ("scope", "single_type"): "single-type referrals only",
    ("flag", "county_lines"): "county lines flag",
    ("scope", "any_type"): "any type mentioned (multi-type referrals counted in each)",
}
TIER_FILL = {"official": "#FFFFFF", "official_secondary": "#EDEDED", "report": "#FFF2CC", oc.COMPUTED: "#FFFFFF"}
COLUMNS = ["Exploitation type", "Year", "Who (age, gender, scope)", "Value found", "Share of referrals", "Tier"]


def _group(parts: dict[str, str]) -> str:
    words = [GROUP_WORDS.get((k, v), f"{k} {v}") for k, v in parts.items() if k not in ("exploitation", "share_of")]
    return ", ".join(words) or "all referrals"


def fig08_rows(table: pd.DataFrame, last_year: int, printed: pd.DataFrame) -> pd.DataFrame:
    """One row per published value by exploitation type (and per printed report share), ordered by type and year.

    A count's share is computed against the total of the same group and year where that total was found.
    `printed`: the report's shares (exploitation, breakdown, period, value, quote)."""
    nrm = table[(table["series"] == "nrm_referrals") & (table["period_type"] == "calendar_year")]
    nrm = nrm[nrm["year"] <= last_year]
    counts = nrm[nrm["unit"] == "count"].set_index(["breakdown", "period"])["value"]
    rows = []
    for r in nrm[nrm["breakdown"].str.contains("exploitation=")].itertuples():
        parts = parse_breakdown(r.breakdown)
        group = {k: v for k, v in parts.items() if k in ("age", "gender")}
        base_key = ";".join(f"{k}={v}" for k, v in sorted(group.items())) or "total"
        if r.unit == "percent":
            value, share = f"{r.value:g}% of {parts.get('share_of', 'referrals').replace('_', ' ')}", ""
        else:
            value = f"{r.value:,.0f}"
            base = counts.get((base_key, r.period))
            who = "all" if base_key == "total" else _group(group)
            found = base is not None and pd.notna(base)
            share = f"{100 * r.value / base:.0f}% of {base:,.0f} ({who})" if found else f"base {oc.NOT_FOUND}"
        rows.append(
            {
                "exploitation": parts["exploitation"],
                "period": r.period,
                "group": _group(parts),
                "value_text": value,
                "share_text": share,
                "tier": r.tier,
                "value": r.value,
                "unit": r.unit,
                "breakdown": r.breakdown,
                "source_title": r.source_title,
                "source_url": r.source_url,
                "quote": r.quote,
                "release_date": r.release_date,
            }
        )
    for r in printed.itertuples():
        rows.append(
            {
                "exploitation": r.exploitation,
                "period": str(r.period),
                "group": _group(parse_breakdown(r.breakdown)),
                "value_text": "(report)",
                "share_text": f"{'about ' if oc.bound(r.quote, r.value) == '≈' else ''}{r.value:g}% (printed)",
                "tier": "report",
                "value": r.value,
                "unit": "percent",
                "quote": r.quote,
            }
        )
    order = {k: i for i, k in enumerate(TYPE_WORDS)}
    data = pd.DataFrame(rows)
    data = data.assign(_o=data["exploitation"].map(order).fillna(len(order)), _r=data["tier"] == "report")
    data = data.sort_values(["_o", "period", "_r", "group"], kind="stable").drop(columns=["_o", "_r"])
    labels = [
        f"{TYPE_WORDS.get(e, e)} {p}, {g}" for e, p, g in zip(data["exploitation"], data["period"], data["group"])
    ]
    return data.assign(label=labels).reset_index(drop=True)


def fig08_exploitation(table: pd.DataFrame, last_year: int, claims: pd.DataFrame):
    """The Figure 8 table drawn as a figure, rows shaded by tier; the report's shares from the claims ledger."""
    data = fig08_rows(table, last_year, exploitation_shares(claims))
    shown = pd.DataFrame(
        {
            COLUMNS[0]: [TYPE_WORDS.get(e, e) for e in data["exploitation"]],
            COLUMNS[1]: data["period"],
            COLUMNS[2]: data["group"],
            COLUMNS[3]: data["value_text"],
            COLUMNS[4]: data["share_text"],
            COLUMNS[5]: [oc.TIER_WORDS[t] for t in data["tier"]],
        }
    )
    fig, ax = plt.subplots(figsize=(13.5, 0.24 * len(shown) + 1.1))
    ax.axis("off")
    t = style.table(ax, shown.to_numpy(), COLUMNS, [0.1, 0.045, 0.27, 0.15, 0.23, 0.205], 7.5)
    t.scale(1, 1.25)
    for (row, _col), cell in t.get_celld().items():
        if row:
            cell.set_facecolor(TIER_FILL[data["tier"].iloc[row - 1]])
    ax.set_title(
        "Figure 8: NRM referrals by exploitation type, age and gender: every value found, and the report's shares\n"
        "Rows: white = official (publisher's own page); grey = official (secondary); yellow = as printed in the "
        "report. Criminal exploitation is a separate type only from 2019.",
        loc="left",
        fontsize=9,
    )
    return fig, data
