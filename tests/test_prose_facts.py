"""Visits and agreements told in prose, read from a whole article, one row per fact."""

from pathlib import Path

from reports import load

ARTICLE = Path(__file__).parent / "articles" / "japan-peru-prose.txt"


def _record():
    return load(str(ARTICLE)).to_dict()


def _line_of(text: str) -> int:
    return next(number for number, line in enumerate(ARTICLE.read_text("utf-8").splitlines(), 1) if text in line)


def test_agreement_told_in_prose_and_listed_is_one_row_with_the_prose_line_beside_it():
    agreements = _record()["agreements"]
    technical = [a for a in agreements if "technical cooperation" in a["title"].lower()]
    assert len(technical) == 1
    assert technical[0]["origin"] == "section"
    assert technical[0]["date"] == "2009"
    assert technical[0]["line"] == _line_of("an Agreement on Technical Cooperation (2009)")
    assert technical[0]["also_lines"] == [_line_of("That same month")]


def test_agreement_told_only_in_prose_has_the_sentence_date():
    treaty = [a for a in _record()["agreements"] if a["title"].startswith("Treaty of Peace")]
    assert treaty == [{**treaty[0], "title": "Treaty of Peace, Friendship, Commerce and Navigation",
                       "date": "1873-08-21", "origin": "prose", "also_lines": []}]
    assert treaty[0]["line"] == _line_of("were established on 21 August 1873")


def test_every_agreement_has_an_origin():
    assert {a["origin"] for a in _record()["agreements"]} == {"section", "prose"}


def _visits():
    return {(v["person"], v["date"]): v for v in _record()["visits"]}


def test_listed_visit_told_in_prose_is_the_list_row_with_the_prose_line_beside_it():
    garcia = _visits()[("Alan García", "2009")]
    assert (garcia["origin"], garcia["line"]) == ("list", _line_of("- President Alan García (2009)"))
    assert garcia["also_lines"] == [_line_of("paid an official visit to Japan")]
    abe = _visits()[("Shinzō Abe", "2016")]
    assert abe["also_lines"] == [_line_of("attended the APEC summit held in Lima")]


def test_visits_only_in_prose_are_rows_of_their_own():
    visits = _visits()
    okada = visits[("Katsuya Okada", "2010")]  # "The following year" after June 2009
    assert (okada["from"], okada["to"], okada["office"], okada["origin"]) == ("Japan", "Peru", "Foreign Minister", "prose")
    kishida = visits[("Fumio Kishida", "2016")]  # "accompanied by"
    assert (kishida["from"], kishida["to"], kishida["line"]) == ("Japan", "Peru", _line_of("held in Lima"))


def test_no_row_for_meetings_elsewhere_delegations_credentials_or_cancelled_visits():
    people = {person for person, _ in _visits()}
    assert people == {"Alan García", "Ollanta Humala", "Shinzō Abe", "Katsuya Okada", "Fumio Kishida"}
    assert len(_record()["visits"]) == 6


def test_a_meeting_in_a_city_of_one_country_is_the_visit_of_the_other_ones_office_holder():
    """"Prime Minister Naoto Kan of Japan met with President García in Yokohama": García
    travelled, and is the Alan García the article named before."""
    garcia = _visits()[("Alan García", "2010-11")]
    assert (garcia["from"], garcia["to"], garcia["office"], garcia["origin"], garcia["line"]) == (
        "Peru", "Japan", "President", "prose", _line_of("met with President García in Yokohama"))
