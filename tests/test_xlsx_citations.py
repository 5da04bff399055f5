"""Workbooks of cited records: a Source URL column on every facts sheet and a Sources sheet."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from cited import CITATIONS, cited_record
from reports.exporters import _xlsx
from reports.facts_view import visits_in_order

URLS = {c.id: c.url for c in CITATIONS}
FACT_SHEETS = ["Visits", "Agreements", "Trade", "Exports", "Missions", "Events"]


@pytest.fixture(scope="module")
def books(seed_records, default_layout, tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx-cited")
    record = cited_record(seed_records["georgia-mexico"])
    one, many = out / "one.xlsx", out / "many.xlsx"
    assert _xlsx.export(record, default_layout, one) == []
    assert _xlsx.export_many([record, seed_records["lithuania-mexico"]], default_layout, many) == []
    return {"record": record, "one": load_workbook(one), "many": load_workbook(many)}


def column(ws, header):
    headers = [cell.value for cell in ws[1]]
    index = headers.index(header)
    return [row[index] for row in ws.iter_rows(min_row=2)]


def test_every_facts_sheet_has_a_source_url_column_with_real_links(books):
    record = books["record"]
    for name in FACT_SHEETS:
        ws = books["one"][name]
        assert [c.value for c in ws[1]][-2:] == ["Source URL", "Notes"]  # the analyst's Notes stay last
        cells = column(ws, "Source URL")
        assert cells, name
        facts = getattr(record, name.lower())
        if name == "Visits":
            facts = visits_in_order(record)  # the sheet's order: by date within each direction
        if name == "Exports":
            facts = [export for export in facts for _ in export.products]
        assert len(cells) == len(facts)
        for cell, fact in zip(cells, facts):
            expected = next(URLS[cid] for cid in fact.cites if URLS.get(cid))  # the first cite with a URL
            assert cell.value == expected
            assert cell.hyperlink is not None and cell.hyperlink.target == expected
        # the native table spans the new column and the Notes after it
        table = next(iter(ws.tables.values()))
        assert [c.name for c in table.tableColumns][-2:] == ["Source URL", "Notes"]
    assert column(books["one"]["Events"], "Source URL")[0].value == "https://example.org/un"
    assert column(books["one"]["Missions"], "Source URL")[0].value == "https://example.org/un"  # nourl skipped


def test_sources_sheet_lists_every_citation(books):
    for key, offset in (("one", 0), ("many", 1)):
        book = books[key]
        assert book.sheetnames[-2:] == ["Sources", "About"]
        ws = book["Sources"]
        headers = [c.value for c in ws[1]][offset:]
        assert headers == ["ID", "Title", "Publisher", "Date", "Date precision", "Accessed", "Accessed precision",
                           "URL"]
        rows = list(ws.iter_rows(min_row=2))
        assert [r[offset].value for r in rows] == [c.id for c in CITATIONS]
        assert rows[0][offset + 1].value == CITATIONS[0].title
        assert rows[0][offset + 3].value.year == 2021 and rows[0][offset + 3].is_date
        for row, citation in zip(rows, CITATIONS):  # each date beside its precision, never text
            for date, precision, iso in ((row[offset + 3], row[offset + 4], citation.date),
                                         (row[offset + 5], row[offset + 6], citation.accessed)):
                assert precision.value == {None: None, 4: "year", 7: "month", 10: "day"}[len(iso) if iso else None]
                assert not isinstance(date.value, str)
        links = {r[offset].value: r[offset + 7].hyperlink for r in rows}
        assert links["sre"].target == CITATIONS[0].url
        assert links["bad"] is None and links["formula"] is None  # only http(s) become links
        assert list(ws.tables) == ["tbl_sources"]
        if key == "many":
            assert {r[0].value for r in rows} == {"georgia-mexico"}


def test_overview_counts_and_links_the_sources(books):
    rows = {row[0].value: row for row in books["one"]["Overview"].iter_rows(min_row=2)}
    assert rows["Sources"][1].value == len(CITATIONS)
    assert rows["Sources"][0].hyperlink.location == "'Sources'!A1"


def test_reference_text_never_becomes_a_formula(books):
    ws = books["one"]["Sources"]
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str) and cell.value.startswith("="):
                assert cell.quotePrefix


def test_uncited_workbooks_are_unchanged(seed_records, default_layout, tmp_path):
    """Plain records have no citations: no Source URL column, no Sources sheet (omitted, not empty)."""
    record = seed_records["mexico-slovenia"]
    _xlsx.export(record, default_layout, tmp_path / "a.xlsx")
    _xlsx.export_many(list(seed_records.values()), default_layout, tmp_path / "b.xlsx")
    for name in ("a.xlsx", "b.xlsx"):
        book = load_workbook(tmp_path / name)
        assert "Sources" not in book.sheetnames
        for sheet in FACT_SHEETS:
            assert "Source URL" not in [c.value for c in book[sheet][1]]


def test_spanish_labels(seed_records, spanish_layout, tmp_path):
    _xlsx.export(cited_record(seed_records["georgia-mexico"]), spanish_layout, tmp_path / "es.xlsx")
    book = load_workbook(tmp_path / "es.xlsx")
    assert book.sheetnames[-2:] == ["Fuentes", "Acerca de"]
    assert [c.value for c in book["Visitas"][1]][-2] == "URL de la fuente"


def test_wikitext_article_workbook(tmp_path, default_layout):
    from reports.articles import load

    record = load("tests/wiki/sample.wiki")
    _xlsx.export(record, default_layout, tmp_path / "w.xlsx")
    ws = load_workbook(tmp_path / "w.xlsx")["Visits"]
    urls = [c.value for c in column(ws, "Source URL")]
    assert "https://a.lv/v" in urls


def test_sources_dates_take_the_layouts_date_format(seed_records, default_layout, tmp_path):
    import dataclasses
    from types import MappingProxyType

    options = MappingProxyType({**default_layout.formats["xlsx"], "date_format": "dd/mm/yyyy"})
    layout = dataclasses.replace(default_layout, formats=MappingProxyType({**default_layout.formats, "xlsx": options}))
    path = tmp_path / "dated.xlsx"
    assert _xlsx.export(cited_record(seed_records["georgia-mexico"]), layout, path) == []
    sheet = load_workbook(path)[layout.label("sheet_sources")]
    days = [cell for cell in column(sheet, layout.label("date")) if hasattr(cell.value, "day")]
    assert days and {cell.number_format for cell in days} == {"dd/mm/yyyy"}  # a year stays a number
