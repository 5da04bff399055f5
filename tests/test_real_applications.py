"""The default build, checked with the programs people open it with: qpdf and pdffonts
for the PDFs, LibreOffice for the Word documents and workbooks (converted to PDF, then
read back with pdftotext to see that the facts survived).

One build of data/ per module and two LibreOffice calls (one per kind, each with its own
profile and output folder: a.docx and a.xlsx would both become a.pdf).
"""

import re
import subprocess

import pytest
from conftest import DATA, SEED_IDS, needs, pdf_text, soffice_to_pdf

from reports import build, exporters
from reports.pipeline import COMBINED_STEM

FORMATS = tuple(exporters.names())


@pytest.fixture(scope="module")
def default_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("default-build")
    result = build([DATA], out, formats=FORMATS, jobs=2)
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


def test_the_build_wrote_every_format_of_every_article(default_build):
    for record_id in SEED_IDS:
        for name in FORMATS:
            assert (default_build / f"{record_id}{exporters.get(name).EXTENSION}").is_file()
    if "xlsx" in FORMATS:
        assert (default_build / f"{COMBINED_STEM}.xlsx").is_file()


# -- PDF ------------------------------------------------------------------------------------


@needs("qpdf")
@pytest.mark.skipif("pdf" not in FORMATS, reason="no pdf exporter")
def test_qpdf_check_passes_for_every_pdf(default_build):
    for pdf in outputs(default_build, ".pdf"):
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        # 0: no errors and no warnings (2 = errors, 3 = warnings only).
        assert check.returncode == 0, (pdf.name, check.returncode, check.stdout[-800:], check.stderr[-800:])
        assert "No syntax or stream encoding errors found" in check.stdout, (pdf.name, check.stdout[-800:])


def pdffonts(pdf) -> list[dict[str, str]]:
    """pdffonts' table as rows of {column: value}; columns are cut at the dashed rule."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    header, rule, rows = lines[0], lines[1], lines[2:]
    spans = [match.span() for match in re.finditer(r"-+", rule)]
    columns = [header[start:end].strip() for start, end in spans]
    return [{column: row[start:end].strip() for column, (start, end) in zip(columns, spans)}
            for row in rows if row.strip()]


@needs("pdffonts")
@pytest.mark.skipif("pdf" not in FORMATS, reason="no pdf exporter")
def test_pdffonts_shows_every_font_embedded(default_build):
    for pdf in outputs(default_build, ".pdf"):
        fonts = pdffonts(pdf)
        assert fonts, f"{pdf.name}: pdffonts lists no font"
        not_embedded = [font["name"] for font in fonts if font["emb"] != "yes"]
        assert not not_embedded, (pdf.name, not_embedded)


# -- LibreOffice ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def converted_docx(default_build, tmp_path_factory):
    documents = outputs(default_build, ".docx")
    return soffice_to_pdf(documents, tmp_path_factory.mktemp("docx-as-pdf"))


@pytest.fixture(scope="module")
def converted_xlsx(default_build, tmp_path_factory):
    workbooks = outputs(default_build, ".xlsx")
    return soffice_to_pdf(workbooks, tmp_path_factory.mktemp("xlsx-as-pdf"))


def assert_converted(conversions):
    for document, pdf in conversions.items():
        assert pdf.is_file() and pdf.stat().st_size > 0, f"LibreOffice did not convert {document.name}"
        assert pdf.read_bytes().startswith(b"%PDF-"), document.name
        assert pdf_text(pdf), f"{document.name}: the converted PDF has no text"


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
    pdf = next(pdf for document, pdf in converted_docx.items() if document.stem == record_id)
    text = squeeze(pdf_text(pdf))
    missing = [fact for fact in facts if squeeze(fact) not in text]
    assert not missing, (record_id, missing)


@needs("soffice", "pdftotext")
@pytest.mark.skipif("xlsx" not in FORMATS, reason="no xlsx exporter")
def test_converted_combined_workbook_holds_every_visit_person(converted_xlsx, seed_records):
    pdf = next(pdf for document, pdf in converted_xlsx.items() if document.stem == COMBINED_STEM)
    text = squeeze(pdf_text(pdf))
    missing = [(record_id, person) for record_id, record in seed_records.items()
               for person in visit_people(record) if squeeze(person) not in text]
    assert not missing


@needs("soffice", "pdftotext")
@pytest.mark.skipif("xlsx" not in FORMATS, reason="no xlsx exporter")
@pytest.mark.parametrize("record_id", SEED_IDS)
def test_converted_workbook_of_each_article_holds_its_visit_people(converted_xlsx, seed_records, record_id):
    record = seed_records[record_id]
    pdf = next(pdf for document, pdf in converted_xlsx.items() if document.stem == record_id)
    text = squeeze(pdf_text(pdf))
    missing = [person for person in visit_people(record) if squeeze(person) not in text]
    assert not missing, (record_id, missing)
