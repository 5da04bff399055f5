"""Diplomatic missions named in the infobox: `Mission1: Embassy of Peru, Madrid`,
`mission2 = Spanish Embassy, Manila`, or a browser copy's "Diplomatic mission" cell, where
the two missions may run together ("Embassy of A in X Embassy of B in Y", "A Embassy,
XB Embassy, Y").

Each mission names its sender ("Embassy of Peru", "Peruvian embassy", "Peru Embassy") and
its city after a comma or "in"; the host is the other country of the pair. A mission in
"<the host country>" is an embassy in its capital. A value whose sender is none of the
pair is reported, not guessed.
"""

from __future__ import annotations

import re

from ..model import Mission
from ..places import country_code, demonyms, embassy_city, place_country
from .names import find_country, other

# The mission fields of an infobox ("Mission1", "mission 2", "Diplomatic mission").
_FIELD = re.compile(r"^(?:diplomatic\s+)?missions?\s*\d*$", re.IGNORECASE)
_KIND = re.compile(r"\b(?P<kind>(?:[Hh]onorary\s+)?(?:[Cc]onsulate(?:[-\s][Gg]eneral)?)|[Ee]mbassy|"
                   r"[Hh]igh\s+[Cc]ommission)\b")
# Cells a copy ran together: "HanoiVietnam Embassy" is "Hanoi" and "Vietnam Embassy".
_JOINED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])|\s*(?:\||<br\s*/?>|;|\n)\s*")
_OF = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
# A place's words: capitalised, with the small words of names between them ("Rio de Janeiro").
_PLACE = re.compile(r"^[A-Z][\w'’.-]*(?:,?\s+(?:(?:de|do|da|del|la|el|of|upon|am|an|der|sur|es)\s+)*[A-Z][\w'’.-]*)*$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "Washington, D.C." keeps its stop
_CITY_START = re.compile(r"^\s*(?:,\s*|\s+in\s+|in\s+)")


def mission_fields(infobox: list) -> list[tuple[str, int]]:
    """(value, line) of each mission field of an infobox's "Key: value" texts."""
    found = []
    for item in infobox:
        key, sep, value = item.text.partition(":")
        if sep and _FIELD.match(key.strip()) and value.strip():
            found.append((value.strip(), item.line))
    return found


def infobox_missions(infobox: list, countries: tuple[str, str]) -> tuple[list[Mission], list[tuple[int, str]]]:
    """The missions of an infobox's mission fields, and (line, value) of each part not understood."""
    missions, not_understood = [], []
    if len(set(countries)) != 2:
        return missions, not_understood
    for value, line in mission_fields(infobox):
        for chunk in (chunk.strip() for chunk in _JOINED.split(value)):
            if not chunk:
                continue
            found = _missions_in(chunk, line, countries)
            if not found and _KIND.search(chunk):
                not_understood.append((line, chunk))
            missions.extend(found)
    return missions, not_understood


def _missions_in(text: str, line: int, countries: tuple[str, str]) -> list[Mission]:
    heads = [head for head in (_head(text, kind, countries) for kind in _KIND.finditer(text)) if head]
    missions = []
    for index, (start, end, sender, kind) in enumerate(heads):
        stop = heads[index + 1][0] if index + 1 < len(heads) else len(text)
        host = other(sender, countries)
        city = _city(text[end:stop], host, kind)
        if city is None and text[end:stop].strip(" ,"):
            continue  # words after the mission that name no place of the host
        elsewhere = _third_country(city, host) if city else None
        # "Lithuanian embassy in Washington, D.C.": accredited from a third country's city
        missions.append(Mission(sender, host, kind, city or "", elsewhere, elsewhere is None, line))
    return missions


def _head(text: str, kind: re.Match, countries: tuple[str, str]) -> tuple[int, int, str, str] | None:
    """(start, end, sender, kind) of the mission whose kind word is `kind`: "Embassy of Peru"
    names its sender after the word, "Peruvian embassy" or "Peru Embassy" before it."""
    word = _kind_name(kind["kind"])
    of = _OF.match(text, kind.end())
    if of:
        sender = find_country(of["name"], countries)
        return (kind.start(), of.end(), sender, word) if sender else None
    before = text[:kind.start()].rstrip()
    for country in countries:
        for name in (*demonyms(country), country):
            if before.endswith(name) and (len(before) == len(name) or not before[-len(name) - 1].isalnum()):
                return before.rfind(name), kind.end(), country, word
    return None


def _third_country(city: str, host: str) -> str | None:
    """The name of the country `city` is in when that is not `host` (None when it is, or unknown)."""
    code = place_country(city)
    if code is None or code == country_code(host):
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name if country else None


def _kind_name(word: str) -> str:
    word = word.lower()
    if word.startswith("honorary"):
        return "honorary consulate"
    if "general" in word:
        return "consulate-general"
    return "consulate" if word.startswith("consulate") else "embassy"


def _city(words: str, host: str, kind: str) -> str | None:
    """The city the words after a mission name ("", ", Madrid", " in New Delhi"), "" for
    none; the host country's own name is its capital for an embassy; None for words that
    are no place of the host."""
    start = _CITY_START.match(words)
    if not words.strip(" ,"):
        return ""
    if not start:
        return None
    city = words[start.end():].strip(" ,")
    city = city if _ABBREVIATION_END.search(city) else city.rstrip(".")
    if not _PLACE.match(city):
        return None
    if country_code(city):
        if country_code(city) != country_code(host):
            return None
        return (embassy_city(host) or "") if kind == "embassy" else ""
    return city
