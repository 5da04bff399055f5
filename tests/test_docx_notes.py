"""Analysts' notes carried from an old dossier into the rebuilt one
(reports/exporters/_docx/notes.py), read back with python-docx; one dossier re-saved
by LibreOffice first."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import needs
from reports.context import ExportContext
from reports.exporters import _docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def notes_paragraph(document, part: str):
    """The (first) notes paragraph of a part: the one after its notes heading."""
    body = list(document.element.body)
    for index, element in enumerate(body):
        names = [m.get(qn("w:name")) for m in element.iter(qn("w:bookmarkStart"))]
        if f"rpt_notes_{part}" in names:
            return docx.text.paragraph.Paragraph(body[index + 1], document._body)
    raise AssertionError(f"no notes heading for {part}")


def type_notes(path: Path) -> None:
    """What an analyst types: formatted runs, a second paragraph, a small table."""
    document = docx.Document(str(path))
    summary = notes_paragraph(document, "summary")
    summary.add_run("Minister keen on ")
    summary.add_run("water agreement").bold = True
    summary.add_run(" before June.").italic = True
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Contact", "Ms. Ortega"
    summary._p.addnext(table._tbl)
    notes_paragraph(document, "missions").add_run("Consulate in Tbilisi to reopen?")
    notes_paragraph(document, "visits").add_run("Check the 2019 visit date.")
    document.save(str(path))


def texts_after_notes(path: Path, part: str) -> str:
    document = docx.Document(str(path))
    body = list(document.element.body)
    start = next(i for i, e in enumerate(body)
                 if f"rpt_notes_{part}" in [m.get(qn("w:name")) for m in e.iter(qn("w:bookmarkStart"))])
    text = []
    for element in body[start + 1:]:
        if any((m.get(qn("w:name")) or "").startswith("rpt_") for m in element.iter(qn("w:bookmarkStart"))):
            break
        for paragraph in element.iter(qn("w:p")):
            text.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return " ".join(text)


def rebuild(record, layout, path: Path) -> list[str]:
    fresh = path.with_name("fresh.docx")
    warnings = _docx.export(record, layout, fresh, ExportContext(previous=str(path)))
    shutil.move(fresh, path)
    return warnings


@pytest.fixture
def annotated(tmp_path, seed_records, default_layout):
    path = tmp_path / "georgia-mexico.docx"
    _docx.export(seed_records["georgia-mexico"], default_layout, path)
    type_notes(path)
    return path


def test_notes_come_back_under_the_same_parts_with_their_formatting(annotated, seed_records, default_layout):
    assert rebuild(seed_records["georgia-mexico"], default_layout, annotated) == []
    assert "Minister keen on water agreement before June." in texts_after_notes(annotated, "summary")
    assert "Contact Ms. Ortega" in texts_after_notes(annotated, "summary")
    assert "Consulate in Tbilisi to reopen?" in texts_after_notes(annotated, "missions")
    assert "Check the 2019 visit date." in texts_after_notes(annotated, "visits")
    runs = notes_paragraph(docx.Document(str(annotated)), "summary").runs
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in runs] == [
        ("Minister keen on ", False, False), ("water agreement", True, False), (" before June.", False, True)]


def test_notes_survive_a_changed_language(annotated, seed_records, spanish_layout):
    rebuild(seed_records["georgia-mexico"], spanish_layout, annotated)
    assert "Minister keen on water agreement" in texts_after_notes(annotated, "summary")
    assert notes_paragraph(docx.Document(str(annotated)), "summary").style.name == "Analyst Notes"


def test_notes_of_a_part_the_layout_dropped_go_to_the_closing_section(annotated, seed_records, default_layout):
    layout = dataclasses.replace(default_layout, order=tuple(p for p in default_layout.order if p != "missions"))
    rebuild(seed_records["georgia-mexico"], layout, annotated)
    document = docx.Document(str(annotated))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-2:] == ["Notes carried from earlier builds", "Diplomatic missions"]
    assert "Consulate in Tbilisi to reopen?" in document.paragraphs[-1].text
    # ... and they stay there through the next build.
    rebuild(seed_records["georgia-mexico"], layout, annotated)
    assert "Consulate in Tbilisi to reopen?" in docx.Document(str(annotated)).paragraphs[-1].text


@needs("soffice")
def test_notes_survive_a_libreoffice_resave(annotated, seed_records, default_layout, tmp_path):
    saved = tmp_path / "saved"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "docx", "--outdir", str(saved), str(annotated)],
                   check=True, capture_output=True, timeout=180)
    resaved = saved / annotated.name
    rebuild(seed_records["georgia-mexico"], default_layout, resaved)
    assert "Minister keen on water agreement before June." in texts_after_notes(resaved, "summary")
    assert "Contact Ms. Ortega" in texts_after_notes(resaved, "summary")
    assert "Consulate in Tbilisi to reopen?" in texts_after_notes(resaved, "missions")


def test_an_unreadable_old_dossier_is_no_obstacle(tmp_path, seed_records, default_layout):
    old = tmp_path / "old.docx"
    old.write_bytes(b"PK\x03\x04 truncated")
    assert _docx.export(seed_records["georgia-mexico"], default_layout, tmp_path / "new.docx",
                        ExportContext(previous=str(old))) == []


def test_style_names_maps_every_style_id_of_a_dossier_to_its_name(seed_records, default_layout, tmp_path):
    """A carried note whose style the new dossier lacks finds its style by name: the old
    package's id -> name table must hold every style, as python-docx reads them."""
    import zipfile

    from reports.exporters._docx import notes

    path = tmp_path / "a.docx"
    _docx.export(seed_records["georgia-mexico"], default_layout, path)
    with zipfile.ZipFile(path) as archive:
        names = notes.style_names(archive.read("word/styles.xml"))
    expected = {style.styleId: style.name_val for style in docx.Document(str(path)).styles.element.style_lst
                if style.name_val is not None}
    assert names == expected and len(names) > 10
    assert names["Heading1"].casefold() == "heading 1"


def test_notes_of_a_part_the_article_lost_are_carried_not_dropped(annotated, seed_records, default_layout):
    """A part the record has nothing for has no heading and no notes box, so the notes
    typed under it go to the closing section, and come back when the part does."""
    record = seed_records["georgia-mexico"]
    rebuild(dataclasses.replace(record, missions=()), default_layout, annotated)
    document = docx.Document(str(annotated))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert default_layout.label("missions") not in headings
    assert headings[-1] == default_layout.label("earlier_notes")
    assert "Consulate in Tbilisi to reopen?" in document.paragraphs[-1].text
    assert "Check the 2019 visit date." in texts_after_notes(annotated, "visits")
    rebuild(record, default_layout, annotated)
    assert "Consulate in Tbilisi to reopen?" in docx.Document(str(annotated)).paragraphs[-1].text
