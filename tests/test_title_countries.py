"""Titles name real countries (reports/titles.py), and a wikitext page with broken markup still has one."""

import pytest
from conftest import write_article

from reports.articles import read
from reports.titles import unknown_parties


@pytest.mark.parametrize("countries, unknown", [
    (("Chile", "Peru"), []),
    (("Soviet Union", "Yugoslavia"), []),          # historical states
    (("Kosovo", "Taiwan"), []),                    # partially recognised ones
    (("Holy See", "Georgia (country)"), []),
    (("Dutch", "Turkish"), []),                    # a title of demonyms, as some pages have
    (("Freedonia", "Peru"), ["Freedonia"]),
    (("Freedonia", "Ruritania"), ["Freedonia", "Ruritania"]),
])
def test_the_names_of_a_title_that_are_no_known_state(countries, unknown):
    assert unknown_parties(countries) == unknown


def test_a_title_of_invented_countries_is_reported_with_its_line(tmp_path):
    result = read(write_article(tmp_path, "a.txt", "= Freedonia–Ruritania relations =\n\nThey trade.\n"))
    messages = [(w.line, w.message) for w in result.warnings if "no country or state known" in w.message]
    assert [line for line, _ in messages] == [1, 1]
    assert "'Freedonia–Ruritania relations'" in messages[0][1] and "'Freedonia'" in messages[0][1]


@pytest.mark.parametrize("opening", [
    "{{Infobox bilateral relations|Chile–Kenya|party1=Chile\n|party2=Kenya\n\n",   # an infobox never closed
    "",
])
def test_a_wikitext_page_with_markup_never_closed_takes_its_title_from_the_bold_lead(tmp_path, opening):
    text = (f"{opening}'''Chile–Kenya relations''' are the ties between [[Chile]] and [[Kenya]].<ref>{{{{cite web"
            "|title=Ties}}}}\n\n==History==\nDiplomatic relations were established in 1964.\n")
    record = read(write_article(tmp_path, "page.wiki", text)).record
    assert record.countries == ("Chile", "Kenya")
    assert record.established == "1964"


def test_a_bold_title_of_invented_countries_gives_no_title(tmp_path):
    text = "'''Freedonia–Ruritania relations''' are old.\n\n==History==\nThey met.\n"
    with pytest.raises(Exception, match="no title naming two countries"):
        read(write_article(tmp_path, "page.wiki", text))
