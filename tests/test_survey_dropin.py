"""survey_source: a real export (shuffled, relabelled) gives the same figures as the reconstruction; bad
labels and bad values of the parameter stop with a message naming what is wrong. Also the stamp of wholly
illustrative figures and the figures drawn from printed values only (figures_report)."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import paths
from helpers.figures import report as figures_report
from helpers.figures import survey as figures_survey
from helpers.figures import survey_plot
from helpers.survey import reconstruct

pytestmark = pytest.mark.usefixtures("processed_survey")

VARIANTS = {
    "Strongly agree": "strongly agree",
    "Agree": " Agree ",
    "Neither agree nor disagree": "Neutral",
    "Don't know": "Not sure",
    "Often": "OFTEN",
    "Unsure": "not sure",
}


def _export(folder, unknown: tuple[str, int, str] | None = None):
    folder.mkdir()
    rng = np.random.default_rng(20250701)
    for pop in reconstruct.POPULATIONS:
        frame = reconstruct.load_rows(pop)
        frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
        frame["respondent_id"] = [f"R{pop[:2].upper()}-{i:04d}" for i in rng.permutation(len(frame))]
        for col in frame.columns[2:]:
            frame[col] = frame[col].map(lambda v: VARIANTS.get(v, v))
        if unknown and unknown[0] == pop:
            frame.loc[unknown[1], unknown[2]] = "Agreeish"
        frame.to_csv(folder / f"{pop}.csv", index=False, lineterminator="\n")
    return folder


def test_dropin_gives_the_reconstructions_shares(tmp_path):
    folder = _export(tmp_path / "export")
    for figure_id in figures_survey.FIGURES:
        fig_expected, expected = figures_survey.draw(figure_id)
        fig_got, got = figures_survey.draw(figure_id, str(folder))
        plt.close(fig_expected)
        plt.close(fig_got)
        keys = ["bar", "subgroup", "category", "count", "n", "percent"]
        pd.testing.assert_frame_equal(expected[keys], got[keys], obj=figure_id)
        assert set(got["tier"]) == {"report"}
        assert figures_survey.metadata(figure_id, got, "x")["tiers"] == ["report"]


def test_dropin_relative_path_is_resolved_against_the_repo_root(tmp_path, monkeypatch):
    (tmp_path / "data" / "raw" / "confidential").mkdir(parents=True)
    _export(tmp_path / "data" / "raw" / "confidential" / "export")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    _, data = figures_survey.draw("fig02", "data/raw/confidential/export")
    assert set(data["tier"]) == {"report"}


def test_unknown_label_names_label_file_and_row(tmp_path):
    folder = _export(tmp_path / "bad", unknown=("ms_leads", 4, "ms_prevalent"))
    with pytest.raises(ValueError) as err:
        figures_survey.load(str(folder))
    text = str(err.value)
    assert "'Agreeish' at line(s) 6" in text and "ms_leads.csv" in text and "'ms_prevalent'" in text


@pytest.mark.parametrize("value", ["reconstructed", "no/such/folder", ""])
def test_wrong_survey_source_names_the_parameter(value):
    with pytest.raises(ValueError, match="survey_source"):
        figures_survey.load(value)


def test_wholly_illustrative_figures_are_stamped():
    fig, data = figures_survey.draw("fig15")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert survey_plot.STAMP in texts and fig.axes[0].get_title(loc="left").startswith("Illustrative:")
    assert figures_survey.metadata("fig15", data, "x")["title"].startswith("Illustrative:")
    fig, data = figures_survey.draw("fig02")  # partly illustrative: hatching and legend, no stamp
    assert survey_plot.STAMP not in [t.get_text() for t in fig.axes[0].texts]
    assert not fig.axes[0].get_title(loc="left").startswith("Illustrative:")
    assert "illustrative (not printed)" in [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


def test_figures_from_printed_values_only():
    _, meta = figures_report.fig04()
    data = meta["data"]
    assert meta["tiers"] == ["report"] and data["rating"].notna().sum() == 1
    assert data.loc[data["status"] == "printed", "rating"].item() == 5
    _, meta = figures_report.fig16()
    assert meta["data"]["teams"].sum() == 24 and meta["tiers"] == ["report"]
    assert dict(zip(meta["data"]["category"], meta["data"]["teams"]))["dedicated_exploitation_team"] == 8
    _, meta = figures_report.fig05()
    assert list(meta["data"]["Type of MS"]) == [
        "Domestic Servitude",
        "Sexual exploitation",
        "Criminal exploitation",
        "Labour exploitation",
        "Organ harvesting",
    ]
    _, meta = figures_report.framework()
    assert len(meta["data"]) == 4
    if paths.report_text().exists():
        text = paths.report_text().read_text(encoding="utf-8")
        for row in figures_report.FIG05_ROWS:
            assert all(cell in text for cell in row)
        assert figures_report.FRAMEWORK_QUOTE in text
