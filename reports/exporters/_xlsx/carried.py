"""Analysts' work in a workbook: added sheets and the Notes column of the fact sheets.

A generated workbook names its own sheets in custom document properties
(`reports:sheet_visits` = "Visits"), which Excel and LibreOffice keep: a sheet not
named there is an analyst's and is copied into the rebuilt workbook cell by cell
(values, formulas, formats, column widths). Each fact sheet ends with a Notes column;
its cells are matched to facts by the fact's key (a visit: from, to, person, date),
never by row number, so a note follows its fact when rows come and go. Notes whose
fact vanished are listed on a "Notes from earlier builds" sheet, and carried from
there again at the next build.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

PROPERTY_PREFIX = "reports:"
NOTES_PROPERTY = "reports:notes_column"
EARLIER_KEY = "sheet_earlier_notes"


@dataclass
class CarriedSheets:
    path: str
    notes: dict[str, dict[tuple, list]] = field(default_factory=dict)  # sheet key -> fact key -> notes
    earlier: list[tuple] = field(default_factory=list)  # (sheet, fact, note) rows of the old closing sheet
    analyst_sheets: list[str] = field(default_factory=list)
    old_names: dict[str, str] = field(default_factory=dict)  # sheet key -> its name in the old workbook



def row_key(row, key_columns) -> tuple:
    """The key of one row: each key column's text; a (date, precision) pair of columns
    is the date at its precision ("2007-12" for a month), as workbooks before the
    precision column wrote it, so a note finds its fact in old and new workbooks alike."""
    def cell(index):
        return row[index] if index < len(row) else None

    return tuple(_dated_text(cell(c[0]), cell(c[1])) if isinstance(c, tuple) else cell_text(cell(c))
                 for c in key_columns)


def _dated_text(value: Any, precision: Any) -> str:
    text = cell_text(value)
    precision = precision_words().get(str(precision).casefold(), precision)
    if precision == "month" and isinstance(value, datetime.date):
        return text[:7]
    if precision == "year" and isinstance(value, datetime.date):
        return text[:4]
    return text


@lru_cache(maxsize=1)
def precision_words() -> dict[str, str]:
    """A precision cell's word in any built-in layout ("mes") -> its key ("month"): a note
    finds its fact whatever language the old workbook was written in."""
    from ...layout import builtin_names, load_layout

    words = {}
    for name in builtin_names():
        layout = load_layout(name)
        words.update({layout.label(f"precision_{key}").casefold(): key for key in ("day", "month", "year")})
    return words


def cell_text(value: Any) -> str:
    """A cell's value as a note's key compares it: dates in ISO, whole numbers without ".0", a
    country name as its language-neutral key."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    from ...names import country_key  # "Mexico" and "México" are one key: notes survive a language change

    return country_key(text) or text


def mark_generated(workbook, names: dict[str, str], notes_header: str) -> None:
    """Name the generated sheets (and the Notes header) in the custom properties."""
    from openpyxl.packaging.custom import StringProperty

    for key, name in names.items():
        workbook.custom_doc_props.append(StringProperty(name=PROPERTY_PREFIX + key, value=name))
    workbook.custom_doc_props.append(StringProperty(name=NOTES_PROPERTY, value=notes_header))


def read_carried(path, key_columns: dict[str, tuple[int, ...]], current_names: dict[str, str],
                 notes_header: str) -> CarriedSheets:
    """What the workbook at `path` holds of analysts' work. `key_columns` gives, per fact
    sheet key, the columns of a fact's key; `current_names` the names this build gives
    its sheets (used when an old workbook has no properties). Raises ValueError when the
    file is not a readable workbook."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as error:
        raise ValueError(f"not a readable .xlsx ({type(error).__name__})") from None
    try:
        return _read(book, str(path), key_columns, current_names, notes_header)
    finally:
        book.close()


def _read(book, path, key_columns, current_names, notes_header) -> CarriedSheets:
    props = {p.name: p.value for p in book.custom_doc_props if p.name.startswith(PROPERTY_PREFIX)}
    old_notes_header = props.pop(NOTES_PROPERTY, notes_header)
    keys_by_name = {value: name[len(PROPERTY_PREFIX):] for name, value in props.items()}
    if not keys_by_name:
        keys_by_name = {name: key for key, name in current_names.items()}
    carried = CarriedSheets(path)
    for name in book.sheetnames:
        key = keys_by_name.get(name)
        if key is None:
            carried.analyst_sheets.append(name)
            continue
        carried.old_names[key] = name
        rows = book[name].iter_rows(values_only=True)
        header = next(rows, ())
        if key == EARLIER_KEY:
            carried.earlier += [tuple(row[:3]) for row in rows if len(row) >= 3 and row[2] not in (None, "")]
        elif key in key_columns and old_notes_header in header:
            column = len(header) - 1 - list(reversed(header)).index(old_notes_header)
            notes = defaultdict(list)
            for row in rows:
                if column < len(row) and row[column] not in (None, ""):
                    notes[row_key(row, key_columns[key])].append(row[column])
            if notes:
                carried.notes[key] = dict(notes)
    return carried


class NotesClaim:
    """Hands out the carried notes of one sheet to its new rows; a fresh claim for each
    pass over the rows, and the last pass's leftovers are the orphans."""

    def __init__(self, notes: dict[tuple, list], key_columns: tuple):
        self.notes, self.key_columns = notes, key_columns
        self.taken: dict[tuple, int] = {}

    def restart(self) -> None:
        self.taken = {}

    def note_for(self, row) -> Any:
        key = row_key(row, self.key_columns)
        notes = self.notes.get(key)
        if not notes:
            return None
        index = self.taken.get(key, 0)
        if index >= len(notes):
            return None
        self.taken[key] = index + 1
        return notes[index]

    def leftovers(self):
        for key, notes in self.notes.items():
            for note in notes[self.taken.get(key, 0):]:
                yield key, note


def copy_analyst_sheets(carried: CarriedSheets, workbook, taken: set[str]) -> list[str]:
    """Copy the analyst's sheets into the write-only `workbook`; returns warnings."""
    if not carried.analyst_sheets:
        return []
    from openpyxl import load_workbook

    old = load_workbook(carried.path)
    warnings = []
    for name in carried.analyst_sheets:
        source = old[name]
        if source.__class__.__name__ != "Worksheet":
            warnings.append(f"sheet {name!r} is a chart sheet and could not be carried")
            continue
        new_name = _free_name(name, taken)
        target = workbook.create_sheet(new_name)
        _copy_sheet(source, target)
        if source.merged_cells.ranges:
            warnings.append(f"sheet {name!r}: merged cells carried unmerged")
        if getattr(source, "_images", None) or getattr(source, "_charts", None):
            warnings.append(f"sheet {name!r}: images and charts could not be carried")
    old.close()
    return warnings


def _free_name(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate.casefold() in taken:
        tail = f" ({number})"
        candidate, number = name[:31 - len(tail)] + tail, number + 1
    taken.add(candidate.casefold())
    return candidate


def _copy_sheet(source, target) -> None:
    from copy import copy

    from openpyxl.cell import WriteOnlyCell

    for letter, dimension in source.column_dimensions.items():
        if dimension.width:
            target.column_dimensions[letter].width = dimension.width
    target.freeze_panes = source.freeze_panes
    for row in source.iter_rows(min_row=1, min_col=1):
        cells = []
        for cell in row:
            new = WriteOnlyCell(target, cell.value)
            new.data_type = cell.data_type  # a formula stays a formula, a text stays text
            if cell.has_style:
                new.font, new.fill, new.border = copy(cell.font), copy(cell.fill), copy(cell.border)
                new.alignment, new.protection = copy(cell.alignment), copy(cell.protection)
                new.number_format = cell.number_format
            cells.append(new)
        target.append(cells)
