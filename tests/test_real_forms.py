"""Forms real copies of relations articles take, found on pages nobody here wrote.

The sentences are written the way Wikipedia writes them, with other countries and people."""

from reports.readers import browser, choose


def _sections(article):
    return [(s.heading, [getattr(b, "text", None) and b.text.text for b in s.blocks]) for s in article.sections]


# Today's skin: "[edit]" stands on its own line below the heading, or opens the next line.
EDIT_BELOW = """Jump to content

Chile–Estonia relations

From Wikipedia, the free encyclopedia

Chile–Estonia relations are the bilateral relations between Chile and Estonia. Both are members of the United Nations.

History

[edit]

Chile and Estonia established diplomatic relations in 1992.[1]

Trade
[edit]In 2020, trade between both nations amounted to US$20 million.[2]
"""


def test_edit_below_a_heading_names_the_line_above_it():
    article = browser.parse(EDIT_BELOW, "x.txt")
    assert _sections(article) == [
        ("History", ["Chile and Estonia established diplomatic relations in 1992."]),
        ("Trade", ["In 2020, trade between both nations amounted to US$20 million."])]
    assert article.sections[0].line == 9  # the heading's own line


# A mirror of Wikipedia: none of its chrome, no "[edit]", a table of contents with numbers.
MIRROR = """World Library
Flag as Inappropriate
Email this Article

Kenya–Portugal relations


Kenya–Portugal relations



Kenya–Portugal relations are the bilateral relations between Kenya and Portugal. Kenya has an embassy in Lisbon.[1]


  • History 1
  • Economic relations 2
  • References 3


Portuguese Embassy in Nairobi

Relations between both nations were established on 3 March 1965.[2]

Economic relations

In 2019, trade between both nations amounted to US$48 million.[3]
"""


def test_a_mirror_copy_is_read_as_copied_text_with_its_headings(tmp_path):
    path = tmp_path / "kenya-portugal.txt"
    path.write_text(MIRROR, encoding="utf-8")
    assert choose(path).NAME == "browser"
    article = browser.parse(MIRROR, "x.txt")
    assert [s.heading for s in article.sections] == ["Economic relations"]
    lead = " ".join(b.text.text for b in article.lead)
    assert "History 1" not in lead and "established on 3 March 1965" in lead


def test_a_mirror_without_contents_takes_headings_by_their_words():
    text = MIRROR.replace("  • History 1\n  • Economic relations 2\n  • References 3\n", "")
    text = text.replace("Portuguese Embassy in Nairobi\n", "History\n")
    article = browser.parse(text, "x.txt")
    assert [s.heading for s in article.sections] == ["History", "Economic relations"]


def test_wikitext_and_plain_form_are_not_taken_for_copies(tmp_path):
    wiki = tmp_path / "a.txt"
    wiki.write_text("'''Kenya–Portugal relations''' are ...\n\nKenya–Portugal relations\n", encoding="utf-8")
    assert choose(wiki).NAME == "wikitext"
    plain = tmp_path / "b.txt"
    plain.write_text("= Kenya–Portugal relations =\n\nKenya–Portugal relations\n", encoding="utf-8")
    assert choose(plain).NAME == "plain"


def test_a_paragraph_above_a_list_caption_is_not_the_caption():
    text = """Chile–Estonia relations

From Wikipedia, the free encyclopedia

Chile–Estonia relations are the bilateral relations between Chile and Estonia, both members of the United Nations.
Both nations have signed the following agreements:[1]
- Agreement on Cultural Cooperation (1995)
- Agreement on Visa Waiver (2001)
"""
    article = browser.parse(text, "x.txt")
    last = article.lead[-1]
    assert last.caption.text == "Both nations have signed the following agreements:"
    assert [i.text for i in last.items] == ["Agreement on Cultural Cooperation (1995)", "Agreement on Visa Waiver (2001)"]


# -- visits as real articles tell them ----------------------------------------------------

import pytest  # noqa: E402

from reports.loader import read  # noqa: E402
from reports.loader.dates import first_date  # noqa: E402
from reports.loader.prose_visits import prose_visits, repeated_dates  # noqa: E402


def _visits(countries, sentence):
    return [(v.from_, v.to, v.office, v.person, v.date)
            for when in repeated_dates(sentence) or [first_date(sentence)]
            for v in prose_visits(sentence, when, 3, countries)]


@pytest.mark.parametrize("countries, sentence, rows", [
    # the office before the name's comma
    (("Kenya", "Portugal"), "As President of Kenya, Daniel Moi paid an official visit to Portugal in 1998.",
     [("Kenya", "Portugal", "President", "Daniel Moi", "1998")]),
    # a clause of time first, and the visit made twice
    (("Kenya", "Portugal"), "During his term, Kenyan President Mwai Kibaki visited Portugal twice, in May 2005 and "
     "in June 2009.", [("Kenya", "Portugal", "President", "Mwai Kibaki", "2005-05"),
                       ("Kenya", "Portugal", "President", "Mwai Kibaki", "2009-06")]),
    (("Kenya", "Portugal"), "Portuguese Prime Minister António Costa paid an official visit to Kenya in 2017 and "
     "again in 2021.", [("Portugal", "Kenya", "Prime Minister", "António Costa", "2017"),
                        ("Portugal", "Kenya", "Prime Minister", "António Costa", "2021")]),
    # the office after the name, with the state's long name
    (("Estonia", "Chile"), "In 1996, Lennart Meri, President of the Republic of Estonia visited Chile.",
     [("Estonia", "Chile", "President", "Lennart Meri", "1996")]),
    (("Estonia", "Chile"), "In 2001, Arnold Rüütel, Chairman of the Supreme Council of Estonia, travelled to Chile.",
     [("Estonia", "Chile", "Chairman of the Supreme Council", "Arnold Rüütel", "2001")]),
    # "the Chancellor of B X" and a singular "Foreign Affair Minister"
    (("Estonia", "Chile"), "In April 1993, the Chancellor of Chile Enrique Silva Cimma paid an official visit to "
     "Estonia.", [("Chile", "Estonia", "Chancellor", "Enrique Silva Cimma", "1993-04")]),
    (("Estonia", "Chile"), "Estonian Foreign Affair Minister Urmas Paet paid a visit to Chile on May 2012.",
     [("Estonia", "Chile", "Foreign Affair Minister", "Urmas Paet", "2012-05")]),
    # the traveller of the sentence's last clause
    (("Ghana", "Malaysia"), "Presidents Jerry Rawlings and John Kufuor have made state visits to Malaysia while "
     "Prime Minister Mahathir Mohamad visited Ghana in 1996.",
     [("Malaysia", "Ghana", "Prime Minister", "Mahathir Mohamad", "1996")]),
    # a possessive: "X's state visit to B"
    (("Peru", "Thailand"), "During Peruvian President Martín Vizcarra's state visit to Thailand in August 2019, both "
     "countries signed four memoranda.", [("Peru", "Thailand", "President", "Martín Vizcarra", "2019-08")]),
])
def test_visit_forms_of_real_articles(countries, sentence, rows):
    assert _visits(countries, sentence) == rows


@pytest.mark.parametrize("countries, sentence", [
    (("Kenya", "Portugal"), "During his 2008 visit, Kenyan President Mwai Kibaki signed a number of agreements."),
    (("Kenya", "Portugal"), "In 2005, the ambassador's visit to Portugal was cancelled."),
    (("Kenya", "Portugal"), "As a gesture of goodwill, a Kenyan delegation visited Portugal in 2010."),
    (("Kenya", "Portugal"), "Kenyan President Mwai Kibaki's planned visit to Portugal in 2008 was postponed."),
    (("Estonia", "Chile"), "In 1925, Count Georg Stackelberg, head of the legation in Buenos Aires, visited Chile."),
    (("Peru", "Thailand"), "During Peruvian President Martín Vizcarra's state visit to Japan in 2019, he met the "
     "Thai Prime Minister."),
])
def test_not_visits_in_real_forms(countries, sentence):
    assert _visits(countries, sentence) == []
