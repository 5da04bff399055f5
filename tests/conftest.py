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
