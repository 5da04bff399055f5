"""Recognise a section by what its heading means, not by its exact words."""

from __future__ import annotations

import functools
import re

HISTORY = "history"
VISITS = "visits"
AGREEMENTS = "agreements"
TRADE = "trade"
MISSIONS = "missions"
SEE_ALSO = "see_also"

# First match wins: "Trade agreements" is about agreements, "Economic relations" about trade.
_KINDS = [
    (SEE_ALSO, re.compile(r"\bsee also\b")),
    (VISITS, re.compile(r"\bvisits?\b")),
    (AGREEMENTS, re.compile(r"\bagreements?\b|\btreat(?:y|ies)\b|\baccords?\b|\bconventions\b")),
    (MISSIONS, re.compile(r"\bmissions?\b|\bembass(?:y|ies)\b|\bconsulates?\b|\brepresentation\b")),
    (TRADE, re.compile(r"\btrade\b|\beconom(?:y|ic|ics)\b|\bcommerc|\binvestments?\b")),
    (HISTORY, re.compile(r"\bhistor(?:y|ical)\b|\bbackground\b")),
]


# Sections every relations article may have that hold no facts we read: kept as text,
# quietly (a heading outside these and the kinds above is worth a warning).
_ORDINARY = re.compile(
    r"\b(?:cultur|educat|academ|universit|scholar|student|science|scientific|technolog|research|tourism|touris"
    r"|migration|immigra|emigra|diaspora|communit|people|sports?\b|football|olymp|militar|defen[cs]e|security"
    r"|cooperation|co-operation|relations\b|overview|politic|diploma|bilateral|multilateral|international"
    r"|health|energy|environment|climate|development|aid\b|humanitarian|human rights|disputes?|conflicts?"
    r"|border|maritime|transport|aviation|air links|media|religio|language|art\b|arts\b|music|film"
    r"|twin|sister cit|partnership|notes|references|further reading|external links|bibliography|gallery"
    r"|sources|citations|footnotes|organi[sz]ations|agricultur|fisher|nuclear|space|police|justice|legal)")


def is_ordinary(heading: str) -> bool:
    """Whether a heading of no known kind is one of the ordinary sections of an article."""
    return bool(_ORDINARY.search(heading.lower()))


@functools.lru_cache(maxsize=1024)  # articles share their headings: each is judged once
def section_kind(heading: str) -> str | None:
    """The kind of facts a section with this heading holds, or None if unknown."""
    lowered = heading.lower()
    for kind, pattern in _KINDS:
        if pattern.search(lowered):
            return kind
    return None


def with_kinds(sections):
    """Each section (anything with .heading and .level) with its kind; an unknown
    subsection takes the kind of the section it belongs to."""
    parent_kind = None
    for section in sections:
        kind = section_kind(section.heading)
        if section.level <= 2:
            parent_kind = kind
        elif kind is None:
            kind = parent_kind
        yield section, kind
