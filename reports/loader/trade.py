"""Trade totals (`In 2023, trade amounted to US$15.7 million.`) and export lists."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .dates import find_dates
from .names import bare, find_country, match_country, other

_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "m": 10**6,
           "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12}
# A number that continues with ",5" or ".5" after this is written another way
# ("1,5 million" in a decimal-comma locale): not read, rather than misread.
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![,.]?\d)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mln|mil|mn|bn|m|b)\b\.?)?"
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
_TOTAL_BEFORE = re.compile(r"(?:total\w*(?:\s+(?:bilateral\s+)?trade)?|amount\w*\s+to|reach\w*|worth|valued\s+at|"
                           r"stood\s+at)\s+(?:of\s+)?"
                           r"(?:(?:about|around|approximately|over|nearly|some|almost)\s+)?$", re.IGNORECASE)
_OTHER_CURRENCY = re.compile(r"[€£¥]|\b(?:EUR|GBP|euros?|pounds sterling)\b")
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


def other_currency(sentence: str) -> bool:
    """Whether a sentence gives money in a currency the record cannot hold (total_usd)."""
    return bool(_OTHER_CURRENCY.search(sentence))


def trade_totals(sentence: str) -> list[tuple[int, int]]:
    """(year, dollars) pairs a trade sentence states.

    - "US$10 million in 2019 and US$12 million in 2020": each amount takes its year;
    - "In 2012 and 2013, trade reached US$1 billion and US$1.3 billion": in order;
    - otherwise one total for the sentence's first year: the amount after "totaled",
      "amounted to", "a total of"... if there is one, else the first amount.
    """
    if len(sentence) > 5000 or not is_trade_sentence(sentence):
        return []
    amounts = [(match, dollars) for match in AMOUNT.finditer(sentence)
               if (dollars := amount_in_dollars(match)) is not None]
    if not amounts:
        return []
    own_years = [_YEAR_AFTER_AMOUNT.match(sentence, match.end()) for match, _ in amounts]
    if any(own_years):
        pairs = [(int(year.group(1)), dollars) for (_, dollars), year in zip(amounts, own_years) if year]
        return list({year: (year, dollars) for year, dollars in reversed(pairs)}.values())[::-1]
    years = list(dict.fromkeys(date.year for date in find_dates(sentence)))
    if len(years) > 1 and len(years) == len(amounts):
        return [(year, dollars) for year, (_, dollars) in zip(years, amounts)]
    if not years:
        return []
    totals = [dollars for match, dollars in amounts
              if _TOTAL_BEFORE.search(sentence, max(0, match.start() - 40), match.start())]
    return [(years[0], totals[0] if totals else amounts[0][1])]


_EXPORTS_VERB = (r"\s+(?:include|includes|included|are|were|consist(?:s|ed)?\s+(?:\w+ly\s+)?of|"
                 r"comprise[sd]?)\s*:?\s*(?:(?:mainly|mostly|primarily|chiefly)\s+)?")
_EXPORTS = re.compile(
    r"^(?:the\s+)?(?P<origin>[^,;:]{1,80}?)(?:'s|’s|')?\s+(?:\w+\s+){0,2}exports\s+to\s+"
    rf"(?:the\s+)?(?P<destination>[^,;:]{{1,80}}?){_EXPORTS_VERB}(?P<products>.+?)\.?$"
    r"|^(?:the\s+)?(?:\w+\s+){0,2}exports\s+from\s+(?:the\s+)?(?P<origin2>[^,;:]{1,80}?)\s+to\s+"
    rf"(?:the\s+)?(?P<destination2>[^,;:]{{1,80}}?){_EXPORTS_VERB}(?P<products2>.+?)\.?$",
    re.IGNORECASE,
)
# "exports to B were valued at US$5 million" is an amount, not a list of products.
_NOT_PRODUCTS = re.compile(r"^(?:valued|worth|growing|estimated|increasing|decreasing|expected|about|around|"
                           r"approximately|over|nearly|(?:US)?\$?\d)", re.IGNORECASE)


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
    products_text = match["products"] or match["products2"]
    if _NOT_PRODUCTS.match(products_text) or "$" in products_text:
        return None
    origin = _country(match["origin"] or match["origin2"], countries)
    destination = _country(match["destination"] or match["destination2"], countries)
    if origin not in countries and destination in countries:
        origin = other(destination, countries) or origin  # "Mexican exports to Spain"
    return origin, destination, split_products(products_text)


def _country(text: str, countries: tuple[str, ...]) -> str:
    return match_country(text, countries) or find_country(text, countries) or bare(text)
