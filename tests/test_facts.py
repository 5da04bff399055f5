"""Facts that span sections: establishment, memberships, events, warnings for `check`."""

import pytest
from conftest import write_article

from reports.articles import read
from reports.loader.memberships import split_organisations


def record_of(tmp_path, body, title="Chile–Ghana relations"):
    result = read(write_article(tmp_path, "a.txt", f"= {title} =\n\n{body}\n"))
    return result.record, result.warnings


def test_most_precise_establishment_and_reestablishment(tmp_path):
    record, _ = record_of(tmp_path, "\n".join([
        "Chile and Ghana established diplomatic relations in 1960, but relations were broken in 1973. "
        "In 1990, both nations re-established diplomatic relations.",
        "==History==",
        "Ghana recognized Chile's government on 2 March 1959.",
        "Diplomatic relations were established on 4 July 1960.",
        "Relations were restored on 12 May 1990.",
        "In 2020 both nations celebrated the 60th anniversary of the establishment of relations.",
    ]))
    assert (record.established, record.reestablished) == ("1960-07-04", "1990-05-12")


def test_recognition_is_not_establishment(tmp_path):
    record, _ = record_of(tmp_path, "==History==\nChile recognized Ghana on 6 March 1957.")
    assert record.established is None


@pytest.mark.parametrize("text, names", [
    ("the United Nations and the World Trade Organization", ["United Nations", "World Trade Organization"]),
    ("the Organisation for Economic Co-operation and Development and the United Nations",
     ["Organisation for Economic Co-operation and Development", "United Nations"]),
    ("the G20, the OECD, NATO and the United Nations", ["G20", "OECD", "NATO", "United Nations"]),
    ("NATO and OSCE", ["NATO", "OSCE"]),
    ("the Community of Latin American and Caribbean States", ["Community of Latin American and Caribbean States"]),
    ("multilateral organizations such as the Organization of Ibero-American States, the Food and Agriculture "
     "Organization, and the Latin American and Caribbean Economic System",
     ["Organization of Ibero-American States", "Food and Agriculture Organization",
      "Latin American and Caribbean Economic System"]),
    ("the Organization of American States and of the United Nations", ["Organization of American States", "United Nations"]),
    ("the United Nations, and both nations are members of the G20 and the OECD", ["United Nations", "G20", "OECD"]),
    # "and" before a group named by its number, after a whole name
    ("the Forum of East Asia-Latin America Cooperation, Asia-Pacific Economic Cooperation and G-20 major economies",
     ["Forum of East Asia-Latin America Cooperation", "Asia-Pacific Economic Cooperation", "G-20 major economies"]),
    ("the Organisation for Economic Co-operation and Development", ["Organisation for Economic Co-operation and Development"]),
    # a comma the article lost before "the"; "the" inside a name stays
    ("the Forum of East Asia–Latin America Cooperation the Organisation for Economic Co-operation and Development "
     "and the United Nations", ["Forum of East Asia–Latin America Cooperation",
                                "Organisation for Economic Co-operation and Development", "United Nations"]),
    ("the Organization of the Petroleum Exporting Countries", ["Organization of the Petroleum Exporting Countries"]),
])
def test_organisations(text, names):
    assert split_organisations(text) == names


@pytest.mark.parametrize("lead", [
    "Both countries are founding members of the Non-Aligned Movement and the United Nations.",
    "Both Chile and Ghana are members of the Non-Aligned Movement and the United Nations.",
    "Both countries are partners in multilateral organizations such as the Non-Aligned Movement (NAM) and the "
    "United Nations.",
    "Both are member states of the Non-Aligned Movement and the United Nations.",
    "Both nations belong to the Non-Aligned Movement and the United Nations.",
    "Both countries are part of the Non-Aligned Movement, as well as the United Nations.",
    "Both nations are members of the Non-Aligned Movement and the United Nations and its specialized agencies.",
])
def test_memberships_from_the_lead(tmp_path, lead):
    record, _ = record_of(tmp_path, lead)
    assert record.memberships == ("Non-Aligned Movement", "United Nations")


def test_part_of_something_that_is_no_organisation_is_no_membership(tmp_path):
    record, _ = record_of(tmp_path, "Both countries are part of the same region of the world.")
    assert record.memberships == ()


def test_events_come_from_history_and_its_subsections_only(tmp_path):
    record, _ = record_of(tmp_path, "\n".join([
        "Lead in 1950.",
        "==History==",                                       # 4
        "In 1957, Ghana became independent. No date here.",  # 5
        "===Cold War===",                                     # 6
        "In March 1973 relations cooled.",                   # 7
        "==Culture==",                                        # 8
        "In 1999 a festival was held.",                      # 9
    ]))
    assert [(e.date, e.line) for e in record.events] == [("1957", 5), ("1973-03", 7)]


def test_check_warnings_have_lines(tmp_path):
    _, warnings = record_of(tmp_path, "\n".join([
        "Lead.",                                             # 3
        "==High-level visits==",                             # 4
        "High-level visits from Chile to Ghana",             # 5
        "- President Ana Ruiz",                              # 6: no date
        "==Trade==",                                         # 7
        "In 2020, trade amounted to US$ a lot.",             # 8: amount unreadable
        "==Diplomatic missions==",                            # 9
        "- Relations are handled elsewhere.",                # 10: no mission
        "==Curiosities==",                                          # 11: unknown section
        "Football.",
    ]))
    found = {(w.line, w.message.split(":")[0].split(" '")[0]) for w in warnings}
    assert found == {(6, "visit without a date"),
                     (8, "trade sentence with an amount or year that could not be read"),
                     (10, "no diplomatic mission understood in"),
                     (11, "unknown section")}


def test_sections_recognised_by_meaning(tmp_path):
    record, warnings = record_of(tmp_path, "\n".join([
        "Lead.",
        "==Agreements==",
        "- Treaty of Friendship (1965)",
        "==Economic relations==",
        "In 2021, trade between both nations totaled US$5 million.",
        "==Non-resident diplomatic missions==",
        "- Chile is accredited to Ghana from its embassy in Abuja, Nigeria.",
        "==State visits==",
        "Visits from Ghana to Chile",
        "- President Ana Ruiz (2001)",
    ]))
    assert warnings == []
    assert [a.title for a in record.agreements] == ["Treaty of Friendship"]
    assert [(t.year, t.total_usd) for t in record.trade] == [(2021, 5_000_000)]
    assert [(m.city, m.city_country, m.resident) for m in record.missions] == [("Abuja", "Nigeria", False)]
    assert [(v.from_, v.to, v.date) for v in record.visits] == [("Ghana", "Chile", "2001")]


def test_absurd_trade_number_is_left_out_with_a_warning(tmp_path):
    record, warnings = record_of(tmp_path, "==Trade==\nIn 2020, trade amounted to US$99999999999999 billion.")
    assert record.trade == ()
    assert any("not plausible" in w.message for w in warnings)


def test_an_article_with_the_variants_of_record_md():
    """Hyphen title, country name with "and", $… USD and billions, list agreements,
    non-resident missions, an ordinary section (Culture, kept quietly), a subsection of History."""
    result = read("tests/articles/bosnia-and-herzegovina-mexico.txt")
    record = result.record
    assert record.id == "bosnia-and-herzegovina-mexico"
    assert record.countries == ("Bosnia and Herzegovina", "Mexico")
    assert record.established == "1999-09-07"
    assert record.memberships == ("United Nations", "Organization for Security and Co-operation in Europe",
                                  "World Trade Organization")
    assert [(t.year, t.total_usd, t.line) for t in record.trade] == [(2021, 284_000_000, 6), (2022, 1_200_000_000, 6)]
    assert [e.date for e in record.events] == ["1999-09-07", "2003", "2011", "2015-03"]
    assert [(v.office, v.person, v.date) for v in record.visits] == [
        ("Chairman of the Presidency", "Haris Silajdžić", "2010"),
        ("Foreign Minister", "Igor Crnadak", "2015-03"), ("Foreign Minister", "Igor Crnadak", "2017")]
    assert [(a.title, a.date, a.line) for a in record.agreements] == [
        ("Agreement on the Suppression of Visas for Diplomatic Passports", "2011", 15),
        ("Memorandum of Understanding on Political Consultations", "2015-03", 16),
        ("Extradition Treaty", None, 17)]
    assert record.exports[0].products == ("tequila", "avocados", "auto parts")
    assert [(m.country, m.city, m.city_country, m.resident) for m in record.missions] == [
        ("Bosnia and Herzegovina", "Washington, D.C.", "United States", False),
        ("Mexico", "Budapest", "Hungary", False), ("Mexico", "Sarajevo", None, True)]
    assert result.warnings == []
    assert any(section.heading == "Culture" for section in record.sections)
    assert record.sections[-1].heading == "Culture"


def test_a_caption_may_name_a_country_by_a_short_or_official_form(tmp_path):
    text = ("==State visits==\nPresidential visits from Korea to Mexico\n- President Roh Tae-woo (1991)\n"
            "Presidential visits from Mexico to the Republic of Korea\n- President Vicente Fox (2001)")
    record, warnings = record_of(tmp_path, text, title="Mexico–South Korea relations")
    assert [(v.from_, v.to, v.person) for v in record.visits] == [
        ("South Korea", "Mexico", "Roh Tae-woo"), ("Mexico", "South Korea", "Vicente Fox")]


def test_a_relative_date_before_the_sentences_own_comes_first(tmp_path):
    text = ("==History==\nIn 1996, Mexican President Ernesto Zedillo reciprocated the visit to South Korea. In July "
            "of that same year, Mexican Foreign Minister Marcelo Ebrard paid a visit to South Korea to resume "
            "talks on a trade deal first opened in 2012.")
    record, _ = record_of(tmp_path, text, title="Mexico–South Korea relations")
    assert [(v.office, v.person, v.date) for v in record.visits] == [
        ("President", "Ernesto Zedillo", "1996"), ("Foreign Minister", "Marcelo Ebrard", "1996-07")]


def test_visit_direction_from_a_subsection_heading(tmp_path):
    record, warnings = record_of(tmp_path, "==High-level visits==\n===From Ghana to Chile===\n- President Ana Ruiz (2001)")
    assert [(v.from_, v.to) for v in record.visits] == [("Ghana", "Chile")]
    assert warnings == []


@pytest.mark.parametrize("sentence, established, reestablished", [
    ("In 1985, the Chile-Ghana Chamber of Commerce was established to foster commercial relations.", None, None),
    ("In 1962, Chile established an embassy in Ghana, strengthening relations.", None, None),
    ("In 2005, both nations renewed their friendly relations.", None, None),
    ("Trade relations resumed in 2001.", None, None),
    ("Chile and Ghana established diplomatic ties on 3 May 1960.", "1960-05-03", None),
    ("Diplomatic relations between Chile and Ghana were formally established in 1960.", "1960", None),
    ("The establishment of diplomatic relations took place on 4 July 1960.", "1960-07-04", None),
    ("Diplomatic relations were restored in 1990.", None, "1990"),
    ("Relations were severed during the war and were re-established on 16 August 1952.", None, "1952-08-16"),
    ("Diplomatic relations were broken in 1942 and restored in 1952.", None, "1952"),
    ("They established relations in 1938, broke them in 1973 and re-established them in 1990.", "1938", None),
])
def test_establishment_needs_relations_as_its_object(tmp_path, sentence, established, reestablished):
    record, _ = record_of(tmp_path, f"==History==\n{sentence}")
    assert (record.established, record.reestablished) == (established, reestablished)


def test_an_agreement_cites_the_first_line_naming_it_not_a_longer_title(tmp_path):
    record, _ = record_of(tmp_path, "\n".join([
        "Lead.",                                                          # 3
        "==History==",                                                    # 4
        "In 1990 they signed an Agreement on Trade and Investment.",      # 5
        "In 1995 the Agreement on Trade was discussed.",                  # 6
        "==Agreements==",                                                 # 7
        "- Agreement on Trade (1995)",                                    # 8
        "- Agreement on Tourism (1999)",                                  # 9
    ]))
    assert [(a.title, a.line) for a in record.agreements] == [("Agreement on Trade", 6), ("Agreement on Tourism", 9)]


def test_the_earliest_establishment_year_wins_over_a_later_one(tmp_path):
    """Two establishment sentences in different years: the earliest is the record's,
    whichever comes first in the article (a rule taking the latest fails here)."""
    for order in (1, -1):
        sentences = ["Diplomatic relations were established on 4 July 1961.",
                     "Chile and Ghana established diplomatic relations in 1958."][::order]
        record, _ = record_of(tmp_path, "==History==\n" + "\n".join(sentences))
        assert record.established == "1958"
        record, _ = record_of(tmp_path, "==History==\n" + "\n".join(
            s.replace("established", "re-established") for s in sentences))
        assert (record.established, record.reestablished) == (None, "1958")


@pytest.mark.parametrize("sentence", [
    "In 2020 both nations celebrated the 60th anniversary of the establishment of diplomatic relations.",
    "A stamp commemorating the establishment of diplomatic relations was issued in 2010.",
])
def test_an_anniversary_sentence_alone_establishes_nothing(tmp_path, sentence):
    record, _ = record_of(tmp_path, f"==History==\n{sentence}")
    assert (record.established, record.reestablished) == (None, None)


def test_a_warning_quotes_the_text_whole_up_to_80_characters_and_clips_beyond(tmp_path):
    exactly = "President Ana " + "R" * (80 - len("President Ana "))
    longer = exactly + "uiz"
    _, warnings = record_of(tmp_path, "\n".join([
        "Lead.", "==High-level visits==", "High-level visits from Chile to Ghana",
        f"- {exactly}", f"- {longer}"]))
    quoted = [w.message.split(": ", 1)[1] for w in warnings if w.message.startswith("visit without a date")]
    assert quoted == [repr(exactly), repr(longer[:79] + "…")]


@pytest.mark.parametrize("place, code", [
    ("Guadalajara, Mexico", "MX"),
    ("Osaka, Osaka Prefecture, Japan", "JP"),   # the country is after the last comma
    ("Lima", "PE"),
    ("Japan", "JP"),
])
def test_a_place_names_its_country_by_its_last_part(place, code):
    from reports.places import place_country

    assert place_country(place) == code


@pytest.mark.parametrize("listed, told", [
    ("Prime Minister Shinzō Abe (安倍 晋三) (2017)", "Japanese Prime Minister Shinzō Abe (安倍 晋三) visited India"),
    ("Prime Minister Shinzo Abe (2017)", "Japanese Prime Minister Shinzō Abe visited India"),
    ("Senator Gabriela Cuevas (2017)", "Japanese Senator Gabriela Cuevas Barron visited India"),
])
def test_a_visit_listed_and_told_is_one_row_however_the_name_is_written(tmp_path, listed, told):
    record, _ = record_of(tmp_path, "\n".join([
        "Lead.", "==History==", f"In September 2017, {told}.",
        "==High-level visits==", "High-level visits from Japan to India", f"- {listed}"]),
        title="India–Japan relations")
    assert [(v.origin, v.date, v.also_lines) for v in record.visits] == [("list", "2017", (5,))]


def test_prose_after_a_visits_list_is_still_read(tmp_path):
    # The visits list is skipped by the prose rules; what follows it is not.
    record, _ = record_of(tmp_path, "\n".join([
        "Lead.", "==High-level visits==", "High-level visits from Japan to India",
        "- Prime Minister Shinzo Abe (2017)",
        "==History==", "In May 2019, Indian Prime Minister Narendra Modi paid an official visit to Japan."]),
        title="India–Japan relations")
    assert [(v.person, v.origin, v.date) for v in record.visits] == [
        ("Shinzo Abe", "list", "2017"), ("Narendra Modi", "prose", "2019-05")]


def test_an_establishment_with_a_third_party_does_not_hide_the_pairs_in_the_same_sentence(tmp_path):
    record, _ = record_of(tmp_path, "\n".join([
        "Lead.", "==History==",
        "Chile established diplomatic relations with Spain in 1950, and established diplomatic relations "
        "with Ghana on 4 July 1960."]))
    assert record.established == "1960-07-04"


def test_a_country_named_exactly_ignoring_case_and_a_leading_the():
    from reports.loader.names import match_country

    countries = ("Netherlands", "Peru")
    assert match_country("the netherlands", countries) == "Netherlands"
    assert match_country("Peru", countries) == "Peru"
    assert match_country("Peruvian", countries) is None and match_country("Chile", countries) is None
