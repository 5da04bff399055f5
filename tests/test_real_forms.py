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
    # the mirror dropped the "History" heading below its contents: the text there is History's
    assert [s.heading for s in article.sections] == ["History", "Economic relations"]
    lead = " ".join(b.text.text for b in article.lead)
    assert lead == "Kenya–Portugal relations are the bilateral relations between Kenya and Portugal. " \
        "Kenya has an embassy in Lisbon."
    assert "Relations between both nations were established on 3 March 1965." in [
        b.text.text for b in article.sections[0].blocks]


def test_a_mirror_that_keeps_its_first_heading_opens_it_once():
    text = MIRROR.replace("Portuguese Embassy in Nairobi\n", "History\n")
    article = browser.parse(text, "x.txt")
    assert [s.heading for s in article.sections] == ["History", "Economic relations"]
    assert [b.text.text for b in article.sections[0].blocks] == [
        "Relations between both nations were established on 3 March 1965."]


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

from reports.articles import read  # noqa: E402
from reports.dates import first_date  # noqa: E402
from reports.loader.prose_visits import prose_visits, repeated_dates, travel_clauses  # noqa: E402


def _visits(countries, sentence):
    """As the loader reads a sentence: each clause of travel with its date, a row per date."""
    return [(v.from_, v.to, v.office, v.person, v.date)
            for clause, date in travel_clauses(sentence, lambda: first_date(sentence))
            for when in repeated_dates(clause) or [date]
            for v in prose_visits(clause, when, 3, countries)]


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
    # each clause's travellers, an office in the plural for each name, the date of its clause
    (("Ghana", "Malaysia"), "Presidents Jerry Rawlings and John Kufuor have made state visits to Malaysia while "
     "Prime Minister Mahathir Mohamad visited Ghana in 1996.",
     [("Ghana", "Malaysia", "President", "Jerry Rawlings", None),
      ("Ghana", "Malaysia", "President", "John Kufuor", None),
      ("Malaysia", "Ghana", "Prime Minister", "Mahathir Mohamad", "1996")]),
    (("Ghana", "India"), "In 2008, Ghanaian Presidents John Kufuor and John Mahama paid official visits to India, "
     "while Indian Prime Minister Manmohan Singh visited Accra.",
     [("Ghana", "India", "President", "John Kufuor", "2008"), ("Ghana", "India", "President", "John Mahama", "2008"),
      ("India", "Ghana", "Prime Minister", "Manmohan Singh", "2008")]),
    # "attended ... in <a city>", "his wife Queen Y" a traveller too; "concluded her state visit in B"
    (("Philippines", "Spain"), "King Juan Carlos I and his wife Queen Sofia attended the 1998 festivities "
     "in Manila that marked a century of independence.",
     [("Spain", "Philippines", "King", "Juan Carlos I", "1998"), ("Spain", "Philippines", "Queen", "Sofia", "1998")]),
    (("Philippines", "Spain"), "Former Philippine President Gloria Macapagal-Arroyo concluded a state visit "
     "in Spain in July 2006 that brought new investment.",
     [("Philippines", "Spain", "President", "Gloria Macapagal-Arroyo", "2006-07")]),
    (("Philippines", "Spain"), "In 1950, President Elpidio Quirino attended the University of Salamanca in Madrid.", []),
    # the possessor of "'s state visit" deep in a sentence about something else
    (("Finland", "Mexico"), "At that meeting, both leaders praised their dialogue and recalled the value of "
     "President Sauli Niinistö’s state visit to Mexico in May 2015.",
     [("Finland", "Mexico", "President", "Sauli Niinistö", "2015-05")]),
    # "the Peruvian capital" (a piped link's text) is in Peru; another country's capital is no visit
    (("Japan", "Peru"), "In 2012, Japanese Foreign Minister Kōichirō Genba visited the Peruvian capital.",
     [("Japan", "Peru", "Foreign Minister", "Kōichirō Genba", "2012")]),
    (("Japan", "Peru"), "In 2012, Japanese Foreign Minister Kōichirō Genba visited the Chilean capital.", []),
    # an ambassador's journeys in the country he is posted to are no visits between the two
    (("Japan", "Peru"), "In 2010, Japanese Ambassador Hiroshi Sato visited Arequipa.", []),
    (("Japan", "Peru"), "President Toledo received Ambassador Hiroshi Sato in Lima in 2003.", []),
    # nor is an envoy's errand (issue 26: the corpus' gold counts office-holders of a state only)
    (("Japan", "Peru"), "In 1999, Special Envoy Ana Cruz of Peru visited Tokyo.", []),
    # a meeting in a city of one of the two: the one not of that country travelled, when the
    # sentence tells whose the host is or whose the traveller is
    (("Japan", "Peru"), "In 2016, Peruvian President Pedro Pablo Kuczynski met with Japanese Prime Minister Shinzō Abe "
     "in Lima during a summit.", [("Japan", "Peru", "Prime Minister", "Shinzō Abe", "2016")]),
    (("Japan", "Peru"), "In 2010, Peruvian President Alan García met business leaders in Tokyo.",
     [("Peru", "Japan", "President", "Alan García", "2010")]),
    (("Japan", "Peru"), "In 2017, Prime Minister Abe met President Kuczynski in Lima.", []),
    (("Japan", "Peru"), "In 2017, Japanese Prime Minister Shinzō Abe met Peruvian President Pedro Pablo Kuczynski "
     "in Hanoi.", []),
    # a host receiving a guest in a city of the host's country: the guest travelled
    (("Japan", "Peru"), "In 2019, Peruvian President Martín Vizcarra hosted Japanese Foreign Minister Taro Kono in Lima.",
     [("Japan", "Peru", "Foreign Minister", "Taro Kono", "2019")]),
    (("Japan", "Peru"), "Emperor Akihito welcomed Peruvian President Alan García in Tokyo in 2008.",
     [("Peru", "Japan", "President", "Alan García", "2008")]),
    (("Japan", "Peru"), "President Toledo received the Order of the Rising Sun in Tokyo in 2003.", []),
    # the traveller after an opening clause of travel; "newly elected" before the office
    (("Japan", "Peru"), "During a visit to Peru in 2016, Japanese Prime Minister Shinzō Abe announced new aid.",
     [("Japan", "Peru", "Prime Minister", "Shinzō Abe", "2016")]),
    (("Japan", "Peru"), "During a visit to Peru in 2016, the two leaders signed a loan.", []),
    (("Japan", "Peru"), "In 1990, newly elected President Alberto Fujimori made his first foreign trip to Japan.",
     [("Peru", "Japan", "President", "Alberto Fujimori", "1990")]),
    # a demonym of two words; "reciprocated the visit to B"
    (("Mexico", "South Korea"), "In 1991, South Korean President Roh Tae-woo became the first Korean leader "
     "to visit Mexico.", [("South Korea", "Mexico", "President", "Roh Tae-woo", "1991")]),
    (("Mexico", "South Korea"), "Mexican President Ernesto Zedillo reciprocated the visit to South Korea in 1996.",
     [("Mexico", "South Korea", "President", "Ernesto Zedillo", "1996")]),
    # "the visit of X to B", "a state visit by X to B": the traveller after "of"/"by"
    (("Mexico", "Turkey"), "In 2013, during the visit of Mexican President Enrique Peña Nieto to Turkey, "
     "both nations signed agreements.", [("Mexico", "Turkey", "President", "Enrique Peña Nieto", "2013")]),
    (("Mexico", "Turkey"), "The visit of the Mexican fleet to Turkey in 1900 was a success.", []),
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


# -- agreements listed under a caption outside the agreements section ---------------------

LISTED = """= Kenya–Portugal relations =

Kenya–Portugal relations are the bilateral relations between Kenya and Portugal.

==History==
Kenya and Portugal established diplomatic relations on 3 March 1965.

Both nations have also signed agreements and memorandums on:
- Agreement on the establishment of trade between Kenya and Portugal (1966)
- Agreement on Scientific and Technical Cooperation (1998)

Portugal has signed the following agreements with the European Union:
- Agreement on Fisheries (2004)

Both nations took part in the following summits:
- Lisbon Summit (2007)
"""


def test_a_list_captioned_as_signed_agreements_gives_agreements(tmp_path):
    path = tmp_path / "kenya-portugal.txt"
    path.write_text(LISTED, encoding="utf-8")
    record = read(path).record
    assert [(a.title, a.date, a.line, a.origin) for a in record.agreements] == [
        ("Agreement on the establishment of trade between Kenya and Portugal", "1966", 9, "list"),
        ("Agreement on Scientific and Technical Cooperation", "1998", 10, "list")]


# -- establishment sentences of real articles ------------------------------------------------

def _established(tmp_path, body, title="Austria–Peru relations"):
    path = tmp_path / "a.txt"
    path.write_text(f"= {title} =\n\n==History==\n{body}\n", encoding="utf-8")
    record = read(path).record
    return record.established, record.reestablished


@pytest.mark.parametrize("body, established, reestablished", [
    # "full-fledged" relations, after another date of the sentence
    ("Peru opened a consulate in Vienna in 1951 and established full-fledged diplomatic relations with Austria "
     "soon after the signing of the State Treaty in 1955.", "1955", None),
    # what comes before the establishment is not it
    ("Prior to establishing formal diplomatic relations; in June 1862, Austria and Peru had a dispute over a ship.",
     None, None),
    # a predecessor state after "relations with", then "They were re-established"
    ("Diplomatic relations with the Austro-Hungarian Empire were established in 1901, but were suspended between "
     "1941 and 1974. They were re-established on May 14, 1974.", "1901", "1974-05-14"),
    # an opening clause of time whose date is another event's
    ("When relations resumed, the first Austrian envoy, also head of the legation in Santiago, visited Lima in "
     "1925.", None, None),
])
def test_establishment_forms_of_real_articles(tmp_path, body, established, reestablished):
    assert _established(tmp_path, body) == (established, reestablished)


def test_an_establishment_with_the_country_itself_outranks_its_predecessor(tmp_path):
    body = ("Diplomatic relations with the Austro-Hungarian Empire were established in 1901. "
            "Austria and Peru established diplomatic relations on 3 May 1921.")
    assert _established(tmp_path, body) == ("1921-05-03", None)


# -- memberships and missions as real leads write them ---------------------------------------

def _record(tmp_path, lead, body="", title="Ghana–Malaysia relations"):
    path = tmp_path / "a.txt"
    path.write_text(f"= {title} =\n\n{lead}\n\n==History==\n{body or 'Nothing dated.'}\n", encoding="utf-8")
    return read(path).record


@pytest.mark.parametrize("lead, organisations", [
    ("Both countries are the full members of the World Trade Organization (WTO) and the Commonwealth.",
     ["World Trade Organization", "Commonwealth"]),
    ("Both nations are members of the Cairns Group, G77 and World Trade Organization.",
     ["Cairns Group", "G77", "World Trade Organization"]),
    ("Both nations are members of the Food and Agriculture Organization.", ["Food and Agriculture Organization"]),
    ("Ghana and Malaysia are founding members of the Non Aligned Movement and are members of the Commonwealth.",
     ["Non Aligned Movement", "Commonwealth"]),
    ("Ghana and Nigeria are founding members of the Economic Community of West African States.", []),
])
def test_membership_forms_of_real_leads(tmp_path, lead, organisations):
    assert list(_record(tmp_path, lead).memberships) == organisations


def test_a_high_commission_is_an_embassy(tmp_path):
    record = _record(tmp_path, "As members of the Commonwealth, Ghana maintains a High Commission in Kuala Lumpur, "
                               "while Malaysia has its High Commission in Accra.")
    assert [(m.country, m.host, m.kind, m.city) for m in record.missions] == [
        ("Ghana", "Malaysia", "embassy", "Kuala Lumpur"), ("Malaysia", "Ghana", "embassy", "Accra")]


def test_a_mission_clause_after_a_clause_on_the_past(tmp_path):
    record = _record(tmp_path, "Relations were established in 1957, Ghana has an embassy in Kuala Lumpur, while "
                               "Malaysia has an embassy in Accra.")
    assert [(m.country, m.city) for m in record.missions] == [("Ghana", "Kuala Lumpur"), ("Malaysia", "Accra")]


@pytest.mark.parametrize("countries, sentence, rows", [
    # a name whose capital is not ASCII
    (("Vietnam", "Chile"), "In 1981, Vietnamese Prime Minister Phạm Văn Đồng paid an official visit to Chile.",
     [("Vietnam", "Chile", "Prime Minister", "Phạm Văn Đồng", "1981")]),
    (("Slovakia", "Chile"), "In 2005, Slovak Foreign Minister Ľubomír Čaplovič visited Chile.",
     [("Slovakia", "Chile", "Foreign Minister", "Ľubomír Čaplovič", "2005")]),
    # the office, then the name between commas
    (("Vietnam", "Chile"), "In March 2021, Chile Foreign Undersecretary, Carolina Valdivia, paid a visit to Vietnam.",
     [("Chile", "Vietnam", "Foreign Undersecretary", "Carolina Valdivia", "2021-03")]),
])
def test_names_and_appositions_of_real_articles(countries, sentence, rows):
    assert _visits(countries, sentence) == rows


def test_an_establishment_that_same_year_is_the_year(tmp_path):
    body = "After the war ended in April 1975, both nations soon established diplomatic relations that same year."
    assert _established(tmp_path, body, title="Chile–Vietnam relations") == ("1975", None)


def test_a_traveller_named_without_an_office_is_the_office_holder_of_that_name_named_before(tmp_path):
    from conftest import write_article

    text = ("= Iran–Venezuela relations =\n\nIn 2005, Venezuelan President Hugo Chávez met Iranian President "
            "Mahmoud Ahmadinejad at the United Nations.\n\n==History==\nIn July 2006, Chávez paid a visit to "
            "Iran. On 19 April 2013, Ahmadinejad arrived in Caracas for the inauguration. In 2015, "
            "Obama visited Iran. In 2016, Rouhani visited Caracas.\n")
    record = read(write_article(tmp_path, "a.txt", text)).record
    assert [(v.from_, v.to, v.office, v.person, v.date, v.line) for v in record.visits] == [
        ("Venezuela", "Iran", "President", "Hugo Chávez", "2006-07", 6),
        ("Iran", "Venezuela", "President", "Mahmoud Ahmadinejad", "2013-04-19", 6)]


def test_a_name_held_by_an_office_holder_of_the_destination_is_no_traveller_of_the_other(tmp_path):
    from conftest import write_article

    text = ("= Iran–Venezuela relations =\n\nIranian President Mahmoud Ahmadinejad met the press.\n\n==History==\n"
            "In 2007, Ahmadinejad visited Iran.\n")
    assert read(write_article(tmp_path, "a.txt", text)).record.visits == ()
