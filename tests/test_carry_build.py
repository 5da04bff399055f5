"""Analysts' work across whole builds (reports/carry/plan.py, documents.py): notes
kept through incremental and --force rebuilds, edited and invalid documents kept as
backups, --no-carry."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from conftest import needs
from reports import build
from reports.carry import documents
from reports.cli import cli
from test_docx_notes import notes_paragraph, texts_after_notes

pytestmark = pytest.mark.heavy  # several seconds: handed to a worker first (conftest)

ARTICLE = "data/georgia-mexico.txt"


@pytest.fixture
def built(tmp_path):
    """A first build of one article (docx and xlsx), with a note typed into its dossier."""
    source = tmp_path / "in" / "georgia-mexico.txt"
    source.parent.mkdir()
    shutil.copy(ARTICLE, source)
    out = tmp_path / "out"
    assert build([source.parent], out, formats=["docx", "xlsx"], jobs=1).ok
    dossier = out / "georgia-mexico.docx"
    document = docx.Document(str(dossier))
    notes_paragraph(document, "summary").add_run("Keep an eye on the visa talks.")
    document.save(str(dossier))
    return source, out, dossier


def change(source: Path) -> None:
    source.write_text(source.read_text("utf-8") + "\n== Culture ==\nA Georgian film week was held.\n", "utf-8")


def backups(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("*.edited-*"))


def test_notes_survive_a_changed_article_and_force(built):
    source, out, dossier = built
    change(source)
    result = build([source.parent], out, formats=["docx", "xlsx"], jobs=1)
    assert result.built == 1 and result.ok
    assert "Keep an eye on the visa talks." in texts_after_notes(dossier, "summary")
    result = build([source.parent], out, formats=["docx", "xlsx"], jobs=1, force=True)
    assert "Keep an eye on the visa talks." in texts_after_notes(dossier, "summary")
    assert backups(out) == [] and result.backups == []


def test_an_edited_table_is_kept_as_a_backup_with_a_warning(built):
    source, out, dossier = built
    document = docx.Document(str(dossier))
    document.tables[0].rows[1].cells[1].paragraphs[0].runs[0].text = "Edited by hand"
    document.save(str(dossier))
    result = build([source.parent], out, formats=["docx", "xlsx"], jobs=1, force=True)
    [backup] = backups(out)
    assert backup.startswith("georgia-mexico.edited-") and backup.endswith(".docx")
    assert result.backups == [out / backup]
    assert any(backup in w.message for w in result.warnings)
    assert "Edited by hand" in docx.Document(str(out / backup)).tables[0].rows[1].cells[1].text
    assert "Edited by hand" not in docx.Document(str(dossier)).tables[0].rows[1].cells[1].text
    assert "Keep an eye on the visa talks." in texts_after_notes(dossier, "summary")


def test_an_edited_fact_cell_is_kept_as_a_backup(built):
    import openpyxl

    source, out, _ = built
    workbook = out / "georgia-mexico.xlsx"
    book = openpyxl.load_workbook(workbook)
    book["Visits"]["A2"] = "Someone else"
    book["Visits"].cell(3, book["Visits"].max_column).value = "a note is not an edit"
    book.save(workbook)
    build([source.parent], out, formats=["docx", "xlsx"], jobs=1, force=True)
    assert [name for name in backups(out) if name.endswith(".xlsx")] != []
    assert openpyxl.load_workbook(workbook)["Visits"].cell(3, book["Visits"].max_column).value == \
        "a note is not an edit"


def test_an_invalid_file_is_kept_and_replaced(built):
    source, out, dossier = built
    dossier.write_bytes(b"PK\x03\x04 this was truncated")
    result = build([source.parent], out, formats=["docx", "xlsx"], jobs=1, force=True)
    assert result.ok
    [backup] = backups(out)
    assert (out / backup).read_bytes() == b"PK\x03\x04 this was truncated"
    [warning] = [w.message for w in result.warnings if backup in w.message]
    assert "not a valid .docx" in warning and "\n" not in warning
    assert docx.Document(str(dossier)).paragraphs[0].text == "Georgia–Mexico relations"


def test_no_carry_writes_clean_documents_and_keeps_the_annotated_one(built):
    source, out, dossier = built
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(source.parent), "--out", str(out), "--format", "docx,xlsx",
                                 "--jobs", "1", "--force", "--no-carry"])
    assert result.exit_code == 0, result.output
    [backup] = backups(out)
    assert f"kept 1 edited file as backup: {backup}" in result.output
    assert "Keep an eye" not in texts_after_notes(dossier, "summary")
    assert "Keep an eye on the visa talks." in texts_after_notes(out / backup, "summary")


@needs("soffice")
def test_a_dossier_resaved_by_libreoffice_digests_the_same(tmp_path, built):
    _, _, dossier = built
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "docx", "--outdir", str(tmp_path / "saved"), str(dossier)],
                   check=True, capture_output=True, timeout=180)
    assert documents.digest(tmp_path / "saved" / dossier.name, "docx") == documents.digest(dossier, "docx")


def test_a_resaved_pdf_is_kept_as_a_backup(tmp_path):
    out = tmp_path / "out"
    assert build([ARTICLE], out, formats=["pdf"], jobs=1).ok
    brief = out / "georgia-mexico.pdf"
    brief.write_bytes(brief.read_bytes() + b"\n% re-saved by a viewer\n")
    result = build([ARTICLE], out, formats=["pdf"], jobs=1, force=True)
    [backup] = backups(out)
    assert backup.endswith(".pdf") and result.backups == [out / backup]
    assert (out / backup).read_bytes().endswith(b"% re-saved by a viewer\n")
    assert not brief.read_bytes().endswith(b"% re-saved by a viewer\n")
