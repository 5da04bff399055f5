"""Cell values: sheet links, web addresses, and dates at the precision the article gives.

A date column holds a real date (day), a MonthDate (month) or a Year (year), never text,
so that it sorts and filters; the precision column beside it says which.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from ...facts_view import date_parts


@dataclass(frozen=True)
class Link:
    """A cell value that links to another sheet of the workbook."""
    value: Any
    sheet: str


@dataclass(frozen=True)
class Url:
    """A cell value that is a web address: a hyperlink when it is http(s), else text."""
    value: str


def as_url(url: str | None) -> Url | None:
    """A web address as a Url cell value; None where there is none."""
    return Url(url) if url else None


class MonthDate(datetime.date):
    """A month-precise date in a date column: the first of its month, shown as
    yyyy-mm ([xlsx] month_format), so the day is never displayed as if known."""


class Year(int):
    """A year-precise date in a date column: the year as a number ([xlsx] year_format)."""


def iso_to_excel(iso: str | None):
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


class Precision(str):
    """A precision cell's value ("day", "month", "year"): written as the layout's word
    for it (labels precision_day ...)."""


def _precision(value) -> str | None:
    """What a date column's value states: "day", "month" or "year" (its own column)."""
    if value is None:
        return None
    return Precision("year" if isinstance(value, Year) else "month" if isinstance(value, MonthDate) else "day")


def dated(iso: str | None) -> tuple:
    """The (date, precision) cells of one date."""
    value = iso_to_excel(iso)
    return value, _precision(value)

