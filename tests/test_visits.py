import pytest

from reports.loader.visits import parse_visits, split_office, visit_direction

PAIR = ("Lithuania", "Mexico")


@pytest.mark.parametrize("who, office, person", [
    ("Foreign State Secretary Ignac Golob", "Foreign State Secretary", "Ignac Golob"),
    ("Foreign Vice-Minister Oskaras Jusys", "Foreign Vice-Minister", "Oskaras Jusys"),
    ("Prime Minister Janez Drnovšek", "Prime Minister", "Janez Drnovšek"),
    ("Senator Gabriela Cuevas Barron", "Senator", "Gabriela Cuevas Barron"),
    ("Minister of Foreign Affairs Luis Videgaray Caso", "Minister of Foreign Affairs", "Luis Videgaray Caso"),
    ("President of Mexico Andrés Manuel López Obrador", "President of Mexico", "Andrés Manuel López Obrador"),
    ("King Felipe VI", "King", "Felipe VI"),
    ("Crown Prince Frederik", "Crown Prince", "Frederik"),
    ("Deputy Foreign Minister Ana Ruiz", "Deputy Foreign Minister", "Ana Ruiz"),
    ("Secretary-General Ana Ruiz", "Secretary-General", "Ana Ruiz"),
    ("Governor of Jalisco Enrique Alfaro", "Governor of Jalisco", "Enrique Alfaro"),
    ("President of the Senate Martí Batres", "President of the Senate", "Martí Batres"),
    ("Mayor of Mexico City Marcelo Ebrard", "Mayor of Mexico City", "Marcelo Ebrard"),
    ("President of the Government of Spain Pedro Sánchez", "President of the Government of Spain", "Pedro Sánchez"),
    ("Secretary of Foreign Affairs Marcelo Ebrard Casaubón", "Secretary of Foreign Affairs", "Marcelo Ebrard Casaubón"),
    ("former President Vicente Fox", "former President", "Vicente Fox"),
    ("Mexican President Felipe Calderón", "President", "Felipe Calderón"),
    ("Deputy Minister of Industry and Trade Vladimír Bärtl", "Deputy Minister of Industry and Trade", "Vladimír Bärtl"),
    ("Prime Minister Sir John Major", "Prime Minister", "Sir John Major"),
    ("Vicente Fox", None, "Vicente Fox"),
    ("President", "President", None),
])
def test_office_and_person(who, office, person):
    assert split_office(who, PAIR) == (office, person)


@pytest.mark.parametrize("caption, direction", [
    ("High-level visits from Lithuania to Mexico", ("Lithuania", "Mexico")),
    ("Presidential visits from Mexico to Lithuania:", ("Mexico", "Lithuania")),
    ("Visits from the Mexico to Lithuania", ("Mexico", "Lithuania")),
    ("High-level visits to Mexico", ("Lithuania", "Mexico")),
    ("Visits from Lithuania", ("Lithuania", "Mexico")),
    ("Visits", (None, None)),
    (None, (None, None)),
])
def test_direction_from_caption(caption, direction):
    assert visit_direction(caption, PAIR) == direction


@pytest.mark.parametrize("item, person, dates", [
    ("Foreign Minister Valdas Adamkus (2002 and 2008)", "Valdas Adamkus", ["2002", "2008"]),
    ("Foreign Minister Patricia Espinosa Cantellano (December 2007)", "Patricia Espinosa Cantellano", ["2007-12"]),
    ("Foreign Minister Ana Ruiz (2002, May 2005 and 8 June 2010)", "Ana Ruiz", ["2002", "2005-05", "2010-06-08"]),
    ("Foreign Minister Ana Ruiz (2010", "Ana Ruiz", ["2010"]),        # unclosed parenthesis
    ("Foreign Minister Ana Ruiz, 2010", "Ana Ruiz", ["2010"]),        # no parenthesis
    ("Foreign Minister Ana Ruiz", "Ana Ruiz", [None]),
    ("2010: Foreign Minister Ana Ruiz", "Ana Ruiz", ["2010"]),
    ("March 2010 and 2012 – Foreign Minister Ana Ruiz", "Ana Ruiz", ["2010-03", "2012"]),
])
def test_one_visit_per_date(item, person, dates):
    visits = parse_visits(item, 7, ("Lithuania", "Mexico"), PAIR)
    assert [v.date for v in visits] == dates
    assert {(v.from_, v.to, v.office, v.person, v.line) for v in visits} == {
        ("Lithuania", "Mexico", "Foreign Minister", person, 7)}


def test_an_office_with_and_is_one_person():
    visits = parse_visits("Deputy Minister of Industry and Trade Vladimír Bärtl (2013)", 4, ("A", "B"), PAIR)
    assert [(v.office, v.person) for v in visits] == [("Deputy Minister of Industry and Trade", "Vladimír Bärtl")]


def test_two_people_in_one_item():
    visits = parse_visits("King Juan Carlos I and Queen Sofía (1978, 1990)", 4, ("Lithuania", "Mexico"), PAIR)
    assert [(v.office, v.person, v.date) for v in visits] == [
        ("King", "Juan Carlos I", "1978"), ("King", "Juan Carlos I", "1990"),
        ("Queen", "Sofía", "1978"), ("Queen", "Sofía", "1990")]
