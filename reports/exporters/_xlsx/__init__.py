"""Excel workbooks (openpyxl): one per relationship, and one combining all records.

Every fact list of the record becomes a sheet holding a native Excel table (filter
buttons, table style, frozen header), with years, months, amounts and day-precise
dates stored as numbers and real dates so that they sort, filter and pivot. Both
workbooks are written in write-only (streaming) mode, so the combined one stays in
bounded memory for 10,000 records; write-only sheets must be set up (widths, panes)
before their first row, so each sheet is produced in two passes over the same rows:
one to measure, one to write.

Empty sheets: a sheet without data rows keeps its header row (frozen, fitted) but
gets no table, because an Excel table needs at least one data row and a fake empty
row would break "one row per fact".

The package, one concern a module: `sheets` (what each sheet holds), `values` (cell
value types and dates), `overview` and `charts` (the sheets beyond the fact lists),
`book` (the workbook being filled), `writer` (one sheet), `cells` (styles and cells),
`archive` (the zip with fixed times).
"""

from __future__ import annotations

from . import openpyxl_first  # noqa: F401 (before anything imports openpyxl)
from ...facts_view import build_datetime, document_title, visit_counts_by_year
from ...names import localised
from . import charts, overview
from .about import about
from .book import Book
from .sheets import COMBINED_SHEET_KEYS, FACT_SHEETS, SHEET_KEYS, with_sources

NAME = "xlsx"
EXTENSION = ".xlsx"


def export(record, layout, path, context=None) -> list[str]:
    """One relationship's workbook."""
    record = localised(record, layout)  # country names and offices in the layout's language
    cited = bool(record.citations)
    book = Book(layout, with_sources(SHEET_KEYS, cited), combined=False, context=context, cited=cited,
                title=document_title(record, layout))
    with book.abandoned_on_failure():
        overview.overview_of_one(book, record)
        for sheet in FACT_SHEETS:
            book.fact_sheet(sheet, [record])
        charts.visits_per_year(book, visit_counts_by_year([record]))
        if cited:
            overview.sources(book, [record])
        book.properties(record.title, build_datetime(context, record))
        book.changes(record.id, context)
        about(book, [record], build_datetime(context, record))
        book.analysts_work()
        return book.save(path)


def export_many(records, layout, path, context=None) -> list[str]:
    """The combined workbook: every sheet starts with a Relationship column."""
    records = [localised(record, layout) for record in records]
    cited = any(record.citations for record in records)
    book = Book(layout, with_sources(COMBINED_SHEET_KEYS, cited), combined=True, context=context, cited=cited,
                title=layout.label("relations"))
    with book.abandoned_on_failure():
        overview.overview_of_many(book, records)
        for sheet in FACT_SHEETS:
            book.fact_sheet(sheet, records)
        charts.visits_per_year(book, visit_counts_by_year(records))
        charts.latest_trade_ranking(book, records)
        if cited:
            overview.sources(book, records)
        book.properties(layout.label("relations"), build_datetime(context, *records))
        book.changes(None, context)
        about(book, records, build_datetime(context, *records))
        book.analysts_work()
        return book.save(path)

