"""Spanish all the way: a build with the Spanish layout writes no label, heading, title,
sheet name, running header or value word of ours in English in the dossier or the
workbooks (the article's own text excepted)."""

from __future__ import annotations

import docx
import pytest
from openpyxl import load_workbook

from conftest import ROOT

import reports


@pytest.fixture(scope="module")
def spanish_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("es")
    reports.build([str(ROOT / "data")], str(out), formats=["docx", "xlsx"], layout="es", jobs=1)
    return out


def english_words(default_layout, spanish_layout) -> set[str]:
    """Every label of ours whose English differs from its Spanish, as a reader sees it."""
    words = set()
    for key, english in default_layout.labels.items():
        if "{" in english or english == spanish_layout.labels.get(key, english) or len(english) < 3:
            continue
        words.add(english)
    return words


def _docx_texts(path):
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    texts.append(document.core_properties.category)
    return texts


def _xlsx_texts(path):
    book = load_workbook(path)
    texts = list(book.sheetnames)
    for sheet in book.worksheets:
        texts += [sheet.oddHeader.left.text or "", sheet.oddFooter.center.text or ""]
        texts += [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
        texts += [chart.title.tx.rich.p[0].r[0].t for chart in sheet._charts if chart.title]
    return texts


def test_no_english_word_of_ours_in_the_spanish_documents(spanish_build, default_layout, spanish_layout):
    english = english_words(default_layout, spanish_layout)
    paths = sorted(spanish_build.glob("*.docx")) + sorted(spanish_build.glob("*.xlsx"))
    assert len(paths) == 7
    for path in paths:
        texts = _docx_texts(path) if path.suffix == ".docx" else _xlsx_texts(path)
        found = sorted({text.strip() for text in texts if text and text.strip() in english})
        assert found == [], (path.name, found)


def test_the_titles_and_running_headers_are_spanish(spanish_build):
    document = docx.Document(str(spanish_build / "georgia-mexico.docx"))
    title = next(p.text for p in document.paragraphs if p.style.name == "Title")
    assert title == "Relaciones entre Georgia y México"
    assert document.sections[0].header.paragraphs[0].text == title
    book = load_workbook(spanish_build / "georgia-mexico.xlsx")
    assert book["Visitas"].oddHeader.left.text == title
    assert book["Visitas"].oddFooter.center.text == "Página &P de &N"
    precision = {row[5] for row in book["Visitas"].iter_rows(min_row=2, values_only=True)}
    assert precision <= {"día", "mes", "año"} and precision
