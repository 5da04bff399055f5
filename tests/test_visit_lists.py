"""Visits lists as real articles write them: whole sentences, royal styles, day ranges,
items that are no visit, and tables whose direction is in their heading or columns."""

from pathlib import Path

import pytest

from reports import load

ARTICLE = Path(__file__).parent / "articles" / "mexico-netherlands-visits.txt"


def _line_of(text: str) -> int:
    return next(number for number, line in enumerate(ARTICLE.read_text("utf-8").splitlines(), 1) if text in line)


@pytest.fixture(scope="module")
def visits():
    return [(v.from_, v.to, v.office, v.person, v.date, v.origin, v.line) for v in load(str(ARTICLE)).visits]


def test_a_whole_sentence_item_gives_office_person_direction_and_the_month_of_a_day_range(visits):
    assert ("Netherlands", "Mexico", "Foreign Minister", "Uri Rosenthal", "2011-05", "list",
            _line_of("Uri Rosenthal")) in visits


def test_royal_styles_give_the_title_and_the_name_without_the_country(visits):
    assert ("Netherlands", "Mexico", "King", "Willem-Alexander", "2016", "list", _line_of("King Willem")) in visits
    assert ("Netherlands", "Mexico", "Queen", "Máxima", "2016", "list", _line_of("Queen Máxima")) in visits


def test_a_visit_at_an_invitation_is_a_visit(visits):
    assert ("Netherlands", "Mexico", "Prime Minister", "Mark Rutte", "2016", "list", _line_of("at the invitation")) \
        in visits


def test_a_sentence_item_with_two_dates_is_two_rows(visits):
    line = _line_of("Felipe Calderón")
    assert [v[4] for v in visits if v[6] == line] == ["2009", "2011"]
    assert {v[:4] for v in visits if v[6] == line} == {("Mexico", "Netherlands", "President", "Felipe Calderón")}


@pytest.mark.parametrize("text", [
    "A delegation of Dutch parliamentarians",      # unnamed delegation, a sentence
    "Delegation of the Dutch Senate",              # unnamed delegation, an item
    "is planned for 2025",                         # only planned
    "was invited to visit",                        # only invited
    "travelled to Madrid",                         # a third country
])
def test_items_that_are_no_visit_give_no_row(visits, text):
    assert [v for v in visits if v[6] == _line_of(text)] == []


def test_items_in_the_usual_form_are_read_as_before(visits):
    assert ("Mexico", "Netherlands", "Foreign Secretary", "Luis Videgaray Caso", "2017", "list",
            _line_of("Luis Videgaray")) in visits


def _wiki(tmp_path, text):
    from reports.articles import read
    path = tmp_path / "Mexico–Netherlands relations.wiki"
    path.write_text(text, "utf-8")
    return read(path).record


def test_a_table_without_a_caption_takes_its_direction_from_its_heading(tmp_path):
    record = _wiki(tmp_path, "Lead.\n\n== High-level visits ==\n=== Visits from Mexico to the Netherlands ===\n"
                             "{| class=\"wikitable\"\n! Year !! Visitor\n|-\n| 2009 || President Felipe Calderón\n|}\n")
    assert [(v.from_, v.to, v.office, v.person, v.date) for v in record.visits] == [
        ("Mexico", "Netherlands", "President", "Felipe Calderón", "2009")]


def test_a_table_whose_columns_are_directions(tmp_path):
    record = _wiki(tmp_path, "Lead.\n\n== High-level visits ==\n{| class=\"wikitable\"\n"
                             "! Mexican visits to the Netherlands !! Dutch visits to Mexico\n"
                             "|-\n| President Felipe Calderón (2009) || King Willem-Alexander (2016)\n"
                             "|-\n| Foreign Secretary Luis Videgaray Caso (2017) ||\n|}\n")
    assert sorted((v.from_, v.to, v.person, v.date) for v in record.visits) == [
        ("Mexico", "Netherlands", "Felipe Calderón", "2009"), ("Mexico", "Netherlands", "Luis Videgaray Caso", "2017"),
        ("Netherlands", "Mexico", "Willem-Alexander", "2016")]


def test_a_visiting_country_column_alone_gives_the_direction(tmp_path):
    record = _wiki(tmp_path, "Lead.\n\n== High-level visits ==\n{| class=\"wikitable\"\n"
                             "! Year !! Visitor !! Visiting country\n"
                             "|-\n| 2009 || President Felipe Calderón || Mexico\n"
                             "|-\n| 2016 || King Willem-Alexander || Netherlands\n|}\n")
    assert [(v.from_, v.to, v.person) for v in record.visits] == [
        ("Mexico", "Netherlands", "Felipe Calderón"), ("Netherlands", "Mexico", "Willem-Alexander")]


def test_a_note_in_parentheses_after_the_name_is_no_part_of_it(tmp_path):
    record = _wiki(tmp_path, "== High-level visits ==\n{| class=\"wikitable\"\n|+ High-level visits from Mexico to "
                             "the Netherlands\n|-\n! Year !! Visitor\n|-\n| 2015 || President Enrique Peña Nieto "
                             "([[Nuclear Security Summit|Summit]] in [[The Hague]])\n|}\n\nVisits from Mexico to the "
                             "Netherlands:\n* Foreign Secretary Luis Videgaray (working visit) (2017)\n")
    assert [(v.from_, v.office, v.person, v.date) for v in record.visits] == [
        ("Mexico", "President", "Enrique Peña Nieto", "2015"), ("Mexico", "Foreign Secretary", "Luis Videgaray", "2017")]


def test_a_leading_date_and_a_note_in_parentheses(tmp_path):
    record = _wiki(tmp_path, "== High-level visits ==\nVisits from Mexico to the Netherlands:\n"
                             "* 2008: President Felipe Calderón (European summit in [[The Hague]])\n")
    assert [(v.office, v.person, v.date) for v in record.visits] == [("President", "Felipe Calderón", "2008")]


def test_an_office_after_the_name(tmp_path):
    record = _wiki(tmp_path, "== High-level visits ==\nVisits from Mexico to the Netherlands:\n"
                             "* Enrique Peña Nieto, President of Mexico (2016)\n* Luis Videgaray, Foreign Secretary (2017)\n")
    assert [(v.office, v.person, v.date) for v in record.visits] == [
        ("President", "Enrique Peña Nieto", "2016"), ("Foreign Secretary", "Luis Videgaray", "2017")]
