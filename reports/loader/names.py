"""Match names in text against the two countries of a relationship."""

from __future__ import annotations

import functools
import re

from .looks import may_match

_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def bare(name: str) -> str:
    """A name without a leading article, surrounding space or trailing punctuation."""
    return _ARTICLE.sub("", name.strip().strip(" .,:;"))


def match_country(text: str, countries: tuple[str, ...]) -> str | None:
    """The country that `text` names exactly (ignoring case and a leading "the")."""
    wanted = bare(text).casefold()
    for country in countries:
        if bare(country).casefold() == wanted:
            return country
    return None


@functools.lru_cache(maxsize=256)
def _whole_word(country: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(bare(country))}(?!\w)", re.IGNORECASE)


def _may_name(text: str, country: str) -> bool:
    """A first look before _whole_word's case-blind search: an ASCII name is in the text
    in lower case (see looks.py)."""
    name = bare(country)
    return not name.isascii() or may_match(text, (name.lower(),))


def find_country(text: str, countries: tuple[str, ...]) -> str | None:
    """The country named first in `text`, as a whole word, or None."""
    best = None
    for country in countries:
        match = _may_name(text, country) and _whole_word(country).search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), country)
    return best[1] if best else None


def other(country: str | None, countries: tuple[str, ...]) -> str | None:
    """The other country of the pair."""
    if country not in countries or countries[0] == countries[1]:
        return None
    return countries[1] if country == countries[0] else countries[0]


def last_named(text: str, countries: tuple[str, ...]) -> str | None:
    """The country named last in `text`, as a whole word, or None."""
    best = None
    for country in countries:
        for match in _whole_word(country).finditer(text) if _may_name(text, country) else ():
            if best is None or match.start() > best[0]:
                best = (match.start(), country)
    return best[1] if best else None
