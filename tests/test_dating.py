"""A dated brief: "Prepared on" and "Source as of" on page one and the dossier's cover."""

import os
import shutil

from docx import Document

from reports.pipeline import build
from conftest import needs, pdf_text


@needs("pdftotext")
def test_brief_and_dossier_say_when_prepared_and_how_old_the_source_is(tmp_path, monkeypatch):
    article = tmp_path / "georgia-mexico.txt"
    shutil.copy("data/georgia-mexico.txt", article)
    os.utime(article, (1700000000, 1700000000))  # 14 November 2023
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")  # 3 December 2025
    result = build([article], tmp_path / "out", formats=("pdf", "docx"), combined=False)
    assert result.ok
    text = pdf_text(tmp_path / "out" / "georgia-mexico.pdf")
    assert "Prepared on 3 December 2025" in text
    assert "Source as of 14 November 2023" in text
    cover = "\n".join(p.text for p in Document(tmp_path / "out" / "georgia-mexico.docx").paragraphs[:6])
    assert "Prepared on 3 December 2025 · Source as of 14 November 2023" in cover


@needs("pdftotext")
def test_without_the_epoch_the_newest_input_dates_the_brief(tmp_path, monkeypatch):
    article = tmp_path / "georgia-mexico.txt"
    shutil.copy("data/georgia-mexico.txt", article)
    os.utime(article, (1700000000, 1700000000))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build([article], tmp_path / "a", formats=("pdf",), combined=False)
    build([article], tmp_path / "b", formats=("pdf",), combined=False)
    assert "Prepared on 14 November 2023" in pdf_text(tmp_path / "a" / "georgia-mexico.pdf")
    assert (tmp_path / "a" / "georgia-mexico.pdf").read_bytes() == (tmp_path / "b" / "georgia-mexico.pdf").read_bytes()
