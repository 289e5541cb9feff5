"""What a build changed: plotted values and verdicts that differ, with the inputs that changed."""

import csv
import json

from helpers.chain import changes


def _write(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _build(root, value, verdict, tiers=("official",)):
    figures = root / "reports" / "figures"
    _write(
        figures / "fig06.csv",
        [{"series": "s", "period": "2024", "value": value}, {"series": "s", "period": "2023", "value": "1"}],
    )
    (figures / "fig06.json").write_text(
        json.dumps({"notebook": "02_x", "figure_id": "fig06", "tiers": list(tiers), "sort_key": 6})
    )
    claim = {"claim_id": "L1:2", "verdict": verdict, "recomputed": "2", "importance": "1", "line": "1"}
    _write(root / "data" / "processed" / "claims_audit.csv", [{**claim, "section": "s", "quote": "q", "reason": "r"}])


def test_a_changed_input_lists_each_changed_value_and_verdict_with_that_input(tmp_path):
    live, staged = tmp_path / "live", tmp_path / "staged"
    _build(live, "5", "reproduced")
    _build(staged, "6", "inconsistent", tiers=("report",))
    previous = {"02_x": {"data file: data/raw/official/nrm.csv": "a"}, "00_data_preparation": {"data file: x": "a"}}
    current = {"02_x": {"data file: data/raw/official/nrm.csv": "b"}, "00_data_preparation": {"data file: x": "b"}}
    rows = changes.build_changes(live, staged, previous, current)
    assert [(r["kind"], r["item"], r["key"], r["column"], r["old"], r["new"]) for r in rows] == [
        ("plotted value", "fig06", "series=s; period=2024", "value", "5", "6"),
        ("verdict", "claims_audit", "claim_id=L1:2", "verdict", "reproduced", "inconsistent"),
        ("headline finding", "landing page", "claims: inconsistent", "", "0", "1"),
        ("headline finding", "landing page", "claims: reproduced", "", "1", "0"),
        ("headline finding", "landing page", "first findings", "", "", "L1:2"),
        ("headline finding", "landing page", "report figures drawn from data", "", "1", "0"),
        ("headline finding", "landing page", "report figures showing only what the report printed", "", "0", "1"),
    ]
    assert rows[0]["changed inputs"] == "data file: data/raw/official/nrm.csv changed"
    changes.write(tmp_path, rows)
    written = list(csv.DictReader((tmp_path / "changes.csv").open(encoding="utf-8")))
    assert written[0]["old"] == "5" and "7 change(s)" in (tmp_path / "changes.html").read_text()


def test_the_first_build_says_there_is_no_previous_one(tmp_path):
    rows = changes.build_changes(tmp_path / "live", tmp_path / "staged", {}, {})
    changes.write(tmp_path, rows)
    assert "no previous build" in (tmp_path / "changes.csv").read_text()
    assert "first build" in (tmp_path / "changes.html").read_text()


def test_an_unchanged_build_lists_nothing(tmp_path):
    live, staged = tmp_path / "live", tmp_path / "staged"
    _build(live, "5", "reproduced")
    _build(staged, "5", "reproduced")
    assert changes.build_changes(live, staged, {"02_x": {}}, {"02_x": {}}) == []


def test_a_build_without_findings_states_none(tmp_path):
    _build(tmp_path, "5", "reproduced")
    found = changes.headline(tmp_path)
    assert found["first findings"] == "" and found["claims: reproduced"] == "1"
