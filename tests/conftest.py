"""Shared test helpers: the seed records, and readers that take outputs back apart
(pdftotext, pypdf, python-docx, openpyxl, LibreOffice)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_IDS = ["georgia-mexico", "lithuania-mexico", "mexico-slovenia"]
sys.path.insert(0, str(ROOT / "benchmarks"))  # the article generator


@pytest.fixture(autouse=True)
def _run_from_project_root(monkeypatch):
    """Records name their source as data/<id>.txt, relative to the project root."""
    monkeypatch.chdir(ROOT)


def expected(record_id: str) -> dict:
    return json.loads((FIXTURES / f"{record_id}.json").read_text("utf-8"))


# Fields RECORD.md added for Wikipedia sources, prose facts and rebuilds: the fixtures
# predate them, and "tests may compare them without these keys".
ADDED_FIELDS = {"citations", "cites", "item_cites", "origin", "also_lines", "amount", "currency"}


def comparable(data):
    """A record's JSON without the added fields, to compare with the fixtures."""
    if isinstance(data, dict):
        return {key: comparable(value) for key, value in data.items() if key not in ADDED_FIELDS}
    if isinstance(data, list):
        return [comparable(item) for item in data]
    return data


@pytest.fixture(scope="session")
def seed_records():
    """The three records of data/, loaded once: {id: Relationship}."""
    from reports.loader import load

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return {record_id: load(f"data/{record_id}.txt") for record_id in SEED_IDS}
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="session")
def default_layout():
    from reports.layout import load_layout

    return load_layout("default")


@pytest.fixture(scope="session")
def spanish_layout():
    from reports.layout import load_layout

    return load_layout("es")


def write_article(folder: Path, name: str, text: str) -> Path:
    path = Path(folder) / name
    path.write_text(text, "utf-8")
    return path


def normalise(text: str) -> str:
    """Whitespace collapsed, for comparing text extracted from documents."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext extracts it, whitespace normalised."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return normalise(result.stdout.decode("utf-8"))


def needs(*programs: str):
    """Skip a test when a program is missing (CI installs them all; .ci/run checks)."""
    missing = [p for p in programs if shutil.which(p) is None]
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")


def soffice_to_pdf(paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert documents to PDF in one LibreOffice call with a private profile.

    Returns {document: pdf}. Files sharing a stem (a.docx, a.xlsx) must be converted
    into different folders; callers pass one kind at a time.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), *map(str, paths)],
        capture_output=True, check=True, timeout=300,
    )
    return {Path(p): out_dir / (Path(p).stem + ".pdf") for p in paths}


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx (body, headers and footers), normalised."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return normalise("\n".join(parts))


def xlsx_cells(path: Path):
    """(sheet title, cell) for every non-empty cell of a workbook."""
    import openpyxl

    workbook = openpyxl.load_workbook(str(path))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield sheet.title, cell


def document_text(path: Path) -> str:
    """The text a reader of this document sees, whitespace normalised."""
    suffix = Path(path).suffix
    if suffix == ".pdf":
        return pdf_text(path)
    if suffix == ".docx":
        return docx_text(path)
    if suffix == ".xlsx":
        return normalise("\n".join(str(cell.value) for _, cell in xlsx_cells(path)))
    return normalise("\n".join(_json_strings(json.loads(Path(path).read_text("utf-8")))))


def _json_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    else:
        yield str(value)
