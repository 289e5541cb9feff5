"""The report's printed values for the official figures, read from the claims ledger by their official key."""

from __future__ import annotations

import re

import pandas as pd


def _keyed(claims: pd.DataFrame, pattern: str, duplicates: bool = False) -> pd.DataFrame:
    """Claims whose official key matches, with its series, breakdown and period; restatements (`dup_of`) only
    when asked for."""
    matched = claims["official_key"].fillna("").str.fullmatch(pattern)
    rows = claims[matched if duplicates else matched & claims["dup_of"].isna()]
    parts = rows["official_key"].str.split("|", expand=True)
    return rows.assign(series=parts[0], breakdown=parts[1], period=parts[2].astype(str))


def exploitation_shares(claims: pd.DataFrame) -> pd.DataFrame:
    """Printed shares of referrals by exploitation type (Figure 8): exploitation, breakdown, period, value, quote."""
    rows = _keyed(claims, r"nrm_referrals\|[^|]*exploitation=[^|]*\|.+")
    rows = rows[rows["unit"] == "percent"]
    kind = rows["breakdown"].str.extract(r"exploitation=([a-z_]+)")[0]
    return rows.assign(exploitation=kind)[["exploitation", "breakdown", "period", "value", "quote", "claim_id"]]


def uk_share_by_age(claims: pd.DataFrame, age: str) -> pd.DataFrame:
    """The printed UK share of child or adult referrals (Figures 9 and 10): period, value, quote, claim_id."""
    rows = _keyed(claims, rf"nrm_referrals\|age={age};nationality=uk\|.+")
    rows = rows[rows["unit"] == "percent"]
    return rows[["period", "value", "quote", "claim_id"]].reset_index(drop=True)


def cps_values(claims: pd.DataFrame) -> pd.DataFrame:
    """Printed CPS values (Figure 24), each with the period type of the period the report gives. A printed range
    of rates over several years becomes one row `cps_ms_conviction_rate_range` (low, high, value = average)."""
    rows = _keyed(claims, r"cps_ms_[a-z_]+\|total\|.+")
    kind = ["financial_year" if "/" in p else "calendar_year" for p in rows["period"]]
    rows = rows.assign(period_type=kind)
    single = rows[~rows["period"].str.contains("-")]
    out = single[["series", "period", "period_type", "value", "unit", "quote", "claim_id"]].to_dict("records")
    for (series, period), g in rows[rows["period"].str.contains("-")].groupby(["series", "period"]):
        values = sorted(g["value"])
        out.append(
            {
                "series": f"{series}_range",
                "period": period,
                "period_type": g["period_type"].iloc[0],
                "value": values[1] if len(values) == 3 else sum(values) / len(values),
                "unit": g["unit"].iloc[0],
                "low": values[0],
                "high": values[-1],
                "quote": g["quote"].iloc[0],
                "claim_id": ", ".join(g["claim_id"]),
            }
        )
    return pd.DataFrame(out)


def figure_changes(claims: pd.DataFrame, figure: int) -> pd.DataFrame:
    """The percentage changes the report prints beside one figure: series, period, value, quote, line, claim_id."""
    on_figure = (pd.to_numeric(claims["figure"], errors="coerce") == figure) & (claims["unit"] == "percent_change")
    rows = _keyed(claims[on_figure], r".+", duplicates=True)  # the figure's own statement, even a restatement
    rows = rows.assign(line=rows["line"].astype(int))
    return rows[["series", "period", "value", "unit", "quote", "line", "claim_id"]].reset_index(drop=True)


def changes(claims: pd.DataFrame, pattern: str) -> pd.DataFrame:
    """The printed percentage changes whose official key matches `pattern` (restatements left out)."""
    rows = _keyed(claims, pattern)
    return rows[rows["unit"] == "percent_change"].reset_index(drop=True)


def signed(value: float, quote: str) -> float:
    """A printed change with the sign its words give: the ledger holds '19' for 'a decline by 19%'."""
    falling = re.search(r"declin|decreas|fell|fall|drop|lower", str(quote), re.IGNORECASE)
    return -abs(value) if falling else value
