"""Amounts of money as written: "US$15.7 million", "€45 million", "CAD 1.2 billion",
"NZ$3 billion", "1.2 billion pesos" -> the number and its ISO 4217 currency.

Signs of other countries' dollars (NZ$, A$, C$/Can$, HK$, MX$, S$) are those currencies,
never US dollars; a bare "$" or "dollars" is the US dollar, as Wikipedia's convention has
it. ISO codes come from pycountry (ISO 4217); currency names ("Mexican pesos", "euros",
"Norwegian kroner") from babel's English locale data, and a name several currencies share
("pesos", "kroner", "francs") is the one of the two countries that uses it. Both load
lazily, once, and only for an amount with no sign or code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "m": 10**6,
           "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12}
# Signs before a number, longest first (so that "NZ$" is not read as "$").
_SIGNS = {"US$": "USD", "U.S.$": "USD", "US $": "USD", "NZ$": "NZD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
          "Can$": "CAD", "CA$": "CAD", "HK$": "HKD", "MX$": "MXN", "Mex$": "MXN", "S$": "SGD", "R$": "BRL",
          "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "$": "USD"}
_SIGN = "|".join(re.escape(sign) for sign in sorted(_SIGNS, key=len, reverse=True))
# A number that continues with ",5" or ".5" after this is written another way
# ("1,5 million" in a decimal-comma locale): not read, rather than misread.
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![,.]?\d)"
_SCALE = r"(?:\s*(?P<scale>(?i:thousand|million|billion|trillion|mln|mil|mn|bn|m|b))\b\.?)?"
# Numbers are found first (a pattern starting with a digit lets the engine skip ahead),
# then the few characters before each are read for a sign or a code.
_NUMBER_AT = re.compile(rf"(?<![\d.,]){_NUMBER}{_SCALE}")
# A code needs a blank before the number: "COP16" is a conference, "CAD 1.2 billion" money.
_BEFORE = re.compile(rf"(?:(?<![A-Za-z])(?P<sign>{_SIGN})\s?|(?<![\w$])(?P<code>[A-Z]{{3}})\s)\Z")
_NOT_BEFORE_A_BARE_NUMBER = frozenset("$.,€£¥₹₩₽")
# What may follow a number: "US dollars", "USD", "euros", "Mexican pesos".
_AFTER = re.compile(r"\s*(?:(?P<us>(?i:U\.?S\.?\s?dollars?|dollars?))\b|(?P<code>[A-Z]{3})\b"
                    r"|(?P<words>(?:[A-Z][a-z]+\s+){0,2}[a-z]+))")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: int
    currency: str


def find_amounts(sentence: str, countries: tuple[str, ...] = ()) -> list[Amount]:
    """Every amount of money in `sentence` whose currency is known, in text order."""
    found = []
    for match in _NUMBER_AT.finditer(sentence):
        before = _BEFORE.search(sentence, max(0, match.start() - 8), match.start())
        if before is None and match.start() and (sentence[match.start() - 1].isalnum()
                                                 or sentence[match.start() - 1] in "_" + "".join(_NOT_BEFORE_A_BARE_NUMBER)):
            continue
        currency, end = _currency(match, before, sentence, countries)
        if currency is None:
            continue
        value = _value(match)
        if value is not None:
            found.append(Amount(before.start() if before else match.start(), end, value, currency))
    return found


def _value(match: re.Match) -> int | None:
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:
        return None
    return int((number * _SCALES.get((match["scale"] or "").lower(), 1)).to_integral_value())


def _currency(match: re.Match, before: re.Match | None, sentence: str,
              countries: tuple[str, ...]) -> tuple[str | None, int]:
    """The currency of an amount (its sign or code, else the words after it) and where it ends."""
    after = _AFTER.match(sentence, match.end())
    if before and before["sign"]:
        sign = re.sub(r"\s+", " ", before["sign"])
        # a bare "$" is the dollar of the pair's country that has one, else not known (UNKNOWN)
        currency = _bare_dollar(countries) if sign == "$" else _SIGNS.get(sign, "USD")
        if currency == "JPY" and _uses(countries, "CNY") and not _uses(countries, "JPY"):
            currency = "CNY"  # ¥ is also the yuan's sign
        # "$284 million USD": a code after a sign ends the amount there (and settles a bare "$")
        if after and (after["us"] or (after["code"] and _is_code(after["code"]))):
            if sign == "$":
                currency = "USD" if after["us"] else after["code"]
            return currency, after.end()
        return currency, match.end()
    if before and before["code"]:
        return (before["code"], match.end()) if _is_code(before["code"]) else (None, match.end())
    if not after:
        return None, match.end()
    if after["us"]:
        return "USD", after.end()
    if after["code"]:
        return (after["code"], after.end()) if _is_code(after["code"]) else (None, match.end())
    return _named(after["words"], countries), after.end()


def _named(words: str, countries: tuple[str, ...]) -> str | None:
    """The currency named by `words` ("Mexican pesos", "euros", "pesos"), or None."""
    full, last = _names()
    lowered = words.lower().split()
    for start in range(len(lowered)):
        code = full.get(" ".join(lowered[start:]))
        if code:
            return code
    candidates = last.get(lowered[-1], set())
    used = {code for code in candidates if _uses(countries, code)}
    if len(used) == 1:
        return used.pop()
    return next(iter(candidates)) if len(candidates) == 1 else None


# ISO 4217's code for "no currency": a bare "$" whose currency the text does not settle
# (the reader of the whole article settles it from an earlier "US$", or warns).
UNKNOWN = "XXX"


@functools.lru_cache(maxsize=256)
def _bare_dollar(countries: tuple[str, ...]) -> str:
    """The currency a bare "$" is in an article on `countries`: the dollar of the one country
    of the pair whose currency is written "$" (a dollar; a peso is written so too), else
    UNKNOWN (none of them, or two)."""
    from babel.numbers import get_territory_currencies
    from babel import Locale

    from ..places import country_code

    names = Locale("en").currencies
    written_so = {code for country in countries if country_code(country)
                  for code in get_territory_currencies(country_code(country))[:1]
                  if re.search(r"\b(?:dollar|peso)\b", names.get(code, ""), re.IGNORECASE)}
    return written_so.pop() if len(written_so) == 1 and "Peso" not in names.get(next(iter(written_so)), "") \
        else UNKNOWN


@functools.lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[str, set[str]]]:
    """English names of the current ISO 4217 currencies: full names, and last words."""
    import pycountry
    from babel import Locale

    current = {currency.alpha_3 for currency in pycountry.currencies}
    english = Locale("en")
    plural = english._data["currency_names_plural"]
    full: dict[str, str] = {}
    last: dict[str, set[str]] = {}
    for code in sorted(current):
        names = [english.currencies.get(code)] + list(dict(plural.get(code, {})).values())
        for name in filter(None, names):
            name = name.lower()
            full.setdefault(name, code)
            last.setdefault(name.split()[-1], set()).add(code)
    return full, last


@functools.lru_cache(maxsize=512)
def _is_code(code: str) -> bool:
    import pycountry

    return pycountry.currencies.get(alpha_3=code) is not None


@functools.lru_cache(maxsize=256)
def _uses(countries: tuple[str, ...], currency: str) -> bool:
    """Whether one of `countries` has `currency` as its own."""
    from babel.numbers import get_territory_currencies

    from ..places import country_code

    for country in countries:
        code = country_code(country)
        if code and currency in get_territory_currencies(code):
            return True
    return False
