"""The default build, checked with the programs people open it with: LibreOffice for the
Word documents and workbooks (converted to PDF, then read back with pdftotext to see that
the facts survived). qpdf and pdffonts check the PDFs once, in test_pdf.py.

The session's one build of data/ (conftest.default_build), one LibreOffice call for every
dossier and workbook, and one pdftotext per converted PDF.
"""

import re

import pytest
from conftest import SEED_IDS, needs, normalise, pdf_text, soffice_to_pdf

from reports import exporters
from reports.pipeline.stems import COMBINED_STEM

pytestmark = pytest.mark.heavy  # several seconds: handed to a worker first (conftest)

FORMATS = tuple(exporters.names())


@pytest.fixture(scope="module")
def built_folder(default_build):
    out, result = default_build
    assert result.ok, result.failures
    assert result.built == len(SEED_IDS)
    return out


def outputs(out, suffix):
    found = sorted(path for path in out.glob(f"*{suffix}") if not path.name.startswith("."))
    assert found, f"the build wrote no {suffix} file"
    return found


def squeeze(text: str) -> str:
    """Text without whitespace: a name may wrap anywhere in a table cell."""
    return re.sub(r"\s+", "", text)


def test_the_build_wrote_every_format_of_every_article(built_folder):
    for record_id in SEED_IDS:
        for name in FORMATS:
            assert (built_folder / f"{record_id}{exporters.get(name).EXTENSION}").is_file()
    if "xlsx" in FORMATS:
        assert (built_folder / f"{COMBINED_STEM}.xlsx").is_file()


# -- LibreOffice ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def converted(built_folder, tmp_path_factory):
    """{document: (its PDF, the PDF's text)} of every dossier and workbook, from one
    LibreOffice call and one pdftotext per PDF."""
    documents = [*outputs(built_folder, ".docx"), *outputs(built_folder, ".xlsx")]
    pdfs = soffice_to_pdf(documents, tmp_path_factory.mktemp("as-pdf"))
    return {document: (pdf, pdf_text(pdf) if pdf.is_file() else "") for document, pdf in pdfs.items()}


@pytest.fixture(scope="module")
def converted_docx(converted):
    return {document: found for document, found in converted.items() if document.suffix == ".docx"}


@pytest.fixture(scope="module")
def converted_xlsx(converted):
    return {document: found for document, found in converted.items() if document.suffix == ".xlsx"}


def assert_converted(conversions):
    for document, (pdf, text) in conversions.items():
        assert pdf.is_file() and pdf.stat().st_size > 0, f"LibreOffice did not convert {document.name}"
        assert pdf.read_bytes().startswith(b"%PDF-"), document.name
        assert text, f"{document.name}: the converted PDF has no text"


@needs("soffice", "pdftotext")
@pytest.mark.skipif("docx" not in FORMATS, reason="no docx exporter")
def test_libreoffice_converts_every_docx(converted_docx):
    assert {document.stem for document in converted_docx} == set(SEED_IDS)
    assert_converted(converted_docx)


@needs("soffice", "pdftotext")
@pytest.mark.skipif("xlsx" not in FORMATS, reason="no xlsx exporter")
def test_libreoffice_converts_every_xlsx(converted_xlsx):
    assert {document.stem for document in converted_xlsx} == {*SEED_IDS, COMBINED_STEM}
    assert_converted(converted_xlsx)


def visit_people(record) -> list[str]:
    return [visit.person for visit in record.visits if visit.person]


def mission_cities(record) -> list[str]:
    return [mission.city for mission in record.missions if mission.city]


@needs("soffice", "pdftotext")
@pytest.mark.skipif("docx" not in FORMATS, reason="no docx exporter")
@pytest.mark.parametrize("record_id", SEED_IDS)
def test_converted_docx_holds_every_visit_person_and_mission_city(converted_docx, seed_records, record_id):
    record = seed_records[record_id]
    facts = visit_people(record) + mission_cities(record)
    assert visit_people(record) and mission_cities(record), "the seed record lost its visits or missions"
    text = squeeze(next(text for document, (_, text) in converted_docx.items() if document.stem == record_id))
    missing = [fact for fact in facts if squeeze(fact) not in text]
    assert not missing, (record_id, missing)


@needs("soffice", "pdftotext")
@pytest.mark.skipif("xlsx" not in FORMATS, reason="no xlsx exporter")
def test_converted_combined_workbook_holds_every_visit_person(converted_xlsx, seed_records):
    text = squeeze(next(text for document, (_, text) in converted_xlsx.items() if document.stem == COMBINED_STEM))
    missing = [(record_id, person) for record_id, record in seed_records.items()
               for person in visit_people(record) if squeeze(person) not in text]
    assert not missing


@needs("soffice", "pdftotext")
@pytest.mark.skipif("xlsx" not in FORMATS, reason="no xlsx exporter")
@pytest.mark.parametrize("record_id", SEED_IDS)
def test_converted_workbook_of_each_article_holds_its_visit_people(converted_xlsx, seed_records, record_id):
    record = seed_records[record_id]
    text = squeeze(next(text for document, (_, text) in converted_xlsx.items() if document.stem == record_id))
    missing = [person for person in visit_people(record) if squeeze(person) not in text]
    assert not missing, (record_id, missing)


@needs("soffice", "pdftotext")
@pytest.mark.skipif("docx" not in FORMATS, reason="no docx exporter")
def test_converted_dossiers_keep_diacritics_title_and_checksum(converted_docx, seed_records):
    texts = {document.stem: text for document, (_, text) in converted_docx.items()}
    assert "Ignatavičius" in texts["lithuania-mexico"] and "Šiauliai" in texts["lithuania-mexico"]
    assert "Drnovšek" in texts["mexico-slovenia"]
    for record_id, record in seed_records.items():
        assert normalise(record.title) in texts[record_id]
        assert record.source.sha256 in texts[record_id].replace(" ", "")


@needs("soffice", "pdftotext")
@pytest.mark.skipif("xlsx" not in FORMATS, reason="no xlsx exporter")
def test_converted_workbooks_show_title_people_and_chart_title(converted_xlsx):
    texts = {document.stem: text for document, (_, text) in converted_xlsx.items()}
    for stem in ("lithuania-mexico", COMBINED_STEM):
        assert "Lithuania–Mexico relations" in texts[stem] or "lithuania-mexico" in texts[stem], stem
        assert "Valdas Adamkus" in texts[stem], stem
    assert "High-level visits per year" in texts[COMBINED_STEM]
