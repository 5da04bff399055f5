"""Visit wordings the sentence rules of prose_visits.py read through: offices written in
lower case ("Armenian foreign minister X"), places named as "the northern <demonym> city
of <city>", and a second traveller told after the first ("..., followed by President Y
in 1974").
"""

from __future__ import annotations

import re

from .offices import is_title_word

# A run of lower-case words of an office right before a capitalised name ("foreign
# minister Vartan", "deputy prime minister Ana"): written so after a nationality.
_LOWER_OFFICE = re.compile(r"(?<![\w'’-])((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)(?=\s+[A-ZÀ-ÖØ-Þ])")
# Title words that are no office's head: an office ends in one of the others.
_NOT_HEAD = frozenset("his her former member members state national federal public home "
                      "relations affairs affair economic development international external".split())


def capitalised_offices(phrase: str) -> str:
    """`phrase` with an office in lower case before a name written as offices are written
    ("Armenian foreign minister Vartan Oskanian" -> "Armenian Foreign Minister Vartan Oskanian")."""
    if not any(character.islower() for character in phrase[:1]) and " " not in phrase:
        return phrase

    def capitalise(match: re.Match) -> str:
        words = match.group(1).split()
        if not all(is_title_word(word) or word in ("of", "for") for word in words) \
                or not is_title_word(words[-1]) or words[-1] in _NOT_HEAD or words[0] in ("of", "for"):
            return match.group(0)
        return " ".join(word if word in ("of", "for") else word[:1].upper() + word[1:] for word in words)
    return _LOWER_OFFICE.sub(capitalise, phrase)


# "the northern Mexican city of Monterrey", "the Peruvian port of Callao": the city after "of".
_CITY_OF = re.compile(r"^the\s+(?:[a-z]+\s+)?(?P<demonym>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+"
                      r"(?:city|town|port|resort|region|state|province)\s+of\s+(?P<city>[A-Z].*)$")
PLACE_OF_A_CITY = r"the\s+(?:[a-z]+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:city|town|port|resort|region|state|province)\s+of\s+"


def city_of(place: str) -> tuple[str, str] | None:
    """(demonym, city) of a place written "the <adjective> <demonym> city of <city>", or None."""
    match = _CITY_OF.match(place)
    return (match["demonym"], match["city"]) if match else None


# ", followed by President Y in 1974": another traveller on the same journey's way, later.
_FOLLOWED_BY = re.compile(r",\s+(?:later\s+)?followed\s+by\s+(?P<who>[A-Z][^,.;()]{2,80}?)\s+(?P<when>(?:in|on)\s+"
                          r"[^,.;()]{4,30}?)(?=[,.;]|\s+and\b|$)")


def followers(sentence: str) -> list[tuple[str, str]]:
    """(traveller, words of the date) of each one a sentence says followed the first."""
    return [(match["who"], match["when"]) for match in _FOLLOWED_BY.finditer(sentence)]


# A rank or an errand, no office of a state: "General X" leading troops, "Special Envoy Y"
# sent with a message (a visit is an office-holder's: head of state or government, a
# minister, a royal, a member of a government or parliament).
_NO_OFFICE = re.compile(r"^(?:(?:Special|Personal|Presidential)\s+)?(?:Envoy|Emissary|Representative|Delegate)$|"
                        r"^(?:Field\s+)?(?:General|Colonel|Admiral|Marshal|Captain|Lieutenant|Major|Brigadier|"
                        r"Commander)$", re.IGNORECASE)


def no_office(office: str) -> bool:
    """Whether `office` is a military rank alone or an envoy's errand, not an office of a state."""
    return _NO_OFFICE.match(office) is not None

