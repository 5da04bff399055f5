"""Workbooks that print (exporters/_xlsx/writer.py set_up_printing): the layout's paper,
a header naming the relationship and the sheet, "Page x of y", every table at a
readable size; checked in the files and in LibreOffice's PDF of them."""

from __future__ import annotations

import re
import subprocess

import pytest
from openpyxl import load_workbook

from conftest import needs, pdf_text, soffice_to_pdf
from reports.exporters import _xlsx


@pytest.fixture(scope="module")
def printed(seed_records, default_layout, tmp_path_factory):
    out = tmp_path_factory.mktemp("print")
    one, combined = out / "georgia-mexico.xlsx", out / "relationships.xlsx"
    _xlsx.export(seed_records["georgia-mexico"], default_layout, one)
    _xlsx.export_many(list(seed_records.values()), default_layout, combined)
    return one, combined


def test_every_sheet_prints_on_the_layouts_paper_with_header_and_footer(printed, seed_records):
    for path, title in zip(printed, (seed_records["georgia-mexico"].title, "Bilateral relations")):
        for sheet in load_workbook(path).worksheets:
            assert sheet.page_setup.paperSize == 9  # A4
            assert sheet.print_title_rows == "$1:$1"
            assert sheet.oddHeader.left.text == title
            assert sheet.oddHeader.right.text == "&A"
            assert sheet.oddFooter.center.text == "Page &P of &N"
            # fitted to the width only down to a readable scale: wide sheets go over pages across
            widths = sum(d.width or 0 for d in sheet.column_dimensions.values())
            pages = sheet.page_setup.fitToWidth
            assert pages >= 1 and widths * 1.9 / pages <= 267 / 0.7 + 1


def test_a_letter_layout_prints_on_letter(seed_records, default_layout, tmp_path):
    import dataclasses

    layout = dataclasses.replace(default_layout, page=dataclasses.replace(default_layout.page, size="LETTER"))
    path = tmp_path / "letter.xlsx"
    _xlsx.export(seed_records["georgia-mexico"], layout, path)
    assert {sheet.page_setup.paperSize for sheet in load_workbook(path).worksheets} == {1}


@needs("soffice", "pdftotext", "pdfinfo")
def test_libreoffice_prints_a4_pages_that_say_what_they_are(printed, tmp_path):
    pdfs = soffice_to_pdf(list(printed), tmp_path)
    for path, pdf in pdfs.items():
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Page size:\s+(595|841)\.\d+ x (841|595)\.\d+ pts \(A4\)", info), info
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        text = pdf_text(pdf)
        assert f"Page {pages} of {pages}" in text and "Page 1 of" in text
        assert "Visits per year" in text
