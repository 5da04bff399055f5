"""An article's visits: the items of its visits lists (visits.py) and the visits its
sentences tell (prose_visits.py), one row per visit, a traveller named by surname alone
given the full name the article gives an office-holder.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re

from ..dates import find_dates
from ..document import ItemList
from ..model import Visit
from ..places import demonyms
from .. import sections as kinds
from .context import Context, clip, once, visit_key
from .names import find_country, last_named, other
from .prose_visits import (bare_traveller, goes_elsewhere, may_tell_a_visit, needs_context, office_holders,
                           only_planned, prose_visits, repeated_dates, tells_travel, travel_clauses)
from .visits import parse_visits, unnamed_delegation, visit_direction


def read_visits(context: Context) -> list[Visit]:
    """The visits of the visits lists, then those told in prose, each visit once."""
    visits = []
    for section in context.sections_of(kinds.VISITS):
        for block in section.blocks:
            if not isinstance(block, ItemList):
                continue
            # A subsection may name the direction instead ("===From A to B===").
            caption = block.caption.text if block.caption else section.heading
            direction = visit_direction(caption, context.countries)
            if None in direction:
                context.warn(block.items[0].line, "visits list without a direction: its caption should say "
                                                  "'from A to B'")
            for item in block.items:
                found = _list_item_visits(context, item, direction)
                if not found:
                    continue
                if found[0].date is None:
                    context.warn(item.line, f"visit without a date: {clip(item.text)!r}")
                if found[0].person is None:
                    context.warn(item.line, f"visit without a person's name: {clip(item.text)!r}")
                visits.extend(found)
    return _each_visit_once(visits + _told_visits(context))


def _each_visit_once(visits: list[Visit]) -> list[Visit]:
    """One row per visit: tellings of one person's visit in one year are one row (a list's
    row stands, as the spec's fixtures have it), unless they give different months: two
    journeys ("in July 2010 ... returned in September 2010")."""
    months: dict[tuple, set[str]] = {}
    for visit in visits:
        if visit.date and len(visit.date) >= 7:
            months.setdefault(visit_key(visit), set()).add(visit.date[:7])

    def key(visit: Visit) -> tuple:
        told = sorted(months.get(visit_key(visit), ()))
        if len(told) < 2:
            return visit_key(visit)
        return (*visit_key(visit), visit.date[:7] if visit.date and len(visit.date) >= 7 else told[0])

    return once(visits, key)


def _list_item_visits(context: Context, item, direction: tuple[str | None, str | None]) -> list[Visit]:
    """The visits of a list item: `Office Person (dates)`, or a whole sentence ("Foreign
    Minister X of A paid an official visit to B from 3–5 May 2011"), one row per date.
    An item about an unnamed delegation or a visit only planned gives none."""
    text = item.text
    if tells_travel(text):
        dates = [match.iso for match in find_dates(text)] or [None]
        visits = [dataclasses.replace(visit, origin="list")
                  for date in dates for visit in prose_visits(text, date, item.line, context.countries, direction[1])]
        if visits or only_planned(text) or unnamed_delegation(text) or goes_elsewhere(text, context.countries):
            return visits
    elif only_planned(text) or unnamed_delegation(text):
        return []
    return parse_visits(text, item.line, direction, context.countries)


def _told_visits(context: Context) -> list[Visit]:
    """Visits told in sentences (anywhere but the visits lists)."""
    found = []
    holders = _OfficeHolders(context)
    for unit, sentence, date_of in context.prose_sentences(may_tell_a_visit, skip_lists=(kinds.VISITS,)):
        if not tells_travel(sentence):
            continue  # no verb of travel: no visit and no warning, so no date to find
        for clause, date in travel_clauses(sentence, date_of):
            found += _clause_visits(context, holders, unit, sentence, clause, date)
    return found


def _clause_visits(context: Context, holders: _OfficeHolders, unit, sentence: str, clause: str,
                   date: str | None) -> list[Visit]:
    """The visits one clause of travel tells (a row per date of a repeated visit), a
    traveller named by surname alone given the full name the article gives him."""
    countries = context.countries
    named = None
    if needs_context(clause):  # "visited the country": the one the paragraph named last
        named = last_named(unit.text[:unit.text.find(sentence)], countries)
        if named is None and any(prose_visits(clause, None, unit.line, countries, context=country)
                                 for country in countries):
            context.warn(unit.line, f"visit told in prose to a country not named: {clip(sentence)!r}")
    # A visit made more than once ("in 2008 and again in 2012") is a row per date.
    visits = [visit for when in repeated_dates(clause) or [date]
              for visit in prose_visits(clause, when, unit.line, countries, context=named)]
    if not visits:
        visits = _visits_by_name(holders, countries, unit, sentence, clause, date)
    if not visits and looks_like_a_visit(clause, countries):
        context.warn(unit.line, f"sentence looks like a visit between the two but gave none: {clip(sentence)!r}")
    visits = [_full_name(holders, visit, unit, sentence) if visit.person and " " not in visit.person else visit
              for visit in visits]
    if visits and date is None:
        context.warn(unit.line, f"visit told in prose without a date: {clip(sentence)!r}")
    return visits


class _OfficeHolders:
    """The article's office-holders, looked up by a name as the text gives it."""

    def __init__(self, context: Context):
        self.context = context
        # last name -> [(position, office, person, country)] in text order, found when first asked
        self.by_surname: dict[str, list] = {}

    def named(self, name: str, country: str | None, unit, sentence: str, office: str | None = None):
        """The article's office-holder whose name holds `name`'s words and ends as it does, of
        `country` or of none told (and of `office`, if given): the one named last before the
        sentence, else the first after it; None if there is none. Found once per last name, from
        its places in the article only, so that a long article costs time in proportion to its length."""
        surname = name.split()[-1]
        if surname not in self.by_surname:
            self.by_surname[surname] = office_holders(self.context.full_text, surname, self.context.countries)
        holders = self.by_surname[surname]
        if not holders:
            return None
        here = self.context.position_of(unit, sentence)
        words = set(name.split())

        def fits(holder) -> bool:
            return words <= set(holder[2].split()) and holder[3] in (country, None) and office in (None, holder[1])

        split = bisect.bisect_left(holders, here, key=lambda holder: holder[0])
        order = itertools.chain(range(split - 1, -1, -1), range(split, len(holders)))  # before, nearest first; then after
        return next((holders[index] for index in order if fits(holders[index])), None)


def _full_name(holders: _OfficeHolders, visit: Visit, unit, sentence: str) -> Visit:
    """"President Ruiz" -> "Ana Ruiz", when the article names an office-holder so, of
    the same office."""
    holder = holders.named(visit.person, visit.from_, unit, sentence, office=visit.office)
    return dataclasses.replace(visit, person=holder[2]) if holder and holder[2] != visit.person else visit


def _visits_by_name(holders: _OfficeHolders, countries: tuple[str, str], unit, sentence: str, clause: str,
                    date: str | None) -> list[Visit]:
    """"In July 2006, Chávez paid a visit to Iran": the office-holder of that name the
    article named last before (else first after), when of the country the visit comes from."""
    traveller = bare_traveller(clause, countries)
    if traveller is None:
        return []
    name, destination = traveller
    origin = other(destination, countries)
    holder = holders.named(name, origin, unit, sentence)
    if holder is None:
        return []
    _, office, person, _ = holder
    return [Visit(origin, destination, office, person, date, unit.line, origin="prose")]


# The head of an office a visit is of, capitalised as in a name's title.
_OFFICE_HEAD = re.compile(r"\b(?:President|Prime\s+Minister|Minister|King|Queen|Prince|Princess|Emperor|Empress|"
                          r"Chancellor|Premier|Emir|Sultan|Secretary|Taoiseach|Vice[-\s]President)\b")


def looks_like_a_visit(clause: str, countries: tuple[str, str]) -> bool:
    """Whether a clause of travel reads as a visit between the two (an office's head, a
    country of the pair or its people named, nothing planned, no third place): one that gave
    no visit is worth a warning."""
    if not _OFFICE_HEAD.search(clause) or not tells_travel(clause) or only_planned(clause) \
            or goes_elsewhere(clause, countries):
        return False
    return bool(find_country(clause, countries)) or any(
        re.search(rf"\b{re.escape(demonym)}\b", clause) for country in countries for demonym in demonyms(country))
