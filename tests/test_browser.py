"""Text copied from a browser: chrome dropped, [edit] headings, markers tied to ^ notes."""

from pathlib import Path

import pytest

from reports.errors import ArticleError
from reports.articles import read
from reports.readers import browser, choose

HERE = Path(__file__).parent / "wiki"
COPY = HERE / "sample-browser.txt"


def facts(record):
    return (record.title, record.summary, record.established,
            [(v.from_, v.to, v.office, v.person, v.date) for v in record.visits],
            [(e.date, e.text) for e in record.events], [(t.year, t.total_usd) for t in record.trade])


def test_a_copied_page_is_recognised_by_its_chrome():
    assert choose(COPY).NAME == "browser"


def test_the_copy_gives_the_facts_of_the_wikitext():
    assert facts(read(COPY).record) == facts(read(HERE / "sample.wiki").record)


def test_headings_lines_and_no_chrome():
    record = read(COPY).record
    assert [s.heading for s in record.sections] == ["History", "Visits", "Trade", "External links"]
    assert [v.line for v in record.visits] == [32, 33, 37, 38]
    text = " ".join(b.text for s in record.sections for b in s.blocks if b.type == "paragraph")
    assert "[citation needed]" not in text and "Main article" not in text and "[1]" not in text


def test_markers_are_tied_to_the_numbered_notes():
    record = read(COPY).record
    assert [(c.id, c.url, c.title) for c in record.citations] == [
        ("c1", None, "Relaciones"), ("c2", "https://example.org/un", None), ("c3", "https://a.lv/v", "Visit news")]
    assert (record.citations[0].publisher, record.citations[0].date, record.citations[0].accessed) == (
        "SRE", "2021-11-03", "2021-11-18")
    assert record.events[0].cites == ("c1",)
    assert record.visits[1].cites == ("c3",)


def test_no_relations_title_is_a_one_line_error():
    with pytest.raises(ArticleError) as caught:
        browser.parse("From Wikipedia, the free encyclopedia\nSome page\n", "x.txt")
    assert "no title line" in caught.value.message


def test_image_captions_and_an_infobox_below_the_lead_are_no_text_of_the_article():
    """As the wikitext reader leaves out a [[File:...]]'s caption, so does the copy; a mirror that
    moves the infobox below the lead leaves the title and the two names on lines of their own."""
    copy = ("Mexico–Turkey relations\n\nMexico–Turkey relations refers to the bilateral relations between Mexico "
            "and Turkey. Both nations are members of the United Nations.\n\nMexico-Turkey relations\n\nMexico\n\n"
            "Turkey\n\nHistory\n\nPresident Enrique Peña Nieto and President Abdullah Gül in "
            "Ankara, December 2013\n\nDiplomatic relations between the two nations were established in 1928.\n\n"
            "Embassy of Mexico in Ankara\n\nTrade\n\nIn 2018, trade amounted to US$1.7 billion.\n\n"
            "Visits from Mexico to Turkey\n- President Enrique Peña Nieto (2013)\n")
    record = browser.parse(copy, "copy.txt")
    assert [(s.heading, [b.text.text for b in s.blocks if hasattr(b, "text")]) for s in record.sections] == [
        ("History", ["Diplomatic relations between the two nations were established in 1928."]),
        ("Trade", ["In 2018, trade amounted to US$1.7 billion."])]
    assert [block.text.text for block in record.lead] == [
        "Mexico–Turkey relations refers to the bilateral relations between Mexico and Turkey. Both nations are "
        "members of the United Nations."]
    assert record.sections[-1].blocks[-1].caption.text == "Visits from Mexico to Turkey"  # a list's caption stays


def test_a_copy_whose_links_lost_their_blanks_gets_them_back():
    copy = ("Ghana–India relations\n\nFrom Wikipedia, the free encyclopedia\n\nThe relations "
            "betweenIndia andGhana are old. Both belong to theCommonwealth, and India keeps aHigh Commission inAccra.\n"
            "\nHistory\n\n[edit]\n\nThe firstPresident of Ghana,Kwame Nkrumah met Prime MinisterP V Narasimha Rao, "
            "who visited Ghana in 1995. Senator McDonald and General MacArthur came by YouTube.\n")
    article = browser.parse(copy, "copy.txt")
    assert article.lead[0].text.text == ("The relations between India and Ghana are old. "
                                         "Both belong to the Commonwealth, and India keeps a High Commission in Accra.")
    assert article.sections[0].blocks[0].text.text == (
        "The first President of Ghana, Kwame Nkrumah met Prime Minister P V Narasimha Rao, who visited Ghana in 1995. "
        "Senator McDonald and General MacArthur came by YouTube.")


def test_a_copy_with_a_few_names_written_in_camel_case_keeps_them():
    copy = ("Ghana–India relations\n\nFrom Wikipedia, the free encyclopedia\n\nIndia-Ghana relations are the bilateral "
            "relations between India and Ghana, inDesign and PlayStation included.\n")
    assert "inDesign and PlayStation" in browser.parse(copy, "copy.txt").lead[0].text.text


@pytest.mark.parametrize("opening", [
    "Ghana and Kenya opened ties on 2 May 1961. [1] Both keep embassies. [2]",
    "Ghana and Kenya opened ties on 2 May 1961.[citation needed]",
    "Ghana–Kenya relations are the ties between the two.",
])
def test_the_lead_of_a_mirror_copy_is_kept_whatever_follows_its_last_stop(opening):
    """A mirror's copy has no chrome: the infobox's short lines come first, then the lead,
    whose first paragraph may be short or end in markers after its full stop."""
    copy = (f"Ghana–Kenya relations\n\nLast updated\n\nGhana\n\nKenya\nEnvoy\nAmbassador Ama Mensah\n\n{opening}\n\n"
            "History\n\nTrade grew after 1990.\n")
    article = browser.parse(copy, "copy.txt")
    assert article.lead[0].text.text.startswith(opening[:20])
    assert [s.heading for s in article.sections] == ["History"]


@pytest.mark.parametrize("cell", [
    "Embassy of Ghana in Nairobi Embassy of Kenya in Accra",
    "Ghana Embassy, NairobiKenya Embassy, Accra",
    "Embassy of Ghana in Nairobi | Embassy of Kenya in Accra |",
])
def test_the_infobox_missions_of_a_copy_are_read_as_the_wikitext_readers(tmp_path, cell):
    copy = (f"Ghana–Kenya relations\n\nLast updated\n\nGhana\n\nKenya\nDiplomatic mission\n{cell}\nEnvoy\n"
            "Ambassador Ama Mensah\n\nGhana and Kenya are two countries of Africa with ties since 1963.\n")
    path = tmp_path / "copy.txt"
    path.write_text(copy, "utf-8")
    record = read(path, form="browser").record
    assert [(m.country, m.host, m.kind, m.city) for m in record.missions] == [
        ("Ghana", "Kenya", "embassy", "Nairobi"), ("Kenya", "Ghana", "embassy", "Accra")]


def test_a_copy_loses_nothing_and_gains_nothing():
    """The lead kept; a heading of any wording keeps its section; the numbered table of
    contents, a "Main article:" line, an image's caption and a navigation box ("v t e" and
    the names below it) are no text of the article."""
    copy = ("Chile–Kenya relations\n\nFrom Wikipedia, the free encyclopedia\n\nChile–Kenya relations are the ties "
            "between Chile and Kenya.\n\nContents\n1 Early encounters\n2 Trade\n\n"
            "Early encounters and the long road[edit]\n\nMain article: History of Chile–Kenya relations\n\n"
            "Diplomatic relations were established on 3 May 1964.\n\nA minister greets a crowd in Nairobi, 2010\n\n"
            "Trade[edit]\n\nIn 2019, trade between the two countries amounted to US$50 million.\n\nv\nt\ne\n"
            "Foreign relations of Chile\nArgentina\nKenya\n\nCategories: Bilateral relations of Chile\n")
    article = browser.parse(copy, "copy.txt")
    assert [block.text.text for block in article.lead] == ["Chile–Kenya relations are the ties between Chile and Kenya."]
    assert [(s.heading, [b.text.text for b in s.blocks]) for s in article.sections] == [
        ("Early encounters and the long road", ["Diplomatic relations were established on 3 May 1964."]),
        ("Trade", ["In 2019, trade between the two countries amounted to US$50 million."])]
