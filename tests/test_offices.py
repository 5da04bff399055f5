"""Offices as data (reports/loader/offices.py): the words of an office, and the country a
local office belongs to by its place."""

import pytest

from reports.loader.offices import is_title_word, local_office_country
from reports.loader.prose_visits import prose_visits

PAIR = ("Japan", "Peru")


@pytest.mark.parametrize("phrase, country", [
    ("Mayor of Lima Jorge Muñoz", "PE"),
    ("Governor of Hokkaido Harumi Takahashi", "JP"),
    ("Governor of Jalisco Enrique Alfaro", "MX"),
    ("Mayor of Osaka Ichirō Matsui", "JP"),
    ("Foreign Minister Fumio Kishida", None),
    ("Mayor of Nowhereville Ann Smith", None),
])
def test_a_local_office_names_the_country_of_its_place(phrase, country):
    assert local_office_country(phrase) == country


def test_office_words():
    assert is_title_word("Vice-Minister") and is_title_word("governor") and not is_title_word("Kishida")


@pytest.mark.parametrize("sentence, visit", [
    ("In 2015, Mayor of Lima Luis Castañeda visited Tokyo.", ("Peru", "Japan", "Mayor of Lima", "Luis Castañeda")),
    ("In 2018, Governor of Hokkaido Harumi Takahashi visited Lima.",
     ("Japan", "Peru", "Governor of Hokkaido", "Harumi Takahashi")),
])
def test_a_local_office_holder_travels_for_the_country_of_the_place(sentence, visit):
    assert [(v.from_, v.to, v.office, v.person) for v in prose_visits(sentence, "2015", 1, PAIR)] == [visit]


@pytest.mark.parametrize("sentence", [
    "In 2018, Governor of Hokkaido Harumi Takahashi visited Osaka.",   # a trip at home
    "In 2019, Mayor of Madrid José Luis Martínez-Almeida visited Lima.",  # a third country's office
    "In 2012, Governor of Jalisco Emilio González visited Lima.",
])
def test_a_local_office_of_the_destination_or_a_third_country_is_no_visit(sentence):
    assert prose_visits(sentence, "2015", 1, PAIR) == []


def _read(tmp_path, history):
    from reports.articles import read
    path = tmp_path / "a.txt"
    path.write_text(f"= Japan–Peru relations =\n\nLead.\n\n==History==\n{history}\n", "utf-8")
    return read(path)


def test_the_country_as_a_destination_is_the_one_the_paragraph_named_last(tmp_path):
    result = _read(tmp_path, "In 2009, Peru hosted the APEC meetings. In November 2010, Japanese Foreign Minister "
                             "Seiji Maehara visited the country and met President Alan García.")
    assert [(v.from_, v.to, v.person, v.date) for v in result.record.visits] == [
        ("Japan", "Peru", "Seiji Maehara", "2010-11")]


def test_the_country_not_named_before_is_no_visit_and_a_warning(tmp_path):
    result = _read(tmp_path, "In 2014, Foreign Minister Fumio Kishida of Japan visited the country.")
    assert result.record.visits == ()
    assert [w.message for w in result.warnings if "country not named" in w.message] == [
        "visit told in prose to a country not named: 'In 2014, Foreign Minister Fumio Kishida of Japan visited the country.'"]


def test_no_warning_for_the_country_without_an_office_holder(tmp_path):
    result = _read(tmp_path, "In 2014, many tourists visited the country.")
    assert not [w for w in result.warnings if "country not named" in w.message]
