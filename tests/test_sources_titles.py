"""reports/sources/titles.py: titles as users type them -> the titles a wiki may hold."""

import pytest

from reports.sources.titles import candidates, capitalised, safe_file_name


@pytest.mark.parametrize("typed, first", [
    ("Mexico–Slovenia relations", "Mexico–Slovenia relations"),
    ("Mexico Slovenia relations", "Mexico–Slovenia relations"),
    ("mexico-slovenia relations", "Mexico–Slovenia relations"),
    ("  Mexico_–_Slovenia   Relations ", "Mexico–Slovenia relations"),
    ("Mexico—Slovenia relation", "Mexico–Slovenia relations"),
    ("Mexico Slovenia", "Mexico–Slovenia relations"),
    ("bosnia and herzegovina–mexico relations", "Bosnia and Herzegovina–Mexico relations"),
    ("Guinea-Bissau–Mexico relations", "Guinea-Bissau–Mexico relations"),
])
def test_the_likeliest_title_comes_first(typed, first):
    assert candidates(typed)[0] == first


def test_the_other_order_is_asked_too():
    assert candidates("slovenia–mexico relations") == ["Slovenia–Mexico relations", "Mexico–Slovenia relations"]


def test_every_place_a_dash_may_go_is_a_candidate_but_not_beside_a_small_word():
    found = candidates("Bosnia and Herzegovina Mexico relations")
    assert "Bosnia and Herzegovina–Mexico relations" in found and "Mexico–Bosnia and Herzegovina relations" in found
    assert not any(title.startswith(("Bosnia and–", "Bosnia–and")) for title in found)
    assert candidates("guinea-bissau-mexico")[:2] == ["Guinea–Bissau-Mexico relations", "Guinea-Bissau–Mexico relations"]


def test_a_title_that_is_no_pair_is_asked_as_it_is_and_an_impossible_one_not_at_all():
    assert candidates("Foreign_relations_of_Mexico") == ["Foreign relations of Mexico"]
    assert candidates("Mexico|Peru relations") == [] and candidates("   ") == []


def test_names_typed_with_capitals_are_kept():
    assert capitalised("republic of the congo") == "Republic of the Congo"
    assert capitalised("DR Congo") == "DR Congo" and capitalised("guinea-bissau") == "Guinea-Bissau"


def test_a_title_becomes_a_file_name_on_any_system():
    assert safe_file_name("Mexico–Slovenia relations") == "Mexico–Slovenia relations"
    assert safe_file_name("A/B: C?") == "A_B_ C_" and safe_file_name("..") == "_"
