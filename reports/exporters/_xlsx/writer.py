"""One sheet written in two passes over its rows (measure, then write): header, cells
with Excel's limits kept (rows, text length, XML-illegal characters), column widths,
wrapped row heights, frozen panes, print setup and the table over the data."""

from __future__ import annotations

import datetime
import warnings
from dataclasses import dataclass
from typing import Any, Iterator

from ...citations_view import link_target
from ...facts_view import xml_safe
from .values import Link, MonthDate, Precision, Url, Year

MAX_CELL_CHARS = 32_767           # Excel's limit; openpyxl would truncate silently
MAX_ROWS = 1_048_576              # Excel's sheet limit, header included
LINE_HEIGHT_PT = 15               # one line of the 11-point body font


@dataclass
class SheetInfo:
    """A written sheet: its worksheet, name, column count and data row count."""
    worksheet: Any
    name: str
    columns: int
    rows: int       # data rows, header excluded


class SheetWriter:
    """One write-only sheet: measured in a first pass over its rows, written in a second."""

    def __init__(self, book, name: str, key: str):
        self.book = book
        self.name = name
        self.table_name = "tbl_" + key.removeprefix("sheet_")
        self.worksheet = book.workbook.create_sheet(name)

    def write(self, headers, formats, make_rows, freeze: str) -> SheetInfo:
        """The header row, the rows of `make_rows()` and, when there are rows, their table."""
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
        """The widest a column gets, in characters ([xlsx] max_column_width)."""
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

        ws = self.worksheet
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = freeze
        set_up_printing(ws, self.book, sum(widths))

    def _cell(self, value, number_format, wrap: bool, row: int):
        """A cell value as openpyxl must receive it to store it safely."""
        styles, ws = self.book.styles, self.worksheet
        if isinstance(value, Link):
            return styles.link_cell(ws, self._cell(value.value, number_format, wrap, row), value.sheet)
        if isinstance(value, Url):
            return styles.url_cell(ws, self._text(value.value, row), link_target(value.value))
        if isinstance(value, Precision):
            return styles.text_cell(ws, self.book.layout.label(f"precision_{value}"), wrap)
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


# Printing. Excel's column width unit is about 1.9 mm of paper at 100 %; below about
# 70 % the 11-point body text is too small to read, so a sheet wider than that spreads
# over pages across instead of shrinking further.
_MM_PER_WIDTH_UNIT = 1.9
_READABLE_SCALE = 0.7
_PAPER_SIZES = {"A4": (9, 210, 297), "LETTER": (1, 215.9, 279.4)}
_MARGIN_MM = 15


def set_up_printing(ws, book, width_units: float) -> None:
    """Paper of the layout; portrait when the columns fit it at full size, else landscape;
    fitted to the page width only down to a readable scale, else over pages across; the
    header row on every page; a header naming the relationship and the sheet and a
    footer "Page x of y" in the layout's words."""
    from openpyxl.worksheet.properties import PageSetupProperties

    code, short, long = _PAPER_SIZES.get(str(book.layout.page.size).upper(), _PAPER_SIZES["A4"])
    needed = width_units * _MM_PER_WIDTH_UNIT
    portrait = needed <= short - 2 * _MARGIN_MM
    printable = (short if portrait else long) - 2 * _MARGIN_MM
    ws.page_setup.paperSize = code
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = max(1, -(-needed // (printable / _READABLE_SCALE)))
    ws.page_setup.fitToHeight = 0
    mm_to_inch = 1 / 25.4
    ws.page_margins.left = ws.page_margins.right = _MARGIN_MM * mm_to_inch
    ws.page_margins.top = ws.page_margins.bottom = 20 * mm_to_inch
    ws.page_margins.header = ws.page_margins.footer = 8 * mm_to_inch
    ws.print_title_rows = "1:1"
    header_footer = ws.HeaderFooter
    header_footer.oddHeader.left.text = _header_text(book.running_title)
    header_footer.oddHeader.right.text = "&A"
    page = book.layout.label("page_of", page="\ue000P", pages="\ue000N")  # &P, &N: Excel's page codes
    header_footer.oddFooter.center.text = _header_text(page).replace("\ue000", "&")


def _header_text(text: str) -> str:
    """Text for a header or footer: "&" is a code there, written "&&" for itself."""
    return xml_safe(text).replace("&", "&&")


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

