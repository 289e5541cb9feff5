import pytest

from helpers.chain.params import ParameterError, parse_override, resolve

DECLARED = {"02_a": {"last_year": 2024, "vintage": "report"}, "07_b": {"max_importance": 4}}


def test_shared_parameters_go_only_to_notebooks_that_declare_them():
    resolved = resolve(DECLARED, {"all": {"last_year": 2025}}, {})
    assert resolved == {"02_a": {"last_year": 2025}, "07_b": {}}


def test_command_line_overrides_config():
    resolved = resolve(DECLARED, {"all": {"last_year": 2024}}, {"last_year": 2025})
    assert resolved["02_a"]["last_year"] == 2025


def test_unknown_name_is_refused_with_its_origin():
    with pytest.raises(ParameterError, match="'lastyear' \\(command line\\) is not declared"):
        resolve(DECLARED, {}, {"lastyear": 2025})


def test_notebook_section_refuses_a_name_that_notebook_does_not_declare():
    with pytest.raises(ParameterError, match="'vintage' is not declared in the parameters cell of 07_b"):
        resolve(DECLARED, {"notebooks": {"07_b": {"vintage": "latest"}}}, {})


def test_wrong_type_is_refused():
    with pytest.raises(ParameterError, match="expected int"):
        resolve(DECLARED, {}, {"last_year": "next"})


def test_override_syntax():
    assert parse_override("last_year=2025") == ("last_year", 2025)
    assert parse_override("vintage=latest") == ("vintage", "latest")
    with pytest.raises(ParameterError, match="name=value"):
        parse_override("last_year")
