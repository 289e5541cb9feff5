"""survey_source: a real export (shuffled, relabelled, every answer filled) fills every chart with no
'not published' segment and no code change; bad labels and bad values of the parameter stop with a message
naming what is wrong. Also the figures drawn from printed values only (report.printed_values, report.table_figures)."""

import json

import matplotlib.pyplot as plt
import matplotlib.text
import numpy as np
import pandas as pd
import pytest

from helpers import paths
from helpers.figures import registry
from helpers.figures.inputs import Inputs
from helpers.figures.make import build
from helpers.figures.report import printed_values, table_figures
from helpers.survey import likert, reconstruct, respondents
from helpers.survey.populations import POPULATIONS

pytestmark = pytest.mark.usefixtures("processed_survey")

VARIANTS = {
    "Strongly agree": "strongly agree",
    "Agree": " Agree ",
    "Neither agree nor disagree": "Neutral",
    "Don't know": "Not sure",
    "Often": "OFTEN",
    "Unsure": "not sure",
}


def _real(value: str, scale: str) -> str:
    """A real answer in place of a combined or unpublished value (as a real export would hold)."""
    if value == likert.NOT_PUBLISHED:
        return likert.SCALES[scale][0]
    return likert.COMBINED.get(value, [value])[0]


def _export(folder, unknown: tuple[str, int, str] | None = None):
    folder.mkdir()
    rng = np.random.default_rng(20250701)
    cells = reconstruct.load_cells()
    scale = dict(zip(cells["item_id"], cells["scale"]))
    for pop in POPULATIONS:
        frame = reconstruct.load_rows(pop)
        frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
        frame["respondent_id"] = [f"R{pop[:2].upper()}-{i:04d}" for i in rng.permutation(len(frame))]
        for col in frame.columns[2:]:
            real = frame[col].map(lambda v, c=col: _real(v, scale[c]) if v else v)
            frame[col] = real.map(lambda v: VARIANTS.get(v, v))
        if unknown and unknown[0] == pop:
            frame.loc[unknown[1], unknown[2]] = "Agreeish"
        frame.to_csv(folder / f"{pop}.csv", index=False, lineterminator="\n")
    return folder


def test_dropin_fills_every_chart(tmp_path, expected):
    folder = _export(tmp_path / "export")
    for figure_id in [f.figure_id for f in registry.FIGURES if f.chart]:
        fig, got, fields = build(figure_id, Inputs(survey_source=str(folder)))
        plt.close(fig)
        assert set(got["tier"]) == {"report"} and "Not published" not in set(got["category"]), figure_id
        assert fields["tiers"] == ["report"]
    _, got, _ = build("fig02", Inputs(survey_source=str(folder)))
    agree = got[got["category"] == "Agree (incl. strongly)"]
    expected("survey_dropin_agree", agree.assign(position=range(len(agree))), ["item_id"], whole=True)


def test_dropin_fills_figures_27_to_56(tmp_path):
    """The need-for-improvement summary is drawn from the export's answers, every theme and group, and nothing in
    the chart, its data or its record reads 'not published'."""
    folder = _export(tmp_path / "export")
    rng, labels = np.random.default_rng(27), likert.SCALES["need_improvement"]
    for pop in POPULATIONS:  # the reconstruction has no answer here: every answer of the scale, at random
        frame = pd.read_csv(folder / f"{pop}.csv", dtype=str, keep_default_na=False)
        for column in [c for c in frame.columns if c.startswith("need_improvement_")]:
            frame[column] = [labels[k] if v else v for k, v in zip(rng.integers(0, 5, len(frame)), frame[column])]
        frame.to_csv(folder / f"{pop}.csv", index=False, lineterminator="\n")
    fig, got, fields = build("fig27_56", Inputs(survey_source=str(folder)))
    shown = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    plt.close(fig)
    assert len(got) == 30 and set(got["tier"]) == {"report"} and fields["tiers"] == ["report"]
    everything = f"{shown} {got.to_csv()} {json.dumps(fields)}".lower()
    assert "not published" not in everything and "figures 27–56" in everything
    for r in got.itertuples():
        answers = pd.read_csv(folder / f"{r.population}.csv", dtype=str)[r.item_id].dropna()
        for label, short in zip(labels, ["none", "minor", "moderate", "significant", "don't know"], strict=True):
            share = int((answers == label).sum() * 100 / len(answers) + 0.5)
            assert f"{short} {share}%" in r.export, (r.figure, label, r.export)
        assert r.export.endswith(f"(n={len(answers)})") and r.export.split(" · ")[0] in shown


def test_dropin_relative_path_is_resolved_against_the_repo_root(tmp_path, monkeypatch):
    (tmp_path / "data" / "raw" / "confidential").mkdir(parents=True)
    _export(tmp_path / "data" / "raw" / "confidential" / "export")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    _, data, _ = build("fig02", Inputs(survey_source="data/raw/confidential/export"))
    assert set(data["tier"]) == {"report"}


def test_unknown_label_names_label_file_and_row(tmp_path):
    folder = _export(tmp_path / "bad", unknown=("ms_leads", 4, "ms_prevalent"))
    with pytest.raises(ValueError) as err:
        respondents.load(str(folder))
    text = str(err.value)
    assert "'Agreeish' at line(s) 6" in text and "ms_leads.csv" in text and "'ms_prevalent'" in text


@pytest.mark.parametrize("value", ["reconstructed", "no/such/folder", ""])
def test_wrong_survey_source_names_the_parameter(value):
    with pytest.raises(ValueError, match="survey_source"):
        respondents.load(value)


def test_figures_from_printed_values_only(expected):
    _, data, meta = build("fig04", Inputs())
    assert meta["tiers"] == ["report", "not published"]
    expected("report_fig04", data, ["point"], whole=True)
    assert "five out of ten" in meta["alt"] and "n=22" in meta["title"]  # computed from the printed row
    _, data, meta = build("fig16", Inputs())
    assert meta["tiers"] == ["report"]
    expected("report_fig16", data, ["category"], whole=True)
    assert "of which 24 (55%) have a dedicated team; the 20 forces" in meta["caption"]
    _, data, meta = build("fig05", Inputs())
    assert list(data["Type of MS"]) == [
        "Domestic Servitude",
        "Sexual exploitation",
        "Criminal exploitation",
        "Labour exploitation",
        "Organ harvesting",
    ]
    assert (data["Perceived Prioritisation"] == table_figures.NOT_IN_TEXT).all()  # empty in the text: said so
    _, data, meta = build("fig57", Inputs())
    assert len(data) == 4 and "Bringing perpetrators to justice" in meta["caption"]
    assert "'We employed a research framework" in meta["caption"]  # the statement on Figure 57
    assert printed_values.REPORT in meta["source"]
