"""Establishment dates that hold (issue 12): the forms real articles use, and what is not one."""

import pytest
from conftest import write_article

from reports.articles import read


def _dates(tmp_path, body, title="Chile–Ghana relations"):
    record = read(write_article(tmp_path, "a.txt", f"= {title} =\n\n==History==\n{body}\n")).record
    return record.established, record.reestablished


@pytest.mark.parametrize("sentence, established, reestablished", [
    ("Diplomatic relations were not formally established until 3 March 1871.", "1871-03-03", None),
    ("Diplomatic relations began on 12 May 1838.", "1838-05-12", None),
    ("Diplomatic relations between Chile and Ghana were formally established in 1960.", "1960", None),
    ("Relations were broken off in 1866 and were not restored until 1885.", None, "1885"),
    ("Chile later established relations with the government in exile of Ghana's opposition in 1943.", None, None),
    ("In 1950 Ghana established diplomatic relations with Indonesia.", None, None),
    # "started" as "began"; "of both countries" as "between Chile and Ghana"; a change of
    # relations that existed already is no establishment
    ("Today, the modern relations of both countries has started since 1964.", "1964", None),
    ("Diplomatic relations between the two countries commenced on 3 May 1964.", "1964-05-03", None),
    ("Diplomatic relations have begun during 1964.", "1964", None),
    ("Relations began to improve in 1990.", None, None),
    ("In 1990, relations started warming.", None, None),
    ("Trade relations started in 1964.", None, None),
    # how the relations were established is no third party they were established with
    ("On 25 September 1897, Chile and Ghana formally established diplomatic relations with the signing "
     "of a Treaty of Amity and Commerce.", "1897-09-25", None),
    ("Chile and Ghana established diplomatic relations with an exchange of notes on 3 May 1960.", "1960-05-03", None),
    # the next date in another clause is another event's: the one before the verb is its own
    ("In 1942, diplomatic relations were restored and in 1959, both legations were "
     "established as embassies.", None, "1942"),
    ("Diplomatic relations were restored in 1942; in 1959 embassies opened.", None, "1942"),
    # the first verb of a chain; "date back to", "have maintained ... since"; an anniversary
    # sentence naming the establishment's own date right after its verb
    ("Diplomatic relations were established in 1873, suspended in 1942 and restored in 1952.", "1873", "1952"),
    ("Diplomatic relations between Chile and Ghana date back to 1960.", "1960", None),
    ("The two countries have maintained diplomatic relations since 1960.", "1960", None),
    ("Relations between the two peoples date back to 1520.", None, None),
    # a verb in -ing tells the establishment unless "before"/"prior to" stands before it
    ("In 1960, Chile and Ghana signed a protocol establishing diplomatic relations.", "1960", None),
    ("Prior to establishing diplomatic relations, in 1955 Chile and Ghana traded.", None, None),
    ("In 2010, Chile and Ghana celebrated 50 years of diplomatic relations, established in 1960.", "1960", None),
    ("In 2010, Chile and Ghana celebrated the 50th anniversary of establishing diplomatic relations.", None, None),
])
def test_establishment_sentences(tmp_path, sentence, established, reestablished):
    assert _dates(tmp_path, sentence) == (established, reestablished)


def test_an_establishment_with_a_predecessor_state_counts_only_when_there_is_no_other(tmp_path):
    union = "Mexico established diplomatic relations with the Soviet Union on 1 May 1924."
    own = "Georgia and Mexico established diplomatic relations on 8 June 1992."
    assert _dates(tmp_path, f"{union} {own}", title="Georgia–Mexico relations")[0] == "1992-06-08"
    assert _dates(tmp_path, union, title="Georgia–Mexico relations")[0] == "1924-05-01"


def _lead_and_body(tmp_path, lead, body, title="Chile–Ghana relations"):
    text = f"= {title} =\n\n{lead}\n\n==History==\n{body}\n"
    return read(write_article(tmp_path, "a.txt", text)).record.established


def test_a_precise_body_date_refines_the_lead_year_when_it_agrees(tmp_path):
    assert _lead_and_body(tmp_path, "Chile and Ghana established diplomatic relations in 1960.",
                          "Diplomatic relations were established on 12 May 1960.") == "1960-05-12"


def test_a_body_date_that_disagrees_does_not_replace_the_lead(tmp_path):
    assert _lead_and_body(tmp_path, "Chile and Ghana established diplomatic relations in 1960.",
                          "Diplomatic relations were established on 12 May 1958.") == "1960"


def test_a_body_date_about_two_other_countries_does_not_refine(tmp_path):
    assert _lead_and_body(tmp_path, "Chile and Ghana established diplomatic relations in 1960.",
                          "Diplomatic relations between Ghana and Nigeria were established on 12 May 1960.") == "1960"
    assert _dates(tmp_path, "Diplomatic relations between Ghana and Nigeria were established on 12 May 1960.") \
        == (None, None)


def test_relations_between_the_pair_count(tmp_path):
    assert _dates(tmp_path, "Diplomatic relations between Chile and Ghana were established on 12 May 1960.") \
        == ("1960-05-12", None)
