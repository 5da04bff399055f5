"""The fast reader of our own workbooks (reports/carry/workbook_cells.py) gives what
openpyxl's read-only mode gives, cell for cell, and leaves other forms to openpyxl."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from reports.articles import load
from reports.carry import documents, workbook_cells
from reports.exporters import _xlsx

ROOT = Path(__file__).resolve().parent.parent
# Articles whose workbooks hold every kind of cell: dates, years, months, money, links,
# booleans, control characters, text that looks like a formula, very long text.
HOSTILE = ["formulas.txt", "control-characters.txt", "impossible-dates.txt", "absurd-trade.txt", "long-title.txt"]


@pytest.fixture(scope="module")
def workbooks(seed_records, default_layout, spanish_layout, tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("workbook-cells")
    records = list(seed_records.values()) + [load(ROOT / "tests" / "hostile" / name) for name in HOSTILE]
    paths = []
    for number, record in enumerate(records):
        for layout in (default_layout, spanish_layout):
            paths.append(folder / f"{number}-{layout.name}.xlsx")
            _xlsx.export(record, layout, paths[-1])
    paths.append(folder / "combined.xlsx")
    _xlsx.export_many(records, default_layout, paths[-1])
    return paths


def openpyxl_rows(path: Path) -> dict[str, list[list]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {name: [list(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}
    finally:
        book.close()


def test_every_sheet_reads_as_openpyxl_reads_it(workbooks):
    for path in workbooks:
        with zipfile.ZipFile(path) as archive:
            book = workbook_cells.Workbook(archive)
            ours = {name: [list(row) for row in book.rows(name)] for name in book.sheets}
        assert ours == openpyxl_rows(path), path.name
        assert any(any(isinstance(v, (int, float)) for row in rows for v in row) for rows in ours.values())


def test_the_digest_is_the_one_openpyxl_gives(workbooks):
    for path in workbooks:
        assert documents._workbook_cells(path) == list(documents._workbook_cells_by_openpyxl(path)), path.name


def test_a_workbook_saved_by_openpyxl_itself_is_left_to_openpyxl(workbooks, tmp_path):
    """openpyxl's normal mode writes shared strings and a dimension, as Excel does."""
    book = openpyxl.load_workbook(workbooks[0])
    book.save(tmp_path / "resaved.xlsx")
    with zipfile.ZipFile(tmp_path / "resaved.xlsx") as archive:
        reader = workbook_cells.Workbook(archive)
        with pytest.raises(workbook_cells.Unsupported):
            list(reader.rows(next(iter(reader.sheets))))
    assert documents.digest(tmp_path / "resaved.xlsx", "xlsx") == documents.digest(workbooks[0], "xlsx")


def test_a_known_file_is_not_digested_again(workbooks, tmp_path):
    first = documents.record(workbooks[0], "xlsx")
    assert documents.record(workbooks[0], "xlsx", {**first, "content": "kept"})["content"] == "kept"
    assert documents.record(workbooks[0], "xlsx", {"file": "other", "content": "kept"}) == first
