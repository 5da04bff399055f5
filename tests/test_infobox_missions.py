"""Missions named in the infobox (loader/infobox_missions.py), in every form a reader gives them."""

import pytest
from conftest import write_article

from reports.articles import read
from reports.document import Text
from reports.loader.infobox_missions import infobox_missions

PAIR = ("Chile", "Kenya")


def _missions(*values, key="Mission"):
    infobox = [Text(f"{key}{n}: {value}", 3 + n) for n, value in enumerate(values, 1)]
    missions, not_understood = infobox_missions(infobox, PAIR)
    return [(m.country, m.host, m.kind, m.city) for m in missions], not_understood


@pytest.mark.parametrize("values, missions", [
    (("Embassy of Chile, Nairobi", "Kenyan Embassy, Santiago"),
     [("Chile", "Kenya", "embassy", "Nairobi"), ("Kenya", "Chile", "embassy", "Santiago")]),
    (("Chilean embassy, Nairobi", "Kenya High Commission, Santiago"),
     [("Chile", "Kenya", "embassy", "Nairobi"), ("Kenya", "Chile", "embassy", "Santiago")]),
    # a browser copy's one cell: the two missions run together, by a blank or glued
    (("Embassy of Chile in Nairobi Embassy of Kenya in Santiago",),
     [("Chile", "Kenya", "embassy", "Nairobi"), ("Kenya", "Chile", "embassy", "Santiago")]),
    (("Chile Embassy, NairobiKenya Embassy, Santiago",),
     [("Chile", "Kenya", "embassy", "Nairobi"), ("Kenya", "Chile", "embassy", "Santiago")]),
    (("Embassy of Chile, Nairobi Kenyan Embassy, Santiago",),
     [("Chile", "Kenya", "embassy", "Nairobi"), ("Kenya", "Chile", "embassy", "Santiago")]),
    # "in <the host country>": the embassy in its capital; a consulate without a city
    (("Embassy of Chile in Kenya | Honorary Consulate of Kenya |",),
     [("Chile", "Kenya", "embassy", "Nairobi"), ("Kenya", "Chile", "honorary consulate", "")]),
])
def test_infobox_missions(values, missions):
    assert _missions(*values) == (missions, [])


def test_a_mission_of_neither_country_is_reported_not_guessed():
    assert _missions("Embassy of Peru, Nairobi") == ([], [(4, "Embassy of Peru, Nairobi")])


def test_the_plain_forms_infobox_gives_missions_rows_with_their_lines(tmp_path):
    text = ("= Chile–Kenya relations =\n\nInfobox\n- Party1: Chile\n- Party2: Kenya\n- Mission1: Embassy of Chile, "
            "Nairobi\n- Mission2: Embassy of Peru, Lima\n\nChile–Kenya relations are the ties between the two.\n")
    result = read(write_article(tmp_path, "a.txt", text))
    assert [(m.country, m.host, m.kind, m.city, m.line) for m in result.record.missions] == [
        ("Chile", "Kenya", "embassy", "Nairobi", 6)]
    assert any(w.line == 7 and "Embassy of Peru" in w.message for w in result.warnings)


def test_a_mission_in_a_third_countrys_city_is_accredited_from_there():
    missions, _ = infobox_missions([Text("mission1: Chilean embassy in Washington, D.C.", 4)], PAIR)
    assert [(m.country, m.host, m.city, m.city_country, m.resident) for m in missions] == [
        ("Chile", "Kenya", "Washington, D.C.", "United States", False)]
