import pandas as pd

from helpers.figures.display import readable, show


def test_numbers_missing_values_and_columns_are_readable():
    frame = pd.DataFrame({"claim_id": ["a", "b"], "value": [19000.0, float("nan")], "share": [0.125, 3.0]})
    text = readable(frame)
    assert list(text.columns) == ["claim id", "value", "share"]
    assert text["value"].tolist() == ["19,000", "not found"]
    assert text["share"].tolist() == ["0.12", "3"]


def test_counts_keep_their_index_as_a_column_and_every_row_is_shown():
    counts = pd.Series(["x"] * 3 + [f"y{i}" for i in range(200)]).value_counts()
    page = show(counts)._repr_html_()
    assert '<th scope="col">count</th>' in page and "dtype" not in page and "Name:" not in page
    assert page.count("<tr>") == 1 + 201 and "201 rows" in page
    assert "<td>3</td>" in page
