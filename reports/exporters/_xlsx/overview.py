"""The sheets about whole records rather than one fact list: the Overview (one record's
fields and counts, or one row per record) and the Sources (every reference)."""

from __future__ import annotations

from ...facts_view import key_facts, latest_trade, representation, source_rows
from .sheets import FACT_SHEETS, PART_SHEETS
from .values import Link, as_url, dated


def overview_of_one(book, record) -> None:
    """Field/value rows: title, key facts, summary, row counts. A field links to the
    sheet holding its detail (the field, not the value: LibreOffice cannot wrap the
    text of a link cell, and values may be long)."""
    def make_rows():
        yield book.label("title"), record.title
        for fact in key_facts(record, book.layout):
            part = PART_SHEETS.get(fact.part)
            yield Link(fact.label, book.names[part]) if part else fact.label, fact.value
        yield book.label("summary"), record.summary
        for sheet in FACT_SHEETS:
            count = sum(1 for _ in sheet.rows(record, book.layout))
            yield Link(book.names[sheet.key], book.names[sheet.key]), count
        if book.cited:  # the Sources sheet, counted and linked like the fact sheets
            yield Link(book.names["sheet_sources"], book.names["sheet_sources"]), len(record.citations)
        yield from source_rows(record, book.layout)
    book.new_sheet("sheet_overview", [book.label("field"), book.label("value")], [None, None], make_rows, "A2")


def overview_of_many(book, records) -> None:
    """One row per relationship; the count columns' headers link to their sheets."""
    counted = FACT_SHEETS
    headers = [book.label("relationship"), book.label("title"),
               book.label("established"), book.precision_header("established"),
               book.label("reestablished"), book.precision_header("reestablished"),
               *(book.label(k) for k in ("memberships", "latest_trade_year", "latest_trade", "representation"))]
    headers += [Link(book.names[s.key], book.names[s.key]) for s in counted]
    dates = book.options.get("date_format")
    formats = [None, None, dates, None, dates, None, None, None, book.options.get("currency_format")]
    formats += [None] * (1 + len(counted))

    def make_rows():
        for record in records:
            latest = latest_trade(record)
            yield (record.id, record.title, *dated(record.established), *dated(record.reestablished),
                   ", ".join(record.memberships),
                   latest.year if latest else None, latest.total_usd if latest else None,
                   "; ".join(f"{country}: {where}" for country, where in representation(record, book.layout)),
                   *(sum(1 for _ in s.rows(record, book.layout)) for s in counted))
    book.new_sheet("sheet_overview", headers, formats, make_rows, "B2")


def sources(book, records) -> None:
    """Every reference of the records: id, title, publisher, date, accessed, URL."""
    headers = [book.label("citation_id"), book.label("title"), book.label("publisher"),
               book.label("date"), book.precision_header("date"),
               book.label("accessed"), book.precision_header("accessed"), book.label("url")]
    dates = book.options.get("date_format")
    formats = [None, None, None, dates, None, dates, None, None]

    def rows_of(record):
        for c in record.citations:
            yield (c.id, c.title, c.publisher, *dated(c.date), *dated(c.accessed), as_url(c.url))

    if book.combined:
        def make_rows():
            return ((record.id, *row) for record in records for row in rows_of(record))
        book.new_sheet("sheet_sources", [book.label("relationship"), *headers], [None, *formats], make_rows, "B2")
    else:
        book.new_sheet("sheet_sources", headers, formats, lambda: rows_of(records[0]), "A2")
