"""Diplomatic missions: "A has an embassy in X", "B is accredited to A from its
embassy in Y, Z and maintains an honorary consulate in W".

In the missions section every mission named is read. Elsewhere (the lead, the history)
only a mission the sentence says exists is (`existing_only`): "has", "maintains",
"is accredited" before it, or after it with nothing before; a mission only opened,
closed or once kept ("opened an embassy in 1995", "was accredited ... until 2010") is
history.

`read_missions` gathers an article's missions: those of its missions sections, then those
its other sentences say exist; `kind_by_content` tells a missions section by what it says.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from ..dates import find_dates
from ..document import Section, texts
from ..model import Mission
from ..places import city_country, country_code, demonym_country, has_city, place_country
from .. import sections as kinds
from .context import Context, clip, mission_key
from .infobox_missions import infobox_missions
from .looks import lowered as _lowered
from .sentences import split_sentences
from .names import bare, find_country, match_country, other

_KIND = (
    r"(?P<kind>honorary\s+consulates?(?:[-\s]generals?)?|consulates?[-\s]generals?|"
    r"consulates?|embass(?:y|ies)|high\s+commissions?)"
)
# A place runs until the clause ends: "and maintains ...", ", a consulate in ...",
# " is accredited ...", " since 2019", "(...)", "; and ...", or the end of the sentence.
_NEXT_MISSION = r"(?:an?\s+|its\s+|two\s+|three\s+|several\s+)?(?:honorary\s+)?(?:consulates?\b|embass|high\s+commission)"
_PLACE_END = (
    r"(?=,?\s+and\s+(?:also\s+)?(?:maintains|has|have|holds|operates|hosts|an?\s|its\s|two\s|three\s|several\s"
    r"|honorary\s|consulates?\b|embass)"
    rf"|,\s+(?:and\s+)?{_NEXT_MISSION}"
    r"|,?\s+and\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})\s+(?:is|has|have|maintains|operates)\b"
    r"|\s+(?:is|was|which|that|since|where|while|but)\b|,\s+(?:which|where|while|but|as)\b|\s*\("
    r"|;\s*(?:and\b|(?-i:[a-z]))|(?<!\.[A-Z])\.\s*$|$)"
)
_MISSION = re.compile(rf"\b{_KIND}\s+(?:located\s+|based\s+)?in\s+(?P<place>.+?){_PLACE_END}", re.IGNORECASE)
_ACCREDITED = re.compile(r"\baccredited\s+to\s+(?:the\s+)?(?P<host>[^,;.]+?)(?=\s+(?:from|through|via|by)\b|[,;.]|$)",
                         re.IGNORECASE)
_SUBJECT = re.compile(r"(?:^|[;,]\s*(?:(?:while|whereas|but)\s+)?|\b(?:and|while|whereas)\s+)(?:the\s+)?(?P<name>[A-Z][^,;]*?)(?:'s|’s)?\s+"
                      r"(?:is|has|have|maintains|operates|hosts|also|embassy|consulate)\b")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){1,3}$")
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_EXISTS = re.compile(r"\b(?:has|have|maintains?|operates?|hosts?|keeps?|(?:is|are)\s+(?:also\s+|now\s+)?"
                     r"(?:accredited|represented))\b", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:announced|plans?|planned|planning|intends?|will|would|proposed|suggested|expected|"
                     r"to\s+open)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:closed|opened|reopened|re-opened|shut|inaugurated|moved|relocated|downgraded|was|were|"
                   r"used\s+to|no\s+longer|formerly|until|attack\w*|storm\w*|protest\w*)\b", re.IGNORECASE)


def _kind(word: str) -> str:
    word = word.lower().replace(" ", "-")
    if word.startswith("honorary"):
        return "honorary consulate"
    if word.startswith("embass") or word.startswith("high"):
        return "embassy"  # a high commission is the embassy of one Commonwealth country in another
    if "general" in word:
        return "consulate-general"
    return "consulate"


_PLACE_SEPARATOR = re.compile(r"\s*[,;]\s*(?:and\s+)?(?:in\s+)?|\s+and\s+(?:in\s+)?")


def _places(text: str) -> list[str]:
    """Split "Mexico City and in Guadalajara" or "A, B and C" into places, keeping "Washington, D.C."."""
    pieces = [p.strip() for p in _PLACE_SEPARATOR.split(text) if p.strip()]
    places: list[str] = []
    for piece in pieces:
        if places and _ABBREVIATION.match(piece):
            places[-1] = f"{places[-1]}, {piece}"
        else:
            places.append(piece)
    return places


def _city_and_country(text: str) -> tuple[str, str | None]:
    """"Ankara, Turkey" -> ("Ankara", "Turkey"); "Washington, D.C.; United States" keeps D.C."""
    places = _places(text)
    if len(places) >= 2:
        return ", ".join(places[:-1]), places[-1]
    return places[0] if places else text.strip(), None


def parse_missions(sentence: str, line: int, countries: tuple[str, ...], existing_only: bool = False) -> list[Mission]:
    """Every mission a sentence names, in order ([] if it names none); with `existing_only`,
    only those it says exist."""
    # Read once, with whether each exists: the section's kind is judged by its existing
    # missions before all of them are read as rows.
    return [mission for mission, exists, _ in _parse_missions(sentence, line, countries) if exists or not existing_only]


def mission_changes(sentence: str, line: int, countries: tuple[str, ...]) -> list[tuple[Mission, str | None]]:
    """Every mission a sentence names and what the sentence tells of it: "exists" ("has an
    embassy in X"), "opened" ("opened", "re-opened", "upgraded to an embassy"), "closed", or None."""
    return [(mission, state) for mission, _, state in _parse_missions(sentence, line, countries)]


@functools.lru_cache(maxsize=1024)
def _parse_missions(sentence: str, line: int, countries: tuple[str, ...]) -> tuple[tuple[Mission, bool, str | None], ...]:
    lowered = _lowered(sentence)
    if "embass" not in lowered and "consulate" not in lowered and "high commission" not in lowered:
        return ()
    return tuple(_missions_in(sentence, line, countries))


# "Both countries have (resident) embassies in each other's capitals": an embassy of each
# in the other's capital.
_EACH_OTHER = re.compile(
    r"\b(?:both(?:\s+(?:countries|nations|states|governments))?|the\s+two\s+(?:countries|nations|states)|"
    r"each\s+(?:country|nation))\s+(?:now\s+|also\s+|currently\s+)?(?P<verb>ha(?:ve|s)|maintains?|operates?|"
    r"opened|established|(?:(?:elevated|upgraded|raised)\s+(?:their|its|both)?\s*(?:diplomatic\s+)?"
    r"(?:missions|legations|representations)\s+to))\s+(?:(?:an?|resident|their|its|own)\s+)*"
    r"(?P<kind>embass(?:y|ies)|high\s+commissions?)\s+"
    r"in\s+(?:each\s+other['’]s|the\s+other['’]s|one\s+another['’]s|their\s+respective)\s+capitals?\b",
    re.IGNORECASE)


# "both nations elevated their legations to embassies", "their respective diplomatic missions
# were upgraded to embassies": an embassy of each, in the other's capital.
_BOTH_RAISED = re.compile(
    r"\b(?:both\s+(?:nations|countries|states|governments)\s+(?P<verb>elevated|upgraded|raised)\s+their|"
    r"(?:their|both)(?:\s+respective)?)\s+(?:diplomatic\s+)?(?:missions|legations|representations)\s+"
    r"(?:(?:were|was)\s+(?:elevated|upgraded|raised)\s+)?to\s+(?P<kind>embassies|high\s+commissions)\b", re.IGNORECASE)


def _reciprocal(sentence: str, line: int, countries: tuple[str, ...]) -> list[tuple[Mission, bool, str | None]]:
    match = _EACH_OTHER.search(sentence) if "capital" in sentence else None
    if not match and ("elevated" in sentence or "upgraded" in sentence or "raised" in sentence):
        match = _BOTH_RAISED.search(sentence)
    if not match or len(set(countries)) != 2:
        return []
    from ..places import embassy_city

    exists = not re.match(r"opened|established|elevated|upgraded|raised", match["verb"] or "raised", re.IGNORECASE)
    # an embassy is in the host's embassy city (its capital, or where the embassies are)
    cities = [embassy_city(host) for host in reversed(countries)]
    if None in cities:
        return []
    return [(Mission(country, other(country, countries), _kind(match["kind"]), city, None, True, line), exists,
             "exists" if exists else "opened") for country, city in zip(countries, cities)]


def _missions_in(sentence: str, line: int, countries: tuple[str, ...]) -> list[tuple[Mission, bool, str | None]]:
    """Every mission of the sentence and whether the sentence says it exists."""
    if len(sentence) > 5000:
        return []
    if " and " in sentence:
        sentence = _TWO_KINDS.sub(r"\g<first> in \g<place> and a \g<second> in \g<place>", sentence)
    reciprocal = _reciprocal(sentence, line, countries)
    if reciprocal:  # and the missions the rest of the sentence tells ("...; however, A closed its embassy")
        end = (_EACH_OTHER.search(sentence) or _BOTH_RAISED.search(sentence)).end()
        return reciprocal + _missions_in(sentence[end:], line, countries)
    missions = []
    matches = list(_MISSION.finditer(sentence))
    clause_start = 0
    exists = False
    country = None
    state = None
    for index, match in enumerate(matches):
        clause_end = matches[index + 1].start() if index + 1 < len(matches) else len(sentence)
        # The clause of the mission starts at its own subject ("..., Indonesia has an embassy in X").
        subjects = list(_SUBJECT.finditer(sentence, clause_start, match.start()))
        start = subjects[-1].start("name") if subjects else clause_start
        exists = _exists(sentence[start:match.start()], sentence[match.end():clause_end], exists)
        state = _state(sentence[start:match.start()], exists, state if index else None)
        country = _sender(sentence, clause_start, match.start(), countries, country if index else None)
        if country is not None and not _of_a_third_country(sentence[:match.start()], countries):
            accredited = _ACCREDITED.search(sentence, clause_start, clause_end)
            if accredited and accredited.start() > match.end() and _ALSO.search(sentence, match.end(), accredited.start()):
                accredited = None  # "an embassy in Oslo, which is also accredited to Iceland": still Norway's host
            host = _host(accredited, country, countries)
            missions += [(mission, exists, state)
                         for mission in _missions_of(match, country, host, accredited is not None, line, countries)]
        clause_start = match.end()
    return missions


_WORD_BEFORE = re.compile(r"(?:^|\s)(?:the\s+|an?\s+)?(?P<word>[A-Z][\w'’-]*)\s+$")


def _of_a_third_country(before: str, countries: tuple[str, ...]) -> bool:
    """Whether the word right before a mission names a third country's people ("the Chinese
    embassy in Tel Aviv" in an article on two others)."""
    word = _WORD_BEFORE.search(before[-40:])
    if not word:
        return False
    code = demonym_country(word["word"])
    return code is not None and code not in {country_code(country) for country in countries}


# "opened an embassy", "re-opened", "inaugurated"; "closed its embassy", "shut".
_OPENED = re.compile(r"\b(?:opened|reopened|re-opened|inaugurated|established|set\s+up)\b", re.IGNORECASE)
_CLOSED = re.compile(r"\b(?:closed|shut|downgraded|withdrew|suspended)\b", re.IGNORECASE)


def _state(before: str, exists: bool, previous: str | None) -> str | None:
    """What a mission's clause tells of it: "closed", "opened", "exists", else what the
    mission before it in the sentence was told ("opened an embassy in X and a consulate in Y")."""
    if _PLANNED.search(before):
        return None
    if _CLOSED.search(before):
        return "closed"
    if _OPENED.search(before):
        return "opened"
    return "exists" if exists else previous


# "an honorary consulate and embassy in Belgrade": two missions in one place.
_ONE_KIND = r"(?:honorary\s+)?(?:consulate(?:[-\s]general)?|embassy|high\s+commission)"
_TWO_KINDS = re.compile(rf"(?P<first>{_ONE_KIND})\s+and\s+(?:an?\s+)?(?P<second>{_ONE_KIND})\s+in\s+"
                        r"(?P<place>[A-Z][\w'’.-]*(?:\s+(?:de\s+|del\s+|la\s+)?[A-Z][\w'’.-]*)*)", re.IGNORECASE)


def _exists(before: str, after: str, previous: bool) -> bool:
    """Whether a mission exists, by the words of its clause before it (the verb of the
    mission before it when there are none: "has an embassy in X and a consulate in Y"),
    else by those after it ("Mexico's embassy in Stockholm is accredited to ...")."""
    if _PAST.search(before) or _PLANNED.search(before):
        return False
    if _EXISTS.search(before):
        return True
    if previous:
        return True
    return bool(_EXISTS.search(after)) and not _PAST.search(after)


def _sender(sentence: str, clause_start: int, mission_start: int, countries: tuple[str, ...],
            previous: str | None = None) -> str | None:
    """The country that sends a mission: the subject of its clause ("... and Chile has
    an embassy in ..."), else the sender of the mission before it in the sentence ("has an
    embassy in X and a consulate in Y"), else the first country named before it, else in
    the sentence."""
    subjects = list(_SUBJECT.finditer(sentence, clause_start, mission_start))
    country = find_country(subjects[-1]["name"], countries) if subjects else None
    return (country or previous or find_country(sentence[:mission_start], countries)
            or find_country(sentence, countries))


def _host(accredited: re.Match | None, country: str, countries: tuple[str, ...]) -> str:
    if accredited:
        named = accredited["host"]
        return match_country(named, countries) or find_country(named, countries) or bare(named)
    return other(country, countries) or country


_MARKERS = re.compile(r"\[[^\[\]]{1,25}\]")  # "Mexico City.[7]" in a plain copy: the reference markers
_PLURAL = re.compile(r"consulates|embassies|generals", re.IGNORECASE)
_AND = re.compile(r"\sand\s")


def _missions_of(match: re.Match, country: str, host: str, accredited: bool, line: int,
                 countries: tuple[str, ...]) -> list[Mission]:
    kind = _kind(match["kind"])
    place = _keep_abbreviation_stop(_MARKERS.sub("", match["place"]).strip())
    if accredited:  # "accredited ... from its embassy in Ankara, Turkey": one mission abroad
        city, city_country = _city_and_country(place)
        return [Mission(country, host, kind, city, city_country, False, line)]
    plural = _PLURAL.search(match["kind"])
    if plural or _AND.search(place):
        return [Mission(country, host, kind, city, None, True, line) for city in _places(place)]
    city, city_country = _city_and_country(place)
    resident = city_country is None or match_country(city_country, countries) == host
    return [Mission(country, host, kind, city, None if resident else city_country, resident, line)]


def _keep_abbreviation_stop(place: str) -> str:
    """Drop a sentence's full stop, but not the one closing "D.C."."""
    if place.endswith(".") and not _ABBREVIATION.match(place.rsplit(" ", 1)[-1].split(",")[-1].strip()):
        return place[:-1].rstrip()
    return place


# -- an article's missions --------------------------------------------------------------


def kind_by_content(section: Section, kind: str | None, countries: tuple[str, str]) -> str | None:
    """A section is a missions section by what it says, not by its heading's words:
    one headed "Attack on the embassy" that tells no mission that exists is history,
    and one under any other heading that tells nothing but missions is a missions one."""
    if kind not in (kinds.MISSIONS, None):
        return kind
    units = list(texts(section.blocks, captions=False))
    if not units or (kind is None and not all(map(_may_tell_a_mission, (unit.text for unit in units)))):
        return kind
    telling = (any(parse_missions(sentence, unit.line, countries, existing_only=True)
                   for sentence in split_sentences(unit.text)) for unit in units)
    if kind == kinds.MISSIONS:
        # History: events about missions ("protesters stormed the embassy in 2012"); a
        # section that tells neither stays one whose missions were not understood.
        if any(telling):
            return kind
        tells_events = any(find_dates(unit.text) or _may_tell_a_mission(unit.text) for unit in units)
        return kinds.HISTORY if tells_events else kind
    return kinds.MISSIONS if all(telling) else kind


def read_missions(context: Context) -> list[Mission]:
    """The missions of the missions sections, then those told elsewhere that they lack."""
    missions = []
    for section in context.sections_of(kinds.MISSIONS):
        for unit in texts(section.blocks, captions=False):
            found = [m for sentence in split_sentences(unit.text)
                     for m in parse_missions(sentence, unit.line, context.countries)]
            if not found:
                context.warn(unit.line, f"no diplomatic mission understood in {clip(unit.text)!r}")
            missions.extend(found)
    seen = {mission_key(mission) for mission in missions}
    in_infobox, not_understood = infobox_missions(context.article.infobox, context.countries)
    for line, value in not_understood:
        context.warn(line, f"no diplomatic mission of the two countries understood in the infobox's {value!r}")
    for mission in _told_missions(context) + in_infobox:
        if mission_key(mission) not in seen:  # one fact once: the section's row stands
            seen.add(mission_key(mission))
            missions.append(mission)
    # "opened its embassy in <the host>" names no city: a row of the same mission with its city stands
    placed = {(m.country, m.host, m.kind) for m in missions if m.city}
    return [m for m in missions if m.city or (m.country, m.host, m.kind) not in placed]


def _told_missions(context: Context) -> list[Mission]:
    """Missions the lead or another section says exist ("Norway has an embassy in Jakarta"),
    and those the history says were opened and not closed after ("opened an embassy in
    Jakarta in 1995" ... "closed its embassy in 2008" ... "re-opened it in 2012"), in article
    order: between the two countries, in a city of the host unless accredited from a third country."""
    found, opened, cities = [], {}, {}
    for unit, sentence, _ in context.prose_sentences(_may_tell_a_mission, skip=(kinds.MISSIONS, kinds.SEE_ALSO)):
        changes = mission_changes(sentence, unit.line, context.countries)
        for mission, state in changes:
            if state is None or mission.host not in context.countries or mission.country not in context.countries \
                    or mission.host == mission.country:
                continue
            family = (mission.country, mission.host, mission.kind)
            if state == "closed":
                opened.pop(family, None)
                continue
            mission = _in_a_city(mission)
            if mission is None:
                continue
            if state == "exists":
                found.append(mission)
            else:  # "re-opened its embassy (in <the host>)" is in the city told before
                opened[family] = mission if mission.city else dataclasses.replace(mission, city=cities.get(family, ""))
            if mission.city:
                cities[family] = mission.city
        _follow_up(sentence, changes, opened, context.countries)
    embassies = {(m.country, m.host, m.city) for m in [*found, *opened.values()] if m.kind == "embassy"}
    # a consulate once opened in the city where the same country has its embassy now: the
    # embassy took its place (a legation or consulate raised to an embassy)
    return found + [m for m in opened.values() if not (m.kind == "consulate" and (m.country, m.host, m.city) in
                                                       embassies | _embassy_cities(m, embassies))]


def _embassy_cities(mission: Mission, embassies: set) -> set:
    """(country, host, city) of the mission's country's embassy in the host's embassy city,
    when the country has an embassy there whose city the text did not tell."""
    from ..places import embassy_city

    if (mission.country, mission.host, "") in embassies:
        return {(mission.country, mission.host, embassy_city(mission.host) or "")}
    return set()


# "..., and B followed suit (in 1990)": B did as the clause before did to its own mission.
_FOLLOWED_SUIT = re.compile(r"\b(?:and\s+)?(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+followed\s+suit\b"
                            r"(?!\s+by\b)")
# "opened a consulate in X, followed by the opening of an embassy", "later raised to an embassy"
_RAISED = re.compile(r"\b(?:followed\s+by\s+the\s+opening\s+of\s+an\s+embassy|(?:upgraded|elevated|raised)\s+to\s+"
                     r"(?:an?\s+)?embass)", re.IGNORECASE)


def _follow_up(sentence: str, changes: list, opened: dict, countries: tuple[str, ...]) -> None:
    """What a sentence's last words do to the missions it told: "B followed suit" after a
    closing closes B's mission of that kind; a consulate "followed by the opening of an
    embassy" gave way to it."""
    closed = [mission for mission, state in changes if state == "closed"]
    suit = _FOLLOWED_SUIT.search(sentence) if closed and "suit" in sentence else None
    follower = find_country(suit["name"], countries) if suit else None
    if follower:
        opened.pop((follower, other(follower, countries), closed[-1].kind), None)
    if _RAISED.search(sentence):
        for mission, state in changes:
            if state == "opened" and mission.kind == "consulate":
                opened.pop((mission.country, mission.host, mission.kind), None)


def _in_a_city(mission: Mission) -> Mission | None:
    """The mission with its city's words only ("Singapore as well" -> "Singapore"; the host
    country's own name -> no city), or None when it is in a city of neither."""
    if not mission.city:
        return mission
    city = _PLACE_WORDS.match(mission.city)
    if not city:
        return None
    named = city.group(0)
    if country_code(named) and country_code(named) == country_code(mission.host) \
            and city_country(named) != country_code(named):  # a city-state names its city
        return dataclasses.replace(mission, city="")  # "opened its embassy in Armenia": no city told
    mission = dataclasses.replace(mission, city=city.group(0))
    if mission.resident and not _city_of(mission.city, mission.host):
        return None  # "Norway has an embassy in Singapore" in a Norway–Indonesia article
    return mission


# A place named in running text: capitalised words, with the small words of names
# between them ("Rio de Janeiro"); "Singapore as well" is Singapore.
_PLACE_WORDS = re.compile(r"[A-Z][\w'’.-]*(?:,?\s+(?:(?:de|do|da|del|la|el|of|upon|am|an|der|sur)\s+)*"
                          r"[A-Z][\w'’.-]*)*")


def _may_tell_a_mission(text: str) -> bool:
    lower = _lowered(text)
    return "embass" in lower or "consulate" in lower or "high commission" in lower


def _city_of(city: str, country: str) -> bool:
    """Whether `city` may be in `country`: it is, or the place data do not know it."""
    found = place_country(city)
    return found is None or found == country_code(country) or has_city(country, city)
