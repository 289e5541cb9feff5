"""The respondent-level reconstruction gives back the report's printed survey percentages, deterministically."""

import pandas as pd
import pytest

from helpers.survey import granularity, items, published, reconstruct


def test_cells_mark_reconstructed_and_not_published(reconstruction):
    cells = reconstruction["cells"]
    assert set(cells["status"]) == {"reconstructed", "not_published"}
    yes = cells[(cells["item_id"] == "ms_control_strategy") & (cells["level"] == "answer") & (cells["count"] > 0)]
    assert set(yes["status"]) == {"reconstructed"}
    need = cells[(cells["item_id"] == "need_improvement_policy") & (cells["level"] == "answer")]
    assert set(need["status"]) == {"not_published"} and set(
        reconstruction["rows"]["ms_leads"][need["item_id"].iloc[0]]
    ) == {"Not published"}


def test_two_builds_are_equal(reconstruction):
    again = reconstruct.build()
    pd.testing.assert_frame_equal(reconstruction["cells"], again["cells"])
    for population, frame in reconstruction["rows"].items():
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


def test_multi_select_options_recompute_to_their_printed_values(reconstruction, recomputed):
    multi = recomputed[recomputed["item_id"].isin(list(items.MULTI_SELECT))]
    assert set(multi["status"]) <= {"exact", "recorded_deviation"}
    deviations = multi[multi["status"] == "recorded_deviation"]
    assert deviations["note"].str.contains("impossible").all()
    assert ((deviations["recomputed"] - deviations["printed"]).abs() <= 1).all()
    frontline = reconstruction["rows"]["frontline"]
    signs = frontline[[c for c in frontline.columns if c.startswith("fl_signs_identified__")]]
    assert set(signs.stack().dropna().unique()) == {"Yes", "No"}


def test_not_reconstructed_rows_all_have_a_reason(recomputed):
    left = recomputed[recomputed["status"] == "not_reconstructed"]
    assert set(left["item_id"]) <= set(items.NOT_RECONSTRUCTED)
    assert left["reason"].str.len().gt(0).all()
    assert (recomputed.loc[recomputed["status"] != "not_reconstructed", "reason"] == "").all()
