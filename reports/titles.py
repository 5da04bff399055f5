"""What a title names: the two countries of "A–B relations", and the record id made of them.

Below readers and loader: a reader matches a file's name against a title with the id,
the loader splits the title into the record's two countries.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .errors import ArticleError

_TITLE_SEPARATORS = ("–", "—", "-")
_RELATIONS_SUFFIX = re.compile(r"\s+(?:relations|relationship)$", re.IGNORECASE)


def split_title(title: str, shown: str, line: int) -> tuple[str, str]:
    """`Bosnia and Herzegovina–Mexico relations` -> ("Bosnia and Herzegovina", "Mexico")."""
    name = _RELATIONS_SUFFIX.sub("", title.strip())
    for separator in _TITLE_SEPARATORS:
        if separator in name:
            # An en or em dash separates exactly; a hyphen may also sit inside a name
            # ("Guinea-Bissau"), so with hyphens only the split must be unambiguous.
            parts = name.split(separator)
            if len(parts) == 2:
                first, second = (part.strip() for part in parts)
                if first and second:
                    return first, second
            break
    raise ArticleError(shown, line, f"the title {title!r} does not name two countries as 'A–B relations'")


def relationship_id(countries: tuple[str, str]) -> str:
    """Lower-case, ASCII-folded names joined by '-', spaces as '-'."""
    def fold(name: str) -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        cleaned = re.sub(r"[^a-z0-9 -]+", "", ascii_name.lower())
        folded = re.sub(r"[\s-]+", "-", cleaned).strip("-")
        # A name in a script without an ASCII folding (中国) gets a stable stand-in.
        return folded or "x" + hashlib.sha256(name.encode()).hexdigest()[:8]
    return "-".join(fold(name) for name in countries)




# States a title may name that ISO 3166 does not list: historical ones, partially recognised
# ones, and unions of states that have relations of their own.
OTHER_STATES = frozenset(name.casefold() for name in (
    "Soviet Union", "USSR", "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany", "Serbia and Montenegro",
    "Ottoman Empire", "Russian Empire", "Austria-Hungary", "Austria–Hungary", "Prussia", "Kingdom of Sardinia",
    "Gran Colombia", "Rhodesia", "Zaire", "Burma", "Ceylon", "Siam", "Persia", "South Vietnam", "North Vietnam",
    "United Arab Republic", "Taiwan", "Republic of China", "Kosovo", "Palestine", "State of Palestine", "Holy See",
    "Vatican City", "Sovereign Military Order of Malta", "Abkhazia", "South Ossetia", "Northern Cyprus",
    "Transnistria", "Western Sahara", "Sahrawi Arab Democratic Republic", "Somaliland", "Hong Kong", "Macau",
    "Macao", "Scotland", "Wales", "England", "Northern Ireland", "European Union", "African Union", "ASEAN",
))
_DISAMBIGUATION = re.compile(r"\s*\((?:country|state|nation)\)$", re.IGNORECASE)


def unknown_parties(countries: tuple[str, str]) -> list[str]:
    """The names of a title that are no country or state known: not in ISO 3166 (pycountry),
    not a demonym of one ("Dutch–Turkish relations"), not in OTHER_STATES."""
    from .places import country_code, demonym_country

    unknown = []
    for name in countries:
        bare = _DISAMBIGUATION.sub("", name.strip())
        if not (country_code(bare) or demonym_country(bare) or bare.casefold() in OTHER_STATES
                or re.sub(r"^the\s+", "", bare, flags=re.IGNORECASE).casefold() in OTHER_STATES):
            unknown.append(name)
    return unknown
