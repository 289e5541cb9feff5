"""Each official figure function on small synthetic frames: panels, series, order, labels, tiers and bounds."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.data.official import bound, choose_vintage
from helpers.data.periods import parse_period
from helpers.figures.official import describe as official_describe
from helpers.figures.official import drawing, exploitation, justice, nationality, nrm_referrals, recorded_crime


def _row(
    series,
    period,
    period_type,
    value,
    *,
    breakdown="total",
    geography="UK",
    unit="count",
    tier="official",
    release="2025-03-06",
    quote=None,
    title="Synthetic release",
):
    p = parse_period(period, period_type)
    return {
        "file": "synthetic.csv",
        "csv_line": 2,
        "series": series,
        "breakdown": breakdown,
        "period": period,
        "period_type": period_type,
        "geography": geography,
        "value": float(value),
        "unit": unit,
        "source_title": title,
        "source_url": "https://example.org/x",
        "quote": quote if quote is not None else f"there were {value:,} cases",
        "release_date": release,
        "tier": tier,
        "note": "",
        "period_start": p.start,
        "period_end": p.end,
        "year": p.start.year,
    }


def _claims(*rows) -> pd.DataFrame:
    """A claims ledger of (official_key, value, unit, quote) rows, as the figure functions read it."""
    return pd.DataFrame(
        [
            {
                "claim_id": f"L{i + 1}:{v:g}",
                "line": i + 1,
                "figure": None,
                "official_key": k,
                "value": v,
                "unit": u,
                "quote": q,
                "dup_of": None,
            }
            for i, (k, v, u, q) in enumerate(rows)
        ],
        columns=["claim_id", "line", "figure", "official_key", "value", "unit", "quote", "dup_of"],
    )


def _table(rows):
    return choose_vintage(pd.DataFrame(rows), "latest")


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [fig._suptitle.get_text() if fig._suptitle else ""]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_bound_reads_the_printed_qualifier():
    assert bound("a new low of less than 2%, with almost 40,000", 2) == "<"
    assert bound("almost 40,000 crimes", 40000) == "≈"
    assert bound("to at least 3,555 in December 2022", 3555) == "≥"
    assert bound("held 568 live operations", 568) == ""


def test_choose_vintage_prefers_the_publishers_page_and_keeps_the_copy():
    rows = [
        _row("police_recorded_ms_offences", "2016/17", "financial_year", 2255, release="2017-07"),
        _row(
            "police_recorded_ms_offences",
            "2016/17",
            "financial_year",
            2362,
            release="2024-10",
            tier="official_secondary",
            title="A news page",
        ),
    ]
    chosen = _table(rows)
    assert list(chosen["value"]) == [2255]
    assert "2362 (official_secondary, A news page" in chosen["corroboration"].iloc[0]


def _edition_row(
    file, edition, end, series, period, value, *, period_type=None, breakdown="total", cell="C1", published="2026-04-23"
):
    kind = period_type or ("financial_year" if "/" in period else "calendar_year")
    p = parse_period(period, kind)
    return {
        "edition": edition, "edition_end": end, "published": published, "publisher": "Synthetic publisher",
        "file": file, "sheet": "Table" if file.endswith(".xlsx") else "", "cell": cell, "series": series,
        "breakdown": breakdown, "period": period, "period_type": kind, "geography": "England and Wales",
        "value": float(value) if value is not None else float("nan"), "status": "value" if value else "[x]",
        "unit": "count", "tier": "official_secondary", "source_url": "https://example.org/x",
        "period_start": str(p.start), "period_end": str(p.end),
    }  # fmt: skip


def _ons_editions():
    ms, tse = "police_recorded_ms_offences", "trafficking_sexual_exploitation_offences"
    rows = []
    for file, edition, end, published, values in [
        (
            "old.xlsx",
            "year ending March 2024",
            "2024-03",
            "2024-07-18",
            {"2015/16": 900, "2022/23": 10000, "2023/24": 8000},
        ),
        (
            "new.xlsx",
            "year ending March 2025",
            "2025-03",
            "2025-07-24",
            {"2015/16": 950, "2022/23": 9800, "2023/24": 8100, "2024/25": 8800},
        ),
    ]:
        for i, (period, value) in enumerate(values.items()):
            rows.append(_edition_row(file, edition, end, ms, period, value, cell=f"C{i + 2}", published=published))
        rows.append(_edition_row(file, edition, end, tse, "2014/15", 184, cell="B9", published=published))
        rows.append(_edition_row(file, edition, end, tse, "2015/16", 3, cell="C9", published=published))
    return pd.DataFrame(rows)


def _fig06_claims():
    claims = _claims(
        ("police_recorded_ms_offences|total|2022/23-2023/24", 19.0, "percent_change", "a notable decline by 19%"),
        ("police_recorded_ms_offences|total|2019/20", 776.0, "percent_change", "surged by 776%"),
    )
    claims["figure"] = "6"
    return claims


def test_fig06_draws_one_named_edition_with_code_72_before_it_and_the_report_beside_every_edition():
    fig, data = recorded_crime.fig06_recorded_crime(_ons_editions(), "latest", 2024, _fig06_claims())
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2014/15", "2015/16", "2022/23", "2023/24", "2024/25"]
    bars = data[data["panel"].isna() & data["value"].notna()]
    assert set(bars["file"]) == {"new.xlsx"} and set(bars["cell"]) >= {"C2", "C3", "B9"}
    assert "year ending March 2025 edition, published 24 July 2025" in ax.get_title(loc="left").replace("\n", " ")
    note = next(t.get_text() for t in ax.texts if t.get_text().startswith("The report's changes"))
    # the report's -19% beside this edition's -17.3% and the range over both editions (-20.0% to -17.3%)
    assert "2022/23 to 2023/24: report \u221219%" in note
    assert "this edition \u221217.3%; every edition \u221220.0% to \u221217.3%" in note
    labels = [t.get_text() for t in ax.texts]
    assert "953" in labels and "8,800" in labels  # 950 + 3: both offence codes stacked in 2015/16
    changes = data[data["panel"].astype(str).str.startswith("change")]
    assert set(changes["file"]) == {"old.xlsx", "new.xlsx"} and changes["inputs"].str.contains("new.xlsx").any()


def test_fig06_report_vintage_takes_the_newest_edition_published_by_the_report():
    editions = _ons_editions()
    editions.loc[editions["file"] == "new.xlsx", "published"] = "2025-10-23"  # after the report
    fig, data = recorded_crime.fig06_recorded_crime(editions, "report", 2024, _fig06_claims())
    assert set(data.loc[data["panel"].isna(), "file"].dropna()) == {"old.xlsx"}
    assert "2024/25" not in [t.get_text() for t in fig.axes[0].get_xticklabels()]


def test_fig07_ages_every_year_of_the_release_and_duty_to_notify_from_its_start():
    nrm, dtn = "nrm.csv", "dtn.csv"
    rows = []
    for year, (adult, child) in {"2014": (1665, 672), "2015": (2284, 979), "2016": (2524, 1281)}.items():
        for breakdown, value in [("age=adult", adult), ("age=child", child), ("age=not_known", 0)]:
            rows.append(
                _edition_row(
                    nrm,
                    "quarter 4 2016",
                    "2016-12",
                    "nrm_referrals",
                    year,
                    value,
                    breakdown=breakdown,
                    cell="sum of line 2, line 3",
                    published=None,
                )
            )
    rows.append(
        _edition_row(dtn, "quarter 4 2016", "2016-12", "dtn_reports", "2015", 65, cell="line 2", published=None)
    )
    rows.append(
        _edition_row(dtn, "quarter 4 2016", "2016-12", "dtn_reports", "2016", 762, cell="line 4", published=None)
    )
    typed = [
        _row("nrm_referrals", "2016", "calendar_year", 3805),
        _row("nrm_referrals", "2017", "calendar_year", 5145),
        _row("dtn_reports", "2017", "calendar_year", 1634, geography="England and Wales"),
    ]
    claims = _claims(("nrm_referrals|total|2016-2017", 35.0, "percent_change", "increased by 35%"))
    fig, data = nrm_referrals.fig07_nrm_referrals(_table(typed), pd.DataFrame(rows), "latest", 2017, claims)
    ax, ax_dtn = fig.axes
    assert [t.get_text() for t in ax_dtn.get_xticklabels()] == ["2014", "2015", "2016", "2017"]
    ages = data[data["measure"] == "nrm_adult"]
    assert list(ages["period"]) == ["2014", "2015", "2016"] and set(ages["tier"]) == {"computed"}
    assert data.loc[data["measure"] == "nrm_total", "period"].tolist() == ["2017"]
    dtn_rows = data[data["measure"] == "dtn_reports"]
    assert dtn_rows["period"].tolist() == ["2015", "2016", "2017"] and dtn_rows["value"].notna().all()
    assert "2014" not in set(dtn_rows["period"])  # before the duty: a band, not 'not found'
    assert any("before the duty began" in t.get_text() for t in ax_dtn.texts)
    assert not any(drawing.NOT_FOUND in t.get_text() for t in ax_dtn.texts)
    note = next(t.get_text() for t in ax.texts if "report" in t.get_text())
    assert note == "2016 to 2017: report +35%, published totals +35.2% (3,805 to 5,145)"


def test_fig08_table_by_type_with_words_and_report_shares():
    rows = [
        _row("nrm_referrals", "2024", "calendar_year", 19125),
        _row(
            "nrm_referrals",
            "2024",
            "calendar_year",
            6153,
            breakdown="exploitation=labour;scope=single_type",
            tier="official_secondary",
        ),
        _row(
            "nrm_referrals",
            "2021",
            "calendar_year",
            2689,
            breakdown="age=child;exploitation=criminal;scope=single_type",
        ),
    ]
    claims = _claims(
        ("nrm_referrals|exploitation=labour;scope=any_type|2024", 51.0, "percent", "while 51% mentioned labour")
    )
    fig, data = exploitation.fig08_exploitation(_table(rows), 2024, claims)
    assert list(data["exploitation"]) == ["labour", "labour", "criminal"]
    assert list(data["tier"]) == ["official_secondary", "report", "official"]
    assert data["share_text"].iloc[0] == "32% of 19,125 (all)"
    assert data["group"].iloc[2] == "children, single-type only"
    assert data["share_text"].iloc[2] == "base not found"
    assert "=" not in " ".join(data["group"])  # no code syntax in the words shown
    assert data["label"].iloc[1] == "Labour 2024, any type mentioned"


@pytest.mark.parametrize("age, title", [("child", "Figure 9"), ("adult", "Figure 10")])
def test_fig09_fig10_stand_apart_with_computed_and_report_shares(age, title):
    rows = [
        _row("nrm_referrals", "2023", "calendar_year", 4299, breakdown="nationality=uk"),
        _row("nrm_referrals", "2023", "calendar_year", 3350, breakdown="age=child;nationality=uk"),
        _row("nrm_referrals", "2023", "calendar_year", 7432, breakdown="age=child"),
        _row("nrm_referrals", "2023", "calendar_year", 8622, breakdown="age=adult"),
        _row(
            "nrm_referrals",
            "2023",
            "calendar_year",
            3147,
            breakdown="age=adult;nationality=albania",
            tier="official_secondary",
        ),
    ]
    claims = _claims(
        (f"nrm_referrals|age={age};nationality=uk|2024", 62.0, "percent", "For child victims, 62%")
        if age == "child"
        else (f"nrm_referrals|age={age};nationality=uk|2024", 9.0, "percent", "Approximately 9% of adults")
    )
    fig, data = nationality.nationality_by_age(_table(rows), age, 2024, claims)
    assert fig._suptitle.get_text().startswith(title)
    share = data[data["panel"] == "UK share (computed)"]
    expected = 45.1 if age == "child" else 11.0  # (4,299 - 3,350) / 8,622
    assert list(share["value"]) == [expected] and list(share["period"]) == ["2023"]
    report = data[data["tier"] == "report"]
    assert list(report["period"]) == ["2024"] and report["bound"].iloc[0] == ("" if age == "child" else "≈")
    counts = data[data["panel"] == "counts"]
    assert list(counts["label"]) == (["UK 2023"] if age == "child" else ["Albania 2023"])
    ax, ax_share = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023"]  # no empty slot for a year with no count
    assert [t.get_text() for t in ax_share.get_xticklabels()] == ["2023", "2024"]
    assert fig.get_size_inches()[0] == pytest.approx(16 / 2.54)  # drawn for the A4 text width
    caption = official_describe.caption(f"fig{title[-2:].strip()}".replace("fig9", "fig09"), data)
    assert "The UK share for 2024 cannot be computed here" in caption


def test_fig23_one_panel_per_coverage_and_a_bound_drawn_as_a_bound():
    rows = [
        _row(
            "ms_crime_outcomes",
            "2022/23",
            "financial_year",
            2,
            unit="percent",
            geography="England and Wales",
            breakdown="outcome=charged_summonsed;share_of=recorded_offences",
            tier="official_secondary",
            quote="the charge rate has dropped to a new low of less than 2%",
        ),
        _row(
            "ms_crime_outcomes",
            "2016",
            "calendar_year",
            7.58,
            unit="percent",
            geography="E&W forces responding to FOI (about two-thirds)",
            breakdown="outcome=charged_summonsed;share_of=recorded_offences",
            tier="official_secondary",
        ),
        _row(
            "ms_crime_outcomes",
            "2018",
            "calendar_year",
            3,
            unit="percent",
            geography="Staffordshire Police area",
            breakdown="outcome=charged_summonsed;share_of=concluded_investigations",
            tier="official_secondary",
        ),
    ]
    fig, data = justice.fig23_outcomes(_table(rows), 2024)
    assert len(fig.axes) == 3
    assert [[t.get_text() for t in ax.get_xticklabels()] for ax in fig.axes] == [
        ["2022/23"],
        ["2016"],
        ["Staffordshire"],
    ]
    assert "less than 2%" in _texts(fig)
    assert len(fig.axes[0].patches) == 0  # no bar drawn to the height of an upper bound
    assert data["bound"].tolist() == ["<", "", ""]


def test_fig24_columns_by_period_type_rates_apart_and_report_on_its_period():
    rows = [
        _row("cps_ms_prosecutions", "2019", "calendar_year", 349, geography="England and Wales"),
        _row("cps_ms_convictions", "2019", "calendar_year", 251, geography="England and Wales"),
        _row("cps_ms_prosecutions", "2017/18", "financial_year", 284, geography="England and Wales"),
        _row(
            "cps_ms_conviction_rate",
            "year to June 2024",
            "rolling_year",
            76,
            unit="percent",
            geography="England and Wales",
            tier="official_secondary",
        ),
    ]
    claims = pd.DataFrame(
        [
            {
                "claim_id": "L1:349",
                "official_key": "cps_ms_prosecutions|total|2016",
                "value": 349.0,
                "unit": "count",
                "quote": "In 2016 there were 349 prosecutions",
                "dup_of": None,
            },
            {
                "claim_id": "L1:70",
                "official_key": "cps_ms_conviction_rate|total|2020/21-2023/24",
                "value": 70.0,
                "unit": "percent",
                "quote": "ranging from 70% to 76%",
                "dup_of": None,
            },
            {
                "claim_id": "L1:72.5",
                "official_key": "cps_ms_conviction_rate|total|2020/21-2023/24",
                "value": 72.5,
                "unit": "percent",
                "quote": "averaging at 72.5%",
                "dup_of": None,
            },
            {
                "claim_id": "L1:76",
                "official_key": "cps_ms_conviction_rate|total|2020/21-2023/24",
                "value": 76.0,
                "unit": "percent",
                "quote": "ranging from 70% to 76%",
                "dup_of": None,
            },
        ]
    )
    fig, data = justice.fig24_cps(_table(rows), 2024, claims)
    ax_n, ax_r = fig.axes  # two full-width panels: counts above, rates below
    assert fig.get_size_inches()[0] == pytest.approx(16 / 2.54)
    groups = [t.get_text().replace("\n", " ") for t in ax_n.texts if t.get_position()[1] == 1.02]
    assert groups == ["Calendar years", "Financial years (April to March)", "Years to the month shown"]
    assert "report: 349\n(sources: 2019)" in _texts(fig)
    assert any(t.startswith("report: 70% to 76%,\naverage 72.5%") for t in _texts(fig))
    computed = data[data["panel"] == "Calendar years: conviction rate (computed)"]
    assert list(computed["value"]) == [71.9]
    ticks = [t.get_text() for t in ax_r.get_xticklabels()]
    assert ticks[0] == "2016" and ticks[-1] == "to June 2024" and "2016/17" in ticks  # never mixed: in groups
    # periods with no count are light bands (one legend entry), not rotated words
    assert not any(drawing.NOT_FOUND in t for t in _texts(fig)) and len(ax_n.patches) > 2


def test_ops_report_values_span_their_year_and_a_disputed_date_is_one_value():
    rows = [
        _row("live_ms_operations", "December 2015", "snapshot", 188, tier="official_secondary", title="MSPTU: x"),
        _row("live_ms_operations", "December 2016", "snapshot", 188, title="Home Office: y"),
        _row("live_ms_operations", "June 2019", "snapshot", 1479, tier="official_secondary"),
        _row("live_ms_operations", "December 2022", "snapshot", 3555, quote="to at least 3,555 in December 2022"),
    ]
    claims = _claims(
        ("live_ms_operations|total|2016", 188.0, "count", "just 188 live operations"),
        ("live_ms_operations|total|2019", 1479.0, "count", "surged to 1,479"),
    ).assign(period=["2016", "2019"])
    fig, data = justice.ops_live_operations(_table(rows), claims, 2024)
    ax = fig.axes[0]
    report_lines = [ln for ln in ax.get_lines() if ln.get_linewidth() == 2.5]
    assert [tuple(ln.get_xdata()) for ln in report_lines] == [(2016, 2017), (2019, 2020)]
    assert list(data.loc[data["panel"] == "disputed date", "period"]) == ["December 2015", "December 2016"]
    disputed = [ln for ln in ax.get_lines() if ln.get_linewidth() == 3]  # one value, two dates: one span
    assert len(disputed) == 1 and len(disputed[0].get_xdata()) == 2
    assert fig.get_size_inches()[0] == pytest.approx(16 / 2.54)
    assert "at least 3,555" in _texts(fig)
    assert set(drawing.record_tiers(data)) == {"official", "official_secondary", "report"}


def _texts_ax(ax):
    return [t.get_text() for t in ax.texts]
