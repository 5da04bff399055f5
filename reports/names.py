"""Names in the documents' language: country names from CLDR (Babel's territory names,
by the country's ISO 3166 code) and offices from the layout's `[offices]` table.

Every exporter of a document (PDF, Word, Excel) shows `localised(record, layout)`, a
display copy of the record; the record itself (and the JSON export, which is data)
keeps the article's words. A layout in English changes nothing: the names stay as the
article writes them. Names without an ISO code ("Soviet Union") or offices not in the
table stay in English.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .layout import builtin_names, load_layout, office_key
from .model import Relationship


def _language(layout) -> str:
    return re.split(r"[-_]", layout.locale or "en")[0].lower()


def translates(layout) -> bool:
    """Whether the layout's language is not the articles' (English)."""
    return _language(layout) != "en"


@functools.lru_cache(maxsize=None)
def _territories(locale: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(locale.replace("-", "_")).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def country_name(name: str | None, layout) -> str | None:
    """ "Mexico" -> "México" with a Spanish layout; unchanged when English or unknown."""
    if not name or not translates(layout):
        return name
    from .places import country_code

    code = country_code(name)
    return _territories(layout.locale).get(code, name) if code else name


def office_name(office: str | None, layout) -> str | None:
    """ "Foreign Minister" -> "Ministro de Relaciones Exteriores" from the layout's table."""
    if not office:
        return office
    return layout.offices.get(office_key(office), office)


def localised(record: Relationship, layout) -> Relationship:
    """The record as the documents show it in the layout's language."""
    if not translates(layout) and not layout.offices:
        return record

    def country(name):
        return country_name(name, layout)

    return dataclasses.replace(
        record,
        countries=tuple(map(country, record.countries)),
        visits=tuple(dataclasses.replace(v, from_=country(v.from_), to=country(v.to),
                                         office=office_name(v.office, layout)) for v in record.visits),
        exports=tuple(dataclasses.replace(e, from_=country(e.from_), to=country(e.to)) for e in record.exports),
        missions=tuple(dataclasses.replace(m, country=country(m.country), host=country(m.host),
                                           city_country=country(m.city_country)) for m in record.missions),
    )


@functools.lru_cache(maxsize=1)
def _codes_by_local_name() -> dict[str, str]:
    """Country names in the languages of the built-in layouts -> ISO codes."""

    codes: dict[str, str] = {}
    for name in builtin_names():
        locale = load_layout(name).locale
        for code, local in _territories(locale).items():
            if code.isalpha():  # regions ("419") are not countries
                codes.setdefault(local.casefold(), code)
    return codes


def country_key(text: str) -> str | None:
    """A language-neutral key for a country name in English or in a built-in layout's
    language ("Mexico", "México" -> "country:MX"), so that analysts' notes keyed by a
    country cell follow their fact when the layout's language changes."""
    if not text or len(text) > 80:
        return None
    from .places import country_code

    code = country_code(text) or _codes_by_local_name().get(text.strip().casefold())
    return f"country:{code}" if code else None
