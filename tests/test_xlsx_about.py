"""The About sheet (exporters/_xlsx/about.py): source, build date, units, licence and
attribution, and a line for every sheet of the workbook, in the layout's language."""

from __future__ import annotations

import dataclasses

from openpyxl import load_workbook

from reports.exporters import _xlsx


def _about(path, layout) -> dict:
    book = load_workbook(path)
    rows = dict(book[layout.label("sheet_about")].iter_rows(min_row=2, values_only=True))
    return book, rows


def test_about_says_where_when_in_what_units_and_under_what_licence(seed_records, default_layout, tmp_path):
    record = seed_records["georgia-mexico"]
    source = dataclasses.replace(record.source, page="Georgia–Mexico relations", revision="123",
                                 url="https://en.wikipedia.org/wiki/Georgia%E2%80%93Mexico_relations")
    path = tmp_path / "a.xlsx"
    _xlsx.export(dataclasses.replace(record, source=source), default_layout, path)
    book, rows = _about(path, default_layout)
    label = default_layout.label
    assert rows[label("source_page")] == "Georgia–Mexico relations"
    assert rows[label("source_revision")] == "123"
    assert rows[label("source_address")] == source.url
    assert rows[label("build_date")]
    assert "US$" in rows[label("units")] and "ISO 4217" in rows[label("units")]
    assert "CC BY-SA 4.0" in rows[label("licence")]
    assert rows[label("attribution")] == f"“Georgia–Mexico relations”, Wikipedia contributors, {source.url}"
    for name in book.sheetnames:
        assert rows[f"{label('sheet')}: {name}"], name  # every sheet says what it holds


def test_about_is_spanish_in_a_spanish_book(seed_records, spanish_layout, tmp_path):
    path = tmp_path / "es.xlsx"
    _xlsx.export_many(list(seed_records.values()), spanish_layout, path)
    book, rows = _about(path, spanish_layout)
    assert book.sheetnames[-1] == "Acerca de"
    assert "CC BY-SA 4.0" in rows["Licencia"] and "colaboradores de Wikipedia" in rows["Atribución"]
    assert rows["Hoja: Comercio más reciente"].startswith("El total más reciente")
