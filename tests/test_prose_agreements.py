"""Agreements told in sentences (loader/prose_agreements.py) and their one row per fact."""

import pytest

from reports.loader.prose_agreements import prose_agreement_titles, told_agreements


@pytest.mark.parametrize("countries, sentence, titles", [
    (("Peru", "Japan"), "That same month, both nations signed an agreement on technical cooperation.",
     ["Agreement on technical cooperation"]),
    (("Peru", "Japan"), "In 2012, Peru and Japan signed a Treaty of Friendship, Commerce and Navigation in Tokyo.",
     ["Treaty of Friendship, Commerce and Navigation"]),
    (("Norway", "Indonesia"), "A memorandum of understanding on maritime cooperation was signed in Jakarta in 2015.",
     ["Memorandum of understanding on maritime cooperation"]),
    (("Chile", "South Korea"), "In 2019, both governments signed an Agreement on Air Services and a Memorandum of "
     "Understanding on Culture during the visit.",
     ["Agreement on Air Services", "Memorandum of Understanding on Culture"]),
    (("Lithuania", "Mexico"), "Both nations established diplomatic relations on 31 May 1938 in Washington, D.C. "
     "after the signing of a Treaty of Friendship.", ["Treaty of Friendship"]),
    (("Japan", "Peru"), "Japan and Peru signed an Agreement for the Avoidance of Double Taxation in 2019, which "
     "entered into force in 2021.", ["Agreement for the Avoidance of Double Taxation"]),
    (("Peru", "Japan"), "Peru signed an Economic Partnership Agreement with Japan in 2011.",
     ["Economic Partnership Agreement"]),
    (("Egypt", "Kenya"), "On 4 March 1999 the two countries concluded a Convention on Cultural Exchange.",
     ["Convention on Cultural Exchange"]),
])
def test_signed_agreements(countries, sentence, titles):
    assert prose_agreement_titles(sentence, countries) == titles


@pytest.mark.parametrize("countries, sentence, agreements", [
    # the examples after "such as" / "including" / ":" are the titles, each one
    (("Malaysia", "Turkey"), "In 2010, both countries signed several agreements, such as the Agreement on Cultural "
     "Cooperation and the Agreement on Tourism.",
     [("Agreement on Cultural Cooperation", None), ("Agreement on Tourism", None)]),
    (("Malaysia", "Turkey"), "In 1995 both nations signed three agreements: an Agreement on Tourism, a Memorandum on "
     "Education and an Extradition Treaty.",
     [("Agreement on Tourism", None), ("Memorandum on Education", None), ("Extradition Treaty", None)]),
    # after the verb of a passive sentence, "established" as "signed"; "and" between two titles
    (("Malaysia", "Turkey"), "Some economic agreements has been established between the two countries such as "
     "Strategic Framework Agreement and Free Trade Agreement.",
     [("Strategic Framework Agreement", None), ("Free Trade Agreement", None)]),
    (("Malaysia", "Turkey"), "In 2001 both signed a Memorandum of Understanding and Extradition Treaty.",
     [("Memorandum of Understanding", None), ("Extradition Treaty", None)]),
    # a parenthesis holding only a date is the title's own date; other parentheses are not
    (("Malaysia", "Turkey"), "Several agreements have been signed, including the Agreement on Tourism (1995) and "
     "the Extradition Treaty (signed on 3 May 2001).",
     [("Agreement on Tourism", "1995"), ("Extradition Treaty", "2001-05-03")]),
    (("Malaysia", "Turkey"), "In 2010 both countries signed the Agreement on Tourism (in force since 2012).",
     [("Agreement on Tourism", None)]),
    # examples separated by ";" after "such as"; no examples after a single agreement's "such as"
    (("Malaysia", "Denmark"), "Both nations have signed several bilateral agreements such as an Agreement on Cultural "
     "Cooperation (1995); a Memorandum of Understanding on Political Consultations (1996) and an Agreement for the "
     "Avoidance of Double Taxation.",
     [("Agreement on Cultural Cooperation", "1995"), ("Memorandum of Understanding on Political Consultations", "1996"),
      ("Agreement for the Avoidance of Double Taxation", None)]),
    (("Malaysia", "Denmark"), "In 2004 both countries signed an Agreement on Cooperation in areas such as tourism "
     "and education.", [("Agreement on Cooperation in areas", None)]),
    # a kind of agreement names it; a short form inside a title is no end of it
    (("Japan", "Peru"), "An extradition treaty was signed in 2003.", [("Extradition treaty", None)]),
    (("Japan", "Peru"), "Both countries signed a Memorandum of Understanding (MoU) on energy cooperation in 2015.",
     [("Memorandum of Understanding on energy cooperation", None)]),
    # one title with "and" inside stays whole
    (("Malaysia", "Turkey"), "Both countries signed a Treaty of Friendship and Cooperation in 1990.",
     [("Treaty of Friendship and Cooperation", None)]),
    # a title in quotes loses them; a plural noun with a preposition before each subject is
    # an agreement per subject, without the pair's "of both nations"
    # a named agreement opening the sentence before its signing; "Bilateral" in a name stays
    (("Japan", "Peru"), "The Japan–Peru Economic Partnership Agreement, signed in 2011, entered into force in 2012.",
     [("Japan–Peru Economic Partnership Agreement", None)]),
    (("Japan", "Peru"), "In 2008, both governments signed a Bilateral Investment Treaty.",
     [("Bilateral Investment Treaty", None)]),
    # a plural noun before a list of subjects: an agreement each, with its own date where it has one
    (("Japan", "Peru"), "Both nations have signed agreements on cultural cooperation (1989), technical cooperation "
     "(1979) and tourism (2005).", [("Agreement on cultural cooperation", "1989"),
                                    ("Agreement on technical cooperation", "1979"), ("Agreement on tourism", "2005")]),
    (("Japan", "Peru"), "In 2005, both countries signed agreements on trade, investment and tourism.",
     [("Agreement on trade", None), ("Agreement on investment", None), ("Agreement on tourism", None)]),
    (("Japan", "Peru"), "Both signed agreements on science and technology in 2001.",
     [("Agreements on science and technology", None)]),
    (("Mexico", "Turkey"), "That same year, both nations signed a 'Friendship Agreement'.",
     [("Friendship Agreement", None)]),
    (("Mexico", "Turkey"), "While in Turkey, both ministers signed agreements on cultural exchanges and of waiving "
     "visas for holders of diplomatic passports of both nations.",
     [("Agreement on cultural exchanges", None),
      ("Agreement on waiving visas for holders of diplomatic passports", None)]),
])
def test_agreements_named_as_examples_and_their_own_dates(countries, sentence, agreements):
    assert told_agreements(sentence, countries) == agreements


def test_the_sentence_date_applies_where_a_title_has_none(tmp_path):
    from conftest import write_article
    from reports.articles import read

    text = ("= Malaysia–Turkey relations =\n\nLead.\n\n==History==\nIn 2010, both countries signed several "
            "agreements, including the Agreement on Tourism and the Extradition Treaty (2001).\n")
    record = read(write_article(tmp_path, "a.txt", text)).record
    assert [(a.title, a.date, a.origin) for a in record.agreements] == [
        ("Agreement on Tourism", "2010", "prose"), ("Extradition Treaty", "2001", "prose")]


@pytest.mark.parametrize("countries, sentence", [
    (("Mexico", "Slovenia"), "In 1997, Mexico signed a Free Trade Agreement with the European Union "
     "(which includes Slovenia)."),
    (("Peru", "Japan"), "In 2016, Peru signed the Trans-Pacific Partnership agreement with Canada."),
    (("Peru", "Japan"), "Both countries are negotiating a free trade agreement."),
    (("Peru", "Japan"), "In 2018 both governments proposed a treaty on extradition, which was signed by neither."),
    (("India", "Brazil"), "Both nations have signed several agreements."),
    (("India", "Brazil"), "The two countries are expected to sign an agreement on defence cooperation in 2025."),
    (("Poland", "Chile"), "In 2010, Poland hosted the summit where the leaders discussed trade."),
    (("Ghana", "Turkey"), "Turkey signed the Treaty of Sèvres in 1920."),
    (("Ghana", "Turkey"), "A joint commission was established in 1990 to oversee the agreements."),
    (("Ghana", "Turkey"), "In 2010 both countries signed bilateral agreements."),
    (("Ghana", "Turkey"), "In 2000 both countries signed cultural agreements."),
    (("Ghana", "Turkey"), "Both signed two treaties in 2011."),
    (("Ghana", "Turkey"), "Relations were established in 1957, and several agreements followed."),
    # a count and a kind of agreements, none named
    (("Ghana", "Turkey"), "Several naval cooperation agreements have been signed between the two."),
    (("Ghana", "Turkey"), "Ghana and Turkey have signed and ratified 27 bilateral agreements and treaties in "
     "many fields of common interest."),
    (("Ghana", "Turkey"), "Both countries signed 12 agreements in various sectors in 2015."),
    # a caption whose list a copy lost: no title
    (("Mexico", "Turkey"), "In 2013, during the visit of Mexican President Enrique Peña Nieto to Turkey, "
     "both nations signed agreements on:"),
])
def test_not_agreements_between_the_two(countries, sentence):
    assert prose_agreement_titles(sentence, countries) == []


def test_a_list_of_agreements_takes_its_captions_date_and_a_sentence_goes_on_with_the_one_before(tmp_path):
    from conftest import write_article
    from reports.articles import read

    text = ("= Mexico–Turkey relations =\n\nLead.\n\n==History==\n"
            "In June 1992, Mexican Foreign Secretary Fernando Solana made an official trip to Turkey. While in "
            "Turkey, both ministers signed an agreement on cultural exchanges.\n\n"
            "In 2013, during the visit of Mexican President Enrique Peña Nieto to Turkey, both nations signed "
            "agreements on:\n- Double taxation\n- Customs information sharing (2014)\n")
    record = read(write_article(tmp_path, "a.txt", text)).record
    assert [(a.title, a.date, a.origin) for a in record.agreements] == [
        ("Double taxation", "2013", "list"), ("Customs information sharing", "2014", "list"),
        ("Agreement on cultural exchanges", "1992-06", "prose")]
    assert [(v.from_, v.to, v.office, v.person, v.date) for v in record.visits] == [
        ("Mexico", "Turkey", "Foreign Secretary", "Fernando Solana", "1992-06"),
        ("Mexico", "Turkey", "President", "Enrique Peña Nieto", "2013")]


@pytest.mark.parametrize("countries, sentence, titles", [
    # "agreed on", "came into effect": other verbs of a concluded agreement
    (("Chile", "Kenya"), "In 2016, both nations agreed on a Memorandum of Understanding on Tourism.",
     ["Memorandum of Understanding on Tourism"]),
    (("Chile", "Kenya"), "On 1 July 2009, an agreement on fishing between the two countries came into effect.",
     ["Agreement on fishing"]),
    # what an agreement says after its title is no plan of signing it
    (("Chile", "Kenya"), "In 2025, the two countries signed the Mutual Defence Pact Agreement, according to which "
     "an attack on one would be an attack on both.", ["Mutual Defence Pact Agreement"]),
    # "They" after a sentence on the two; a meeting held to sign
    (("Chile", "Kenya"), "They signed an agreement on naval cooperation.", ["Agreement on naval cooperation"]),
    (("Chile", "Kenya"), "The defence ministers of Chile and Kenya met in Nairobi on 3 May 2011 to sign a naval "
     "cooperation agreement.", ["Naval cooperation agreement"]),
])
def test_agreements_in_other_words(countries, sentence, titles):
    assert prose_agreement_titles(sentence, countries) == titles


def test_an_agreement_named_by_its_purpose_has_no_title():
    assert prose_agreement_titles("During the visit, both leaders agreed on a memorandum to set up a mechanism of "
                                  "consultation.", ("Chile", "Kenya")) == []


def test_the_parties_named_by_their_demonyms_are_the_pair():
    assert prose_agreement_titles("Chilean Defence Minister Ana Rojas and Kenyan Defence Minister Paul Mwangi met in "
                                  "Nairobi on 3 May 2011 to sign a naval cooperation agreement.",
                                  ("Chile", "Kenya")) == ["Naval cooperation agreement"]
