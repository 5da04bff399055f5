"""The workbook being filled sheet by sheet: sheet names, the fact sheets with their
carried analysts' notes, the Changes and earlier-notes sheets, the analysts' own sheets,
fixed document properties, and cleanup when a step fails."""

from __future__ import annotations

import contextlib
import datetime

from ...citations_view import References
from ...facts_view import xml_safe
from .archive import save_workbook
from .cells import Styles
from .sheets import ABOUT_KEY, CHANGES_KEY, EARLIER_NOTES_KEY, FACT_SHEETS, Column, FactSheet, sheet_names
from .values import as_url, iso_to_excel
from .writer import SheetWriter


class Book:
    """A write-only workbook being filled sheet by sheet, collecting warnings."""

    def __init__(self, layout, keys, combined: bool, context=None, cited: bool = False, title: str = ""):
        from openpyxl import Workbook

        self.layout = layout
        self.running_title = title  # the printed pages' header: the relationship, or the collection
        self.options = layout.options("xlsx")
        self.combined = combined
        # Only records with references get a Source URL column: plain articles' workbooks stay as they were.
        self.cited = cited
        self.workbook = Workbook(write_only=True)
        self.names, self.warnings = sheet_names(layout, (*keys, CHANGES_KEY, ABOUT_KEY, EARLIER_NOTES_KEY))
        self.sheets = {}
        self.styles = Styles(layout)
        self.claims = {}  # sheet key -> sheets.NotesClaim
        self.carried = self._carried(context)

    def _carried(self, context):
        """The analysts' work in the workbook being replaced (None on a first build, or
        when that file cannot be read: the build keeps it as a backup)."""
        if context is None or not context.previous:
            return None
        from . import carried as sheets

        keys = {sheet.key: self._key_columns(sheet) for sheet in FACT_SHEETS}
        try:
            return sheets.read_carried(context.previous, keys, self.names, self.label("notes_column"))
        except ValueError:
            return None

    def label(self, key: str) -> str:
        """The layout's label for `key`."""
        return self.layout.label(key)

    def header(self, column: Column) -> str:
        """A column's header text (a precision column names the date it qualifies)."""
        if column.of:
            return self.layout.label(column.label, field=self.layout.label(column.of))
        return self.label(column.label)

    def precision_header(self, of: str) -> str:
        """The header of the precision column of the date labelled `of`."""
        return self.header(Column("precision_of", of=of))

    def new_sheet(self, key: str, headers, formats, make_rows, freeze: str):
        """A sheet with a header row and a table over `make_rows()` (a fresh iterator each call)."""
        writer = SheetWriter(self, self.names[key], key)
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
            return ((*row, as_url(references.first_url(fact.cites)))
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
        keep = self._filled_columns(facts(), len(headers) - 1, self._key_columns(sheet))
        headers, formats = [headers[i] for i in keep] + [headers[-1]], [formats[i] for i in keep] + [formats[-1]]

        def make_rows():
            if claim is None:
                return ((*(row[i] for i in keep), None) for row in facts())
            claim.restart()
            return ((*(row[i] for i in keep), claim.note_for(row)) for row in facts())
        self.new_sheet(sheet.key, headers, formats, make_rows, freeze)

    @staticmethod
    def _filled_columns(rows, width: int, key_columns) -> list[int]:
        """The columns to write: all but those empty in every row ("Amount (as written)"
        where every total is in US$). A column up to the last key column stays, so the
        columns that carry the analysts' notes keep their places; the Notes column,
        where analysts write, always stays (it is not among these)."""
        last_key = max(max(c) if isinstance(c, tuple) else c for c in key_columns)
        filled = set(range(last_key + 1))
        for row in rows:
            filled.update(i for i in range(width) if row[i] is not None and row[i] != "")
            if len(filled) == width:
                break
        return sorted(filled)

    def _claim(self, sheet: FactSheet, headers):
        """The carried notes of a fact sheet, to be claimed row by row; None without any."""
        notes = self.carried.notes.get(sheet.key) if self.carried else None
        if not notes:
            return None
        from .carried import NotesClaim

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
            return iso_to_excel(change.get("since") or (context.last_build if article else None))
        rows = [(row.article or article, row.kind, row.change, row.item, row.field, row.old, row.new, row.line,
                 build_date(change)) for row, change in zip(change_rows(changes, self.layout), changes)]
        headers = [self.label(k) for k in ("article", "kind", "change", "fact", "field", "old", "new",
                                            "source_line", "build_date")]
        self.new_sheet(CHANGES_KEY, headers, [None] * 8 + [self.styles.date_format], lambda: iter(rows), "A2")

    def analysts_work(self) -> None:
        """The closing notes sheet and the analyst's own sheets, after the generated ones;
        the generated sheets named in the properties for the next build."""
        from . import carried as sheets

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
        """Write the workbook to `path`; the warnings collected on the way."""
        save_workbook(self.workbook, path, self.when, self.layout)
        return self.warnings
