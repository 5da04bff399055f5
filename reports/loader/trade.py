"""Trade totals (`In 2023, trade amounted to US$15.7 million.`) and export lists."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .dates import find_dates
from .names import bare, find_country, match_country

_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
           "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12}
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mn|bn|m|b)\b)?"
# "US$15.7 million", "$284 million USD", "15.7 million US dollars": a currency
# before or after the number is required (checked in amount_in_dollars).
AMOUNT = re.compile(
    rf"(?:(?P<before>US\s?\$|U\.S\.\s?\$|USD|\$)\s?|(?<![\w$.,])){_NUMBER}{_SCALE}"
    r"(?P<after>\s*(?:USD|US\s?dollars|U\.S\.\s?dollars|dollars)\b)?",
    re.IGNORECASE,
)
# A total above this is a typo or a joke, not a bilateral trade figure.
PLAUSIBLE_MAXIMUM = 10**14
_TRADE_WORDS = re.compile(r"\btrade\b|\bcommerce\b|\bcommercial exchange|\btrad(?:ed|ing)\b", re.IGNORECASE)
_MONEY_HINT = re.compile(r"\$|\bUSD\b|\bdollars?\b", re.IGNORECASE)
_YEAR_AFTER_AMOUNT = re.compile(r"\s*(?:in|for|during)\s+(?:the\s+year\s+)?(1\d{3}|20\d{2})\b")


def amount_in_dollars(match: re.Match) -> int | None:
    """The dollars an AMOUNT match stands for, or None if it is no dollar amount."""
    if not (match["before"] or match["after"]):
        return None
    try:
        number = Decimal(match["number"].replace(",", ""))
    except InvalidOperation:
        return None
    scale = (match["scale"] or "").lower()
    return int((number * _SCALES.get(scale, 1)).to_integral_value())


def is_trade_sentence(sentence: str) -> bool:
    return bool(_TRADE_WORDS.search(sentence))


def mentions_money(sentence: str) -> bool:
    return bool(_MONEY_HINT.search(sentence))


def trade_totals(sentence: str) -> list[tuple[int, int]]:
    """(year, dollars) pairs a trade sentence states.

    Each amount takes the year written right after it ("US$10 million in 2019"),
    else the sentence's first year. An amount whose year was already used
    (a breakdown of the same total) is not a new total.
    """
    if len(sentence) > 5000 or not is_trade_sentence(sentence):
        return []
    dates = find_dates(sentence)
    first_year = dates[0].year if dates else None
    totals: list[tuple[int, int]] = []
    for match in AMOUNT.finditer(sentence):
        dollars = amount_in_dollars(match)
        after = _YEAR_AFTER_AMOUNT.match(sentence, match.end())
        year = int(after.group(1)) if after else first_year
        if dollars is None or year is None or any(year == seen for seen, _ in totals):
            continue
        totals.append((year, dollars))
    return totals


_EXPORTS = re.compile(
    r"^(?:the\s+)?(?P<origin>[^,;:]{1,80}?)(?:'s|’s|')\s+(?:\w+\s+){0,2}exports\s+to\s+"
    r"(?:the\s+)?(?P<destination>[^,;:]{1,80}?)\s+"
    r"(?:include|includes|included|are|were|consist of|consisted of|comprise|comprised)\s*:?\s*"
    r"(?P<products>.+?)\.?$"
    r"|^(?:the\s+)?(?:\w+\s+){0,2}exports\s+from\s+(?:the\s+)?(?P<origin2>[^,;:]{1,80}?)\s+to\s+"
    r"(?:the\s+)?(?P<destination2>[^,;:]{1,80}?)\s+"
    r"(?:include|includes|included|are|were|consist of|consisted of|comprise|comprised)\s*:?\s*"
    r"(?P<products2>.+?)\.?$",
    re.IGNORECASE,
)


def split_products(text: str) -> list[str]:
    """Split a product list by the serial-comma rule.

    With a serial comma ("a, b, and c d") the pieces are the products. Without one,
    the last piece is split at its last " and " ("tequila and beer" is two products).
    """
    pieces = [piece.strip() for piece in text.split(",") if piece.strip()]
    if not pieces:
        return []
    if re.match(r"and\s", pieces[-1]):
        pieces[-1] = pieces[-1][4:].strip()
    else:
        head, sep, tail = pieces[-1].rpartition(" and ")
        if sep and head.strip() and tail.strip():
            pieces[-1:] = [head.strip(), tail.strip()]
    return [piece for piece in pieces if piece]


def parse_exports(sentence: str, countries: tuple[str, ...]) -> tuple[str, str, list[str]] | None:
    """(from, to, products) of "A's main exports to B include: x, y and z."."""
    if len(sentence) > 5000:
        return None
    match = _EXPORTS.match(sentence.strip())
    if not match:
        return None
    origin = match["origin"] or match["origin2"]
    destination = match["destination"] or match["destination2"]
    products = split_products(match["products"] or match["products2"])
    origin = match_country(origin, countries) or find_country(origin, countries) or bare(origin)
    destination = match_country(destination, countries) or find_country(destination, countries) or bare(destination)
    return origin, destination, products
