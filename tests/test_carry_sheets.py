"""Analysts' sheets and Notes-column cells carried into rebuilt workbooks
(reports/exporters/_xlsx/carried.py through the xlsx exporter), read back with openpyxl."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from conftest import needs
from reports.context import ExportContext
from reports.exporters import _xlsx


def rebuild(write, path: Path) -> list[str]:
    fresh = path.with_name("fresh.xlsx")
    warnings = write(fresh, ExportContext(previous=str(path)))
    shutil.move(fresh, path)
    return warnings


def notes_by_person(sheet, person_column: int) -> dict:
    header = [c.value for c in sheet[1]]
    notes = header.index("Notes")
    return {row[person_column]: row[notes] for row in sheet.iter_rows(min_row=2, values_only=True)}


def annotate(path: Path, person_column: int) -> list:
    """Notes on the first two visits, and an analyst's sheet with a formula and a bold cell."""
    book = openpyxl.load_workbook(path)
    visits = book["Visits"]
    notes = [c.value for c in visits[1]].index("Notes") + 1
    people = [visits.cell(row, person_column + 1).value for row in (2, 3)]
    visits.cell(2, notes).value = "Ask about the follow-up"
    visits.cell(3, notes).value = "Protocol: state visit"
    mine = book.create_sheet("My analysis")
    mine["A1"], mine["B1"] = "Score", 3
    mine["A1"].font = Font(bold=True)
    mine["B2"] = "=B1*2"
    mine.column_dimensions["A"].width = 30
    book.save(path)
    return people


@pytest.fixture
def record(seed_records):
    return seed_records["mexico-slovenia"]


def test_notes_follow_their_visit_and_an_added_sheet_survives(tmp_path, record, default_layout):
    path = tmp_path / "mexico-slovenia.xlsx"
    _xlsx.export(record, default_layout, path)
    first, second = annotate(path, person_column=3)
    # The article changes: the first visit is gone, the others come in another order.
    changed = dataclasses.replace(record, visits=tuple(reversed(record.visits[1:])))
    rebuild(lambda out, context: _xlsx.export(changed, default_layout, out, context), path)
    book = openpyxl.load_workbook(path)
    assert notes_by_person(book["Visits"], 3)[second] == "Protocol: state visit"
    assert list(notes_by_person(book["Visits"], 3).values()).count("Protocol: state visit") == 1
    earlier = [row for row in book["Notes from earlier builds"].iter_rows(min_row=2, values_only=True)]
    assert [(row[0], row[2]) for row in earlier] == [("Visits", "Ask about the follow-up")]
    assert first in earlier[0][1]
    mine = book["My analysis"]
    assert (mine["A1"].value, mine["B1"].value, mine["B2"].value) == ("Score", 3, "=B1*2")
    assert mine["A1"].font.b and mine.column_dimensions["A"].width == 30
    assert book.sheetnames[-2:] == ["Notes from earlier builds", "My analysis"]
    # A second rebuild keeps all of it (the closing sheet carries its own notes again).
    rebuild(lambda out, context: _xlsx.export(changed, default_layout, out, context), path)
    book = openpyxl.load_workbook(path)
    assert [row[2] for row in book["Notes from earlier builds"].iter_rows(min_row=2, values_only=True)] == [
        "Ask about the follow-up"]
    assert notes_by_person(book["Visits"], 3)[second] == "Protocol: state visit"
    assert book["My analysis"]["B2"].value == "=B1*2"


def test_notes_survive_a_changed_language(tmp_path, record, default_layout, spanish_layout):
    path = tmp_path / "mexico-slovenia.xlsx"
    _xlsx.export(record, default_layout, path)
    _, second = annotate(path, person_column=3)
    rebuild(lambda out, context: _xlsx.export(record, spanish_layout, out, context), path)
    book = openpyxl.load_workbook(path)
    visits = book[spanish_layout.label("sheet_visits")]
    header = [c.value for c in visits[1]]
    assert header[-1] == "Notas"
    rows = {row[3]: row[-1] for row in visits.iter_rows(min_row=2, values_only=True)}
    assert rows[second] == "Protocol: state visit"
    assert "My analysis" in book.sheetnames


def test_the_combined_workbook_carries_notes_by_relationship_and_fact(tmp_path, seed_records, default_layout):
    records = list(seed_records.values())
    path = tmp_path / "relationships.xlsx"
    _xlsx.export_many(records, default_layout, path)
    annotate(path, person_column=4)
    book = openpyxl.load_workbook(path)
    noted = {row[4]: row[0] for row in book["Visits"].iter_rows(min_row=2, max_row=3, values_only=True)}
    rebuild(lambda out, context: _xlsx.export_many(list(reversed(records)), default_layout, out, context), path)
    book = openpyxl.load_workbook(path)
    rows = {(row[0], row[4]): row[-1] for row in book["Visits"].iter_rows(min_row=2, values_only=True)}
    assert sorted(note for note in rows.values() if note) == ["Ask about the follow-up", "Protocol: state visit"]
    assert all(rows[(relationship, person)] for person, relationship in noted.items())
    assert book["My analysis"]["B2"].value == "=B1*2"


def test_an_unreadable_old_workbook_is_no_obstacle(tmp_path, record, default_layout):
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"not a zip at all")
    assert _xlsx.export(record, default_layout, tmp_path / "new.xlsx", ExportContext(previous=str(old))) == []


@needs("soffice")
def test_a_workbook_resaved_by_libreoffice_keeps_its_notes_and_digest(tmp_path, record, default_layout):
    import subprocess

    from reports.carry import documents

    path = tmp_path / "mexico-slovenia.xlsx"
    _xlsx.export(record, default_layout, path)
    _, second = annotate(path, person_column=3)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(tmp_path / "saved"), str(path)],
                   check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "saved" / path.name
    assert documents.digest(resaved, "xlsx") == documents.digest(path, "xlsx")
    rebuild(lambda out, context: _xlsx.export(record, default_layout, out, context), resaved)
    book = openpyxl.load_workbook(resaved)
    assert notes_by_person(book["Visits"], 3)[second] == "Protocol: state visit"
    assert book["My analysis"]["B2"].value == "=B1*2"


def note_every_visit(path: Path) -> dict:
    """A note on every visit row naming its person and date as the sheet shows them."""
    book = openpyxl.load_workbook(path)
    visits = book["Visits"]
    written = {}
    for key, row in visit_rows(visits):
        note = f"note on {key[0]} {row[[c.value for c in visits[1]].index('Date')].value}"
        row[-1].value = written[key] = note
    book.save(path)
    return written


def visit_rows(visits):
    """((person, year), row) of each visit row: one person may visit twice."""
    header = [c.value for c in visits[1]]
    person, year = header.index("Person"), header.index("Year")
    assert header[-1] == "Notes"
    return [((row[person].value, row[year].value), row) for row in visits.iter_rows(min_row=2)]


def notes_by_visit(visits) -> dict:
    return {key: row[-1].value for key, row in visit_rows(visits)}


@pytest.mark.parametrize("rid", ["mexico-slovenia", "lithuania-mexico"])
def test_notes_follow_visits_sorted_by_date_and_dated_by_month_or_year(tmp_path, seed_records, default_layout, rid):
    """Rows are keyed by content: the sort by date (lithuania-mexico's rows move) and
    month- or year-precise dates (stored as numbers) keep every note on its visit."""
    record = seed_records[rid]
    path = tmp_path / f"{rid}.xlsx"
    _xlsx.export(record, default_layout, path)
    written = note_every_visit(path)
    assert len(written) == len(record.visits) >= 3
    shuffled = dataclasses.replace(record, visits=tuple(reversed(record.visits)))
    rebuild(lambda out, context: _xlsx.export(shuffled, default_layout, out, context), path)
    book = openpyxl.load_workbook(path)
    assert notes_by_visit(book["Visits"]) == written
    assert "Notes from earlier builds" not in book.sheetnames


def test_notes_of_a_workbook_with_text_dates_find_their_visits(tmp_path, record, default_layout):
    """A workbook from before the precision column held "2007-12" as text in the Date
    column: its notes still find their month-dated visits."""
    path = tmp_path / "mexico-slovenia.xlsx"
    _xlsx.export(record, default_layout, path)
    book = openpyxl.load_workbook(path)
    visits = book["Visits"]
    assert visits["F1"].value == "Date precision"
    for row in visits.iter_rows(min_row=2):
        precision = row[5].value
        if precision != "day":
            row[4].value = row[4].value.strftime("%Y-%m") if precision == "month" else str(row[4].value)
    visits.delete_cols(6)  # the old layout: no precision column
    for table in list(visits.tables):
        del visits.tables[table]
    book.save(path)
    written = note_every_visit(path)
    assert any(len(note.split()[-1]) == 7 for note in written.values())  # a month-dated visit is noted
    rebuild(lambda out, context: _xlsx.export(record, default_layout, out, context), path)
    book = openpyxl.load_workbook(path)
    assert notes_by_visit(book["Visits"]) == written
    assert "Notes from earlier builds" not in book.sheetnames
