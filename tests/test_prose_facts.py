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
