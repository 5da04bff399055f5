import pytest

from reports.loader.missions import parse_missions

PAIR = ("Lithuania", "Mexico")


def rows(sentence):
    return [(m.country, m.host, m.kind, m.city, m.city_country, m.resident)
            for m in parse_missions(sentence, 3, PAIR)]


@pytest.mark.parametrize("sentence, missions", [
    ("Lithuania has an embassy in Mexico City.", [("Lithuania", "Mexico", "embassy", "Mexico City", None, True)]),
    ("Mexico is accredited to Lithuania from its embassy in Stockholm, Sweden and maintains an honorary "
     "consulate in Vilnius.",
     [("Mexico", "Lithuania", "embassy", "Stockholm", "Sweden", False),
      ("Mexico", "Lithuania", "honorary consulate", "Vilnius", None, True)]),
    ("Lithuania is accredited to Mexico from its embassy in Washington, D.C.; United States, and has honorary "
     "consulates in Mexico City and in Guadalajara.",
     [("Lithuania", "Mexico", "embassy", "Washington, D.C.", "United States", False),
      ("Lithuania", "Mexico", "honorary consulate", "Mexico City", None, True),
      ("Lithuania", "Mexico", "honorary consulate", "Guadalajara", None, True)]),
    ("Mexico is accredited to Lithuania from its embassy in Washington, D.C.",
     [("Mexico", "Lithuania", "embassy", "Washington, D.C.", None, False)]),
    ("Mexico has an embassy in Vilnius and consulates-general in Kaunas, Klaipėda and Šiauliai.",
     [("Mexico", "Lithuania", "embassy", "Vilnius", None, True),
      ("Mexico", "Lithuania", "consulate-general", "Kaunas", None, True),
      ("Mexico", "Lithuania", "consulate-general", "Klaipėda", None, True),
      ("Mexico", "Lithuania", "consulate-general", "Šiauliai", None, True)]),
    ("Lithuania has a consulate in Monterrey.", [("Lithuania", "Mexico", "consulate", "Monterrey", None, True)]),
    ("Mexico has an embassy in Vilnius and Lithuania has an embassy in Mexico City.",
     [("Mexico", "Lithuania", "embassy", "Vilnius", None, True),
      ("Lithuania", "Mexico", "embassy", "Mexico City", None, True)]),
    ("Relations are cordial.", []),
])
def test_missions(sentence, missions):
    assert rows(sentence) == missions


@pytest.mark.parametrize("sentence, missions", [
    ("Mexico has an embassy in Vilnius, a consulate-general in Kaunas and a consulate in Klaipėda.",
     [("Mexico", "Lithuania", "embassy", "Vilnius", None, True),
      ("Mexico", "Lithuania", "consulate-general", "Kaunas", None, True),
      ("Mexico", "Lithuania", "consulate", "Klaipėda", None, True)]),
    ("Lithuania has an embassy in Mexico City, consulates-general in Guadalajara and Monterrey, and an "
     "honorary consulate in Cancún.",
     [("Lithuania", "Mexico", "embassy", "Mexico City", None, True),
      ("Lithuania", "Mexico", "consulate-general", "Guadalajara", None, True),
      ("Lithuania", "Mexico", "consulate-general", "Monterrey", None, True),
      ("Lithuania", "Mexico", "honorary consulate", "Cancún", None, True)]),
    ("Mexico's embassy in Stockholm is accredited to Lithuania.",
     [("Mexico", "Lithuania", "embassy", "Stockholm", None, False)]),
    ("Lithuania has an embassy in Mexico City since 2019.",
     [("Lithuania", "Mexico", "embassy", "Mexico City", None, True)]),
    ("Lithuania has a consulate in Monterrey and Tijuana.",
     [("Lithuania", "Mexico", "consulate", "Monterrey", None, True),
      ("Lithuania", "Mexico", "consulate", "Tijuana", None, True)]),
    ("Mexico has an embassy in Vilnius (opened in 2019).", [("Mexico", "Lithuania", "embassy", "Vilnius", None, True)]),
])
def test_missions_in_longer_sentences(sentence, missions):
    assert rows(sentence) == missions
