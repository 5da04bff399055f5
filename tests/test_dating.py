"""A dated brief: "Prepared on" is the build's date and "Source as of" a revision's,
never a file's modification time; a plain file's date is labelled "Copy saved on"."""

import datetime
import os
import shutil

from docx import Document

from reports.pipeline import build
from conftest import needs, pdf_text


@needs("pdftotext")
def test_brief_and_dossier_say_when_prepared_and_when_the_copy_was_saved(tmp_path, monkeypatch):
    article = tmp_path / "georgia-mexico.txt"
    shutil.copy("data/georgia-mexico.txt", article)
    os.utime(article, (1700000000, 1700000000))  # 14 November 2023
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")  # 3 December 2025
    result = build([article], tmp_path / "out", formats=("pdf", "docx"), combined=False)
    assert result.ok
    text = " ".join(pdf_text(tmp_path / "out" / "georgia-mexico.pdf").split())
    assert "Prepared on 3 December 2025" in text
    assert "Copy saved on 14 November 2023" in text
    assert "Source as of" not in text  # a plain file has no revision to be "as of"
    cover = "\n".join(p.text for p in Document(tmp_path / "out" / "georgia-mexico.docx").paragraphs[:6])
    assert "Prepared on 3 December 2025 · Copy saved on 14 November 2023" in cover


@needs("pdftotext")
def test_touching_the_article_changes_neither_prepared_nor_source_date(tmp_path, monkeypatch):
    article = tmp_path / "georgia-mexico.txt"
    shutil.copy("data/georgia-mexico.txt", article)
    os.utime(article, (1577836800, 1577836800))  # touch -d 2020-01-01
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build([article], tmp_path / "a", formats=("pdf",), combined=False)
    build([article], tmp_path / "b", formats=("pdf",), combined=False)
    text = " ".join(pdf_text(tmp_path / "a" / "georgia-mexico.pdf").split())
    today = datetime.datetime.now(datetime.timezone.utc).date()
    assert f"Prepared on {today.day} {today:%B %Y}" in text
    assert "Prepared on 1 January 2020" not in text and "Source as of 1 January 2020" not in text
    assert "Copy saved on 1 January 2020" in text  # said, and labelled for what it is
    # Two builds of one day are the same bytes.
    assert (tmp_path / "a" / "georgia-mexico.pdf").read_bytes() == (tmp_path / "b" / "georgia-mexico.pdf").read_bytes()
