"""Spanish that is Spanish (reports/names.py, the [offices] table of layouts/es.toml and
the language marking of the documents): country names from CLDR by ISO code, offices
from the layout, English text marked as English. Values are read back from the files."""

from __future__ import annotations

import json

import docx
import pytest
from docx.oxml.ns import qn

from conftest import ROOT, needs, pdf_text
from reports import names
from reports.errors import LayoutError
from reports.exporters import _docx, _json, _pdf, _xlsx
from reports.layout import load_layout
from reports.articles import load

ARTICLE = ROOT / "tests" / "articles" / "mexico-new-zealand.txt"


@pytest.fixture(scope="module")
def record():
    return load(str(ARTICLE))


@pytest.fixture(scope="module")
def spanish_files(tmp_path_factory, record, spanish_layout):
    out = tmp_path_factory.mktemp("es")
    paths = {"pdf": out / "nz.pdf", "docx": out / "nz.docx", "xlsx": out / "nz.xlsx", "json": out / "nz.json"}
    _pdf.export(record, spanish_layout, paths["pdf"])
    _docx.export(record, spanish_layout, paths["docx"])
    _xlsx.export(record, spanish_layout, paths["xlsx"])
    _json.export(record, spanish_layout, paths["json"])
    return paths


def test_country_names_come_from_cldr_by_iso_code(spanish_layout, default_layout):
    assert names.country_name("New Zealand", spanish_layout) == "Nueva Zelanda"
    assert names.country_name("Mexico", spanish_layout) == "México"
    assert names.country_name("Lithuania", spanish_layout) == "Lituania"
    assert names.country_name("the United Kingdom", spanish_layout) == "Reino Unido"
    assert names.country_name("Soviet Union", spanish_layout) == "Soviet Union"  # no ISO code: as written
    assert names.country_name("Mexico", default_layout) == "Mexico"


def test_offices_come_from_the_layout_table(spanish_layout, default_layout):
    assert names.office_name("Foreign Minister", spanish_layout) == "Ministro de Relaciones Exteriores"
    assert names.office_name("foreign vice-minister", spanish_layout) == "Viceministro de Relaciones Exteriores"
    assert names.office_name("Vice-President", spanish_layout) == "Vicepresidente"
    assert names.office_name("Lord Privy Seal", spanish_layout) == "Lord Privy Seal"  # not listed: as written
    assert names.office_name("Prime Minister", default_layout) == "Prime Minister"
    assert not default_layout.offices


def test_country_keys_are_one_across_languages():
    assert names.country_key("Mexico") == names.country_key("México") == "country:MX"
    assert names.country_key("Ernesto Zedillo") is None


@needs("pdftotext")
def test_the_spanish_brief_has_spanish_country_names_offices_and_labels(spanish_files, spanish_layout):
    text = pdf_text(spanish_files["pdf"])
    assert "México – Nueva Zelanda" in text
    assert "De Nueva Zelanda a México" in text
    for office in ("Presidente", "Primer ministro", "Ministro de Relaciones Exteriores"):
        assert office in text
    for label in ("Miembros en común", "Comercio total más reciente", "País anfitrión", "Establecimiento de"):
        assert label in text
    assert spanish_layout.label("memberships") == "Miembros en común"


@needs("pdftotext")
def test_lithuania_in_spanish(tmp_path, seed_records, spanish_layout):
    _pdf.export(seed_records["lithuania-mexico"], spanish_layout, tmp_path / "lt.pdf")
    text = pdf_text(tmp_path / "lt.pdf")
    assert "Lituania – México" in text and "De Lituania a México" in text


def test_the_pdf_says_its_language(spanish_files):
    import pypdf

    assert pypdf.PdfReader(spanish_files["pdf"]).trailer["/Root"]["/Lang"] == "es-ES"


def _styles(document):
    return {style.style_id: style for style in document.styles}


def _language(run, paragraph, document) -> str:
    """A run's effective w:lang: its own, its character style's, its paragraph style's
    (and theirs based on), else the document default."""
    styles = _styles(document)
    chain = []
    r_style = run._r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    if r_style is not None:
        chain.append(styles[r_style.get(qn("w:val"))])
    style = paragraph.style
    while style is not None:
        chain.append(style)
        style = style.base_style
    for candidate in chain:
        lang = candidate.element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        if lang is not None:
            return lang.get(qn("w:val"))
    default = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return default.get(qn("w:val"))


def test_the_dossier_marks_article_prose_english_and_labels_spanish(spanish_files, record):
    document = docx.Document(str(spanish_files["docx"]))
    prose = [p for p in document.paragraphs if p.text.startswith("Mexico–New Zealand relations are")]
    assert prose and all(_language(run, prose[0], document) == "en-GB" for run in prose[0].runs)
    history = [p for p in document.paragraphs if p.text.startswith("Mexico and New Zealand established")]
    assert history and _language(history[0].runs[0], history[0], document) == "en-GB"
    labels = [p for p in document.paragraphs if p.text in ("Datos clave", "Visitas de alto nivel")]
    assert len(labels) >= 2  # the headings, and their entries in the contents
    assert all(_language(run, p, document) == "es-ES" for p in labels for run in p.runs)


def test_the_dossier_and_workbook_have_spanish_country_names(spanish_files):
    document = docx.Document(str(spanish_files["docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "De México a Nueva Zelanda" in headings
    import openpyxl

    book = openpyxl.load_workbook(spanish_files["xlsx"])
    values = {cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row}
    assert {"Nueva Zelanda", "México", "Primer ministro"} <= values


def test_the_json_record_keeps_the_articles_words(spanish_files):
    data = json.loads(spanish_files["json"].read_text("utf-8"))
    assert data["countries"] == ["Mexico", "New Zealand"]
    assert data["visits"][0]["office"] == "President"


def test_a_layout_may_name_its_own_offices(tmp_path):
    own = tmp_path / "fr.toml"
    own.write_text('locale = "fr"\n[offices]\n"Foreign Minister" = "Ministre des Affaires étrangères"\n', "utf-8")
    layout = load_layout(str(own))
    assert names.office_name("Foreign Minister", layout) == "Ministre des Affaires étrangères"
    assert names.country_name("Mexico", layout) == "Mexique"
    bad = tmp_path / "bad.toml"
    bad.write_text('[offices]\n"King" = 3\n', "utf-8")
    with pytest.raises(LayoutError, match="offices"):
        load_layout(str(bad))


def test_timeline_rows_mark_events_english_and_visits_not(spanish_files, spanish_layout):
    document = docx.Document(str(spanish_files["docx"]))
    timeline = next(t for t in document.tables
                    if len(t.columns) > 2 and t.rows[0].cells[2].text == spanish_layout.label("event"))
    languages = {}
    for row in timeline.rows[1:]:
        paragraph = row.cells[2].paragraphs[0]
        languages[row.cells[1].text] = {_language(run, paragraph, document) for run in paragraph.runs}
    assert languages[spanish_layout.label("event_kind")] == {"en-GB"}  # "Mexico and New Zealand established…"
    assert languages[spanish_layout.label("visit_kind")] == {"es-ES"}  # "Primer ministro John Key"
