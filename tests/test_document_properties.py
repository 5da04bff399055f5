"""Who a document is from and when it was made: the layout's [document] organisation
and author, and the build's date, read back from every format's own properties."""

from __future__ import annotations

import datetime
import os
import shutil
import zipfile

import pypdf
import pytest
from docx import Document
from openpyxl import load_workbook

from conftest import needs, pdf_text
from reports.context import ExportContext
from reports.exporters import _docx, _pdf, _xlsx
from reports.layout import load_layout
from reports.pipeline import build

# An even second: zip entry times have a two-second resolution.
PREPARED = datetime.datetime(2025, 5, 1, 12, 30, 16, tzinfo=datetime.timezone.utc)
NAIVE = PREPARED.replace(tzinfo=None)
ORGANISATION = "Ministry of Testing & Co <Europe>"
AUTHOR = "Ana Pérez"


@pytest.fixture(scope="module")
def named_layout(tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "named.toml"
    path.write_text(f'[document]\norganisation = "{ORGANISATION}"\nauthor = "{AUTHOR}"\n', "utf-8")
    return load_layout(str(path))


@pytest.fixture(scope="module")
def documents(seed_records, named_layout, tmp_path_factory):
    """Every format of one seed, written with the named layout and a build date."""
    out, record = tmp_path_factory.mktemp("named"), seed_records["georgia-mexico"]
    context = ExportContext(prepared=PREPARED)
    paths = {name: out / f"one.{name}" for name in ("pdf", "docx", "xlsx")}
    _pdf.export(record, named_layout, paths["pdf"], context)
    _docx.export(record, named_layout, paths["docx"], context)
    _xlsx.export(record, named_layout, paths["xlsx"], context)
    paths["combined"] = out / "many.xlsx"
    _xlsx.export_many(list(seed_records.values()), named_layout, paths["combined"], context)
    return paths


def app_xml(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("docProps/app.xml").decode("utf-8")


def test_pdf_author_and_dates_are_the_layouts_and_the_builds(documents):
    meta = pypdf.PdfReader(documents["pdf"]).metadata
    assert meta.author == AUTHOR
    assert meta.creator == "reports"
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20250501123016+00'00'"
    assert meta.creation_date == PREPARED


@needs("pdftotext")
def test_pdf_footer_names_the_organisation_on_every_page(documents):
    reader = pypdf.PdfReader(documents["pdf"])
    assert len(reader.pages) > 1
    assert pdf_text(documents["pdf"]).count(ORGANISATION) == len(reader.pages)


@needs("qpdf")
def test_qpdf_finds_the_pdf_valid(documents):
    import subprocess

    result = subprocess.run(["qpdf", "--check", str(documents["pdf"])], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_docx_core_and_app_properties(documents):
    props = Document(documents["docx"]).core_properties
    assert props.author == props.last_modified_by == AUTHOR
    assert props.created == props.modified == PREPARED
    assert "<Company>Ministry of Testing &amp; Co &lt;Europe&gt;</Company>" in app_xml(documents["docx"])


@pytest.mark.parametrize("which", ["xlsx", "combined"])
def test_xlsx_properties(documents, which):
    props = load_workbook(documents[which]).properties
    assert props.creator == props.lastModifiedBy == AUTHOR
    assert props.created == props.modified == NAIVE
    assert "<Company>Ministry of Testing &amp; Co &lt;Europe&gt;</Company>" in app_xml(documents[which])
    assert "<Application>reports</Application>" in app_xml(documents[which])


@pytest.mark.parametrize("name", ["docx", "xlsx", "combined"])
def test_zip_entries_carry_the_build_date(documents, name):
    with zipfile.ZipFile(documents[name]) as archive:
        assert {info.date_time for info in archive.infolist()} == {NAIVE.timetuple()[:6]}


def test_without_a_layout_naming_them_nobody_is_named(seed_records, default_layout, tmp_path):
    record = seed_records["georgia-mexico"]
    assert (default_layout.document.organisation, default_layout.document.author) == ("", "")
    _pdf.export(record, default_layout, tmp_path / "a.pdf")
    _docx.export(record, default_layout, tmp_path / "a.docx")
    _xlsx.export(record, default_layout, tmp_path / "a.xlsx")
    assert not pypdf.PdfReader(tmp_path / "a.pdf").metadata.author
    assert Document(tmp_path / "a.docx").core_properties.author == ""
    assert not load_workbook(tmp_path / "a.xlsx").properties.creator
    for path in (tmp_path / "a.docx", tmp_path / "a.xlsx"):
        assert "Ministr" not in app_xml(path)


@needs("pdftotext")
def test_default_footer_names_no_ministry(seed_records, default_layout, spanish_layout, tmp_path):
    for layout in (default_layout, spanish_layout):
        _pdf.export(seed_records["georgia-mexico"], layout, tmp_path / "a.pdf")
        # "Ministerio"/"Ministry": an office ("Ministro de Relaciones Exteriores") may appear.
        text = pdf_text(tmp_path / "a.pdf")
        assert "Ministry" not in text and "Ministerio" not in text


def test_a_build_dates_every_document_with_its_prepared_date(tmp_path, monkeypatch):
    """Same inputs, same bytes: without SOURCE_DATE_EPOCH the date is the day the build
    runs (never the input's modification time), in the properties of all three formats."""
    article = tmp_path / "georgia-mexico.txt"
    shutil.copy("data/georgia-mexico.txt", article)
    os.utime(article, (1700000000, 1700000000))  # 2023-11-14 22:13:20 UTC
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for out in ("a", "b"):
        assert build([article], tmp_path / out, formats=("pdf", "docx", "xlsx")).ok
    today = datetime.datetime.now(datetime.timezone.utc).date()
    when = datetime.datetime(today.year, today.month, today.day)
    folder = tmp_path / "a"
    assert pypdf.PdfReader(folder / "georgia-mexico.pdf").metadata["/CreationDate"].startswith(
        f"D:{today:%Y%m%d}000000")
    assert Document(folder / "georgia-mexico.docx").core_properties.created.replace(tzinfo=None) == when
    for name in ("georgia-mexico.xlsx", "relationships.xlsx"):
        assert load_workbook(folder / name).properties.created == when
    for name in ("georgia-mexico.pdf", "georgia-mexico.docx", "georgia-mexico.xlsx", "relationships.xlsx"):
        assert (folder / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
