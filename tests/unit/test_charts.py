import math

from helpers.figures.save import alt_values


def test_alt_text_states_every_value_and_marks_missing_ones():
    text = alt_values("Bars", ["2019", "2020"], [10611.0, math.nan], suffix="More in the CSV.")
    assert text == "Bars: 2019: 10,611; 2020: not published. More in the CSV."
