"""The reconstruction's recomputed percentages, status counts and answer counts, against tests/expected."""

import pandas as pd
import pytest

from helpers.survey import likert, reconstruct

# answers counted in the rows (a name ending in __ stands for each option column of a multi-select item)
COUNTED = {
    "ms_leads": ["role", "ms_prioritised_by_org", "ms_alternative_offences__drug_offences"],
    "frontline": ["fl_training_level", "fl_signs_identified__"],
}


def test_reconstruction_reproduces_printed_values(recomputed, expected):
    assert not (recomputed["status"] == "mismatch").any(), recomputed[recomputed["status"] == "mismatch"]
    deviations = recomputed[recomputed["status"] == "recorded_deviation"]
    assert deviations["note"].str.len().gt(0).all()
    assert ((deviations["recomputed"] - deviations["printed"]).abs() <= 4).all()
    expected("survey_recomputed", recomputed, ["stat_id"])


def test_status_counts(recomputed, expected):
    multi = recomputed[recomputed["item_id"].isin(list(reconstruct.MULTI_SELECT))]
    counts = pd.concat(
        [
            frame["status"].value_counts().rename_axis("status").reset_index().assign(items=items)
            for items, frame in (("all", recomputed), ("multi_select", multi))
        ]
    )
    expected("survey_status_counts", counts, ["items", "status"], whole=True)


def test_rows_look_like_a_survey_export(reconstruction, expected):
    ms = reconstruction["rows"]["ms_leads"]
    assert list(ms.columns[:2]) == ["respondent_id", "role"]
    answers = likert.recode(ms["ms_prioritised_by_org"], "agreement5", reconstruction=True)
    assert answers.notna().all()
    with pytest.raises(ValueError, match="Not published"):
        likert.recode(ms["ms_prioritised_by_org"], "agreement5")  # a real export may not hold it
    counts = [
        frame[column].value_counts(dropna=False).rename_axis("answer").reset_index().assign(population=p, column=column)
        for p, frame in reconstruction["rows"].items()
        for column in frame.columns
        if any(column == c or (c.endswith("__") and column.startswith(c)) for c in COUNTED.get(p, []))
    ]
    expected("survey_answer_counts", pd.concat(counts), ["population", "column", "answer"], whole=True)
