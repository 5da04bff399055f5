"""The parts of a dossier that python-docx does not show: styles, settings, package
relationships and properties, read back from the file's XML. Word refuses or repairs a
file whose parts are wrong, and a wrong style changes every heading at once."""

from __future__ import annotations

import dataclasses
import zipfile

import pytest
from lxml import etree

from cited import cited_record
from conftest import SEED_IDS
from reports.exporters import _docx
from reports.model import Citation

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _xml(path, part: str):
    return etree.fromstring(zipfile.ZipFile(path).read(part))


def _style(styles, name: str):
    found = [s for s in styles.iterfind("w:style", NS) if s.find("w:name", NS).get(f"{{{W}}}val") == name]
    assert len(found) == 1, name
    return found[0]


@pytest.fixture(scope="module")
def cited_dossier(seed_records, default_layout, tmp_path_factory):
    base = seed_records["georgia-mexico"]
    record = cited_record(base)
    # A reference that gives nothing but its id still shows the id.
    record = dataclasses.replace(record, citations=record.citations + (Citation("bare-ref"),),
                                 events=(dataclasses.replace(record.events[0], cites=("bare-ref",)),
                                         *record.events[1:]))
    path = tmp_path_factory.mktemp("docx-parts") / "cited.docx"
    _docx.export(record, default_layout, path)
    return path


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_every_part_is_well_formed_xml(record_id, default_build):
    out, _ = default_build
    with zipfile.ZipFile(out / f"{record_id}.docx") as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # raises on a wrong prefix or markup


def test_headings_are_styled_from_the_layout(default_build, default_layout):
    out, _ = default_build
    styles = _xml(out / "georgia-mexico.docx", "word/styles.xml")
    heading = _style(styles, "heading 1")
    size = heading.find("w:rPr/w:sz", NS).get(f"{{{W}}}val")
    assert int(size) == round(default_layout.fonts.heading_size * 2)
    assert heading.find("w:pPr/w:keepNext", NS) is not None
    bottom = heading.find("w:pPr/w:pBdr/w:bottom", NS)
    assert bottom is not None and bottom.get(f"{{{W}}}val") == "single"
    assert heading.find("w:pPr/w:outlineLvl", NS).get(f"{{{W}}}val") == "0"
    italic = [s for s in styles.iterfind("w:style", NS) if s.find("w:rPr/w:i", NS) is not None]
    assert italic  # the layout's italic style (captions, quotes) is italic
    assert _style(styles, "toc 1").find("w:rPr/w:b", NS) is not None
    kinds = {s.get(f"{{{W}}}type") for s in styles.iterfind("w:style", NS)}
    assert kinds <= {"paragraph", "character", "table", "numbering"}


def test_fields_update_when_opened_and_the_package_names_its_properties(default_build):
    out, _ = default_build
    path = out / "georgia-mexico.docx"
    update = _xml(path, "word/settings.xml").find("w:updateFields", NS)
    assert update.get(f"{{{W}}}val") == "true"  # ST_OnOff: "TRUE" is not a value Word knows
    rels = _xml(path, "_rels/.rels")
    targets = {r.get("Type").rsplit("/", 1)[1]: r.get("Target") for r in rels}
    assert targets["extended-properties"].lstrip("/") == "docProps/app.xml"
    assert targets["core-properties"].lstrip("/") == "docProps/core.xml"
    app = _xml(path, "docProps/app.xml")
    template = app.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Template")
    assert template is not None and (template.text or "") == ""


def test_core_properties_name_the_relationship(default_build, default_layout):
    import docx

    out, _ = default_build
    props = docx.Document(str(out / "georgia-mexico.docx")).core_properties
    assert props.subject == f"{default_layout.label('relations')}: Georgia – Mexico"


def test_a_long_property_is_cut_to_what_word_keeps(seed_records, default_layout, tmp_path):
    import docx

    for length in (255, 400):
        title = "G" * (length - len(" relations")) + " relations"
        record = dataclasses.replace(seed_records["georgia-mexico"], title=title)
        path = tmp_path / f"{length}.docx"
        _docx.export(record, default_layout, path)
        props = docx.Document(str(path)).core_properties
        assert len(props.title) == min(len(title), 255)
        assert props.title == (title if len(title) <= 255 else title[:254] + "…")


def test_every_table_spans_the_text_width(default_build, default_layout):
    out, _ = default_build
    page = default_layout.page
    text_width = (page.width_mm - page.margin_left_mm - page.margin_right_mm) / 25.4 * 1440
    body = _xml(out / "lithuania-mexico.docx", "word/document.xml")
    tables = body.findall(".//w:tbl", NS)
    assert tables
    for table in tables:
        widths = [int(col.get(f"{{{W}}}w")) for col in table.iterfind("w:tblGrid/w:gridCol", NS)]
        assert abs(sum(widths) - text_width) <= len(widths) + 1


def test_note_references_are_superscript_and_links_underlined(cited_dossier):
    styles = _xml(cited_dossier, "word/styles.xml")
    note = _style(styles, "Note Reference")
    assert note.find("w:rPr/w:vertAlign", NS).get(f"{{{W}}}val") == "superscript"
    link = _style(styles, "Hyperlink")
    assert link.find("w:rPr/w:u", NS).get(f"{{{W}}}val") == "single"
    # Styles hold properties, never loose text (Word repairs a file with it).
    assert [e.tag for e in styles.iter() if (e.text or "").strip() or (e.tail or "").strip()] == []


def test_a_reference_with_nothing_but_its_id_shows_the_id(cited_dossier):
    import docx

    texts = [p.text for p in docx.Document(str(cited_dossier)).paragraphs]
    assert any(text.strip().endswith("bare-ref") for text in texts), texts[-8:]


def test_the_title_style_and_reference_colours_come_from_the_layout(default_build, cited_dossier, default_layout):
    import docx

    document = docx.Document(str(default_build[0] / "georgia-mexico.docx"))
    assert document.paragraphs[0].style.name == "Title"
    styles = _xml(cited_dossier, "word/styles.xml")
    primary = default_layout.colors["primary"].lstrip("#").upper()
    for name in ("Note Reference", "Hyperlink"):
        assert _style(styles, name).find("w:rPr/w:color", NS).get(f"{{{W}}}val").upper() == primary


def test_export_captions_name_both_countries_and_cite_their_line(default_build, seed_records, default_layout):
    import docx

    out, _ = default_build
    record = seed_records["georgia-mexico"]
    texts = [p.text for p in docx.Document(str(out / "georgia-mexico.docx")).paragraphs]
    for export in record.exports:
        caption = default_layout.label("exports_from_to", origin=export.from_, destination=export.to)
        cite = default_layout.label("line_cite", line=export.line)
        assert any(text.startswith(caption) and cite in text for text in texts), (caption, cite)
