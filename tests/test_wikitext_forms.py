"""The wikitext reader on the forms real English-Wikipedia pages use: ref forms, table
shapes, lists, wrappers, comments, multi-line templates, and markup left unbalanced."""

import pytest

from reports.readers import wikitext

NAME = "Latvia–Mexico relations.wiki"


def parse(text: str):
    return wikitext.parse(text, "t.wiki", file_name=NAME)


def blocks(article):
    return [block for section in article.sections for block in section.blocks]


def record(tmp_path, text: str):
    from reports.articles import read

    path = tmp_path / NAME
    path.write_text(text, "utf-8")
    return read(path)


# -- refs -------------------------------------------------------------------------------------

def test_named_ref_reused_before_and_after_its_definition(tmp_path):
    result = record(tmp_path, "Lead.<ref name=a/>\n\n== History ==\nIn 2001 X.<ref name=\"a\">"
                              "{{cite web|url=https://a.x|title=A}}</ref> In 2002 Y.<ref name=a />\n")
    assert [(c.id, c.url) for c in result.record.citations] == [("a", "https://a.x")]
    assert [e.cites for e in result.record.events] == [("a",), ("a",)]
    assert result.warnings == []


def test_list_defined_refs_in_reflist_refs(tmp_path):
    result = record(tmp_path, "Lead.<ref name=late/>\n\n== References ==\n{{Reflist|refs=\n"
                              "<ref name=late>{{cite news|url=https://late.x|title=L|work=W}}</ref>\n}}\n")
    assert [(c.id, c.url, c.title, c.publisher) for c in result.record.citations] == [
        ("late", "https://late.x", "L", "W")]
    assert result.warnings == []


def test_sfn_and_r_templates_are_citations(tmp_path):
    result = record(tmp_path, "Lead.<ref name=a>https://a.x</ref>\n\n== History ==\n"
                              "In 2001 X.{{r|a}} In 2002 Y.{{sfn|Smith|2009|p=4}} In 2003 Z.{{sfn|Smith|2009|p=4}}\n")
    assert [(c.id, c.title) for c in result.record.citations] == [("a", None), ("sfn-Smith-2009", "Smith 2009")]
    assert [e.cites for e in result.record.events] == [("a",), ("sfn-Smith-2009",), ("sfn-Smith-2009",)]


def test_group_refs_and_their_reflist_are_not_body_text(tmp_path):
    result = record(tmp_path, "Lead.\n\n== History ==\nIn 2001 X.<ref group=\"n\">A note.</ref>\n\n"
                              "== Notes ==\n{{reflist|group=n}}\n")
    assert [s.heading for s in result.record.sections] == ["History"]
    assert result.record.events[0].text == "In 2001 X."


def test_bare_url_bracketed_url_and_cite_without_url(tmp_path):
    result = record(tmp_path, "Lead.<ref>https://bare.x/p</ref> Two.<ref>[https://br.x Br title]</ref> "
                              "Three.<ref>{{cite journal|last=A|title=T|journal=J|year=2000}}</ref>\n")
    assert [(c.url, c.title) for c in result.record.citations] == [
        ("https://bare.x/p", None), ("https://br.x", "Br title"), (None, "T")]


def test_archived_cite_keeps_the_original_url(tmp_path):
    result = record(tmp_path, "Lead.<ref>{{cite web|url=https://a.x|archive-url=https://web.archive.org/a"
                              "|title=T|archive-date=1 May 2020|url-status=dead}}</ref>\n")
    assert result.record.citations[0].url == "https://a.x"


def test_ref_name_with_spaces_and_quotes(tmp_path):
    result = record(tmp_path, "Lead.<ref name = \"a b\" >https://a.x</ref> X.<ref name=\"a b\"/>\n")
    assert [c.id for c in result.record.citations] == ["a b"]


# -- tables -----------------------------------------------------------------------------------

def test_table_with_caption_and_header_cells_on_their_own_lines():
    article, _ = parse("Lead.\n\n== History ==\n{|\n|+ Cap\n|-\n! A\n! B\n|-\n| 1\n| 2\n|}\n")
    table = blocks(article)[0]
    assert (table.caption.text, table.header, [r.cells for r in table.rows]) == ("Cap", ["A", "B"], [("1", "2")])
    assert [r.line for r in table.rows] == [10]


def test_table_without_header():
    article, _ = parse("Lead.\n\n== History ==\n{| class=wikitable\n|-\n| a || b\n|-\n| c || d\n|}\n")
    table = blocks(article)[0]
    assert table.header == [] and [(r.cells, r.line) for r in table.rows] == [(("a", "b"), 6), (("c", "d"), 8)]


def test_colspan_cell_attributes_and_br_in_cells():
    article, _ = parse("Lead.\n\n== History ==\n{| class=wikitable\n! Year !! Visitor\n|-\n"
                       "| colspan=2 | none\n|-\n| 2001 || style=\"color:red\" | A<br />B\n|}\n")
    # The reader keeps a cell's line breaks; the record's table reads them as one text.
    assert [r.cells for r in blocks(article)[0].rows] == [("none", "none"), ("2001", "A\nB")]


def test_a_visits_cell_listing_several_visitors_gives_a_visit_each(tmp_path):
    """Real visits tables list a delegation in one cell: by <br>, {{ubl}} or a bulleted list,
    offices in their own column line for line, or with each name."""
    result = record(tmp_path, "Lead.\n\n== Visits ==\n{| class=\"wikitable\"\n"
                              "! From !! To !! Office !! Visitor !! Year\n"
                              "|-\n| Latvia || Mexico || President<br />Foreign Minister || A Ozols<br />B Liepa "
                              "|| 2001\n"
                              "|-\n| Mexico || Latvia || || {{ubl|Senator C Ruiz|Governor D Soto}} || 2003\n"
                              "|-\n| Mexico || Latvia || Minister ||\n* E Gil\n* F Paz\n| 2005\n|}\n")
    assert [(v.from_, v.to, v.office, v.person, v.date, v.line) for v in result.record.visits] == [
        ("Latvia", "Mexico", "President", "A Ozols", "2001", 7),
        ("Latvia", "Mexico", "Foreign Minister", "B Liepa", "2001", 7),
        ("Mexico", "Latvia", "Senator", "C Ruiz", "2003", 9),
        ("Mexico", "Latvia", "Governor", "D Soto", "2003", 9),
        ("Mexico", "Latvia", "Minister", "E Gil", "2005", 11),
        ("Mexico", "Latvia", "Minister", "F Paz", "2005", 11)]


def test_a_title_row_above_the_header_is_the_tables_caption_and_a_note_line_stays_with_its_visitor(tmp_path):
    result = record(tmp_path, "Lead.\n\n== Visits ==\n{| class=\"wikitable\"\n|-\n"
                              "! colspan=\"2\" | High-level visits from Latvia to Mexico\n|-\n! Year !! Visitor\n"
                              "|-\n| {{dts|2008|11}} || Prime Minister A Ozols<br />(APEC summit in [[Lima]])\n"
                              "|-\n| 2016 || President B Liepa\n|}\n")
    assert [(v.from_, v.to, v.office, v.person, v.date) for v in result.record.visits] == [
        ("Latvia", "Mexico", "Prime Minister", "A Ozols", "2008-11"), ("Latvia", "Mexico", "President", "B Liepa", "2016")]
    assert result.warnings == []
    table = next(b for s in result.record.sections for b in s.blocks if b.type == "table")
    assert (table.caption, list(table.header)) == ("High-level visits from Latvia to Mexico", ["Year", "Visitor"])


def test_a_record_table_reads_a_cells_lines_as_one_text(tmp_path):
    result = record(tmp_path, "Lead.\n\n== Missions ==\n{| class=\"wikitable\"\n! City !! Mission\n"
                              "|-\n| Riga || Embassy<br>Trade office\n|}\n")
    tables = [b for s in result.record.sections for b in s.blocks if b.type == "table"]
    assert [list(row) for row in tables[0].rows] == [["Riga", "Embassy Trade office"]]


def test_a_visits_column_of_one_direction_lists_each_line_of_a_cell(tmp_path):
    result = record(tmp_path, "Lead.\n\n== Visits ==\n{| class=\"wikitable\"\n"
                              "! Latvian visits to Mexico !! Mexican visits to Latvia\n"
                              "|-\n| President A Ozols (2001)<br>Foreign Minister B Liepa (2002) "
                              "|| Senator C Ruiz (2003)\n|}\n")
    assert [(v.from_, v.to, v.person, v.date) for v in result.record.visits] == [
        ("Latvia", "Mexico", "A Ozols", "2001"), ("Latvia", "Mexico", "B Liepa", "2002"),
        ("Mexico", "Latvia", "C Ruiz", "2003")]


def test_rowspans_fill_down_and_rows_name_their_cell_lines(tmp_path):
    result = record(tmp_path, "Lead.\n\n== Visits ==\n{| class=\"wikitable\"\n! From !! To !! Visitor !! Year\n"
                              "|-\n| rowspan=\"2\" | Latvia || rowspan=\"2\" | Mexico || President A || 2001\n"
                              "|-\n| Minister B || 2002\n|-\n| Mexico || Latvia || Senator C || 2003\n|}\n")
    assert [(v.from_, v.to, v.person, v.date, v.line) for v in result.record.visits] == [
        ("Latvia", "Mexico", "A", "2001", 7), ("Latvia", "Mexico", "B", "2002", 9),
        ("Mexico", "Latvia", "C", "2003", 11)]


# -- lists, wrappers, comments, multi-line templates ------------------------------------------

def test_nested_and_mixed_lists_are_items():
    article, _ = parse("Lead.\n\n== History ==\n* a\n*# b\n*: cont\n** c\n")
    assert [item.text for item in blocks(article)[0].items] == ["a", "b", "cont", "c"]


@pytest.mark.parametrize("opening, closing", [("{{div col|colwidth=20em}}", "{{div col end}}"),
                                              ("{{Div col begin}}", "{{Div col end}}"),
                                              ("<div style=\"column-count:2\">", "</div>")])
def test_column_wrappers_keep_their_list(opening, closing):
    article, _ = parse(f"Lead.\n\n== See also ==\n{opening}\n* A\n* B\n{closing}\n")
    assert [[item.text for item in b.items] for b in blocks(article)] == [["A", "B"]]


def test_comment_over_lines_is_dropped_and_lines_stay_true():
    article, _ = parse("Lead.\n\n== History ==\nA<!-- x\ny\nz -->B.\n\nC.\n")
    assert [(b.text.text, b.text.line) for b in blocks(article)] == [("AB.", 4), ("C.", 8)]


def test_template_over_several_lines_inside_a_paragraph():
    article, _ = parse("Lead.\n\n== History ==\nIn 2001 {{convert\n|100\n|km}} away. Next.\n\nD.\n")
    assert [(b.text.text, b.text.line) for b in blocks(article)] == [("In 2001 100 km away. Next.", 4), ("D.", 8)]


@pytest.mark.parametrize("source, shown", [
    ("{{Flag|Latvia|name=Republic of Latvia}}", "Republic of Latvia"),
    ("{{flagu|Mexico}} and {{flag country|Chile}}", "Mexico and Chile"),
    ("{{flagdeco|Peru}}Peru", "Peru"),
    ("{{hlist|A|B|C}}", "A, B, C"),
    ("Lead &ndash; with &amp; more", "Lead – with & more"),
    ("H<sub>2</sub>O <small>(2001)</small>", "H2O (2001)"),
    ("<nowiki>[[x]]</nowiki> done", "[[x]] done"),
])
def test_more_inline_forms(source, shown):
    article, _ = parse(f"Lead.\n\n== History ==\n{source}\n")
    assert blocks(article)[0].text.text == shown


# -- unbalanced markup: a warning with its line, never a traceback ---------------------------

@pytest.mark.parametrize("source, marker", [
    ("In 2001 {{cite web|url=x\n\nMore.", "{{"),
    ("In 2001 X.<ref>never closed\n\nMore.", "<ref>"),
    ("In 2001 X.}}\n\nMore.", "}}"),
    ("{|\n| a\n\nMore.", "{|"),
])
def test_unbalanced_markup_is_a_warning_naming_its_line(tmp_path, source, marker):
    result = record(tmp_path, f"Lead.\n\n== History ==\n{source}\n")
    assert result.record is not None
    assert [(w.line, w.message) for w in result.warnings] == [(4, f"unbalanced {marker!r}: shown as text")]


@pytest.mark.parametrize("source", ["{{", "}}", "<ref>", "<ref name=x>", "{|", "|}", "[[", "]]", "{{{{", "<!--",
                                    "{{Infobox bilateral relations|", "<ref name=a/><ref name=a>", "{| \n|-\n|",
                                    "'''''", "==", "= =", "{{cite web|url=}}", "<references/>"])
def test_fragments_never_traceback(tmp_path, source):
    from reports.errors import ArticleError

    try:
        parse(f"Lead.\n\n== History ==\n{source}\n")
        parse(source)
    except ArticleError as error:
        assert "\n" not in str(error)


def test_short_citations_take_their_work_from_the_bibliography(tmp_path):
    result = record(tmp_path, "Lead.\n\n== History ==\n"
                              "In 2001 X.{{sfn|Smith|Jones|2009|p=4}} In 2002 Y.<ref>{{harvnb|Ministry of Foreign Affairs|2015}}</ref>"
                              " In 2003 Z.{{sfn|Brown|1999}}\n\n"
                              "== Bibliography ==\n"
                              "* {{cite book |last1=Smith |first1=Ann |last2=Jones |first2=Bo |year=2009 "
                              "|title=Baltic Envoys |publisher=Vaga |url=https://books.example/envoys}}\n"
                              "* {{cite web |author=Ministry of Foreign Affairs |date=3 May 2015 |title=Bilateral relations"
                              " |url=https://mfa.example/rel}}\n"
                              "* {{cite book |last=Smith |year=2010 |title=Another Book}}\n")
    by_id = {c.id: c for c in result.record.citations}
    envoys = by_id["sfn-Smith-Jones-2009"]
    assert (envoys.title, envoys.publisher, envoys.url, envoys.date) == (
        "Baltic Envoys", "Vaga", "https://books.example/envoys", "2009")
    assert [(c.title, c.url, c.date) for c in result.record.citations if c.id == "c1"] == [
        ("Bilateral relations", "https://mfa.example/rel", "2015-05-03")]
    # A short citation no work matches keeps its short form.
    assert (by_id["sfn-Brown-1999"].title, by_id["sfn-Brown-1999"].url) == ("Brown 1999", None)


def test_footnote_templates_are_citations_with_their_text(tmp_path):
    # {{refn}} crashed the reader (a template has no tag contents); {{efn}} was dropped.
    result = record(tmp_path, "Lead.\n\n== History ==\nIn 2001 X.{{refn|group=note|A note, see "
                              "[https://n.example the list].}} In 2002 Y.{{efn|Explained here.}}\n")
    assert [(c.id, c.url, c.title) for c in result.record.citations] == [
        ("c1", "https://n.example", "A note, see the list"), ("c2", None, "Explained here.")]
    assert [e.cites for e in result.record.events] == [("c1",), ("c2",)]
    assert result.error is None


def test_every_fact_kind_takes_the_refs_of_its_sentence(tmp_path):
    result = record(tmp_path, "Lead.\n\n== History ==\nIn 2001 X happened.<ref name=h>H</ref>\n\n"
                              "== Agreements ==\n* Treaty of Friendship (1965)<ref name=t>T</ref>\n"
                              "* Agreement on Culture (1970)\n\n"
                              "== Trade ==\nIn 2022, trade between both nations totaled US$5 million.<ref name=m>M</ref>\n")
    facts = result.record
    assert [e.cites for e in facts.events] == [("h",)]
    assert [(a.title, a.cites) for a in facts.agreements] == [("Treaty of Friendship", ("t",)),
                                                              ("Agreement on Culture", ())]
    assert [t.cites for t in facts.trade] == [("m",)]
