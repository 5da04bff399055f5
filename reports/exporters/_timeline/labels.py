"""The page-one timeline's label texts, one per fact (facts_view.timeline_marks), each
whole: an event's label summarises its sentence and ends at a phrase, never with "…";
a visit's gives month and year, direction ("GE → MX"), office and the name people
use; an agreement's gives its kind and title. Where a label does not fit, the
timeline draws a number and prints this same text in the key under the band.
Plain text only: where labels go is placement.py's work, drawing them drawing.py's.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ...facts_view import date_parts, timeline_marks


@dataclass(frozen=True)
class Label:
    """One mark's label: its date (for the axis), side, and text."""
    date: str
    kind: str     # "event", "visit", "agreement"
    text: str     # the whole label, as drawn or as the key prints it
    line: int
    short: str | None = None  # a shorter whole wording, drawn when the label does not fit

    @property
    def year(self) -> float:
        """The date as a fraction of years, for the axis."""
        year, month, day = date_parts(self.date)
        return year + ((month or 6.5) - 1 + ((day or 15) - 1) / 31) / 12


def short_date(iso: str, locale: str) -> str:
    """"Aug 2011" for a month or a day, "2011" for a year."""
    year, month, _ = date_parts(iso)
    if month is None:
        return str(year)
    from babel.dates import format_skeleton
    return format_skeleton("yMMM", datetime.date(year, month, 1), locale=locale)


def labels(record, layout) -> list[Label]:
    """Every mark's label, in date order."""
    limit = int(layout.options("pdf").get("timeline_caption_chars", 46))
    out = []
    for mark in timeline_marks(record):
        when = short_date(mark.date, layout.locale)
        if mark.kind == "visit":
            text = " ".join(p for p in (when, mark.direction, visitor(mark.office, mark.person, mark.text)) if p)
        elif mark.kind == "agreement":
            text = f"{when} {mark.text}"
        else:
            text = f"{when} {snippet(mark.text, limit)}"
        short = f"{when} {snippet(mark.text, limit // 2)}" if mark.kind == "event" else None
        short = " ".join(short.split()) if short and len(short) < len(text) - 4 else None
        out.append(Label(mark.date, mark.kind, " ".join(text.split()), mark.line, short))
    return out


def snippet(sentence: str, limit: int) -> str:
    """A whole label of about `limit` characters summarising a sentence (reports.headline)."""
    from ...headline import headline
    return headline(sentence, limit)


def visitor(office: str | None, person: str | None, text: str) -> str:
    """"Prime Minister Ruiz" for ("Prime Minister", "Ana Ruiz"): the office and the name
    people use; "King Felipe VI" keeps the royal name whole."""
    from ...people import short_name
    if not person:
        return text
    if not office and person.split()[0] in _ROYAL:
        return person
    return f"{office or ''} {short_name(person)}".strip()


_ROYAL = ("King", "Queen", "Emperor", "Empress", "Prince", "Princess")


def is_whole(text: str) -> bool:
    """A label is whole when it is not cut: no ellipsis, no dangling last word."""
    words = text.rstrip().split()
    return not text.rstrip().endswith(("…", "...")) and bool(words) and \
        re.sub(r"\W", "", words[-1].lower()) not in _DANGLING


_DANGLING = frozenset("a an the of and or to in on at by for with from his her their its".split())
