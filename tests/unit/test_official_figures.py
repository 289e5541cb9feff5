"""Each official figure function on small synthetic frames: panels, series, order, labels, tiers and bounds."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.data.official import bound, choose_vintage
from helpers.data.periods import parse_period
from helpers.figures.official import crime_and_referrals, drawing, exploitation, justice


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


def test_fig06_separates_period_types_and_coverage():
    rows = [
        _row("police_recorded_ms_offences", "2015/16", "financial_year", 884, geography="England and Wales"),
        _row(
            "police_recorded_ms_offences",
            "2019/20",
            "financial_year",
            7779,
            geography="E&W excl GMP",
            tier="official_secondary",
        ),
        _row("police_recorded_ms_offences", "year to June 2024", "rolling_year", 8591, geography="England and Wales"),
    ]
    claims = _claims(("police_recorded_ms_offences|total|2019/20", 776.0, "percent_change", "rose by 776%"))
    claims["figure"] = "6"
    fig, data = crime_and_referrals.fig06_recorded_crime(_table(rows), 2024, claims)
    assert "'rose by 776%' (line 1)" in "".join(_texts(fig)) and list(data.loc[data["tier"] == "report", "value"]) == [
        776
    ]
    ax, ax_roll = fig.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == crime_and_referrals.financial_years(2015, 2024)
    assert ax_roll.get_title(loc="left") == "Rolling year (July to June)"
    assert set(data.loc[data["panel"] == "rolling year", "period"]) == {"year to June 2024"}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "England and Wales excluding Greater Manchester Police" in legend
    assert "official (copy of a publisher's table)" in legend
    all_forces = data[data["coverage"] == "England and Wales, all forces"]
    assert all_forces["value"].isna().sum() == 9  # 2016/17 to 2024/25 not found
    assert sum(drawing.NOT_FOUND in t for t in _texts(fig)) == 9


def test_fig07_stack_and_total_share_one_release():
    rows = [
        _row("nrm_referrals", "2023", "calendar_year", 17004, release="2024-03-07"),
        _row("nrm_referrals", "2023", "calendar_year", 16990, release="2025-03-06"),
        _row(
            "nrm_referrals", "2023", "calendar_year", 13704, breakdown="competent_authority=sca", release="2024-03-07"
        ),
        _row(
            "nrm_referrals", "2023", "calendar_year", 3300, breakdown="competent_authority=ieca", release="2024-03-07"
        ),
        _row("nrm_referrals", "2022", "calendar_year", 16921, release="2024-03-07"),
        _row("dtn_reports", "2023", "calendar_year", 4929, geography="England and Wales"),
    ]
    releases = pd.DataFrame(rows)
    fig, data = crime_and_referrals.fig07_nrm_referrals(_table(rows), 2023, releases)
    ax, ax_dtn = fig.axes
    y2023 = data[(data["period"] == "2023") & (data["panel"] == "NRM referrals, UK")]
    total = y2023.loc[y2023["measure"] == "nrm_total", "value"].iloc[0]
    parts = y2023.loc[y2023["measure"].isin(["nrm_sca", "nrm_ieca"]), "value"].sum()
    assert total == parts == 17004
    assert "17,004\nrevised 16,990" in _texts(fig)
    assert data.loc[data["period"] == "2022", "split"].iloc[0] == drawing.NOT_FOUND
    assert ax_dtn.get_title(loc="left").startswith("Duty to Notify reports")
    assert [t.get_text() for t in ax_dtn.get_xticklabels()] == [str(y) for y in range(2014, 2024)]


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
    assert data["group"].iloc[2] == "children, single-type referrals only"
    assert data["share_text"].iloc[2] == f"base {drawing.NOT_FOUND}"
    assert "=" not in " ".join(data["group"])  # no code syntax in the words shown
    assert data["label"].iloc[1] == "Labour 2024, any type mentioned (multi-type referrals counted in each)"


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
    fig, data = crime_and_referrals.nationality_by_age(_table(rows), age, 2024, claims)
    assert fig._suptitle.get_text().startswith(title)
    share = data[data["panel"] == "UK share (computed)"]
    expected = 45.1 if age == "child" else 11.0  # (4,299 - 3,350) / 8,622
    assert list(share["value"]) == [expected] and list(share["period"]) == ["2023"]
    report = data[data["tier"] == "report"]
    assert list(report["period"]) == ["2024"] and report["bound"].iloc[0] == ("" if age == "child" else "≈")
    counts = data[data["panel"] == "counts"]
    assert list(counts["label"]) == (["UK 2023"] if age == "child" else ["Albania 2023"])
    assert any(drawing.NOT_FOUND in t for t in _texts(fig))


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
    titles = [ax.get_title(loc="left").replace("\n", " ") for ax in fig.axes[:3]]  # the narrow column wraps
    assert titles == ["Calendar years", "Financial years (April to March)", "Rolling years (year to the month shown)"]
    assert all(len(ax.get_shared_y_axes().get_siblings(ax)) == 3 for ax in fig.axes)  # counts and rates apart
    assert "report: 349\n(sources date 349 to 2019)" in _texts(fig)
    assert any(t.startswith("report: 70% to 76%, average 72.5%") for t in _texts(fig))
    computed = data[data["panel"] == "Calendar years: conviction rate (computed)"]
    assert list(computed["value"]) == [71.9]
    assert [t.get_text() for t in fig.axes[5].get_xticklabels()] == ["June\n2024"]


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
    assert any(t.startswith("188: one value, dated") for t in _texts_ax(ax))
    assert "at least 3,555" in _texts(fig)
    assert set(drawing.record_tiers(data)) == {"official", "official_secondary", "report"}


def _texts_ax(ax):
    return [t.get_text() for t in ax.texts]
