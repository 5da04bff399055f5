"""The wikitext reader: structure, text as Wikipedia shows it, refs as citations."""

from pathlib import Path

import pytest

from reports.errors import ArticleError
from reports.articles import read
from reports.readers import wikitext

HERE = Path(__file__).parent / "wiki"


def parse(text: str, file_name: str = "Latvia–Mexico relations.wiki"):
    article, warnings = wikitext.parse(text, "t.wiki", file_name=file_name)
    return article, warnings


def paragraphs(article):
    from reports.document import texts
    return [unit.text for unit in texts(article.lead + [b for s in article.sections for b in s.blocks])]


def test_sample_page_gives_title_infobox_sections_and_lines():
    result = read(HERE / "sample.wiki")
    record = result.record
    assert record.title == "Latvia–Mexico relations"
    assert record.countries == ("Latvia", "Mexico")
    assert dict(record.infobox) == {"map": "Latvia Mexico Locator.png", "mission1": "Embassy of Latvia",
                                    "envoytitle1": "Ambassador"}
    assert [s.heading for s in record.sections] == ["History", "Visits", "Trade", "External links"]
    assert record.summary == ("Latvia–Mexico relations are the diplomatic relations between Latvia and Mexico. "
                              "Both nations are members of the United Nations.")
    assert record.established == "1991-12-01"
    assert [(e.date, e.line) for e in record.events] == [("1991-12-01", 13), ("2005", 13)]


def test_refs_become_citations_and_cites_on_the_facts_they_follow():
    record = read(HERE / "sample.wiki").record
    assert [c.id for c in record.citations] == ["sre", "c1", "missing", "c2"]
    sre = record.citations[0]
    assert (sre.url, sre.title, sre.publisher, sre.date, sre.accessed) == (
        "https://sre.gob.mx/x", "Relaciones", "SRE", "2021-11-03", "2021-11-18")
    assert record.citations[1].url == "https://example.org/un"
    assert (record.citations[3].url, record.citations[3].title) == ("https://a.lv/v", "Visit news")
    assert [e.cites for e in record.events] == [("sre",), ("missing",)]
    lead = record.sections[0].blocks[0]
    assert lead.cites == ("sre", "missing")


def test_a_ref_never_defined_is_a_warning_with_its_line():
    warnings = read(HERE / "sample.wiki").warnings
    assert [(w.line, w.message) for w in warnings if "ref" in w.message] == [
        (14, "the ref 'missing' is used but never defined")]


def test_visits_from_a_list_and_from_a_table_with_rowspans():
    record = read(HERE / "sample.wiki").record
    assert [(v.from_, v.to, v.office, v.person, v.date, v.line) for v in record.visits] == [
        ("Latvia", "Mexico", "President", "Vaira Vīķe-Freiberga", "2006", 18),
        ("Latvia", "Mexico", "Foreign Minister", "X", "2007", 19),
        ("Mexico", "Latvia", "Senator", "A", "2009", 25),
        ("Mexico", "Latvia", "Senator", "B", "2009", 27),
    ]
    table = record.sections[1].blocks[1]
    assert table.type == "table" and table.header == ("Year", "Visitor")
    assert table.rows == (("2009", "Senator A"), ("2009", "Senator B"))


def test_external_links_stay_as_links_and_references_are_not_text():
    record = read(HERE / "sample.wiki").record
    assert record.sections[-1].blocks[0].items == ("Mexican ministry (https://www.gob.mx/sre)",)
    assert "References" not in [s.heading for s in record.sections]


@pytest.mark.parametrize("source, shown", [
    ("{{flag|Mexico}} and {{flagcountry|Peru}}", "Mexico and Peru"),
    ("{{flagicon|Mexico}} Mexico", "Mexico"),
    ("{{lang|es|Secretaría de Relaciones Exteriores}}", "Secretaría de Relaciones Exteriores"),
    ("{{nowrap|Mexico City}}", "Mexico City"),
    ("{{convert|100|km|mi}} long", "100 km long"),
    ("on {{dts|2009|6|1}}", "on 1 June 2009"),
    ("on {{Start date|1992|06|08|df=y}}", "on 8 June 1992"),
    ("[[Alan García|García]] met [[Mexico]]", "García met Mexico"),
    ("'''bold''' and ''italic''", "bold and italic"),
    ("text<!-- a comment -->here", "texthere"),
    ("worth {{US$|1.2 billion}}", "worth US$1.2 billion"),
    ("a claim{{citation needed|date=May 2020}}.", "a claim."),
    ("in {{circa|1990}}", "in c. 1990"),
    ("{{formatnum:1234567}} people", "1,234,567 people"),
])
def test_inline_markup_renders_as_the_page_shows_it(source, shown):
    article, _ = parse(f"Lead.\n\n== History ==\n{source}\n")
    assert paragraphs(article)[1] == shown


@pytest.mark.parametrize("source", [
    "{{Main|History of Mexico}}", "{{See also|Foo}}", "{{Short description|x}}", "{{Use dmy dates|date=x}}",
    "[[File:Flag.png|thumb|A caption]]", "[[Image:Map.svg|thumb|Another]]", "[[Category:Mexico]]",
    "[[es:Relaciones]]", "{{Reflist}}", "<!-- hidden -->", "{{Foreign relations of Mexico}}",
])
def test_lines_that_show_nothing_are_not_paragraphs(source):
    article, _ = parse(f"Lead.\n\n== History ==\n{source}\nText.\n")
    assert paragraphs(article) == ["Lead.", "Text."]


def test_paragraph_over_two_lines_is_one_paragraph_and_nested_lists_are_items():
    article, _ = parse("Lead.\n\n== History ==\nOne line\ngoes on.\n\n'''Caption'''\n* a\n** b\n# c\n")
    section = article.sections[0]
    assert section.blocks[0].text.text == "One line goes on."
    assert section.blocks[1].caption.text == "Caption"
    assert [item.text for item in section.blocks[1].items] == ["a", "b", "c"]


@pytest.mark.parametrize("file_name, text, title", [
    ("Latvia–Mexico relations.wiki", "Lead.", "Latvia–Mexico relations"),
    ("Latvia–Mexico_relations.wiki", "Lead.", "Latvia–Mexico relations"),
    ("x.wiki", "= Peru–Japan relations =\nLead.", "Peru–Japan relations"),
    ("x.wiki", "{{Infobox bilateral relations|Peru–Japan|Peru|Japan}}\nLead.", "Peru–Japan relations"),
    ("latvia-mexico.wiki", "'''[[Latvia]]''' and '''[[Mexico]]''' have relations.", "Latvia–Mexico relations"),
    ("mexico-latvia.wiki", "'''[[Latvia]]''' and '''[[Mexico]]''' have relations.", "Mexico–Latvia relations"),
])
def test_title_inference(file_name, text, title):
    article, _ = parse(text, file_name)
    assert article.title == title


def test_no_title_is_a_one_line_error():
    with pytest.raises(ArticleError) as caught:
        parse("Just some text.", "notes.wiki")
    assert "no title naming two countries" in str(caught.value)


def test_cli_reads_a_wiki_file_and_lists_the_readers(tmp_path):
    from click.testing import CliRunner

    from reports.cli import cli

    runner = CliRunner()
    listed = runner.invoke(cli, ["readers"])
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.output.splitlines()] == ["plain", "wikitext", "mediawiki-xml", "browser"]
    copy = tmp_path / "page.txt"
    copy.write_text((HERE / "sample.wiki").read_text("utf-8"), "utf-8")
    forced = runner.invoke(cli, ["inspect", "--from", "plain", str(copy)])
    assert forced.exit_code == 1 and "the first line is not a title" in forced.output
    sniffed = runner.invoke(cli, ["inspect", "--json", str(HERE / "sample.wiki")])
    assert sniffed.exit_code == 0 and '"Latvia–Mexico relations"' in sniffed.output
    unknown = runner.invoke(cli, ["inspect", "--from", "pdf", str(copy)])
    assert unknown.exit_code == 2 and "choose from plain, wikitext" in unknown.output
