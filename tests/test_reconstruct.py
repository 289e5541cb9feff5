"""The respondent-level reconstruction gives back the report's printed survey percentages, deterministically."""

import pandas as pd
import pytest

from helpers.survey import granularity, items, likert, published, recompute, reconstruct


@pytest.fixture(scope="module")
def built():
    return reconstruct.build()


@pytest.fixture(scope="module")
def check(built):
    return recompute.check(built)


# answers counted in the rows (a name ending in __ stands for each option column of a multi-select item)
COUNTED = {
    "ms_leads": ["role", "ms_prioritised_by_org", "ms_alternative_offences__drug_offences"],
    "frontline": ["fl_training_level", "fl_signs_identified__"],
}


def test_reconstruction_reproduces_printed_values(check, expected):
    assert not (check["status"] == "mismatch").any(), check[check["status"] == "mismatch"]
    deviations = check[check["status"] == "recorded_deviation"]
    assert deviations["note"].str.len().gt(0).all()
    assert ((deviations["recomputed"] - deviations["printed"]).abs() <= 4).all()
    expected("survey_recomputed", check, ["stat_id"])


def test_status_counts(check, expected):
    multi = check[check["item_id"].isin(list(reconstruct.MULTI_SELECT))]
    counts = pd.concat(
        [
            frame["status"].value_counts().rename_axis("status").reset_index().assign(items=items)
            for items, frame in (("all", check), ("multi_select", multi))
        ]
    )
    expected("survey_status_counts", counts, ["items", "status"], whole=True)


def test_rows_look_like_a_survey_export(built, expected):
    ms = built["rows"]["ms_leads"]
    assert list(ms.columns[:2]) == ["respondent_id", "role"]
    answers = likert.recode(ms["ms_prioritised_by_org"], "agreement5", reconstruction=True)
    assert answers.notna().all()
    with pytest.raises(ValueError, match="Not published"):
        likert.recode(ms["ms_prioritised_by_org"], "agreement5")  # a real export may not hold it
    counts = [
        frame[column].value_counts(dropna=False).rename_axis("answer").reset_index().assign(population=p, column=column)
        for p, frame in built["rows"].items()
        for column in frame.columns
        if any(column == c or (c.endswith("__") and column.startswith(c)) for c in COUNTED.get(p, []))
    ]
    expected("survey_answer_counts", pd.concat(counts), ["population", "column", "answer"], whole=True)


def test_cells_mark_reconstructed_and_not_published(built):
    cells = built["cells"]
    assert set(cells["status"]) == {"reconstructed", "not_published"}
    yes = cells[(cells["item_id"] == "ms_control_strategy") & (cells["level"] == "answer") & (cells["count"] > 0)]
    assert set(yes["status"]) == {"reconstructed"}
    need = cells[(cells["item_id"] == "need_improvement_policy") & (cells["level"] == "answer")]
    assert set(need["status"]) == {"not_published"} and set(built["rows"]["ms_leads"][need["item_id"].iloc[0]]) == {
        "Not published"
    }


def test_two_builds_are_equal(built):
    again = reconstruct.build()
    pd.testing.assert_frame_equal(built["cells"], again["cells"])
    for population, frame in built["rows"].items():
        pd.testing.assert_frame_equal(frame, again["rows"][population])


def test_impossible_value_takes_nearest_count():
    counts, feasible = granularity.choose_counts([80], 37, exact_sum=False)
    assert counts == [30] and feasible == [False]


def _corrupt(tmp_path, stat_id, column, value):
    from helpers import paths

    source = paths.RAW / "report" / "survey_published.csv"
    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    line = int(frame.index[frame["stat_id"] == stat_id][0]) + 2
    frame.loc[frame["stat_id"] == stat_id, column] = value
    target = tmp_path / "survey_published.csv"
    frame.to_csv(target, index=False, lineterminator="\n")
    return target, line


def test_percentage_over_100_stops_with_file_line_and_column(tmp_path):
    from helpers.data.validate import DataValidationError

    target, line = _corrupt(tmp_path, "S0015", "value", "159")
    with pytest.raises(DataValidationError) as err:
        published.load_published(target)
    assert f"survey_published.csv, line {line}, column 'value'" in str(err.value) and "over 100" in str(err.value)


def test_count_above_its_n_stops_with_file_line_and_column(tmp_path):
    from helpers.data.validate import DataValidationError

    target, line = _corrupt(tmp_path, "S0098", "value", "25")
    with pytest.raises(DataValidationError) as err:
        published.load_published(target)
    assert f"survey_published.csv, line {line}, column 'value'" in str(err.value) and "n=24" in str(err.value)


def test_multi_select_options_recompute_to_their_printed_values(built, check):
    multi = check[check["item_id"].isin(list(items.MULTI_SELECT))]
    assert set(multi["status"]) <= {"exact", "recorded_deviation"}
    deviations = multi[multi["status"] == "recorded_deviation"]
    assert deviations["note"].str.contains("impossible").all()
    assert ((deviations["recomputed"] - deviations["printed"]).abs() <= 1).all()
    frontline = built["rows"]["frontline"]
    signs = frontline[[c for c in frontline.columns if c.startswith("fl_signs_identified__")]]
    assert set(signs.stack().dropna().unique()) == {"Yes", "No"}


def test_not_reconstructed_rows_all_have_a_reason(check):
    left = check[check["status"] == "not_reconstructed"]
    assert set(left["item_id"]) <= set(items.NOT_RECONSTRUCTED)
    assert left["reason"].str.len().gt(0).all()
    assert (check.loc[check["status"] != "not_reconstructed", "reason"] == "").all()
