"""The organisations both countries are members of: "Both nations are members of the
United Nations and the World Trade Organization" -> two names.
"""

from __future__ import annotations

import re

from ..document import texts
from .. import sections as kinds
from .context import Context
from .looks import lowered
from .names import find_country
from .sentences import split_sentences


def read_memberships(context: Context) -> list[str]:
    """The organisations of the lead's sentence saying both are members, then those of
    every such sentence elsewhere in the running text ("Additionally, they are both part
    of X"), each once."""
    found: dict[str, None] = {}
    for unit in texts(context.article.lead):
        found.update(dict.fromkeys(_members_in(unit.text, context.countries)))
        if found:
            break
    for unit, sentence, _ in context.prose_sentences(_may_tell_members, skip=(kinds.SEE_ALSO,)):
        if unit.line >= context.first_section_line:
            found.update(dict.fromkeys(_members_in(sentence, context.countries)))
    return list(found)


# "Both nations are (full) members of", "Both are members of", "The two countries are
# founding members of", "A and B are both members of", "Both are member states of",
# "Both nations belong to", "Both countries are part of".
_MEMBERS = re.compile(
    r"(?:\b(?:both|the\s+two)(?:\s+(?:nations|countries|states|governments|republics)|\s+[^,.;]{1,80}?\s+and\s+"
    r"[^,.;]{1,80}?)?(?:\s+have\s+[^.;]{1,100}?\s+and)?(?:\s+are|(?=\s+(?:also\s+)?belong\b))|\bare\s+both"
    r"|^Both(?=\s+members\s+of\b)"
    r"|^(?P<first>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+and\s+(?:the\s+)?"
    r"(?P<second>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:\s+are|(?=\s+(?:both\s+)?belong\b)))"
    r"\s+(?:also\s+|both\s+)?(?:the\s+)?(?:(?:full|founding|mutual|active|permanent)\s+"
    r"(?:and\s+\w+\s+)?)?(?P<predicate>members\s+of|member\s+(?:states|countries|nations)\s+of|belong\s+to|part\s+of|"
    r"partners\s+in\s+(?:multilateral\s+|international\s+)?"
    r"(?:organi[sz]ations|forums|fora|bodies)(?:,?\s+(?:such\s+as|including|like))?)\s+(?P<orgs>.+?)\.?$",
    re.IGNORECASE,
)
# "..., and both nations are members of ...": a second list in the same sentence.
_MORE_MEMBERS = re.compile(r",?\s*(?:and|while)\s+(?:(?:both|the two)\s+\w+\s+)?are\s+(?:\w+\s+){0,2}?members\s+"
                           r"of\s+",
                           re.IGNORECASE)
_LIST_OPENER = re.compile(r"^.*?\b(?:such as|including|namely)\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z0-9&-]{2,}$")
# The last word of a whole organisation's name: "... Organization", "... Movement".
_ORGANISATION_END = re.compile(r"\b(?:Organi[sz]ation|Union|Nations|Group|Forum|Community|Movement|Bank|Council|"
                               r"Association|Alliance|Commonwealth|Conference|Cooperation|Co-operation|Agency|"
                               r"Partnership|Fund|Court|Treaty|Pact|Bloc|Summit|Area|Zone|Eurozone|Initiative|"
                               r"Assembly|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twenty)$")


_ORGANISATION_SEPARATOR = re.compile(r",?\s+as\s+well\s+as\s+(?:the\s+)?|,\s*(?:and\s+)?(?:of\s+)?(?:the\s+)?|"
                                     r"(?<!\s)\s+and\s+(?:of\s+)?(?=the\s)")
# "the United Nations and its specialized agencies": the agencies are no organisation's name.
_ITS_AGENCIES = re.compile(r"\s+and\s+(?:its|their)\s+[^,]*$")
_LEADING_THE_OR_AND = re.compile(r"^(?:the|and)\s+", re.IGNORECASE)


def split_organisations(text: str) -> list[str]:
    """`the United Nations and the World Trade Organization` -> two names.

    Splits on commas and on "and the"; a bare "and" joins parts of one name ("Food
    and Agriculture Organization") unless it joins two whole names ("NATO and OSCE"); a
    lost comma before "the" after a whole name ("... Cooperation the Organisation for ...")
    separates too.
    """
    names = []
    for part_list in _MORE_MEMBERS.split(text.strip().rstrip(".")):
        part_list = _LIST_OPENER.sub("", part_list)
        parts = [piece for part in _ORGANISATION_SEPARATOR.split(_ITS_AGENCIES.sub("", part_list))
                 for piece in _lost_comma(part)]
        for part in parts:
            part = _LEADING_THE_OR_AND.sub("", part.strip())
            left, sep, right = part.partition(" and ")
            if sep and _whole_organisation(left) and (_whole_organisation(right) or _NUMBERED.match(right)):
                names += [_without_alias(left), _without_alias(right)]
            elif part:
                names.append(_without_alias(part))
    return names


# "G-20 major economies", "G20", "Group of 15": a group named by its number.
_NUMBERED = re.compile(r"^(?:G-?\d+|Group\s+of\s+\d+)\b")


_THE_INSIDE = re.compile(r"\s+the\s+(?=[A-Z])")


def _lost_comma(part: str) -> list[str]:
    """"Forum of ... Cooperation the Organisation for ..." -> the two names."""
    if " the " not in part:
        return [part]
    pieces, start = [], 0
    for the in _THE_INSIDE.finditer(part):
        if _whole_organisation(part[start:the.start()]):
            pieces.append(part[start:the.start()])
            start = the.start()
    return pieces + [part[start:]]


def _whole_organisation(name: str) -> bool:
    """Whether `name` is an organisation's whole name by its form ("NATO", "... Cooperation"):
    "and" between two such is a list's ("Food and Agriculture Organization" is one name)."""
    return bool(_ACRONYM.match(name) or _ORGANISATION_END.search(name))


# "World Trade Organization (WTO)": the short name in parentheses after the name is no part of
# it, so that one organisation is one name in every record ("Group of 20 (G20)", "(Mercosur)").
_ALIAS = re.compile(r"(?<=\S)\s*\(\s*[A-Z][\w&.+-]{1,14}\s*\)$")


def _without_alias(name: str) -> str:
    return _ALIAS.sub("", name) if name.endswith(")") else name



def _may_tell_members(text: str) -> bool:
    text = lowered(text)
    return "member" in text or "partners in" in text or "belong" in text or "part of" in text


# "both countries are BLACKSEAFOR and BSEC members": the names before "members";
# "underpinned by shared membership of X, Y and Z, and ...": the names after it.
_NAMES_BEFORE_MEMBERS = re.compile(r"\b(?:both|the\s+two)(?:\s+(?:nations|countries|states))?\s+are\s+(?:both\s+)?"
                                   r"(?P<orgs>[A-Z][\w-]*(?:(?:,\s*|\s+and\s+|\s+)[A-Z][\w-]*){0,7})\s+members\b")
_SHARED = re.compile(r"\bshared\s+membership\s+(?:of|in)\s+(?P<orgs>[^.;]+?)(?:,\s+and\s+(?=[a-z])|\.?$)",
                     re.IGNORECASE)


def _other_members(sentence: str) -> list[str]:
    """The organisations of "both are X and Y members" or "shared membership of X, Y"."""
    match = _NAMES_BEFORE_MEMBERS.search(sentence) or _SHARED.search(sentence)
    return split_organisations(match["orgs"]) if match else []


def _members_in(text: str, countries: tuple[str, str]) -> list[str]:
    if not _may_tell_members(text):
        return []
    found = []
    for sentence in split_sentences(text):
        others = _other_members(sentence)
        if others:
            found += others
            continue
        match = _MEMBERS.search(sentence)
        if match and match["first"] and {find_country(match["first"], countries),
                                          find_country(match["second"], countries)} != set(countries):
            continue  # "A and B are members of": only the two of the pair
        if match:
            names = split_organisations(match["orgs"])
            if match["predicate"].lower().startswith(("belong", "part")) and not all(
                    _whole_organisation(name) or _NUMBERED.match(name) for name in names):
                continue  # "both are part of the same region": no organisation by its name's form
            found += names
    return found
