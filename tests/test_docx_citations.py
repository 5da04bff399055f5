"""The dossier of a cited record: superscript note numbers linked to a References
section whose addresses are real hyperlinks; the article's tables as Word tables."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn

from cited import CITATIONS, cited_record
from reports.exporters import _docx

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@pytest.fixture(scope="module")
def dossier(seed_records, default_layout, tmp_path_factory):
    path = tmp_path_factory.mktemp("docx-cited") / "cited.docx"
    assert _docx.export(cited_record(seed_records["georgia-mexico"]), default_layout, path) == []
    return Document(path)


def _paragraph_after(document, heading: str):
    """The paragraphs after the heading (its last occurrence: the contents list it too)."""
    texts = [p.text for p in document.paragraphs]
    at = len(texts) - 1 - texts[::-1].index(heading)
    return document.paragraphs[at + 1:]


def _superscripts(element, document) -> list[str]:
    """Texts of the runs styled Note Reference (a superscript character style)."""
    style = document.styles["Note Reference"]
    assert style.font.superscript
    out = []
    for run in element.iter(qn("w:r")):
        name = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if name is not None and name.get(qn("w:val")) == style.style_id:
            out.append("".join(t.text for t in run.iter(qn("w:t"))))
    return out


def test_references_section_with_real_hyperlinks(dossier):
    entries = _paragraph_after(dossier, "References")[:len(CITATIONS)]
    assert entries[0].text.startswith("1. Relaciones <b>bilaterales</b> & más. SRE. 3 November 2021. "
                                      "Accessed 18 November 2021")
    assert [p.text.split(".")[0] for p in entries] == [str(n) for n in range(1, len(CITATIONS) + 1)]
    rels = dossier.part.rels
    targets = []
    for p in entries:
        for link in p._p.iter(qn("w:hyperlink")):
            rel = rels[link.get(R_ID)]
            assert rel.is_external
            targets.append(rel.target_ref)
    assert targets == ["https://sre.gob.mx/relaciones?a=1&b=2'x", "https://example.org/un"]
    assert "javascript:alert(1)" in entries[2].text  # shown, never linked
    bookmarks = [b.get(qn("w:name")) for p in entries for b in p._p.iter(qn("w:bookmarkStart"))]
    assert bookmarks == [f"ref_{n}" for n in range(1, len(CITATIONS) + 1)]


def test_note_numbers_in_tables_and_paragraphs_link_to_references(dossier):
    body = dossier.element.body
    anchors = {link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink")) if link.get(qn("w:anchor"))}
    assert {"ref_1", "ref_2", "ref_3", "ref_4", "ref_5"} <= anchors
    visits = [t for t in dossier.tables if t.rows[0].cells[1].text == "Office"][0]
    assert visits.rows[1].cells[-1].text.replace(" ", "").endswith("1")  # "l. 19" then note 1
    assert "1" in _superscripts(visits.rows[1]._tr, dossier)
    paragraph = next(p for p in dossier.paragraphs if p.text.startswith("A cited paragraph"))
    assert _superscripts(paragraph._p, dossier) == ["2"]
    assert paragraph.text == "A cited paragraph about <b>trade</b> & more.2\u00a0[l. 89]"
    item = next(p for p in dossier.paragraphs if p.text.startswith("Second item"))
    assert item.text == "Second item5"


def test_table_blocks_are_word_tables(dossier):
    table = next(t for t in dossier.tables if t.rows[0].cells[0].text == "Year" and t.rows[0].cells[1].text == "Visitor")
    assert [c.text for c in table.rows[1].cells[:2]] == ["2009", "Senator A & B"]
    assert table.rows[2].cells[1].text == "Minister <C>"
    assert _superscripts(table.rows[2]._tr, dossier) == ["3", ",", "4"]
    assert table.rows[2].cells[2].text.startswith("l. 93")


def test_plain_dossiers_gain_nothing(seed_records, default_layout, tmp_path):
    path = tmp_path / "plain.docx"
    _docx.export(seed_records["lithuania-mexico"], default_layout, path)
    document = Document(path)
    assert "References" not in [p.text for p in document.paragraphs]
    assert "Note Reference" not in [s.name for s in document.styles]
    assert not any(r.reltype.endswith("/hyperlink") for r in document.part.rels.values())


def test_spanish_heading(seed_records, spanish_layout, tmp_path):
    _docx.export(cited_record(seed_records["georgia-mexico"]), spanish_layout, tmp_path / "es.docx")
    assert "Referencias" in [p.text for p in Document(tmp_path / "es.docx").paragraphs]


def test_wikitext_dossier_links_its_refs(default_layout, tmp_path):
    from reports.articles import load

    _docx.export(load("tests/wiki/sample.wiki"), default_layout, tmp_path / "w.docx")
    document = Document(tmp_path / "w.docx")
    targets = {r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")}
    assert {"https://sre.gob.mx/x", "https://example.org/un", "https://a.lv/v"} <= targets
