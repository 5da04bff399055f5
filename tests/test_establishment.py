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


@pytest.mark.parametrize("sentence, established", [
    # "among" as "between"; "relationships" as "relations"
    ("Diplomatic relations among the two states were formally established on 4 April 1993.", "1993-04-04"),
    ("The establishment of diplomatic relationships between them happened on May 2, 1906, a week after "
     "independence.", "1906-05-02"),
    # consular relations come before diplomatic ones: not the establishment
    ("Consular relations between Chile and Ghana were opened in 1880 with formal diplomatic relations being "
     "established in 1931.", "1931"),
    ("Chile and Ghana established consular relations in 1880 and diplomatic relations were established in 1931.",
     "1931"),
    # a date inside "after <another event>" is that event's: after the verb it gives none, before
    # it the sentence's opening date is the verb's
    ("Relations were established after the independence of Ghana from the Federation on March 3, 1957.", "1957"),
    ("Relations were established before the independence of Ghana from the Federation on March 3, 1957.", None),
    ("On 2 February 1993, a month after the breakup of the federation in January 1993; Chile and Ghana "
     "established diplomatic relations.", "1993-02-02"),
    # "date back formally to", with a parenthesis between the relations and the verb
    ("Chile–Ghana relations (Spanish: relaciones) date back formally to 3 October 1958, when both exchanged "
     "envoys.", "1958-10-03"),
    # an establishment referred back to dates the sentence's other event, not itself
    ("In May 2004, the foreign minister paid the first visit since the establishment of diplomatic relations.",
     None),
    ("Since the establishment of diplomatic relations in 1961, trade has grown.", "1961"),
])
def test_establishment_in_other_words(tmp_path, sentence, established):
    assert _dates(tmp_path, sentence)[0] == established


def test_the_same_day_takes_the_paragraphs_date(tmp_path):
    body = "On 3 May 1975, Ghana became independent. The same day, Chile and Ghana established diplomatic relations."
    assert _dates(tmp_path, body)[0] == "1975-05-03"


def test_a_later_event_of_that_year_in_another_clause_does_not_date_the_establishment(tmp_path):
    body = ("On 9 April 1931, both nations formally established diplomatic relations and in June of that year, "
            "both opened legations.")
    assert _dates(tmp_path, body)[0] == "1931-04-09"


def test_a_formal_establishment_outweighs_the_leads_plain_one_and_relations_kept_since(tmp_path):
    """The lead may name another event's year ("established relations in 1890", the year of a
    treaty) or the first contact ("have maintained relations since 1821"): the sentence that
    says relations were formally established, with its exact day, is the establishment."""
    body = "On 5 June 1929, Chile and Ghana officially established diplomatic relations."
    assert _lead_and_body(tmp_path, "Chile and Ghana established diplomatic relations in 1890.", body) == "1929-06-05"
    assert _lead_and_body(tmp_path, "Chile and Ghana have maintained diplomatic relations since 1821.",
                          body) == "1929-06-05"
    # told as firmly as the lead, a date of another year still does not replace the lead's
    assert _lead_and_body(tmp_path, "Chile and Ghana formally established diplomatic relations in 1930.",
                          body) == "1930"


def test_relations_with_another_form_of_a_country_count_when_there_is_no_other(tmp_path):
    """"with North Ghana", "with the People's Republic of Ghana": a state of the pair under
    another name, as a predecessor state counts."""
    assert _dates(tmp_path, "Chile started formal diplomatic relations with North Ghana on August 2, 1972.")[0] \
        == "1972-08-02"
    assert _dates(tmp_path, "Chile started formal diplomatic relations with North Ghana on August 2, 1972. "
                  "Chile and Ghana established diplomatic relations in 1976.")[0] == "1976"
