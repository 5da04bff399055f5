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
"""

from __future__ import annotations

import contextlib
import datetime
import re
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from .._zipfile import FixedTimeZip
from ...names import localised
from ...citations_view import References, link_target
from ...facts_view import (source_rows, date_parts, build_datetime, key_facts, kind_label, latest_trade,
                          representation, visit_counts_by_year, visits_in_order, xml_safe)

NAME = "xlsx"
EXTENSION = ".xlsx"

MAX_CELL_CHARS = 32_767           # Excel's limit; openpyxl would truncate silently
MAX_ROWS = 1_048_576              # Excel's sheet limit, header included
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets may read as a formula
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31
LINE_HEIGHT_PT = 15               # one line of the 11-point body font


# -- what the sheets hold -----------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A cell value that links to another sheet of the workbook."""
    value: Any
    sheet: str


@dataclass(frozen=True)
class Url:
    """A cell value that is a web address: a hyperlink when it is http(s), else text."""
    value: str


@dataclass(frozen=True)
class Column:
    label: str                  # layout label key of the header
    number_format: str | None = None  # a key of the [xlsx] options ("currency_format")
    of: str | None = None       # a precision column: the label key of the date it qualifies


@dataclass(frozen=True)
class FactSheet:
    key: str                    # layout label key of the sheet name; also names the table
    columns: tuple[Column, ...]
    rows: Callable              # (record, layout) -> iterable of row tuples
    facts: Callable             # record -> the fact of each row, in the same order (its cites)
    fact_columns: tuple = ()    # the columns that identify a fact: an index, or a (date, precision) pair


def _url(url: str | None) -> Url | None:
    return Url(url) if url else None


class MonthDate(datetime.date):
    """A month-precise date in a date column: the first of its month, shown as
    yyyy-mm ([xlsx] month_format), so the day is never displayed as if known."""


class Year(int):
    """A year-precise date in a date column: the year as a number ([xlsx] year_format)."""


def _iso_to_excel(iso: str | None):
    """An ISO date for a date column, never text: a real date where the date is complete,
    a MonthDate for a month, the Year as a number for a year, None undated. An
    impossible day or month (a record from JSON) falls back to the precision that is valid."""
    year, month, day = date_parts(iso) if iso else (None, None, None)
    if year is None:
        return None
    if day is not None:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            pass
    if month is not None and 1 <= month <= 12 and 1 <= year <= 9999:
        return MonthDate(year, month, 1)
    return Year(year)


def _precision(value) -> str | None:
    """What a date column's value states: "day", "month" or "year" (its own column)."""
    if value is None:
        return None
    return "year" if isinstance(value, Year) else "month" if isinstance(value, MonthDate) else "day"


def _dated(iso: str | None) -> tuple:
    """The (date, precision) cells of one date."""
    value = _iso_to_excel(iso)
    return value, _precision(value)


def _visit_rows(record, layout):
    for visit in visits_in_order(record):
        year, month, _ = date_parts(visit.date)
        yield (visit.from_, visit.to, visit.office, visit.person, *_dated(visit.date), year, month, visit.line)


def _agreement_rows(record, layout):
    for agreement in record.agreements:
        yield agreement.title, *_dated(agreement.date), date_parts(agreement.date)[0], agreement.line


def _trade_rows(record, layout):
    for row in record.trade:  # a total in another currency: amount and currency, no US$ total
        yield row.year, row.total_usd, row.amount, row.currency, row.line


def _export_rows(record, layout):
    for export in record.exports:
        for product in export.products:
            yield export.from_, export.to, product, export.line


def _mission_rows(record, layout):
    for mission in record.missions:
        yield (mission.country, mission.host, kind_label(mission.kind, layout), mission.city,
               mission.city_country, mission.resident, mission.line)


def _event_rows(record, layout):
    for event in record.events:
        year, month, _ = date_parts(event.date)
        yield *_dated(event.date), year, month, event.text, event.line


def _export_facts(record):
    return (export for export in record.exports for _ in export.products)


def _columns(*labels: str, **formats: str) -> tuple[Column, ...]:
    """Columns by label key; a "date" column is followed by its precision column."""
    columns = []
    for label in labels:
        columns.append(Column(label, formats.get(label)))
        if label == "date":
            columns.append(Column("precision_of", of=label))
    return tuple(columns)


# A fact's key columns (its analyst's note follows it); a (date, precision) pair is one
# date, compared at its precision (carry/sheets.py).
FACT_SHEETS = (
    FactSheet("sheet_visits", _columns("from", "to", "office", "person", "date", "year", "month",
                                       "source_line", date="date_format"), _visit_rows,
              visits_in_order, (0, 1, 3, (4, 5))),
    FactSheet("sheet_agreements", _columns("title", "date", "year", "source_line", date="date_format"),
              _agreement_rows, lambda record: record.agreements, (0, (1, 2))),
    FactSheet("sheet_trade", _columns("year", "total_usd", "amount", "currency", "source_line",
                                      total_usd="currency_format", amount="amount_format"),
              _trade_rows, lambda record: record.trade, (0,)),
    FactSheet("sheet_exports", _columns("from", "to", "product", "source_line"), _export_rows, _export_facts,
              (0, 1, 2)),
    FactSheet("sheet_missions", _columns("country", "host", "kind", "city", "city_country", "resident",
                                         "source_line"), _mission_rows, lambda record: record.missions,
              (0, 1, 3)),
    FactSheet("sheet_events", _columns("date", "year", "month", "text", "source_line", date="date_format"),
              _event_rows, lambda record: record.events, ((0, 1), 4)),
)
# Which sheet holds the detail of a key fact (facts_view.KeyFact.part).
_PART_SHEETS = {"history": "sheet_events", "trade": "sheet_trade", "missions": "sheet_missions"}
SHEET_KEYS = ("sheet_overview", *(s.key for s in FACT_SHEETS), "sheet_visits_per_year")
COMBINED_SHEET_KEYS = (*SHEET_KEYS, "sheet_latest_trade")
EARLIER_NOTES_KEY = "sheet_earlier_notes"  # written only when notes lost their fact
CHANGES_KEY = "sheet_changes"               # written only on a rebuild whose article changed


# -- the module interface -----------------------------------------------------------------


def export(record, layout, path, context=None) -> list[str]:
    """One relationship's workbook."""
    record = localised(record, layout)  # country names and offices in the layout's language
    cited = bool(record.citations)
    book = _Book(layout, _with_sources(SHEET_KEYS, cited), combined=False, context=context, cited=cited)
    with book.abandoned_on_failure():
        book.overview_of_one(record)
        for sheet in FACT_SHEETS:
            book.fact_sheet(sheet, [record])
        book.visits_per_year(visit_counts_by_year([record]))
        if cited:
            book.sources([record])
        book.properties(record.title, build_datetime(context, record))
        book.changes(record.id, context)
        book.analysts_work()
        return book.save(path)


def export_many(records, layout, path, context=None) -> list[str]:
    """The combined workbook: every sheet starts with a Relationship column."""
    records = [localised(record, layout) for record in records]
    cited = any(record.citations for record in records)
    book = _Book(layout, _with_sources(COMBINED_SHEET_KEYS, cited), combined=True, context=context, cited=cited)
    with book.abandoned_on_failure():
        book.overview_of_many(records)
        for sheet in FACT_SHEETS:
            book.fact_sheet(sheet, records)
        book.visits_per_year(visit_counts_by_year(records))
        book.latest_trade_ranking(records)
        if cited:
            book.sources(records)
        book.properties(layout.label("relations"), build_datetime(context, *records))
        book.changes(None, context)
        book.analysts_work()
        return book.save(path)


def _with_sources(keys, cited: bool) -> tuple[str, ...]:
    """A workbook of cited records ends with its Sources sheet; others are as before."""
    return (*keys, "sheet_sources") if cited else tuple(keys)


# -- sheet names ------------------------------------------------------------------------------


def sheet_names(layout, keys) -> tuple[dict[str, str], list[str]]:
    """{label key: valid, unique sheet name} and warnings for names that had to change.
    Excel refuses [ ] : * ? / \\, a leading or trailing apostrophe, more than 31
    characters, and two names that differ only in case."""
    names, taken, warnings = {}, set(), []
    for number, key in enumerate(keys, 1):
        wanted = layout.label(key)
        name = _BAD_SHEET_CHARS.sub("_", xml_safe(wanted)).strip().strip("'")[:_SHEET_NAME_MAX] or f"Sheet{number}"
        base, suffix = name, 2
        while name.casefold() in taken:
            tail = f" ({suffix})"
            name, suffix = base[:_SHEET_NAME_MAX - len(tail)] + tail, suffix + 1
        if name != wanted:
            warnings.append(f"sheet name {wanted!r} is not valid in Excel: written as {name!r}")
        taken.add(name.casefold())
        names[key] = name
    return names, warnings


def sheet_reference(name: str) -> str:
    """The cell A1 of a sheet, as a hyperlink location ("'Visits per year'!A1")."""
    return "'" + name.replace("'", "''") + "'!A1"


# -- the workbook -----------------------------------------------------------------------------


class _Book:
    """A write-only workbook being filled sheet by sheet, collecting warnings."""

    def __init__(self, layout, keys, combined: bool, context=None, cited: bool = False):
        from openpyxl import Workbook

        self.layout = layout
        self.options = layout.options("xlsx")
        self.combined = combined
        # Only records with references get a Source URL column: plain articles' workbooks stay as they were.
        self.cited = cited
        self.workbook = Workbook(write_only=True)
        self.names, self.warnings = sheet_names(layout, (*keys, CHANGES_KEY, EARLIER_NOTES_KEY))
        self.sheets = {}
        self.styles = _Styles(layout)
        self.claims = {}  # sheet key -> sheets.NotesClaim
        self.carried = self._carried(context)

    def _carried(self, context):
        """The analysts' work in the workbook being replaced (None on a first build, or
        when that file cannot be read: the build keeps it as a backup)."""
        if context is None or not context.previous:
            return None
        from ...carry import sheets

        keys = {sheet.key: self._key_columns(sheet) for sheet in FACT_SHEETS}
        try:
            return sheets.read_carried(context.previous, keys, self.names, self.label("notes_column"))
        except ValueError:
            return None

    def label(self, key: str) -> str:
        return self.layout.label(key)

    def header(self, column: Column) -> str:
        if column.of:
            return self.layout.label(column.label, field=self.layout.label(column.of))
        return self.label(column.label)

    def precision_header(self, of: str) -> str:
        return self.header(Column("precision_of", of=of))

    def new_sheet(self, key: str, headers, formats, make_rows, freeze: str):
        """A sheet with a header row and a table over `make_rows()` (a fresh iterator each call)."""
        writer = _SheetWriter(self, self.names[key], key)
        self.sheets[key] = writer.write(headers, formats, make_rows, freeze)
        return self.sheets[key]

    def fact_sheet(self, sheet: FactSheet, records) -> None:
        """A fact sheet: its columns, a Source URL column when the records are cited, and
        last the analyst's Notes (carried by the fact's key)."""
        headers = [self.header(c) for c in sheet.columns]
        formats = [self.options.get(c.number_format) if c.number_format else None for c in sheet.columns]
        if self.cited:
            headers.append(self.label("source_url_column"))
            formats.append(None)
        headers.append(self.label("notes_column"))
        formats.append(None)

        def rows_of(record):
            rows = sheet.rows(record, self.layout)
            if not self.cited:
                return rows
            references = References(record)
            return ((*row, _url(references.first_url(fact.cites)))
                    for row, fact in zip(rows, sheet.facts(record)))

        if self.combined:
            def facts():
                return ((record.id, *row) for record in records for row in rows_of(record))
            headers, formats, freeze = [self.label("relationship"), *headers], [None, *formats], "B2"
        else:
            def facts():
                return rows_of(records[0])
            freeze = "A2"
        claim = self._claim(sheet, headers)

        def make_rows():
            if claim is None:
                return ((*row, None) for row in facts())
            claim.restart()
            return ((*row, claim.note_for(row)) for row in facts())
        self.new_sheet(sheet.key, headers, formats, make_rows, freeze)

    def _claim(self, sheet: FactSheet, headers):
        notes = self.carried.notes.get(sheet.key) if self.carried else None
        if not notes:
            return None
        from ...carry.sheets import NotesClaim

        self.claims[sheet.key] = NotesClaim(notes, self._key_columns(sheet))
        return self.claims[sheet.key]

    def _key_columns(self, sheet: FactSheet) -> tuple:
        """A fact's key columns; in the combined workbook the Relationship column first."""
        if not self.combined:
            return sheet.fact_columns
        return (0, *(tuple(i + 1 for i in c) if isinstance(c, tuple) else c + 1 for c in sheet.fact_columns))

    def changes(self, article: str | None, context) -> None:
        """The Changes sheet: one row per change since the last build, as a table."""
        changes = context.changes if context else ()
        if not changes:
            return
        from ...changes_view import change_rows

        def build_date(change):  # a build's date is always a day
            return _iso_to_excel(change.get("since") or (context.last_build if article else None))
        rows = [(row.article or article, row.kind, row.change, row.item, row.field, row.old, row.new, row.line,
                 build_date(change)) for row, change in zip(change_rows(changes, self.layout), changes)]
        headers = [self.label(k) for k in ("article", "kind", "change", "fact", "field", "old", "new",
                                            "source_line", "build_date")]
        self.new_sheet(CHANGES_KEY, headers, [None] * 8 + [self.styles.date_format], lambda: iter(rows), "A2")

    def analysts_work(self) -> None:
        """The closing notes sheet and the analyst's own sheets, after the generated ones;
        the generated sheets named in the properties for the next build."""
        from ...carry import sheets

        if self.carried:
            rows = list(self.carried.earlier)
            for key, claim in self.claims.items():
                rows += [(self.carried.old_names.get(key, self.names[key]), " · ".join(k for k in fact if k), note)
                         for fact, note in claim.leftovers()]
            if rows:
                headers = [self.label("sheet"), self.label("fact"), self.label("notes_column")]
                self.new_sheet(EARLIER_NOTES_KEY, headers, [None] * 3, lambda: iter(rows), "A2")
            taken = {name.casefold() for name in self.names.values()}
            self.warnings += sheets.copy_analyst_sheets(self.carried, self.workbook, taken)
        sheets.mark_generated(self.workbook, {key: self.names[key] for key in self.sheets},
                              self.label("notes_column"))

    def sources(self, records) -> None:
        """Every reference of the records: id, title, publisher, date, accessed, URL."""
        headers = [self.label("citation_id"), self.label("title"), self.label("publisher"),
                   self.label("date"), self.precision_header("date"),
                   self.label("accessed"), self.precision_header("accessed"), self.label("url")]
        dates = self.options.get("date_format")
        formats = [None, None, None, dates, None, dates, None, None]

        def rows_of(record):
            for c in record.citations:
                yield (c.id, c.title, c.publisher, *_dated(c.date), *_dated(c.accessed), _url(c.url))

        if self.combined:
            def make_rows():
                return ((record.id, *row) for record in records for row in rows_of(record))
            self.new_sheet("sheet_sources", [self.label("relationship"), *headers], [None, *formats], make_rows, "B2")
        else:
            self.new_sheet("sheet_sources", headers, formats, lambda: rows_of(records[0]), "A2")

    def overview_of_one(self, record) -> None:
        """Field/value rows: title, key facts, summary, row counts. A field links to the
        sheet holding its detail (the field, not the value: LibreOffice cannot wrap the
        text of a link cell, and values may be long)."""
        def make_rows():
            yield self.label("title"), record.title
            for fact in key_facts(record, self.layout):
                part = _PART_SHEETS.get(fact.part)
                yield Link(fact.label, self.names[part]) if part else fact.label, fact.value
            yield self.label("summary"), record.summary
            for sheet in FACT_SHEETS:
                count = sum(1 for _ in sheet.rows(record, self.layout))
                yield Link(self.names[sheet.key], self.names[sheet.key]), count
            if self.cited:  # the Sources sheet, counted and linked like the fact sheets
                yield Link(self.names["sheet_sources"], self.names["sheet_sources"]), len(record.citations)
            yield from source_rows(record, self.layout)
        self.new_sheet("sheet_overview", [self.label("field"), self.label("value")], [None, None], make_rows, "A2")

    def overview_of_many(self, records) -> None:
        """One row per relationship; the count columns' headers link to their sheets."""
        counted = FACT_SHEETS
        headers = [self.label("relationship"), self.label("title"),
                   self.label("established"), self.precision_header("established"),
                   self.label("reestablished"), self.precision_header("reestablished"),
                   *(self.label(k) for k in ("memberships", "latest_trade_year", "latest_trade", "representation"))]
        headers += [Link(self.names[s.key], self.names[s.key]) for s in counted]
        dates = self.options.get("date_format")
        formats = [None, None, dates, None, dates, None, None, None, self.options.get("currency_format")]
        formats += [None] * (1 + len(counted))

        def make_rows():
            for record in records:
                latest = latest_trade(record)
                yield (record.id, record.title, *_dated(record.established), *_dated(record.reestablished),
                       ", ".join(record.memberships),
                       latest.year if latest else None, latest.total_usd if latest else None,
                       "; ".join(f"{country}: {where}" for country, where in representation(record, self.layout)),
                       *(sum(1 for _ in s.rows(record, self.layout)) for s in counted))
        self.new_sheet("sheet_overview", headers, formats, make_rows, "B2")

    def visits_per_year(self, counts: list[tuple[int, int]]) -> None:
        """The (year, visits) table, and its column chart on the Visits sheet."""
        info = self.new_sheet("sheet_visits_per_year", [self.label("year"), self.label("visit_count")],
                              [None, None], lambda: iter(counts), "A2")
        if counts:
            chart = _column_chart(self.label("visits_per_year"), info, len(counts), self.layout)
            # Whole visits on the value axis: at most ~8 gridlines, never a step below 1.
            chart.y_axis.majorUnit = max(1, -(-max(n for _, n in counts) // 8))
            chart.y_axis.number_format = "0"
            visits = self.sheets["sheet_visits"]
            visits.worksheet.add_chart(chart, _anchor_beside(visits))

    def latest_trade_ranking(self, records) -> None:
        """Latest trade total per relationship, largest first; a bar chart of the largest,
        its bars named by the relationships' titles. Only totals in US dollars compare: a
        latest total in another currency is left out of the ranking (its Trade rows show it)."""
        latest = ((r, latest_trade(r)) for r in records)
        ranking = sorted(((r.id, r.title, t.year, t.total_usd) for r, t in latest if t and t.total_usd is not None),
                         key=lambda row: (-row[3], row[0]))
        headers = [self.label("relationship"), self.label("title"), self.label("year"), self.label("total_usd")]
        info = self.new_sheet("sheet_latest_trade", headers,
                              [None, None, None, self.options.get("currency_format")], lambda: iter(ranking), "A2")
        if ranking:
            shown = min(len(ranking), int(self.options.get("chart_max_bars", 25)))
            chart = _bar_chart(self.label("latest_trade_by_relationship"), info, shown, self.layout)
            trade = self.sheets["sheet_trade"]
            trade.worksheet.add_chart(chart, _anchor_beside(trade))

    def properties(self, title: str, when: datetime.datetime) -> None:
        """Fixed document properties, so that the same records give the same bytes."""
        props = self.workbook.properties
        when = when.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        props.created = props.modified = when
        props.title = xml_safe(title)
        props.creator = props.lastModifiedBy = xml_safe(self.layout.document.author)
        props.language = self.layout.metadata.get("language")
        self.when = when

    @contextlib.contextmanager
    def abandoned_on_failure(self):
        """On any failure, close the sheets written so far and remove their temporary
        files. Otherwise openpyxl's half-written sheet streams are finalised by the
        garbage collector, which prints "Exception ignored" tracebacks on stderr and
        leaves openpyxl.* files in the temporary folder until the process exits."""
        try:
            yield
        except BaseException:
            for worksheet in self.workbook.worksheets:
                with contextlib.suppress(Exception):
                    if not worksheet.closed:
                        worksheet.close()
                    if worksheet._writer is not None:
                        worksheet._writer.cleanup()
            raise

    def save(self, path) -> list[str]:
        from openpyxl.writer.excel import ExcelWriter

        # openpyxl's save_workbook() stamps `modified` with the clock and zipfile stamps
        # every entry with the time of writing: write through our own archive instead.
        archive = _BookArchive(path, self.when, self._app_xml())
        ExcelWriter(self.workbook, archive).save()
        return self.warnings

    def _app_xml(self) -> bytes:
        """docProps/app.xml naming the application and the layout's organisation
        (openpyxl writes its own name and cannot write a company)."""
        from xml.sax.saxutils import escape

        values = {"Application": self.layout.metadata.get("creator", "reports"),
                  "Company": self.layout.document.organisation}
        inner = "".join(f"<{key}>{escape(xml_safe(value))}</{key}>" for key, value in values.items() if value)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
                f'"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">{inner}</Properties>'
                ).encode("utf-8")


class _BookArchive(FixedTimeZip):
    """The workbook's zip, with our docProps/app.xml in place of openpyxl's."""

    def __init__(self, path, when: datetime.datetime, app_xml: bytes):
        super().__init__(path, when)
        self._app_xml = app_xml

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):
        if zinfo_or_arcname == "docProps/app.xml":
            data = self._app_xml
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)


# -- one sheet --------------------------------------------------------------------------------


@dataclass
class SheetInfo:
    worksheet: Any
    name: str
    columns: int
    rows: int       # data rows, header excluded


class _SheetWriter:
    def __init__(self, book: _Book, name: str, key: str):
        self.book = book
        self.name = name
        self.table_name = "tbl_" + key.removeprefix("sheet_")
        self.worksheet = book.workbook.create_sheet(name)

    def write(self, headers, formats, make_rows, freeze: str) -> SheetInfo:
        links = [h.sheet if isinstance(h, Link) else None for h in headers]
        texts = _unique_headers([self._text(str(h.value if isinstance(h, Link) else h), 1) for h in headers])
        widths, count = self._measure(texts, make_rows())
        count = min(count, MAX_ROWS - 1)
        self._set_up(widths, freeze)
        ws, styles = self.worksheet, self.book.styles
        ws.append([styles.header_cell(ws, text, link) for text, link in zip(texts, links)])
        # Only text longer than a capped column wraps; other cells stay unstyled (fast).
        wraps = [width > self.max_width for width in widths]
        for number, row in enumerate(make_rows(), 2):
            if number > MAX_ROWS:
                self.book.warnings.append(f"{self.name}: more than {MAX_ROWS - 1:,} rows; the rest left out")
                break
            lines = _wrapped_lines(row, widths, wraps) if any(wraps) else 1
            if lines > 1:  # neither Excel nor LibreOffice fits row heights on opening
                ws.row_dimensions[number].height = LINE_HEIGHT_PT * lines
            ws.append([self._cell(value, formats[i], wraps[i], number) for i, value in enumerate(row)])
            ws.row_dimensions.pop(number, None)  # written: keep memory flat
        if count:
            with warnings.catch_warnings():  # "add table columns manually": _table() does
                warnings.simplefilter("ignore")
                ws.add_table(_table(self.table_name, texts, count, self.book.options.get("table_style")))
        return SheetInfo(ws, self.name, len(texts), count)

    @property
    def max_width(self) -> int:
        return int(self.book.options.get("max_column_width", 60))

    def _measure(self, headers, rows: Iterator) -> tuple[list[int], int]:
        """Column widths in characters (header, longest value, capped) and the row count."""
        widths = [len(h) + 3 for h in headers]  # room for the filter button
        count = 0
        for count, row in enumerate(rows, 1):
            for i, value in enumerate(row):
                length = _display_length(value)
                if length > widths[i]:
                    widths[i] = length
        return [min(max(w, 6), self.max_width) + 1 for w in widths], count

    def _set_up(self, widths, freeze: str) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        ws = self.worksheet
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = freeze
        # Printing (and LibreOffice's PDF) fits the columns to the page width.
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.print_title_rows = "1:1"

    def _cell(self, value, number_format, wrap: bool, row: int):
        """A cell value as openpyxl must receive it to store it safely."""
        styles, ws = self.book.styles, self.worksheet
        if isinstance(value, Link):
            return styles.link_cell(ws, self._cell(value.value, number_format, wrap, row), value.sheet)
        if isinstance(value, Url):
            return styles.url_cell(ws, self._text(value.value, row), link_target(value.value))
        if isinstance(value, str):
            return styles.text_cell(ws, self._text(value, row), wrap)
        if isinstance(value, MonthDate):
            return styles.number_cell(ws, datetime.date(value.year, value.month, 1), styles.month_format)
        if isinstance(value, Year):
            return styles.number_cell(ws, int(value), styles.year_format)
        if isinstance(value, datetime.date):
            return styles.number_cell(ws, value, number_format or styles.date_format)
        if number_format and isinstance(value, (int, float)) and not isinstance(value, bool):
            return styles.number_cell(ws, value, number_format)
        return value

    def _text(self, value: str, row: int) -> str:
        cleaned = xml_safe(value)
        if cleaned != value:
            self.book.warnings.append(f"{self.name} row {row}: XML-illegal control characters removed")
        if len(cleaned) > MAX_CELL_CHARS:
            self.book.warnings.append(f"{self.name} row {row}: text of {len(cleaned):,} characters "
                                      f"truncated to Excel's limit of {MAX_CELL_CHARS:,}")
            cleaned = cleaned[:MAX_CELL_CHARS]
        return cleaned


def _wrapped_lines(row, widths, wraps) -> int:
    """How many lines the tallest wrapped cell of a row takes (a slight overestimate)."""
    lines = 1
    for value, width, wrap in zip(row, widths, wraps):
        if wrap and isinstance(value, str):
            per_line = max(int(width * 1.1) - 2, 10)  # body text is narrower than the width unit "0"
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
    return min(lines, 27)  # Excel's row height limit is 409 points


def _display_length(value) -> int:
    if value is None:
        return 0
    if isinstance(value, (Link, Url)):
        return _display_length(value.value)
    if isinstance(value, str):
        # The longest line counts: a value with line breaks wraps at them.
        return max(map(len, value.split("\n"))) if "\n" in value else len(value)
    if isinstance(value, Year):
        return 4
    if isinstance(value, (datetime.date, bool)):
        return 10
    if isinstance(value, int) and value >= 100_000:
        return len(f"{value:,}") + 3  # thousands separators and a currency sign
    return len(str(value))


def _unique_headers(headers: list[str]) -> list[str]:
    """Table column names must be unique and non-empty."""
    seen, unique = set(), []
    for number, header in enumerate(headers, 1):
        name, suffix = header or f"Column{number}", 2
        while name.casefold() in seen:
            name, suffix = f"{header} ({suffix})", suffix + 1
        seen.add(name.casefold())
        unique.append(name)
    return unique


def _table(name: str, headers: list[str], rows: int, style: str | None):
    """A table over the header and `rows` data rows; write-only sheets need the columns given."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    ref = f"A1:{get_column_letter(len(headers))}{rows + 1}"
    table = Table(displayName=name, name=name, ref=ref, autoFilter=AutoFilter(ref=ref),
                  tableColumns=[TableColumn(id=i, name=h) for i, h in enumerate(headers, 1)])
    table.tableStyleInfo = TableStyleInfo(name=style or "TableStyleMedium2", showRowStripes=True)
    return table


# -- styles and cells -------------------------------------------------------------------------


class _Styles:
    """The few styles the workbook uses, made once from the layout."""

    def __init__(self, layout):
        from openpyxl.styles import Alignment, PatternFill
        from openpyxl.styles.fonts import DEFAULT_FONT

        colors = layout.colors
        options = layout.options("xlsx")
        self.date_format = options.get("date_format", "yyyy-mm-dd")
        self.month_format = options.get("month_format", "yyyy-mm")
        self.year_format = options.get("year_format", "0")
        primary, on_primary = _argb(colors["primary"]), _argb(colors["on_primary"])
        # Fonts derive from the workbook's body font, or LibreOffice falls back to a serif.
        self.header_font = _font_like(DEFAULT_FONT, b=True, color=on_primary)
        # A linked header gets a light fill: LibreOffice paints links in its own dark blue.
        self.header_link_font = _font_like(DEFAULT_FONT, b=True, color=primary, u="single")
        self.header_link_fill = PatternFill("solid", fgColor=_argb(colors["light"]))
        self.header_fill = PatternFill("solid", fgColor=primary)
        self.link_font = _font_like(DEFAULT_FONT, color=primary, u="single")
        self.wrap = Alignment(wrap_text=True)
        self.max_width = int(options.get("max_column_width", 60))

    def header_cell(self, ws, text: str, link_to: str | None):
        cell = _write_only_cell(ws, text)
        cell.quotePrefix = text.startswith(FORMULA_PREFIXES)
        cell.font = self.header_link_font if link_to else self.header_font
        cell.fill = self.header_link_fill if link_to else self.header_fill
        if link_to:
            _link(cell, link_to)
        return cell

    def text_cell(self, ws, text: str, wrap: bool):
        """Plain strings go in as they are (fast); a string that a spreadsheet could read
        as a formula is forced to a literal string with Excel's quote prefix, as if typed
        after an apostrophe; long text in a capped column wraps."""
        risky = text.startswith(FORMULA_PREFIXES)
        wrap = wrap and len(text) > self.max_width
        if not risky and not wrap:
            return text
        cell = _write_only_cell(ws, text)
        if risky:
            cell.data_type = "s"
            cell.quotePrefix = True
        if wrap:
            cell.alignment = self.wrap
        return cell

    def number_cell(self, ws, value, number_format: str):
        cell = _write_only_cell(ws, value)
        cell.number_format = number_format
        return cell

    def url_cell(self, ws, text: str, target: str | None):
        """A web address: a hyperlink when `target` is given, else guarded text."""
        if target is None:
            return self.text_cell(ws, text, wrap=False)
        cell = _write_only_cell(ws, text)
        cell.quotePrefix = text.startswith(FORMULA_PREFIXES)
        cell.font = self.link_font
        from openpyxl.worksheet.hyperlink import Hyperlink
        cell.hyperlink = Hyperlink(ref="", target=target, display=text)
        return cell

    def link_cell(self, ws, inner, sheet: str):
        if inner is None:
            return None
        cell = inner if hasattr(inner, "data_type") else _write_only_cell(ws, inner)
        cell.font = self.link_font
        _link(cell, sheet)
        return cell


def _write_only_cell(ws, value):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _link(cell, sheet: str) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    # A location link stays inside the workbook (no external relationship).
    cell.hyperlink = Hyperlink(ref="", location=sheet_reference(sheet), display=str(cell.value))


def _font_like(font, **changes):
    from openpyxl.styles import Font

    attributes = {name: getattr(font, name) for name in ("name", "sz", "family", "scheme")}
    return Font(**attributes, **changes)


def _argb(colour: str) -> str:
    return "FF" + colour.lstrip("#").upper()


# -- charts -----------------------------------------------------------------------------------


def _column_chart(title: str, data: SheetInfo, rows: int, layout):
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "col"
    _fill_chart(chart, title, data, rows, value_column=2, layout=layout)
    chart.width, chart.height = 18, 9
    return chart


def _bar_chart(title: str, data: SheetInfo, rows: int, layout):
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "bar"
    _fill_chart(chart, title, data, rows, value_column=4, layout=layout, category_column=2)
    options = layout.options("xlsx")
    chart.y_axis.number_format = options.get("chart_currency_format", options.get("currency_format", "#,##0"))
    # Largest at the top, as in the table; the value axis then has to cross at the
    # last category to stay at the bottom.
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.crosses = "max"
    chart.width, chart.height = 18, max(7, 0.6 * rows + 2)
    return chart


def _fill_chart(chart, title, data: SheetInfo, rows: int, value_column: int, layout,
                category_column: int = 1) -> None:
    from openpyxl.chart import Reference

    values = Reference(data.worksheet, min_col=value_column, min_row=1, max_row=rows + 1)
    categories = Reference(data.worksheet, min_col=category_column, min_row=2, max_row=rows + 1)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(categories)
    chart.title = title
    chart.legend = None
    chart.series[0].graphicalProperties.solidFill = layout.colors["primary"].lstrip("#")
    # openpyxl 3.1 marks axes as deleted unless told otherwise: Excel would hide them.
    chart.x_axis.delete = chart.y_axis.delete = False


def _anchor_beside(sheet: SheetInfo) -> str:
    """The cell two columns right of a sheet's table, second row."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(sheet.columns + 2)}2"
