"""Agreements: titles listed in prose or as list items, each with an optional date.

Prose: "Both nations have signed several agreements such as a Treaty of Friendship
(1938); Agreement on X (2002) and an Agreement on Y (2012)." Items are separated by
`;`, by `, and`, by ` and a(n) ` before a capital, or by `,`/`and` right after a
date in parentheses. Commas and a bare "and" inside a title keep it whole
("Education, Culture, Art and Sport").
"""

from __future__ import annotations

import re

from ..dates import find_dates

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
