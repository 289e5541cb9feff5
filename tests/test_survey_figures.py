"""Survey figures show every value printed for them exactly as printed, flag values impossible for n, invent
nothing, show n, and keep every text artist inside the canvas."""

import matplotlib.pyplot as plt
import pytest

from helpers.figures import registry
from helpers.figures.inputs import Inputs
from helpers.figures.make import build
from helpers.survey import granularity
from helpers.survey.published import load_published

pytestmark = pytest.mark.usefixtures("processed_survey")


def _inside(fig) -> list[str]:
    """What the saved image would clip: the tight box of everything drawn, against the canvas (in inches)."""
    fig.canvas.draw()
    tight = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    tol = 0.01
    sides = {"left": tight.x0 < -tol, "bottom": tight.y0 < -tol, "right": tight.x1 > width + tol}
    sides["top"] = tight.y1 > height + tol
    return [side for side, out in sides.items() if out]


@pytest.mark.parametrize("figure_id", [f.figure_id for f in registry.FIGURES if f.chart])
def test_every_printed_value_is_shown_as_printed(figure_id):
    fig, data, meta = build(figure_id, Inputs())
    number = figure_id.removeprefix("fig").lstrip("0")
    published = load_published()
    printed = published[(published["figure"] == number) & (published["unit"] == "percent")]
    shown = data[data["tier"] == "report"]
    assert sorted(shown["stat_id"]) == sorted(printed["stat_id"].drop_duplicates())
    for r in printed.itertuples():
        row = shown[shown["stat_id"] == r.stat_id].iloc[0]
        assert row["printed"] == f"{r.value:g}%" and row["percent"] == r.value
        assert row["possible_for_n"] == bool(granularity.counts_for(r.value, int(r.n)))
        assert f"{r.value:g}%" in meta["alt"] or "more value" in meta["alt"]  # the rest: the data table
        if not row["possible_for_n"]:
            assert "\u2020" in "".join(t.get_text() for t in fig.findobj(plt.Text)) and "nearest" in meta["caption"]
    assert "illustrative" not in set(data["tier"]) and set(data["tier"]) <= {"report", "not published"}
    assert "n=" in meta["alt"] or "n:" in meta["alt"]
    assert _inside(fig) == []
    plt.close(fig)


def test_impossible_values_are_flagged_with_their_nearest_count(expected):
    fig, data, meta = build("fig25", Inputs())
    impossible = data[~data["possible_for_n"]]
    expected("survey_impossible", impossible, ["stat_id"], whole=True)
    texts = [t.get_text() for t in fig.findobj(plt.Text)]
    for r in impossible.itertuples():
        assert f"{r.printed}\u2020" in texts, r.stat_id
        nearest = f"the nearest is {r.rows_count}/{r.n} = {r.rows_percent:g}%"
        assert f"printed {r.printed}: no whole number of {r.n} respondents gives it, {nearest}" in meta["caption"]
    assert "give back every printed value" not in meta["caption"]
    plt.close(fig)


def test_nothing_printed_means_no_bar():
    fig, data, _ = build("fig15", Inputs())
    assert list(data["category"]) == ["Not published"] and not fig.axes
    assert "We obtained responses from all regions." in build("fig58", Inputs())[2]["caption"]
    plt.close("all")


def test_need_for_improvement_summary_keeps_every_figure_number_and_the_texts_finding(expected):
    fig, table, meta = build("fig27_56", Inputs())
    assert list(table["figure"]) == list(range(27, 57))
    printed_or_flagged = table[(table["printed"] != "") | (table["n_flag"] != "")]
    expected("survey_need", printed_or_flagged.assign(n_flagged=table["n_flag"] != ""), ["figure"], whole=True)
    greatest = table[table["text_finding"] != ""].groupby("theme", as_index=False)["group"].first()
    expected("survey_need_findings", greatest, ["theme"], whole=True)
    assert "Figures 52 and 53 are captioned n=41 (MS Leads) and n=37 (Frontline officers)" in meta["caption"]
    assert "63% significant improvements required" in meta["caption"] and "S0185" not in meta["caption"]
    texts = "".join(t.get_text() for t in fig.findobj(plt.Text))
    assert all(f"Fig. {n} " in texts for n in range(27, 57))
    assert _inside(fig) == []
    plt.close(fig)
