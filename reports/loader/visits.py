"""High-level visits: list items such as `Foreign Minister Dimitrij Rupel (May 2004)`.

The list caption gives the direction ("High-level visits from A to B"); the item
gives the office (the words before the name that belong to a vocabulary of titles),
the person, and one or more dates in the parenthesis.
"""

from __future__ import annotations

import functools
import re

from ..model import Visit
from ..dates import find_dates
from .looks import lowered
from .names import bare, find_country, match_country, other
from .offices import JOINERS as _JOINERS, is_title_word as _is_title_word

_DIRECTION = re.compile(r"\bfrom\s+(?P<origin>.+?)\s+to\s+(?P<destination>.+?)\s*[:.]?\s*$", re.IGNORECASE)
_ONLY_TO = re.compile(r"\bto\s+(?P<destination>.+?)\s*[:.]?\s*$", re.IGNORECASE)
_ONLY_FROM = re.compile(r"\bfrom\s+(?P<origin>.+?)\s*[:.]?\s*$", re.IGNORECASE)


def visit_direction(caption: str | None, countries: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(from, to) named by a list caption; a country missing from it is the other one."""
    if not caption or len(caption) > 300:  # a paragraph, not a caption
        return None, None
    both = _DIRECTION.search(caption)
    if both:
        origin = _country_or_name(both["origin"], countries)
        destination = _country_or_name(both["destination"], countries)
        return origin, destination
    only_to = _ONLY_TO.search(caption)
    if only_to:
        destination = _country_or_name(only_to["destination"], countries)
        return other(destination, countries), destination
    only_from = _ONLY_FROM.search(caption)
    if only_from:
        origin = _country_or_name(only_from["origin"], countries)
        return origin, other(origin, countries)
    return None, None


def _country_or_name(text: str, countries: tuple[str, ...]) -> str:
    return match_country(text, countries) or find_country(text, countries) or _short_form(text, countries) \
        or bare(text)


def _short_form(text: str, countries: tuple[str, ...]) -> str | None:
    """The country of the pair `text` names by a shorter or an official form: "Korea" in an
    article on South Korea, "the Republic of Korea", "Holland"; None if it names neither."""
    name = bare(text)
    ends = [country for country in countries if bare(country).casefold().endswith(" " + name.casefold())]
    if len(ends) == 1:
        return ends[0]
    from ..places import country_code

    code = country_code(name)
    return next((country for country in countries if code and country_code(country) == code), None)


def _is_place(words: list[str], index: int) -> bool:
    """A capitalised word right after "of", with a name of two words still to come:
    the place of an office ("Governor of Jalisco Enrique Alfaro")."""
    after_of = index > 0 and (words[index - 1].lower() == "of" or (
        index > 1 and words[index - 1].lower() == "the" and words[index - 2].lower() == "of"))
    return after_of and words[index][:1].isupper() and len(words) - index >= 3


@functools.lru_cache(maxsize=256)
def _country_words(countries: tuple[str, ...]) -> frozenset[str]:
    """The words of the countries' names, in lower case (once per pair, not per visit)."""
    return frozenset(word.lower() for country in countries for word in bare(country).split())


def split_office(who: str, countries: tuple[str, ...]) -> tuple[str | None, str | None]:
    """`Foreign State Secretary Ignac Golob` -> ("Foreign State Secretary", "Ignac Golob")."""
    words = who.split()
    country_words = _country_words(countries)
    # A nationality before a title ("Mexican President ...") repeats the list's direction.
    skipped = taken = 1 if len(words) > 2 and words[0][:1].isupper() and not _is_title_word(words[0]) \
        and _is_title_word(words[1]) else 0
    while taken < len(words):
        word = words[taken]
        if _is_title_word(word):
            taken += 1
        elif word.lower() in _JOINERS and taken and taken + 1 < len(words) and (
            _is_title_word(words[taken + 1]) or words[taken + 1].lower() in _JOINERS
            or words[taken + 1].strip(",").lower() in country_words or _is_place(words, taken + 1)
        ):
            taken += 1
        elif taken and word.strip(",").lower() in country_words and (
                words[taken - 1].lower() in _JOINERS or words[taken - 1].lower() in country_words):
            taken += 1  # "President of Mexico", "Minister of the United Kingdom"
        elif _is_place(words, taken):
            taken += 1
        else:
            break
    while taken and words[taken - 1].lower() in _JOINERS:
        taken -= 1
    if taken == len(words) and taken > 1 and not _is_title_word(words[-1]):
        taken -= 1
    office = " ".join(words[skipped:taken]).strip(" ,") or None
    person = " ".join(words[taken:]).strip(" ,") or None
    return office, person


_FOUR_DIGITS = re.compile(r"\d{4}")  # a year's digits: a cheap look before the dates are read


def _who_and_when(item: str) -> tuple[str, str]:
    """Split `Name (dates)` at the last opening parenthesis; without one, at the first date."""
    opening = item.rfind("(")
    if opening >= 0:
        inside = item[opening + 1:].rstrip(" .)")
        if _FOUR_DIGITS.search(inside) or not _FOUR_DIGITS.search(item, 0, opening):
            return item[:opening].strip(), inside
        item = item[:opening].strip()  # "2008: President X (APEC summit in Lima)": a note; the date is outside
    dates = find_dates(item)
    if not dates:
        return item.strip(" ."), ""
    before = item[:dates[0].start].strip(" ,;:-–—")
    if before:
        return before, item[dates[0].start:]
    # "2010: President Ana Ruiz" or "March 2010 – President Ana Ruiz"
    last = dates[0]
    for date in dates[1:]:
        if item[last.end:date.start].strip(" ,;&") not in ("", "and"):
            break
        last = date
    return item[last.end:].strip(" ,;:-–—."), item[:last.end]


_DELEGATION = re.compile(r"\bdelegations?\b", re.IGNORECASE)
_LED_BY = re.compile(r"\bled\s+by\b|\bheaded\s+by\b", re.IGNORECASE)
# "King Willem-Alexander of the Netherlands": the style's country is no part of the name.
_STYLE_COUNTRY = re.compile(r"\s+of\s+(?P<country>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3})$")


def unnamed_delegation(text: str) -> bool:
    """A delegation no one is named as leading ("A delegation of Mexican senators")."""
    return "delegation" in lowered(text) and bool(_DELEGATION.search(text)) and not _LED_BY.search(text)


def parse_visits(item: str, line: int, direction: tuple[str | None, str | None],
                 countries: tuple[str, ...]) -> list[Visit]:
    """One Visit per person and date; one undated Visit if the item names no date."""
    who, when = _who_and_when(item)
    who = _NOTE.sub("", who)  # "President X (G20 Summit in Antalya)": a note on the visit, no part of the name
    dates = [match.iso for match in find_dates(when)] or [None]
    origin, destination = direction
    visits = []
    for one in _people(who, countries):
        office, person = split_office(_office_first(one, countries), countries)
        person = without_style_country(person, countries)
        visits += [Visit(origin, destination, office, person, date, line) for date in dates]
    return visits


def _office_first(who: str, countries: tuple[str, ...]) -> str:
    """"Enrique Peña Nieto, President of Mexico" -> "President Enrique Peña Nieto" (the
    country of an office after the name is the list's direction, as a demonym before it is)."""
    name, comma, office = who.partition(", ")
    if comma and office and _is_title_word(office.split()[0]) and not any(map(_is_title_word, name.split())):
        for country in countries:
            if office.endswith(" " + bare(country)):
                office = re.sub(r"\s+of\s+(?:the\s+)?$", "", office[:-len(bare(country))]).strip() or office
        return f"{office} {name}"
    return who


def without_style_country(person: str | None, countries: tuple[str, ...]) -> str | None:
    """"Willem-Alexander of the Netherlands" -> "Willem-Alexander" (a country, not a place
    of a name such as "Catherine of Aragon")."""
    if not person or " of " not in person:
        return person
    style = _STYLE_COUNTRY.search(person)
    if not style:
        return person
    from ..places import country_code
    if find_country(style["country"], countries) or country_code(style["country"]):
        return person[:style.start()].strip() or person
    return person


_AND = re.compile(r"\s+and\s+(?=\S)")
_NOTE = re.compile(r"\s+\([^()]*\)")  # after a blank: "=HYPERLINK(...)" keeps its own


def _people(who: str, countries: tuple[str, ...]) -> list[str]:
    """"King Juan Carlos I and Queen Sofía" -> two people: "and" starts the next person
    when a title follows it and a name precedes it ("Minister of Industry and Trade X"
    is one)."""
    parts = _AND.split(who)
    people = [parts[0]]
    for part in parts[1:]:
        if _is_title_word(part.split()[0]) and split_office(people[-1], countries)[1]:
            people.append(part)
        else:
            people[-1] += " and " + part
    return people
