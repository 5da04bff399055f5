import pytest

from reports.loader.agreements import agreement_items, parse_agreement


def titles(sentence):
    return [parse_agreement(item) for item in agreement_items(sentence)]


def test_semicolons_and_final_and_an():
    sentence = ("Both nations have signed several bilateral agreements such as a Treaty of Friendship (1938); "
                "Agreement of Cooperation in the Fields of Education, Culture, Art and Sport (2002); "
                "Agreement for the Suppression of Visas (2002) and an Agreement to Prevent Double Taxation (2012).")
    assert titles(sentence) == [
        ("Treaty of Friendship", "1938"),
        ("Agreement of Cooperation in the Fields of Education, Culture, Art and Sport", "2002"),
        ("Agreement for the Suppression of Visas", "2002"),
        ("Agreement to Prevent Double Taxation", "2012"),
    ]


def test_comma_and_without_date():
    sentence = ("Both nations have agreed on a Memorandum of Understanding for Political Consultations, "
                "and an Agreement in Educational and Cultural Cooperation (2022).")
    assert titles(sentence) == [("Memorandum of Understanding for Political Consultations", None),
                                ("Agreement in Educational and Cultural Cooperation", "2022")]


def test_and_a_between_titles():
    sentence = "They signed an Agreement on Tourism (1996) and a Memorandum of Understanding on Sport (1999)."
    assert titles(sentence) == [("Agreement on Tourism", "1996"), ("Memorandum of Understanding on Sport", "1999")]


def test_colon_list_and_dates_in_words():
    sentence = "Agreements include: Extradition Treaty (signed in March 1990), Air Transport Agreement (2001)."
    assert titles(sentence) == [("Extradition Treaty", "1990-03"), ("Air Transport Agreement", "2001")]


@pytest.mark.parametrize("item, parsed", [
    ("Agreement on Air Transport (1998)", ("Agreement on Air Transport", "1998")),
    ("an Extradition Treaty", ("Extradition Treaty", None)),
    ("Treaty of Friendship (8 June 1938).", ("Treaty of Friendship", "1938-06-08")),
    ("several minor accords", None),
    # the date before the title, or after it without parentheses
    ("1990: Extradition Treaty", ("Extradition Treaty", "1990")),
    ("May 2005 – Agreement on Air Services", ("Agreement on Air Services", "2005-05")),
    ("Agreement on Technical Cooperation, signed 3 May 1979", ("Agreement on Technical Cooperation", "1979-05-03")),
    ("Agreement on Tourism – 1995", ("Agreement on Tourism", "1995")),
    ("Treaty of Lima, 1883", ("Treaty of Lima", "1883")),
])
def test_list_items(item, parsed):
    assert parse_agreement(item) == parsed


def test_sentence_without_a_list_gives_nothing():
    assert agreement_items("Relations have been cordial.") == []


def test_comma_before_an_article_separates():
    sentence = ("They signed agreements such as an Agreement on Culture, an Agreement on Tourism, a Treaty of "
                "Extradition and a Convention on Taxes.")
    assert titles(sentence) == [("Agreement on Culture", None), ("Agreement on Tourism", None),
                                ("Treaty of Extradition", None), ("Convention on Taxes", None)]


def test_capital_article_in_a_list_item_is_dropped():
    assert parse_agreement("An Agreement on the Avoidance of Double Taxation (2003)") == (
        "Agreement on the Avoidance of Double Taxation", "2003")


def test_a_sentence_of_the_agreements_section_listing_subjects_after_a_plural_noun(tmp_path):
    from conftest import write_article
    from reports.articles import read

    text = ("= Japan–Peru relations =\n\nLead.\n\n==Bilateral agreements==\nBoth nations have signed agreements on "
            "cultural cooperation (1989), technical cooperation (1979) and tourism (2005).\n")
    result = read(write_article(tmp_path, "a.txt", text))
    assert [(a.title, a.date, a.origin, a.line) for a in result.record.agreements] == [
        ("Agreement on cultural cooperation", "1989", "section", 6),
        ("Agreement on technical cooperation", "1979", "section", 6), ("Agreement on tourism", "2005", "section", 6)]
    assert result.warnings == []


def test_an_item_holding_two_agreements(tmp_path):
    from conftest import write_article
    from reports.articles import read

    text = ("= Japan–Peru relations =\n\nLead.\n\n==Bilateral agreements==\n"
            "- Agreement on Air Services (2005); Memorandum on Cultural Exchange (2007)\n")
    result = read(write_article(tmp_path, "a.txt", text))
    assert [(a.title, a.date, a.line) for a in result.record.agreements] == [
        ("Agreement on Air Services", "2005", 6), ("Memorandum on Cultural Exchange", "2007", 6)]
