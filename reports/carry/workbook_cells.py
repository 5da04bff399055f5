"""The cell values of a workbook as this tool writes it, read fast: what openpyxl's
read-only mode gives for such a file, at a tenth of its cost.

openpyxl's read-only worksheet parses a sheet twice when the sheet names no dimension
(as write-only workbooks do): once looking for it, once for the cells; and it builds
an object for every inline string. A build digests every workbook it writes
(documents.py), so that cost was paid per article. This reader handles the forms our
writer produces (inline strings, numbers, booleans, dates by their number format, no
dimension) with openpyxl's own rules; any other form (shared strings, formulas, rich
text, a dimension, the 1904 calendar: a workbook saved by Excel or LibreOffice) raises
Unsupported, and the caller reads the file with openpyxl.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Iterator

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VTYPES = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


class Unsupported(Exception):
    """A workbook in a form this reader leaves to openpyxl."""


class Workbook:
    """The parts of one .xlsx that its cell values need."""

    def __init__(self, archive: zipfile.ZipFile):
        from lxml import etree

        self.archive, self._etree = archive, etree
        self.properties = self._properties()
        self.sheets = self._sheets()
        self.date_styles, self.timedelta_styles = self._date_styles()

    def _xml(self, name: str):
        try:
            data = self.archive.read(name)
        except KeyError:
            raise Unsupported(f"no {name}") from None
        return self._etree.fromstring(data)

    def _properties(self) -> dict[str, str]:
        """Custom document properties whose values are plain strings (others: Unsupported)."""
        found = {}
        for prop in self._xml("docProps/custom.xml").iter(f"{_CUSTOM}property"):
            values = list(prop)
            if len(values) != 1 or values[0].tag != f"{_VTYPES}lpwstr":
                raise Unsupported("a custom property that is not a string")
            found[prop.get("name")] = values[0].text
        return found

    def _sheets(self) -> dict[str, str]:
        """Sheet name -> part name, in the workbook's order."""
        book = self._xml("xl/workbook.xml")
        pr = book.find(f"{_MAIN}workbookPr")
        if pr is not None and pr.get("date1904") not in (None, "0", "false"):
            raise Unsupported("the 1904 calendar")
        targets = {}
        for rel in self._xml("xl/_rels/workbook.xml.rels").iter(f"{_REL}Relationship"):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            targets[rel.get("Id")] = (rel.get("Type"), part)
        sheets = {}
        for sheet in book.iter(f"{_MAIN}sheet"):
            kind, part = targets.get(sheet.get(f"{_OFFICE_REL}id"), (None, None))
            if kind != _WORKSHEET:
                raise Unsupported("a sheet that is not a worksheet")
            sheets[sheet.get("name")] = part
        return sheets

    def _date_styles(self) -> tuple[set[int], set[int]]:
        """Indices of the cell formats that make a number a date (and a duration), by
        openpyxl's rules (styles/stylesheet.py, _normalise_numbers)."""
        from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format

        styles = self._xml("xl/styles.xml")
        custom = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(f"{_MAIN}numFmt")}
        dates, durations = set(), set()
        xfs = styles.find(f"{_MAIN}cellXfs")
        for index, xf in enumerate(() if xfs is None else xfs.iter(f"{_MAIN}xf")):
            number = int(xf.get("numFmtId", 0))
            code = custom[number] if number in custom else builtin_format_code(number)
            if is_date_format(code):
                dates.add(index)
            if is_timedelta_format(code):
                durations.add(index)
        return dates, durations

    def rows(self, name: str) -> Iterator[list]:
        """The values of sheet `name`, row by row, as openpyxl's read-only
        `iter_rows(values_only=True)` gives them for a sheet without a dimension: every
        row as long as its last cell, a missing row empty."""
        from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel

        root = self._xml(self.sheets[name])
        if root.find(f"{_MAIN}dimension") is not None:
            raise Unsupported("a sheet with a dimension")
        data = root.find(f"{_MAIN}sheetData")
        expected = 1
        for row in () if data is None else data.iter(f"{_MAIN}row"):
            number = int(row.get("r"))
            while expected < number:
                yield []
                expected += 1
            if expected > number:
                raise Unsupported("rows out of order")
            expected += 1
            cells = [(_column(c.get("r")), c) for c in row.iter(f"{_MAIN}c")]
            if not cells:
                yield ()
                continue
            values = [None] * cells[-1][0]
            for column, cell in cells:
                if column <= len(values):
                    values[column - 1] = self._value(cell, from_excel, WINDOWS_EPOCH)
            yield values

    def _value(self, cell, from_excel, epoch):
        kind = cell.get("t", "n")
        if cell.find(f"{_MAIN}f") is not None:
            raise Unsupported("a formula")
        if kind == "inlineStr":
            inline = cell.find(f"{_MAIN}is")
            if inline is None:
                return None
            parts = list(inline)
            if any(part.tag != f"{_MAIN}t" for part in parts) or len(parts) > 1:
                raise Unsupported("rich text")
            return (parts[0].text or "") if parts else ""
        value = cell.findtext(f"{_MAIN}v") or None
        if value is None:
            return None
        if kind == "n":
            number = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
            style = int(cell.get("s") or 0)
            if style in self.date_styles:
                try:
                    return from_excel(number, epoch, timedelta=style in self.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "b":
            return bool(int(value))
        if kind in ("str", "e"):
            return value
        raise Unsupported(f"cells of type {kind}")


def _column(reference: str | None) -> int:
    """1 for "A7", 28 for "AB3"."""
    if not reference:
        raise Unsupported("a cell without a reference")
    number = 0
    for char in reference:
        if "A" <= char <= "Z":
            number = number * 26 + ord(char) - 64
        else:
            break
    return number
