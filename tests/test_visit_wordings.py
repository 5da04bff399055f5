"""Visit wordings (loader/visit_wordings.py) as the sentence rules read them."""

import pytest

from reports.dates import first_date
from reports.loader.prose_visits import prose_visits
from reports.loader.visit_wordings import capitalised_offices, no_office


def _rows(countries, sentence):
    return [(v.from_, v.to, v.office, v.person, v.date)
            for v in prose_visits(sentence, first_date(sentence), 7, countries)]


@pytest.mark.parametrize("countries, sentence, rows", [
    # an office in lower case after the nationality
    (("Chile", "Kenya"), "In May 2003, Kenyan foreign minister Amina Otieno paid an official visit to Chile.",
     [("Kenya", "Chile", "Foreign Minister", "Amina Otieno", "2003-05")]),
    (("Chile", "Kenya"), "In 2004, Kenyan deputy prime minister Amina Otieno visited Chile.",
     [("Kenya", "Chile", "Deputy Prime Minister", "Amina Otieno", "2004")]),
    # "came to / returned to / arrived to" a place; "the southern <demonym> city of <city>"
    (("Chile", "Kenya"), "In 2006, Kenyan President Paul Mwangi came to the southern Chilean city of Valdivia for a "
     "summit.", [("Kenya", "Chile", "President", "Paul Mwangi", "2006")]),
    (("Chile", "Kenya"), "In June 2007, Kenyan Prime Minister Paul Mwangi returned to Chile for a conference.",
     [("Kenya", "Chile", "Prime Minister", "Paul Mwangi", "2007-06")]),
    (("Chile", "Kenya"), "In 2008, Chilean President Ana Rojas arrived to Kenya on a state visit.",
     [("Chile", "Kenya", "President", "Ana Rojas", "2008")]),
    # a small state's demonym, derived by rule
    (("Chile", "Guyana"), "In 2010, Guyanese President Paul Singh paid a visit to Chile.",
     [("Guyana", "Chile", "President", "Paul Singh", "2010")]),
    # a visit "of" an office-holder whose name has an initial
    (("Chile", "Kenya"), "March 3, 2005 – working visit of the President of Kenya P. Mwangi to Chile.",
     [("Kenya", "Chile", "President", "P. Mwangi", "2005-03-03")]),
    # a second traveller after the first, with the date of his own journey
    (("Chile", "Kenya"), "In 1961, President Ana Rojas was the first Chilean head of state to visit Kenya, followed "
     "by President Luis Soto in 1977.",
     [("Chile", "Kenya", "President", "Ana Rojas", "1961"), ("Chile", "Kenya", "President", "Luis Soto", "1977")]),
])
def test_visits_in_other_words(countries, sentence, rows):
    assert _rows(countries, sentence) == rows


@pytest.mark.parametrize("countries, sentence", [
    # a rank of arms or an envoy's errand is no office of a state
    (("Chile", "Kenya"), "In 1820, Chilean General Pablo Soto travelled to Kenya to find allies."),
    (("Chile", "Kenya"), "In 1965, Chilean Special Envoy Pablo Soto visited Kenya."),
    # a lower-case word that is no office stays as it is
    (("Chile", "Kenya"), "In 1990, Chilean businessman Pablo Soto visited Kenya."),
])
def test_no_visits_of_an_office_holder(countries, sentence):
    assert _rows(countries, sentence) == []


def test_lower_case_offices_are_capitalised_only_before_a_name():
    assert capitalised_offices("Kenyan foreign minister Amina Otieno") == "Kenyan Foreign Minister Amina Otieno"
    assert capitalised_offices("the foreign minister of Kenya") == "the foreign minister of Kenya"
    assert capitalised_offices("his wife Ana Rojas") == "his wife Ana Rojas"
    assert no_office("General") and no_office("Special Envoy") and not no_office("Secretary-General")


def test_two_journeys_of_one_person_in_one_year_are_two_rows(tmp_path):
    from conftest import write_article
    from reports.articles import read

    text = ("= Chile–Kenya relations =\n\nChile and Kenya are partners.\n\n==History==\n"
            "In July 2010, Kenyan Prime Minister Paul Mwangi paid an official visit to Chile. In September 2010, "
            "Prime Minister Paul Mwangi returned to Chile for a summit. In 2010, Prime Minister Paul Mwangi "
            "visited Chile.\n")
    visits = read(write_article(tmp_path, "a.txt", text)).record.visits
    assert [(v.person, v.date) for v in visits] == [("Paul Mwangi", "2010-07"), ("Paul Mwangi", "2010-09")]


@pytest.mark.parametrize("countries, sentence, rows", [
    # an office "of <country>" set off by commas before the name; a date written "4 August, 2017"
    (("Chile", "Kenya"), "On 4 August, 2017, the newly elected President of Kenya, Paul Mwangi, visited Chile.",
     [("Kenya", "Chile", "President", "Paul Mwangi", "2017-08-04")]),
    # "A and B met in <a city of one>": the one of the other country travelled
    (("Chile", "Kenya"), "Chilean Defence Minister Ana Rojas and Kenyan Defence Minister Paul Mwangi met in Nairobi "
     "on 3 May 2011.", [("Chile", "Kenya", "Defence Minister", "Ana Rojas", "2011-05-03")]),
    (("Chile", "Kenya"), "Chilean Defence Minister Ana Rojas and Kenyan Defence Minister Paul Mwangi met in Madrid.", []),
])
def test_visits_of_an_appositive_office_and_of_a_meeting(countries, sentence, rows):
    assert _rows(countries, sentence) == rows
