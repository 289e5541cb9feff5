"""The respondent-level reconstruction gives back the report's printed survey percentages, deterministically."""

import pandas as pd
import pytest

from helpers.survey import granularity, items, likert, published, recompute, reconstruct


@pytest.fixture(scope="module")
def built():
    return reconstruct.build()


def test_reconstruction_reproduces_printed_values(built):
    check = recompute.check(built)
    assert not (check["status"] == "mismatch").any(), check[check["status"] == "mismatch"]
    assert (check["status"] == "exact").sum() >= 90
    deviations = check[check["status"] == "recorded_deviation"]
    assert deviations["note"].str.len().gt(0).all()
    assert ((deviations["recomputed"] - deviations["printed"]).abs() <= 4).all()
    exact = check.set_index("stat_id")
    assert exact.at["S0015", "status"] == "exact" and exact.at["S0015", "recomputed"] == 59  # control strategy yes
    assert exact.at["S0109", "status"] == "exact"  # champions 3+ years 44% of 9 (role subgroup)


def test_rows_look_like_a_survey_export(built):
    ms = built["rows"]["ms_leads"]
    assert len(ms) == 37 and list(ms.columns[:2]) == ["respondent_id", "role"]
    assert ms["role"].value_counts().to_dict() == {
        "MS tactical lead": 17,
        "MS strategic lead": 11,
        "Other (MS champion)": 9,
    }
    answers = likert.recode(ms["ms_prioritised_by_org"], "agreement5", reconstruction=True)
    assert answers.notna().all()
    # no invented split: only the printed combined answer and 'Not published' (38% agree = 14 of 37)
    assert ms["ms_prioritised_by_org"].value_counts().to_dict() == {
        "Not published": 23,
        "Agree or strongly agree (split not published)": 14,
    }
    with pytest.raises(ValueError, match="Not published"):
        likert.recode(ms["ms_prioritised_by_org"], "agreement5")  # a real export may not hold it
    frontline = built["rows"]["frontline"]
    assert frontline["fl_training_level"].notna().sum() == 41  # item n=41 of 44 rows: blanks are non-response


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


def test_multi_select_options_recompute_to_their_printed_values(built):
    check = recompute.check(built)
    multi = check[check["item_id"].isin(list(items.MULTI_SELECT))]
    assert len(multi) == 25 and set(multi["status"]) <= {"exact", "recorded_deviation"}
    deviations = multi[multi["status"] == "recorded_deviation"]
    assert deviations["note"].str.contains("impossible").all()
    assert ((deviations["recomputed"] - deviations["printed"]).abs() <= 1).all()
    frontline = built["rows"]["frontline"]
    signs = frontline[[c for c in frontline.columns if c.startswith("fl_signs_identified__")]]
    assert signs.shape[1] == 7 and (signs.notna().sum() == 39).all()  # share over the 39 valid answers
    assert set(signs.stack().dropna().unique()) == {"Yes", "No"}
    drugs = built["rows"]["ms_leads"]["ms_alternative_offences__drug_offences"]
    assert (drugs == "Yes").sum() == 23  # 62% of 37
    by_id = check.set_index("stat_id")
    assert by_id.at["S0146", "status"] == "exact" and by_id.at["S0146", "recomputed"] == 62
    assert by_id.at["S0048", "status"] == "exact" and by_id.at["S0048", "recomputed"] == 92  # policing experience


def test_not_reconstructed_rows_all_have_a_reason(built):
    check = recompute.check(built)
    left = check[check["status"] == "not_reconstructed"]
    assert len(left) <= 7 and set(left["item_id"]) <= set(items.NOT_RECONSTRUCTED)
    assert left["reason"].str.len().gt(0).all()
    assert (check.loc[check["status"] != "not_reconstructed", "reason"] == "").all()
