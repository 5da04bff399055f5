"""Names with lower-case particles in visits told in sentences (loader/prose_visits.py)."""

import pytest

from reports.dates import first_date
from reports.loader.prose_visits import prose_visits


@pytest.mark.parametrize("countries, sentence, person", [
    (("Chile", "Kenya"), "In July 1990, President Daniel arap Moi became the first Kenyan head of state to visit "
     "Chile.", "Daniel arap Moi"),
    (("Jordan", "Spain"), "In 1985, King Hussein bin Talal of Jordan paid a state visit to Spain.", "Hussein bin Talal"),
    (("Brazil", "Angola"), "In 2003, Brazilian President Luiz Inácio Lula da Silva visited Luanda.",
     "Luiz Inácio Lula da Silva"),
    (("Portugal", "Cape Verde"), "In 2018, Portuguese President Marcelo Rebelo de Sousa visited Cape Verde.",
     "Marcelo Rebelo de Sousa"),
    (("Italy", "Albania"), "In 2019, Italian Prime Minister Giuseppe Conte visited Tirana.", "Giuseppe Conte"),
])
def test_a_name_keeps_its_particles(countries, sentence, person):
    assert [v.person for v in prose_visits(sentence, first_date(sentence), 3, countries)] == [person]


def test_a_particle_word_after_a_name_is_not_part_of_it():
    sentence = "In 2015, Kenyan President Uhuru Kenyatta visited Chile to do business."
    assert [v.person for v in prose_visits(sentence, first_date(sentence), 3, ("Chile", "Kenya"))] == [
        "Uhuru Kenyatta"]
