"""What every exporter shows, derived once from a record: labels, groupings, key facts.

Exporters never change a record and never re-read article text; anything they
display that is not a field of the record is computed here, so the PDF, the Word
dossier and the workbook say the same thing in the same words.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from dataclasses import dataclass
from typing import Any

from .layout import Layout
from .model import Mission, Relationship, Section, Trade, Visit
from .sections import HISTORY, with_kinds
from .text import xml_safe

_FALLBACK_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)


# -- text safety ------------------------------------------------------------------------


def safe_record(record: Relationship) -> tuple[Relationship, list[str]]:
    """The record with XML-illegal characters removed from every string, and a warning
    if any were (records read from JSON have not been through the loader's cleaning)."""
    removed = []

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            cleaned = xml_safe(value)
            if cleaned != value:
                removed.append(value)
            return cleaned
        if isinstance(value, tuple):
            return tuple(clean(item) for item in value)
        if dataclasses.is_dataclass(value):
            changes = {f.name: clean(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
            return dataclasses.replace(value, **changes)
        return value

    cleaned = clean(record)
    warnings = [f"control characters removed from {len(removed)} text(s)"] if removed else []
    return cleaned, warnings


# -- dates --------------------------------------------------------------------------------


def date_parts(iso: str | None) -> tuple[int | None, int | None, int | None]:
    """"1992-06-08" -> (1992, 6, 8); "1992" -> (1992, None, None)."""
    if not iso:
        return None, None, None
    parts = [int(p) for p in iso.split("-")]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def date_label(iso: str | None, layout: Layout) -> str:
    """A date as a reader of the layout's language writes it, at the precision given."""
    if not iso:
        return layout.label("undated")
    from babel.dates import format_date, format_skeleton

    year, month, day = date_parts(iso)
    if month is None:
        return str(year)
    if day is None:
        return format_skeleton("yMMMM", datetime.date(year, month, 1), locale=layout.locale)
    return format_date(datetime.date(year, month, day), "long", locale=layout.locale)


def money_label(dollars: int, layout: Layout) -> str:
    """15700000 -> "US$15.7 million" ("US$15,7 millones" in Spanish)."""
    from babel.numbers import format_compact_decimal

    return "US$" + format_compact_decimal(dollars, format_type="long", fraction_digits=2, locale=layout.locale)


def amount_label(dollars: int, layout: Layout) -> str:
    """15700000 -> "15,700,000": the exact figure, for tables."""
    from babel.numbers import format_decimal

    return format_decimal(dollars, locale=layout.locale)


def trade_amount_label(row: Trade, layout: Layout) -> str:
    """A trade row's exact figure: in dollars, else as written with its currency ("18,000,000,000 EUR")."""
    if row.total_usd is not None:
        return amount_label(row.total_usd, layout)
    return f"{amount_label(row.amount, layout)} {row.currency}" if row.amount is not None else ""


def trade_money_label(row: Trade, layout: Layout) -> str:
    """A trade row's figure in words: "US$15.7 million", else in its currency ("€18 billion")."""
    if row.total_usd is not None or row.amount is None:
        return money_label(row.total_usd or 0, layout)
    from babel.numbers import format_compact_decimal, get_currency_symbol

    symbol = get_currency_symbol(row.currency, locale=layout.locale)
    return symbol + format_compact_decimal(row.amount, format_type="long", fraction_digits=2, locale=layout.locale)


def document_datetime(*records: Relationship) -> datetime.datetime:
    """The date a document format requires: SOURCE_DATE_EPOCH when set, else one derived
    from the records (their latest dated fact), never the clock, so builds repeat exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    years = [date_parts(d)[0] for record in records for d in _all_dates(record)]
    years += [t.year for record in records for t in record.trade]
    years = [y for y in years if y and 1970 <= y <= 2099]
    return _FALLBACK_DATE.replace(year=max(years)) if years else _FALLBACK_DATE


def build_datetime(context, *records: Relationship) -> datetime.datetime:
    """The documents' own creation and modification date: the build's ("Prepared on",
    from the export context) when the build gives one, else `document_datetime`."""
    prepared = getattr(context, "prepared", None)
    if prepared is None:
        return document_datetime(*records)
    return prepared if prepared.tzinfo else prepared.replace(tzinfo=datetime.timezone.utc)


def _all_dates(record: Relationship):
    yield record.established
    yield record.reestablished
    for event in record.events:
        yield event.date
    for visit in record.visits:
        yield visit.date
    for agreement in record.agreements:
        yield agreement.date


# -- groupings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Direction:
    origin: str | None
    destination: str | None


def date_precision(iso: str | None) -> str | None:
    """"day", "month" or "year": how much of a date the article gives (None undated)."""
    if not iso:
        return None
    return ("year", "month", "day")[min(iso.count("-"), 2)]


def chronological(iso: str | None) -> tuple:
    """A sort key for dates: earlier first; at one year, the bare year before its
    months and days (it is the coarser statement); undated last."""
    year, month, day = date_parts(iso)
    return (year is None, year or 0, month or 0, day or 0)


def visits_by_direction(record: Relationship) -> list[tuple[Direction, list[Visit]]]:
    """Visits grouped by (from, to), groups in order of first appearance; within a
    group by date (undated last), then in the article's order."""
    groups: dict[Direction, list[Visit]] = {}
    for visit in told_dates(record):
        groups.setdefault(Direction(visit.from_, visit.to), []).append(visit)
    return [(direction, sorted(visits, key=lambda visit: chronological(visit.date)))
            for direction, visits in groups.items()]


def told_dates(record: Relationship) -> list[Visit]:
    """The record's visits, each at the most precise date the article gives it: a list
    row "President X (2004)" that a dated sentence of the history tells ("In March 2004,
    President X paid a state visit") is shown at 2004-03. The record keeps each row's
    own date (the list's); the documents show what the article says at its most precise."""
    shown = []
    for visit in record.visits:
        told = [event.date for event in record.events if visit.date and _tells(event, visit)
                and event.date.startswith(visit.date) and event.date.count("-") > visit.date.count("-")]
        shown.append(dataclasses.replace(visit, date=max(told, key=lambda iso: iso.count("-"))) if told else visit)
    return shown


def visits_in_order(record: Relationship) -> list[Visit]:
    """Every visit as the tables list them: direction by direction, each by date."""
    return [visit for _, visits in visits_by_direction(record) for visit in visits]


def visit_counts_by_year(records) -> list[tuple[int, int]]:
    """(year, number of visits) over one or many records, years ascending."""
    counts: dict[int, int] = {}
    for record in records:
        for visit in record.visits:
            year = date_parts(visit.date)[0]
            if year:
                counts[year] = counts.get(year, 0) + 1
    return sorted(counts.items())


def latest_trade(record: Relationship) -> Trade | None:
    """The trade total of the latest year (the last one stated, on a tie)."""
    latest = None
    for row in record.trade:
        if latest is None or row.year >= latest.year:
            latest = row
    return latest


def kind_label(kind: str, layout: Layout) -> str:
    return layout.label("kind_" + re.sub(r"[\s-]+", "_", kind))


def mission_label(mission: Mission, layout: Layout) -> str:
    """"embassy in Mexico City" or "accredited from its embassy in Ankara, Turkey"."""
    kind = kind_label(mission.kind, layout)
    if mission.resident:
        return layout.label("resident_mission", kind=kind, city=mission.city)
    place = f"{mission.city}, {mission.city_country}" if mission.city_country else mission.city
    return layout.label("accredited_mission", kind=kind, place=place)


def representation(record: Relationship, layout: Layout) -> list[tuple[str, str]]:
    """(sending country, "where it is represented") per country, in record order."""
    by_country: dict[str, list[str]] = {}
    for mission in record.missions:
        by_country.setdefault(mission.country, []).append(mission_label(mission, layout))
    return [(country, "; ".join(labels)) for country, labels in by_country.items()]


@dataclass(frozen=True)
class KeyFact:
    label: str
    value: str
    part: str  # the part of the document that holds the detail, for links


def key_facts(record: Relationship, layout: Layout) -> list[KeyFact]:
    """The label/value rows of the key-facts panel, in display order."""
    facts = [KeyFact(layout.label("established"), date_label(record.established, layout)
                     if record.established else layout.label("none"), "history")]
    if record.reestablished:
        facts.append(KeyFact(layout.label("reestablished"), date_label(record.reestablished, layout), "history"))
    facts.append(KeyFact(layout.label("memberships"),
                         ", ".join(record.memberships) or layout.label("none"), "summary"))
    latest = latest_trade(record)
    facts.append(KeyFact(layout.label("latest_trade"),
                         f"{trade_money_label(latest, layout)} ({latest.year})" if latest
                         else layout.label("none"), "trade"))
    for country, where in representation(record, layout):
        facts.append(KeyFact(f"{layout.label('representation')}: {country}", where, "missions"))
    return facts


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    kind: str  # "event" or "visit"
    text: str
    line: int
    cites: tuple[str, ...] = ()
    office: str | None = None  # of a visit: the record's own fields, for labels that
    person: str | None = None  # name the person apart from the office


def timeline(record: Relationship) -> list[TimelineEntry]:
    """Dated events and visits in date order (stable for equal dates)."""
    entries = [TimelineEntry(e.date, "event", e.text, e.line, e.cites) for e in record.events]
    entries += [TimelineEntry(v.date, "visit", visit_label(v), v.line, v.cites, v.office, v.person)
                for v in record.visits if v.date]
    return sorted(entries, key=lambda entry: entry.date)


def visit_label(visit: Visit) -> str:
    return " ".join(part for part in (visit.office, visit.person) if part)


def sections_of_kind(record: Relationship, kind: str | None) -> list[Section]:
    """The sections of one kind (reports.sections: HISTORY, SEE_ALSO ...), subsections
    included; kind None gives the sections the loader did not recognise."""
    return [section for section, found in with_kinds(record.sections) if found == kind]


def history_sections(record: Relationship) -> list[Section]:
    """The History section and its subsections."""
    return sections_of_kind(record, HISTORY)


def other_sections(record: Relationship) -> list[Section]:
    """Sections the loader did not recognise: kept, so nothing of the article is lost."""
    return sections_of_kind(record, None)


def source_rows(record: Relationship, layout: Layout) -> list[tuple[str, str]]:
    """(label, value) of where the record came from: the file, and for a page of a dump
    its title, revision (with its time) and address."""
    source = record.source
    rows = [(layout.label("source_file"), source.path)]
    if source.page:
        rows.append((layout.label("source_page"), source.page))
    if source.revision:
        rows.append((layout.label("source_revision"),
                     f"{source.revision} ({source.timestamp})" if source.timestamp else source.revision))
    if source.url:
        rows.append((layout.label("source_address"), source.url))
    return rows


def timeline_rows(record: Relationship) -> list[TimelineEntry]:
    """The timeline as a table lists it: one row per fact. A visit that a dated sentence
    also tells (the same year, and the sentence names the person or is one the visit was
    read from) is that sentence's row, of kind "visit", at the more precise of the two
    dates; the sentence's text is kept, being the article's own words."""
    visits = [v for v in record.visits if v.date]
    told: dict[int, Visit] = {}  # event index -> the visit it tells
    for visit in visits:
        for index, event in enumerate(record.events):
            if index not in told and _tells(event, visit):
                told[index] = visit
                break
    taken = {id(visit) for visit in told.values()}
    entries = []
    for index, event in enumerate(record.events):
        visit = told.get(index)
        if visit is None:
            entries.append(TimelineEntry(event.date, "event", event.text, event.line, event.cites))
            continue
        date = max((event.date, visit.date), key=lambda iso: iso.count("-"))
        cites = tuple(dict.fromkeys(event.cites + visit.cites))
        entries.append(TimelineEntry(date, "visit", event.text, event.line, cites, visit.office, visit.person))
    entries += [TimelineEntry(v.date, "visit", visit_label(v), v.line, v.cites, v.office, v.person)
                for v in visits if id(v) not in taken]
    return sorted(entries, key=lambda entry: chronological(entry.date))


def _tells(event, visit: Visit) -> bool:
    """Whether a dated sentence tells this visit (see timeline_rows)."""
    if date_parts(event.date)[0] != date_parts(visit.date)[0]:
        return False
    if visit.date.count("-") and event.date.count("-") and not (
            event.date.startswith(visit.date) or visit.date.startswith(event.date)):
        return False
    if visit.person:
        return visit.person in event.text or visit.person.split()[-1] in event.text.split()
    return event.line in (visit.line, *visit.also_lines)


_ISO_IN_TEXT = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def dates_written(text: str, layout: Layout) -> str:
    """`text` with its ISO dates ("2024-03") as people write them ("March 2024")."""
    return _ISO_IN_TEXT.sub(lambda match: date_label(match.group(0), layout), text)


def document_title(record: Relationship, layout: Layout) -> str:
    """The relationship's title in the documents' language: the article's own title when
    the layout writes the article's language, else the layout's relations_title with the
    (localised) country names ("Relaciones entre Georgia y México")."""
    article = layout.metadata.get("article_language", "").split("-")[0].lower()
    language = layout.metadata.get("language", "").split("-")[0].lower()
    if not article or article == language or "relations_title" not in layout.labels:
        return record.title
    first, second = record.countries
    return layout.label("relations_title", first=first, second=second)


# -- sources and licence ------------------------------------------------------------------

_WIKIPEDIA = re.compile(r"^https?://[\w.-]*\.wikipedia\.org/", re.IGNORECASE)
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


def from_wikipedia(record: Relationship) -> bool:
    """Whether the record's text is known to come from Wikipedia (its address says so)."""
    return bool(record.source.url and _WIKIPEDIA.match(record.source.url))


def attribution(record: Relationship, layout: Layout) -> str | None:
    """The attribution CC BY-SA 4.0 asks of reused Wikipedia text (title, link, licence),
    or None when the source is not known to be Wikipedia."""
    if not from_wikipedia(record):
        return None
    return layout.label("attribution_wikipedia", title=record.source.page or record.title,
                        url=record.source.url, licence=LICENCE_URL)


def revision_label(record: Relationship, layout: Layout) -> str | None:
    """"1001 of 1 May 2024": the revision and its date, where known."""
    source = record.source
    if not source.revision:
        return None
    if not source.timestamp:
        return source.revision
    return layout.label("revision_of", revision=source.revision, date=date_label(source.timestamp[:10], layout))


def caveat_lines(warnings, layout: Layout, limit: int = 8) -> list[str]:
    """The build's warnings for one article as short lines ("l. 11: visit without a
    date: ..."), at most `limit`, the last saying how many more there were."""
    ordered = sorted(warnings, key=lambda found: (found[0] is None, found[0] or 0))
    lines = [layout.label("caveat_at_line", line=line, message=message) if line else message
             for line, message in ordered]
    if len(lines) > limit:
        lines = lines[:limit - 1] + [layout.label("caveats_more", count=len(lines) - limit + 1)]
    return lines


# -- the brief's timeline: one mark per fact ------------------------------------------------

# A sentence about a visit that did not happen (planned, invited, cancelled, postponed).
_NOT_A_VISIT = re.compile(r"\b(?:cancel\w*|postpon\w*|call\w* off|planned|scheduled|was to|were to|"
                          r"would|invit\w* (?:\w+ )?to visit|never)\b", re.IGNORECASE)
_VISIT_WORDS = re.compile(r"\b(?:visit\w*|trip|travel\w*|tour\w*)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TimelineMark:
    """One fact on the brief's timeline: an event, a visit or an agreement."""
    date: str
    kind: str  # "event", "visit" or "agreement"
    text: str  # the event's sentence, "office person" of a visit, an agreement's title
    line: int
    direction: str = ""  # of a visit: "GE → MX" (ISO codes)
    office: str | None = None
    person: str | None = None


def direction_codes(origin: str | None, destination: str | None) -> str:
    """"GE → MX" for a visit from Georgia to Mexico ("" when a side is unknown)."""
    from .names import country_key
    codes = [(country_key(name) or "").removeprefix("country:") for name in (origin or "", destination or "")]
    return " → ".join(codes) if all(codes) else ""


# "In 2018, Israeli Prime Minister ...": a sentence whose subject is another country's office.
_FOREIGN_SUBJECT = re.compile(r"^(?:[^,]{0,40}\d{4},\s*)?(?:the\s+)?((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)\s+"
                              r"(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|"
                              r"Foreign Minister|Minister)\b")


def _about_others(text: str, countries) -> bool:
    """Whether a sentence is about a third country: its subject is another nation's
    office holder and it names neither country of the relationship (nor their people)."""
    from .places import demonyms
    found = _FOREIGN_SUBJECT.match(text)
    if not found:
        return False
    ours = [name for country in countries for name in (country, *demonyms(country))]
    return not any(re.search(rf"\b{re.escape(name)}\b", text) for name in ours)


def timeline_marks(record: Relationship) -> list[TimelineMark]:
    """The dated facts a timeline draws, each once, in date order: visits, agreements,
    and events that are neither (an event read from the sentence a visit or agreement
    was read from is that fact, not another); a sentence about a visit that was only
    planned, invited or cancelled is not drawn at all."""
    taken: set[tuple[int, int | None]] = set()
    marks = []
    for visit in record.visits:
        if visit.date:
            marks.append(TimelineMark(visit.date, "visit", visit_label(visit), visit.line,
                                      direction_codes(visit.from_, visit.to), visit.office, visit.person))
            taken |= {(line, date_parts(visit.date)[0]) for line in (visit.line, *visit.also_lines)}
    for agreement in record.agreements:
        if agreement.date:
            marks.append(TimelineMark(agreement.date, "agreement", agreement.title, agreement.line))
            taken |= {(line, date_parts(agreement.date)[0]) for line in (agreement.line, *agreement.also_lines)}
    for event in record.events:
        if (event.line, date_parts(event.date)[0]) in taken:
            continue
        if _VISIT_WORDS.search(event.text) and _NOT_A_VISIT.search(event.text):
            continue
        if _about_others(event.text, record.countries):
            continue
        marks.append(TimelineMark(event.date, "event", event.text, event.line))
    return sorted(marks, key=lambda mark: chronological(mark.date))
