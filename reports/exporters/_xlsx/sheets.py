"""What the sheets hold: the fact sheets' columns and rows, the sheet keys, sheet names.

Each fact list of the record is one FactSheet: its columns (by layout label key), a
function giving its rows, the facts behind the rows (for their citations) and the
columns that identify a fact (where the analyst's note is carried by).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ...facts_view import date_parts, kind_label, visits_in_order, xml_safe
from .values import dated

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31


@dataclass(frozen=True)
class Column:
    """One column of a fact sheet: its header's label key, number format, and date it qualifies."""
    label: str                  # layout label key of the header
    number_format: str | None = None  # a key of the [xlsx] options ("currency_format")
    of: str | None = None       # a precision column: the label key of the date it qualifies


@dataclass(frozen=True)
class FactSheet:
    """One fact list of the record as a sheet: columns, rows, facts and their key columns."""
    key: str                    # layout label key of the sheet name; also names the table
    columns: tuple[Column, ...]
    rows: Callable              # (record, layout) -> iterable of row tuples
    facts: Callable             # record -> the fact of each row, in the same order (its cites)
    fact_columns: tuple = ()    # the columns that identify a fact: an index, or a (date, precision) pair


def _visit_rows(record, layout):
    for visit in visits_in_order(record):
        year, month, _ = date_parts(visit.date)
        yield (visit.from_, visit.to, visit.office, visit.person, *dated(visit.date), year, month, visit.line)


def _agreement_rows(record, layout):
    for agreement in record.agreements:
        yield agreement.title, *dated(agreement.date), date_parts(agreement.date)[0], agreement.line


def _trade_rows(record, layout):
    for row in record.trade:  # a total in another currency: amount and currency, no US$ total
        yield row.year, row.total_usd, row.amount, row.currency, row.line


def _export_rows(record, layout):
    for export in record.exports:
        for product in export.products:
            yield export.from_, export.to, product, export.line


def _mission_rows(record, layout):
    for mission in record.missions:
        resident = None if mission.resident is None else layout.label("yes" if mission.resident else "no")
        yield (mission.country, mission.host, kind_label(mission.kind, layout), mission.city,
               mission.city_country, resident, mission.line)


def _event_rows(record, layout):
    for event in record.events:
        year, month, _ = date_parts(event.date)
        yield *dated(event.date), year, month, event.text, event.line


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
PART_SHEETS = {"history": "sheet_events", "trade": "sheet_trade", "missions": "sheet_missions"}
SHEET_KEYS = ("sheet_overview", *(s.key for s in FACT_SHEETS), "sheet_visits_per_year")
COMBINED_SHEET_KEYS = (*SHEET_KEYS, "sheet_latest_trade")
EARLIER_NOTES_KEY = "sheet_earlier_notes"  # written only when notes lost their fact
ABOUT_KEY = "sheet_about"                   # where the data comes from, under what licence, what each sheet holds
CHANGES_KEY = "sheet_changes"               # written only on a rebuild whose article changed


def with_sources(keys, cited: bool) -> tuple[str, ...]:
    """A workbook of cited records ends with its Sources sheet; others are as before."""
    return (*keys, "sheet_sources") if cited else tuple(keys)


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

