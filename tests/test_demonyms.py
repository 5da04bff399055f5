"""Places and countries from maintained data (reports/places.py): demonyms by rule."""

import pytest

from reports.places import demonyms


@pytest.mark.parametrize("country, demonym", [
    ("Guyana", "Guyanese"), ("Grenada", "Grenadian"), ("Belize", "Belizean"), ("Cuba", "Cuban"),
    ("Kenya", "Kenyan"), ("Zimbabwe", "Zimbabwean"), ("Mali", "Malian"), ("Dominica", "Dominican"),
    ("Bolivia", "Bolivian"), ("Mexico", "Mexican"), ("Italy", "Italian"), ("Pakistan", "Pakistani"),
    ("Bhutan", "Bhutanese"), ("Barbados", "Barbadian"), ("Jordan", "Jordanian"), ("Japan", "Japanese"),
])
def test_the_demonym_of_a_country_is_derived_by_the_rules_english_follows(country, demonym):
    assert demonym in demonyms(country)
