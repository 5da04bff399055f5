"""The Word dossier (reports/exporters/_docx/), read back with python-docx (the
LibreOffice conversion is in test_real_applications.py, once for the suite). Each
dossier is built once per module."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import RGBColor

from conftest import (SEED_IDS, docx_text, export_in_another_process, needs, reader_facts, soffice_to_pdf,
                      write_article)
from reports import facts_view
from reports.exporters import _docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

VARIANT_ARTICLE = """\
= Bosnia and Herzegovina–Peru relations =

The nations of Bosnia and Herzegovina and Peru established diplomatic relations in 1996. Both countries are members of the United Nations.

== Culture ==
A Peruvian film week was held in Sarajevo & Mostar.

- Bosnian literature translated into Spanish
== Historical background ==
Diplomatic relations were established on 3 May 1996.
=== Recent years ===
In 2015 a Peruvian delegation visited Sarajevo.
== Economic relations ==
In 2022, trade between both countries amounted to $284 million USD.
== Agreements ==
- Agreement on the Abolition of Visas (2008)
== Non-resident diplomatic missions ==
- Bosnia and Herzegovina is accredited to Peru from its embassy in Brasília, Brazil.
"""


# -- helpers that read a dossier back ----------------------------------------------------


def style_of(paragraph) -> str:
    return paragraph.style.name


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if style_of(p) == f"Heading {level}"]


def table_rows(document) -> set[tuple[str, ...]]:
    return {tuple(cell.text for cell in row.cells) for table in document.tables for row in table.rows}


def body_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def part_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def expected_headings(record, layout) -> list[str]:
    """The parts the record has something for (an empty part has no heading at all)."""
    has = {"key_facts": any(f.value != layout.label("none") for f in facts_view.key_facts(record, layout)), "summary": record.summary.strip(), "timeline": facts_view.timeline_rows(record),
           "visits": record.visits, "agreements": record.agreements, "trade": record.trade or record.exports,
           "missions": record.missions, "history": any(s.blocks for s in facts_view.history_sections(record)),
           "other_sections": facts_view.other_sections(record), "see_also": record.see_also, "sources": True}
    return [layout.label(part) for part in layout.order if has[part]]


# -- fixtures: every dossier built once ---------------------------------------------------


@pytest.fixture(scope="module")
def variant_record(tmp_path_factory):
    from reports.articles import load

    folder = tmp_path_factory.mktemp("articles")
    return load(str(write_article(folder, "bosnia-and-herzegovina-peru.txt", VARIANT_ARTICLE)))


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory, seed_records, variant_record, default_layout, spanish_layout):
    """{name: (path, warnings)} for the seed records (default and Spanish) and a variant."""
    out = tmp_path_factory.mktemp("docx")
    jobs = {record_id: (record, default_layout) for record_id, record in seed_records.items()}
    jobs["georgia-mexico-es"] = (seed_records["georgia-mexico"], spanish_layout)
    jobs["variant"] = (variant_record, default_layout)
    results = {}
    for name, (record, layout) in jobs.items():
        path = out / f"{name}.docx"
        results[name] = (path, _docx.export(record, layout, path))
    return results


@pytest.fixture(scope="module")
def documents(dossiers):
    return {name: docx.Document(str(path)) for name, (path, _) in dossiers.items()}


# -- structure and styles -----------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_IDS + ["variant"])
def test_headings_follow_the_layout_order(name, documents, seed_records, variant_record, default_layout):
    record = seed_records.get(name, variant_record)
    document = documents[name]
    assert headings(document, 1) == expected_headings(record, default_layout)
    assert [p.text for p in document.paragraphs if style_of(p) == "Title"] == [record.title]
    subtitle = next(p.text for p in document.paragraphs if style_of(p) == "Subtitle")
    assert all(country in subtitle for country in record.countries)


def test_spanish_layout_labels_everything(documents, seed_records, spanish_layout):
    document = documents["georgia-mexico-es"]
    assert headings(document, 1) == expected_headings(seed_records["georgia-mexico"], spanish_layout)
    assert "Notas del analista" in body_texts(document)
    assert ("8 de junio de 1992", "Acontecimiento") == next(
        row[:2] for row in table_rows(document) if row[0].startswith("8 de junio"))


def test_subsections_and_unknown_sections_keep_their_headings(documents):
    document = documents["variant"]
    assert "Recent years" in headings(document, 2)
    assert "Culture" in headings(document, 2)
    texts = body_texts(document)
    assert any(text.startswith("A Peruvian film week was held in Sarajevo & Mostar.") for text in texts)
    assert any(text.startswith("Bosnian literature translated into Spanish") for text in texts)


def test_every_paragraph_and_table_has_a_style_and_no_direct_formatting(dossiers, documents):
    for name, (path, _) in dossiers.items():
        body = docx.Document(str(path)).element.body
        # Keeping a section's last row with its notes is the one paragraph property set
        # in place; the script fonts (test_docx_fonts.py) the one run property.
        for p_pr in body.iter(qn("w:pPr")):
            assert [child.tag for child in p_pr] in ([W + "pStyle"], [W + "pStyle", W + "keepNext"], []), name
        for r_pr in body.iter(qn("w:rPr")):
            assert [child.tag for child in r_pr] == [W + "rStyle"], name
        for tc_pr in body.iter(qn("w:tcPr")):
            assert [child.tag for child in tc_pr] == [W + "tcW"], name
    used = {style_of(p) for p in documents["georgia-mexico"].paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Caption", "Quote",
            "Analyst Notes", "TOC Heading", "Normal"} <= used
    assert {table.style.name for table in documents["georgia-mexico"].tables} == {"Dossier Table"}


def test_styles_take_the_layout_fonts_and_colours(documents, default_layout):
    styles = documents["georgia-mexico"].styles
    heading = styles["Heading 1"].font
    assert heading.color.rgb == RGBColor.from_string(default_layout.colors["primary"].lstrip("#"))
    assert heading.name == default_layout.fonts.headings
    assert heading.size.pt == default_layout.fonts.heading_size
    assert styles["Analyst Notes"].type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
    assert styles["Citation"].type == docx.enum.style.WD_STYLE_TYPE.CHARACTER


def test_an_empty_analyst_notes_paragraph_follows_each_main_section(documents, default_layout):
    document = documents["georgia-mexico"]
    sections, current = [], None
    for paragraph in document.paragraphs:
        if style_of(paragraph) == "Heading 1":
            current = [paragraph.text, []]
            sections.append(current)
        elif current:
            current[1].append(paragraph)
    for heading, paragraphs in sections:
        notes = [p for p in paragraphs if style_of(p) == "Analyst Notes"]
        if heading in (default_layout.label("sources"), default_layout.label("see_also")):
            assert notes == []
        else:
            assert len(notes) == 1 and notes[0].text == "", heading
            assert paragraphs[-1] is notes[0] or paragraphs[-1]._p is notes[0]._p, heading


# -- facts: every one in a table (or list) with its source line ---------------------------


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_tables_hold_every_fact_with_its_line(record_id, documents, seed_records, default_layout):
    record, rows = seed_records[record_id], table_rows(documents[record_id])
    layout = default_layout

    def cite(line):
        return f"l. {line}"

    for visit in facts_view.told_dates(record):  # each at the most precise date the article gives
        assert (facts_view.date_label(visit.date, layout), visit.office, visit.person, cite(visit.line)) in rows
    for agreement in record.agreements:
        assert (facts_view.date_label(agreement.date, layout), agreement.title, cite(agreement.line)) in rows
    for trade in record.trade:
        assert (str(trade.year), facts_view.amount_label(trade.total_usd, layout),
                facts_view.money_label(trade.total_usd, layout), cite(trade.line)) in rows
    for mission in record.missions:
        assert (mission.country, mission.host, facts_view.mission_label(mission, layout),
                cite(mission.line)) in rows
    for entry in facts_view.timeline_rows(record):
        assert (facts_view.date_label(entry.date, layout), entry.kind.title(), entry.text, cite(entry.line)) in rows
    timeline = [row for row in rows if len(row) == 4 and row[1] in ("Event", "Visit")]
    assert len(timeline) == len(set(timeline)) == len(facts_view.timeline_rows(record))
    bullets = [p.text for p in documents[record_id].paragraphs if style_of(p) == "List Bullet"]
    for export in record.exports:
        for product in export.products:
            assert any(text.split("\u00a0[")[0] == product for text in bullets), product
    for item in record.see_also:
        assert any(text.split("\u00a0[")[0] == item for text in bullets)
    assert (layout.label("sha256"), record.source.sha256) in rows
    assert (layout.label("source_file"), record.source.path) in rows


def test_history_paragraphs_cite_their_lines(documents, seed_records):
    record = seed_records["georgia-mexico"]
    texts = body_texts(documents["georgia-mexico"])
    for section in facts_view.history_sections(record):
        for block in section.blocks:
            if block.type == "paragraph":
                assert f"{block.text}\u00a0[l. {block.line}]" in texts


# -- tables -------------------------------------------------------------------------------


def test_tables_repeat_their_header_never_split_rows_and_have_widths(documents, default_layout):
    text_width = (default_layout.page.width_mm - default_layout.page.margin_left_mm
                  - default_layout.page.margin_right_mm)
    for document in documents.values():
        assert document.tables
        for table in document.tables:
            rows = table._tbl.tr_lst
            assert rows[0].trPr.find(qn("w:tblHeader")) is not None
            assert all(row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
            assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
            widths = [column.width.mm for column in table.columns]
            assert sum(widths) == pytest.approx(text_width, abs=0.5)
            assert all(cell.width is not None for row in table.rows for cell in row.cells)
            assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


# -- document properties, fields, header and footer ----------------------------------------


def test_core_and_app_properties(dossiers, documents, seed_records, default_layout):
    record = seed_records["georgia-mexico"]
    props = documents["georgia-mexico"].core_properties
    assert props.title == record.title
    assert "Georgia" in props.subject and "Mexico" in props.subject
    assert props.keywords == "Georgia, Mexico"
    assert props.author == default_layout.document.author
    assert props.language == default_layout.metadata["language"]
    when = facts_view.document_datetime(record)
    assert props.created == props.modified == when
    app = part_xml(dossiers["georgia-mexico"][0], "docProps/app.xml")
    assert f"<Company>{default_layout.document.organisation}</Company>" in app
    styles = part_xml(dossiers["georgia-mexico"][0], "word/styles.xml")
    assert f'w:lang w:val="{default_layout.metadata["language"]}"' in styles


def test_toc_field_update_fields_header_and_page_field(dossiers, documents, seed_records):
    path = dossiers["georgia-mexico"][0]
    document_xml = part_xml(path, "word/document.xml")
    # Contents entries link to their headings' marks, the page a PAGEREF LibreOffice and Word fill.
    marks = re.findall(r'w:bookmarkStart w:id="\d+" w:name="(_Toc\d+)"', document_xml)
    refs = re.findall(r"<w:instrText xml:space=\"preserve\"> PAGEREF (_Toc\d+) \\h </w:instrText>", document_xml)
    assert refs and refs == marks
    assert '<w:updateFields w:val="true"/>' in part_xml(path, "word/settings.xml")
    section = documents["georgia-mexico"].sections[0]
    assert section.header.paragraphs[0].text == seed_records["georgia-mexico"].title
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    toc = [p.text.strip() for p in documents["georgia-mexico"].paragraphs if style_of(p) in ("toc 1", "toc 2")]
    assert toc[:3] == headings(documents["georgia-mexico"], 1)[:3]


def test_page_size_and_margins_come_from_the_layout(documents, default_layout):
    section = documents["georgia-mexico"].sections[0]
    assert section.page_width.mm == pytest.approx(default_layout.page.width_mm, abs=0.1)
    assert section.left_margin.mm == pytest.approx(default_layout.page.margin_left_mm, abs=0.1)


# -- determinism ---------------------------------------------------------------------------


def test_two_builds_are_byte_identical_also_in_another_process(dossiers, seed_records, default_layout, tmp_path):
    first = dossiers["georgia-mexico"][0].read_bytes()
    again = tmp_path / "again.docx"
    _docx.export(seed_records["georgia-mexico"], default_layout, again)
    assert again.read_bytes() == first
    assert export_in_another_process("docx", "georgia-mexico", "default", tmp_path / "elsewhere.docx") == first


def test_zip_entries_have_fixed_times_and_content_types_first(dossiers, seed_records):
    when = facts_view.document_datetime(seed_records["georgia-mexico"])
    with zipfile.ZipFile(dossiers["georgia-mexico"][0]) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    # Zip times have two-second steps; SOURCE_DATE_EPOCH may give any time of day.
    assert {info.date_time for info in infos} == {(*when.timetuple()[:5], when.second // 2 * 2)}
    assert "docProps/thumbnail.jpeg" not in {info.filename for info in infos}


def test_source_date_epoch_sets_the_dates(seed_records, default_layout, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = tmp_path / "epoch.docx"
    _docx.export(seed_records["mexico-slovenia"], default_layout, path)
    assert docx.Document(str(path)).core_properties.created.isoformat() == "2023-11-14T22:13:20+00:00"


# -- safety --------------------------------------------------------------------------------


HOSTILE = '=HYPERLINK("http://x","y") <b>bold</b> & co'


def test_hostile_text_is_stored_literally_and_control_characters_removed(seed_records, default_layout,
                                                                         tmp_path):
    record = seed_records["georgia-mexico"]
    hostile = dataclasses.replace(
        record, summary=HOSTILE + "\x07\x00",
        events=(dataclasses.replace(record.events[0], text=HOSTILE + "\x0b"),) + record.events[1:],
        visits=(dataclasses.replace(record.visits[0], person="Nika\x1f Gilauri"),) + record.visits[1:])
    path = tmp_path / "hostile.docx"
    warnings = _docx.export(hostile, default_layout, path)
    assert warnings and "control characters" in warnings[0]
    document = docx.Document(str(path))
    assert HOSTILE in body_texts(document)
    rows = table_rows(document)
    assert any(HOSTILE in row for row in rows)
    assert any("Nika Gilauri" in row for row in rows)
    xml = part_xml(path, "word/document.xml")
    assert "<w:hyperlink r:" not in xml and "<w:fldSimple" not in xml
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in xml
    codes = {element.text.strip().split(" _Toc")[0] for element in document.element.body.iter(qn("w:instrText"))}
    assert codes == {"PAGEREF"}
    assert "_rels/" not in xml and "http://x" not in part_xml(path, "word/_rels/document.xml.rels")


def test_only_the_exporters_own_field_codes_can_be_written():
    with pytest.raises(ValueError):
        _docx.field_code('HYPERLINK "http://x"')


# -- a user's corporate template ----------------------------------------------------------


@pytest.fixture(scope="module")
def corporate(tmp_path_factory, seed_records, default_layout):
    """A template whose Heading 1 is dark red Courier New and which has sample text."""
    folder = tmp_path_factory.mktemp("corporate")
    template = docx.Document()
    heading = template.styles["Heading 1"].font
    heading.color.rgb, heading.name = RGBColor(0xC0, 0x00, 0x00), "Courier New"
    template.add_paragraph("TEMPLATE SAMPLE TEXT")
    template.save(folder / "corporate.docx")
    options = dict(default_layout.options("docx"), template=str(folder / "corporate.docx"),
                   table_style="Light Grid Accent 1")
    layout = dataclasses.replace(default_layout, formats={**default_layout.formats, "docx": options})
    path = folder / "dossier.docx"
    _docx.export(seed_records["georgia-mexico"], layout, path)
    return docx.Document(str(path))


def test_a_user_template_gives_its_styles(corporate, seed_records):
    heading = corporate.styles["Heading 1"].font
    assert heading.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert heading.name == "Courier New"
    assert {table.style.name for table in corporate.tables} == {"Light Grid Accent 1"}
    assert "TEMPLATE SAMPLE TEXT" not in body_texts(corporate)
    # styles the template lacks are added, so the dossier is complete
    notes = [p for p in corporate.paragraphs if p.style.name == "Analyst Notes"]
    assert notes and notes[0].style.type == WD_STYLE_TYPE.PARAGRAPH
    assert headings(corporate, 1)[0] == "Key facts"
    assert seed_records["georgia-mexico"].title in body_texts(corporate)


def test_a_template_named_in_a_layout_file_is_found_next_to_it(tmp_path, seed_records):
    from reports.layout import load_layout

    _docx.save_template(load_layout("default"), tmp_path / "house.docx")
    house = docx.Document(str(tmp_path / "house.docx"))
    house.styles["Title"].font.color.rgb = RGBColor(0x00, 0x80, 0x00)
    house.save(tmp_path / "house.docx")
    (tmp_path / "house.toml").write_text('[docx]\ntemplate = "house.docx"\n', "utf-8")
    path = tmp_path / "dossier.docx"
    _docx.export(seed_records["mexico-slovenia"], load_layout(str(tmp_path / "house.toml")), path)
    assert docx.Document(str(path)).styles["Title"].font.color.rgb == RGBColor(0x00, 0x80, 0x00)


# -- LibreOffice ----------------------------------------------------------------------------



@pytest.mark.parametrize("record_id", SEED_IDS)
def test_every_fact_kind_is_in_the_dossier(record_id, dossiers, seed_records, default_layout):
    """Summary, key facts, trade sentences, see-also items, re-established date and every
    section paragraph, as a reader of the dossier finds them."""
    record, text = seed_records[record_id], docx_text(dossiers[record_id][0])
    # The dossier's trade table gives year and amounts, not the sentence they come from.
    wanted = [w for w in reader_facts(record, default_layout) if w not in {t.text for t in record.trade}]
    missing = [w for w in wanted if w not in text]
    assert not missing, missing


def test_visit_tables_list_each_direction_by_date(documents, seed_records):
    """lithuania-mexico's article lists a 2008 visit before two of 2002 and 2004; the
    history tells the 2002 ones as of January 2002, which the table shows."""
    tables = [t for t in documents["lithuania-mexico"].tables
              if t.rows[0].cells[0].text == "Date" and t.rows[0].cells[2].text == "Person"]
    first = [(row.cells[0].text, row.cells[2].text) for row in tables[0].rows[1:]]
    assert first == [("January 2002", "Valdas Adamkus"), ("January 2002", "Antanas Valionis"),
                     ("2004", "Arturas Paulauskas"),
                     ("2008", "Valdas Adamkus"), ("2008", "Oskaras Jusys")]


@needs("soffice", "pdftotext")
def test_libreoffice_fills_the_contents_page_numbers(dossiers, tmp_path):
    path = dossiers["lithuania-mexico"][0]
    text = subprocess.run(["pdftotext", "-layout", str(soffice_to_pdf([path], tmp_path)[path]), "-"],
                          capture_output=True, text=True, check=True).stdout
    contents = re.findall(r"^\s*(Key facts|Timeline|Sources)\s*\.{3,}\s*(\d+)\s*$", text, re.M)
    assert [name for name, _ in contents] == ["Key facts", "Timeline", "Sources"]
    assert int(contents[0][1]) == 1 and int(contents[-1][1]) > 1


def test_no_part_is_written_for_what_the_record_lacks(tmp_path, default_layout):
    from reports.articles import load

    article = write_article(tmp_path, "chile-ghana.txt", "= Chile–Ghana relations =\n\n"
                            "Chile and Ghana have relations.\n\n==History==\nThe two met in 1990.\n")
    record = load(str(article))
    path = tmp_path / "chile-ghana.docx"
    _docx.export(record, default_layout, path)
    document = docx.Document(str(path))
    found = headings(document, 1)
    assert found == expected_headings(record, default_layout)
    for part in ("visits", "agreements", "trade", "missions", "see_also"):
        assert default_layout.label(part) not in found
    assert default_layout.label("none") not in body_texts(document)
    # one notes box per part written, none for the sources
    assert sum(1 for p in document.paragraphs if style_of(p) == "Analyst Notes") == len(found) - 1
