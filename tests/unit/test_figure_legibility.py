"""The legibility checks (``figures.legibility``) fail where they should: small printed text, labels on labels or
markers, pipeline words, long alt text; the tier key and colours come from the style module. The saved figures
of a full run are checked in tests/chain/test_figure_legibility_outputs.py."""

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import paths  # noqa: E402
from helpers.figures import legibility, style  # noqa: E402


def _svg(tmp_path, width: float, draw) -> object:
    plt.rcParams["svg.fonttype"] = "none"
    fig = plt.figure(figsize=(width, 3))
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    draw(ax)
    path = tmp_path / "figure.svg"
    fig.savefig(path)
    plt.close(fig)
    return path


def test_text_drawn_on_a_wide_canvas_prints_small(tmp_path):
    wide = _svg(tmp_path, 13, lambda ax: ax.text(1, 1, "6 pt label", fontsize=6))
    assert legibility.smallest_printed_size(wide) == pytest.approx(6 * style.TEXT_WIDTH_IN / 13, rel=1e-3)
    fitted = _svg(tmp_path, style.TEXT_WIDTH_IN, lambda ax: ax.text(1, 1, "8 pt label", fontsize=8))
    assert legibility.smallest_printed_size(fitted) >= style.MIN_PRINTED_PT - 1e-6


def test_labels_that_touch_are_found_and_labels_apart_are_not(tmp_path):
    def touching(ax):
        ax.text(5, 5, "2,255", fontsize=9, ha="center")
        ax.text(5.3, 5.1, "2,347", fontsize=9, ha="center")

    assert legibility.collisions(_svg(tmp_path, 6, touching)) == ["text '2,255' overlaps text '2,347'"]

    def apart(ax):
        ax.text(2, 5, "2,255", fontsize=9, ha="center")
        ax.text(8, 5, "2,347", fontsize=9, ha="center", rotation=90)

    assert legibility.collisions(_svg(tmp_path, 6, apart)) == []


def test_a_label_on_a_marker_is_found_and_tick_labels_are_not_markers(tmp_path):
    def on_marker(ax):
        ax.plot([5], [5], "D", markersize=8)
        ax.text(5, 5, "count by age", fontsize=9, ha="center", va="center")

    found = legibility.collisions(_svg(tmp_path, 6, on_marker))
    assert len(found) == 1 and "overlaps a marker" in found[0]
    assert legibility.collisions(_svg(tmp_path, 6, lambda ax: ax.plot([5], [9], "o"))) == []


@pytest.mark.parametrize(
    "text",
    [
        "printed in S0037 and S0013",
        "claim L0504:62 disagrees",
        "as the report says (line 1370)",
        "see L1680",
        "tier official_secondary",
        "vintage: latest release",
        "the claims ledger (data/raw/report/claims.csv)",
        "see the claims audit in notebook 07",
    ],
)
def test_pipeline_words_are_found(text):
    assert legibility.pipeline_words(text)


def test_plain_words_pass():
    text = (
        "Official (copy of a publisher's table); as printed in the report (section 'Investigations'); not found in"
        " the sources used here. In 2024, 19,125 referrals; 62% as printed."
    )
    assert legibility.pipeline_words(text) == []


def test_alt_text_is_one_or_two_short_sentences():
    assert legibility.alt_problems("Bar chart of referrals by year. They rise every year to 19,125 in 2024.") == []
    assert legibility.alt_problems("x" * 251) == ["251 characters (at most 250)"]
    assert legibility.alt_problems("One. Two. Three.") == ["3 sentences (one or two)"]


def _looks(handle) -> tuple:
    parts = handle if isinstance(handle, tuple) else (handle,)
    return tuple(
        (type(h).__name__, getattr(h, "get_hatch", lambda: None)(), str(getattr(h, "get_facecolor", lambda: "")()))
        for h in parts
    )


def test_the_tier_key_draws_each_tier_the_same_on_every_chart_in_no_series_colour():
    few, _ = style.tier_key_handles(["official", "report"])
    many, labels = style.tier_key_handles(["not published", "report", "official_secondary", "official", "computed"])
    assert labels == [
        "official (publisher's own page)",
        "official (copy of a publisher's table)",
        "as printed in the report",
        "not published",
        "computed here from published values",
    ]
    assert _looks(few[0]) == _looks(many[0]) and _looks(few[1]) == _looks(many[2])
    assert len({_looks(h) for h in many}) == len(many)
    fig = plt.figure()
    key = style.tier_key(fig, ["official", "report"])
    assert [t.get_text() for t in key.get_texts()] == labels[0:1] + labels[2:3]
    plt.close(fig)


HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
FIGURE_MODULES = sorted((paths.ROOT / "src" / "helpers" / "figures").rglob("*.py"))


@pytest.mark.parametrize("module", FIGURE_MODULES, ids=lambda p: p.relative_to(paths.ROOT / "src").as_posix())
def test_colours_come_from_the_style_module(module):
    """A colour means one thing on every chart only if it is named once: no hex colour outside the style module."""
    if module.name != "style.py":
        assert HEX.findall(module.read_text(encoding="utf-8")) == []


def test_audit_at_a_glance_counts_every_claim_once_by_section_in_report_order():
    from helpers.figures.report import audit_glance

    audit = pd.DataFrame(
        {
            "section": ["B / x", "A", "B", "A / y", "C"],
            "line": [20, 10, 21, 11, 30],
            "verdict": ["reproduced", "inconsistent", "not_checkable", "inconsistent", "disagrees_with_source"],
        }
    )
    fig, data = audit_glance.audit_glance(audit)
    assert list(dict.fromkeys(data["section"])) == ["A", "B", "C"]
    assert data["claims"].sum() == len(audit) and len(data) == 3 * len(audit_glance.VERDICTS)
    assert data.set_index(["section", "verdict"]).loc[("A", "inconsistent"), "claims"] == 2
    meta = audit_glance.audit_glance_meta(data)
    assert "5 numeric claims" in meta["caption"] and legibility.alt_problems(meta["alt"]) == []
    assert legibility.pipeline_words(meta["caption"] + meta["alt"] + meta["title"]) == []
    plt.close(fig)
