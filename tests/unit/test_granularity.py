from helpers.survey.granularity import answer_set_counts, counts_for, grim, round_percent


def test_round_percent_half_up_is_exact():
    assert str(round_percent(1, 8, 1)) == "12.5"
    assert str(round_percent(1, 8, 0)) == "13"  # half up, not banker's rounding
    assert str(round_percent(1, 8, 0, "half_even")) == "12"


def test_percentage_possible_for_37():
    assert counts_for(38, 37) == [14]  # 14/37 = 37.84%
    assert grim(38, 37)["consistent_half_up"]


def test_percentage_impossible_for_37_and_the_n_that_would_give_it():
    result = grim(80, 37)  # 29/37 = 78.4%, 30/37 = 81.1%
    assert not result["consistent_half_up"] and result["rules"] == []
    assert 35 in result["nearby_n"] and 40 in result["nearby_n"]


def test_other_rounding_rules_can_explain_a_value():
    # 1/37 = 2.70%: 2% only by truncation
    assert grim(2, 37)["rules"] == ["truncate"]


def test_answer_set_that_sums():
    assert (22, 10, 5) in answer_set_counts([59, 27, 14], 37)


def test_answer_set_that_cannot():
    assert answer_set_counts([41, 16, 19, 28], 37) == []


def test_partial_answer_set_leaves_room_for_unprinted_answers():
    assert answer_set_counts([27, 59], 37) == []  # 10 + 22 = 32: not a complete set of 37
    assert (10, 22) in answer_set_counts([27, 59], 37, complete=False)
