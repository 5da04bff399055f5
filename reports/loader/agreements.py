"""Agreements: titles listed in prose or as list items, each with an optional date.

Prose: "Both nations have signed several agreements such as a Treaty of Friendship
(1938); Agreement on X (2002) and an Agreement on Y (2012)." Items are separated by
`;`, by `, and`, by ` and a(n) ` before a capital, or by `,`/`and` right after a
date in parentheses. Commas and a bare "and" inside a title keep it whole
("Education, Culture, Art and Sport").

`read_agreements` gathers an article's agreements: those of its agreements section, of
lists elsewhere whose caption tells they were signed, and those told in prose
(prose_agreements.py), each agreement once.
"""

from __future__ import annotations

import re

from ..dates import find_dates, first_date
from ..document import ItemList
from ..model import Agreement
from .. import sections as kinds
from .context import Context, agreement_key, clip, once
from .names import find_country
from .prose_agreements import listed_subjects, looks_signed, may_tell_an_agreement, told_agreements
from .sentences import split_sentences

# Where the list starts: after "such as", "including", ":"... or, failing those, a verb.
_LIST_OPENERS = (
    re.compile(r"\b(?:such as|including|namely|among them|among which|as follows)\b\s*:?\s*|:\s+", re.IGNORECASE),
    re.compile(r"\b(?:signed|agreed (?:on|to|upon)|concluded|adopted|ratified|entered into)\b\s*", re.IGNORECASE),
)
# Separators start right after a non-blank, so that no pattern rescans a run of blanks.
_SEPARATOR = re.compile(
    r"(?<!\s)\s*;\s*(?:and\s+)?"                              # ";"
    r"|(?<=\))\s*(?:,\s*(?:and\s+)?|\s+and\s+)"            # after "(2002)": "," or "and"
    r"|,\s+(?:and\s+)?(?=(?:an?|the)\s+[A-Z])"               # ", (and) a/an/the Capital"
    r"|,\s+and\s+(?=[A-Z])"                                 # ", and Capital"
    r"|(?<!\s)\s+and\s+(?=an?\s+[A-Z])"                     # " and a(n) Capital"
)
_ARTICLE = re.compile(r"^(?:and\s+)?(?:an?|the)\s+(?=[A-Z])|^and\s+", re.IGNORECASE)
_DATE_PARENTHESIS = re.compile(r"\(([^()]*)\)\s*$")


def agreement_items(sentence: str) -> list[str]:
    """The agreement phrases a prose sentence lists, each still with its parenthesis."""
    text = sentence.strip().rstrip(".")
    for opener in _LIST_OPENERS:
        match = opener.search(text)
        if match:
            text = text[match.end():]
            break
    else:
        return []
    return [piece for piece in (p.strip(" ,") for p in _SEPARATOR.split(text)) if piece]


# "1990: Extradition Treaty", "1990 – Extradition Treaty": the date before the title.
_LEADING_DATE = re.compile(r"^(?P<date>(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})\s*(?::|–|—|-)\s+(?=[A-Z])")
# "Agreement on X, signed 3 May 1979", "Agreement on X – 1995", "Agreement on X, 1995": after it.
_TRAILING_DATE = re.compile(r"(?:,\s*(?:signed\s+(?:in\s+|on\s+)?)?|\s+(?:–|—|-)\s+|\s+signed\s+(?:in\s+|on\s+)?)"
                            r"(?P<date>(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})$")


def parse_agreement(phrase: str) -> tuple[str, str | None] | None:
    """`an Agreement on X (1996)` -> ("Agreement on X", "1996"); None if no title."""
    phrase = phrase.strip().rstrip(".")
    for pattern in (_LEADING_DATE, _TRAILING_DATE):
        dated = pattern.search(phrase)
        dates = find_dates(dated["date"]) if dated else []
        if dates:
            title = phrase[dated.end():] if pattern is _LEADING_DATE else phrase[:dated.start()]
            parsed = parse_agreement(title)
            return (parsed[0], dates[0].iso) if parsed else None
    date = None
    parenthesis = _DATE_PARENTHESIS.search(phrase)
    if parenthesis:
        dates = find_dates(parenthesis.group(1))
        if dates:
            date = dates[0].iso
            phrase = phrase[:parenthesis.start()].rstrip()
    title = _ARTICLE.sub("", phrase.strip()).strip(" ,;")
    if not title or not title[0].isupper():
        return None
    return title, date


# -- an article's agreements ------------------------------------------------------------


def read_agreements(context: Context) -> list[Agreement]:
    """The agreements of the agreements section, of signed lists elsewhere and of prose, each once."""
    agreements = []
    for section in context.sections_of(kinds.AGREEMENTS):
        for block in section.blocks:
            if isinstance(block, ItemList):  # an item may hold two: "X (2005); Y (2007)"
                agreements += _section_agreements(context, [(part, item.line) for item in block.items
                                                            for part in _ITEM_PARTS.split(item.text) if part.strip()])
                continue
            for sentence in split_sentences(block.text.text):
                subjects = listed_subjects(sentence)  # "agreements on culture (1989) and tourism (2005)"
                agreements += [Agreement(title, date, context.first_line_naming(title, block.text.line))
                               for title, date in subjects] or _section_agreements(
                    context, [(phrase, block.text.line) for phrase in agreement_items(sentence)])
    return once(agreements + _listed_agreements(context) + _told_agreements(context), agreement_key)


# Two agreements in one item: "Agreement on Air Services (2005); Memorandum on Culture (2007)".
_ITEM_PARTS = re.compile(r"(?<=\))\s*;\s*(?=[A-Z])")


def _section_agreements(context: Context, phrases: list[tuple[str, int]]) -> list[Agreement]:
    """The agreements of the agreements section's items or phrases ("an Agreement on X (1996)")."""
    agreements = []
    for phrase, line in phrases:
        parsed = parse_agreement(phrase)
        if parsed is None:
            context.warn(line, f"agreement not understood: {clip(phrase)!r}")
            continue
        title, date = parsed
        agreements.append(Agreement(title, date, context.first_line_naming(title, line)))
    return agreements


def _listed_agreements(context: Context) -> list[Agreement]:
    """The items of a list elsewhere whose caption tells the two signed them ("Both
    nations have also signed agreements on:", "Agreements signed between both nations")."""
    found = []
    blocks = list(context.article.lead) + [block for section, kind in context.sections if kind != kinds.AGREEMENTS
                                           for block in section.blocks]
    for block in blocks:
        if not isinstance(block, ItemList) or block.caption is None or not _SIGNED_LIST.search(block.caption.text):
            continue
        party = _WITH_NAME.search(block.caption.text)
        if party and find_country(party["name"], context.countries) is None:
            continue  # "agreements signed with the European Union": a third party's
        signed = first_date(block.caption.text)  # "In 2013, ... both nations signed agreements on:"
        for item in block.items:
            parsed = parse_agreement(item.text)
            if parsed:
                found.append(Agreement(parsed[0], parsed[1] or signed, item.line, origin="list"))
    return found


# A list's caption telling the agreements signed: its items are agreements, wherever it stands.
_SIGNED_LIST = re.compile(r"^(?=.*\b(?:agreements?|treat(?:y|ies)|memorand\w*|conventions?|accords?)\b)"
                          r"(?=.*\b(?:sign\w*|concluded|in\s+force)\b)", re.IGNORECASE)
_WITH_NAME = re.compile(r"\bwith\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")


def _told_agreements(context: Context) -> list[Agreement]:
    """Agreements told in sentences outside the agreements section."""
    found = []
    for unit, sentence, date_of in context.prose_sentences(may_tell_an_agreement, skip=(kinds.AGREEMENTS,)):
        told = told_agreements(sentence, context.countries)
        for title, own_date in told:
            found.append(Agreement(title, own_date or date_of(), unit.line, origin="prose"))
        if not told and looks_signed(sentence, context.countries):
            context.warn(unit.line, f"sentence tells of an agreement signed but names none that was read: "
                                    f"{clip(sentence)!r}")
    return found

