"""Response scales: recoding of text variants, the unknown-label error, collapsing and shares."""

import pandas as pd
import pytest

from helpers.survey import likert


def test_variants_map_to_scale_labels():
    raw = pd.Series(
        [
            "Strongly Agree",
            "  agree ",
            "Neutral",
            "Neither agree nor disagree",
            "Not sure",
            "Don\u2019t know",
            "",
            None,
            "STRONGLY   DISAGREE",
        ],
        name="q1",
    )
    out = likert.recode(raw, "agreement5")
    assert out.iloc[0] == "Strongly agree" and out.iloc[1] == "Agree"
    assert out.iloc[2] == out.iloc[3] == "Neither agree nor disagree"
    assert out.iloc[4] == out.iloc[5] == "Don't know"
    assert pd.isna(out.iloc[6]) and pd.isna(out.iloc[7])
    assert out.iloc[8] == "Strongly disagree"
    assert out.cat.ordered and list(out.cat.categories) == likert.SCALES["agreement5"]
    assert likert.codes("agreement5")["Strongly agree"] == 5


def test_frequency_unsure_variants():
    out = likert.recode(pd.Series(["not sure", "Unsure", "often", "ALWAYS"]), "frequency5")
    assert list(out.astype("object")) == ["Unsure", "Unsure", "Often", "Always"]


def test_unknown_label_error_names_label_rows_file_and_column():
    raw = pd.Series(["Agree", "Agreee", "Agree", "Maybe", "Agreee"], name="q7")
    with pytest.raises(ValueError) as err:
        likert.recode(raw, "agreement5", file="survey.csv", column="q7")
    text = str(err.value)
    assert "survey.csv" in text and "'q7'" in text
    assert "'Agreee' at line(s) 3, 6" in text and "'Maybe' at line(s) 5" in text


def test_collapse_and_shares_half_up():
    answers = likert.recode(
        pd.Series(["Strongly agree", "Agree", "Disagree", "Neutral", "", "Agree", "Agree", "Disagree"]), "agreement5"
    )
    grouped = likert.collapse(answers, "agreement5")
    table = likert.shares(grouped).set_index("category")
    assert table.at["agree", "count"] == 4 and table.at["agree", "n"] == 7
    assert table.at["agree", "percent"] == 57.0  # 57.14
    over_all = likert.shares(grouped, base="all").set_index("category")
    assert over_all.at["agree", "n"] == 8 and over_all.at["agree", "percent"] == 50.0
    # exact half rounds up: 1 of 8 = 12.5 -> 13
    assert (
        likert.shares(likert.recode(pd.Series(["Yes"] + ["No"] * 7), "yes_no_unsure"))
        .set_index("category")
        .at["Yes", "percent"]
        == 13.0
    )


def test_largest_remainder_sums_to_100():
    for counts in ([1, 1, 1], [10, 17, 10], [5, 0, 3, 9, 20], [7, 7, 7, 7, 7, 2]):
        shares = likert.largest_remainder(counts)
        assert sum(shares) == 100
    answers = likert.recode(pd.Series(["Yes", "No", "Unsure"]), "yes_no_unsure")
    assert likert.shares(answers, method="largest_remainder")["percent"].sum() == 100
    assert likert.shares(answers)["percent"].sum() == 99  # half-up: 33+33+33
