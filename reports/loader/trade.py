"""Trade totals (`In 2023, trade amounted to US$15.7 million.`, `€45 million`) and export lists,
read from an article's trade sections by `read_trade`."""

from __future__ import annotations

import functools
import re
from ..dates import find_dates
from ..document import texts
from ..model import Export, Trade
from .. import sections as kinds
from .context import Context, clip
from .sentences import split_sentences
from .looks import lowered
from .money import UNKNOWN, find_amounts
from .names import bare, find_country, match_country, other

# A total above this is a typo or a joke, not a bilateral trade figure.
PLAUSIBLE_MAXIMUM = 10**14
_TRADE_WORDS = re.compile(r"\btrade\b|\bcommerce\b|\bcommercial exchange|\btrad(?:ed|ing)\b", re.IGNORECASE)
_MONEY_HINT = re.compile(r"[$€£¥₹₩₽]|\b(?:USD|EUR|GBP)\b|\b(?:dollars?|euros?|pesos|yen|yuan)\b", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"(?:total\w*(?:\s+(?:bilateral\s+)?trade)?|amount\w*\s+to|reach\w*|worth|valued\s+at|"
                           r"stood\s+at)\s+(?:of\s+)?"
                           r"(?:(?:about|around|approximately|over|nearly|some|almost)\s+)?$", re.IGNORECASE)
_OTHER_CURRENCY = re.compile(r"[€£¥₹₩₽]|\b(?:NZ|AU?|C|Can|CA|HK|MX|Mex|S|R)\$|\b(?:EUR|GBP|euros?|pounds sterling|pesos|yen|yuan)\b")
_YEAR_AFTER_AMOUNT = re.compile(r"\s*(?:in|for|during)\s+(?:the\s+year\s+)?(1\d{3}|20\d{2})\b")
# "in 2022 and 2023", "between 2019 and 2023", "from 2019 to 2023", "2019–2023": several years.
_YEAR_SPAN = re.compile(r"(?:1(?<!\w1)\d{3}|2(?<!\w2)0\d{2})\s*(?i:and|to|until|through|[–—-])\s*"
                        r"(?:1\d{3}|20\d{2})\b")


@functools.lru_cache(maxsize=1024)  # asked of a sentence by several rules
def is_trade_sentence(sentence: str) -> bool:
    return bool(_TRADE_WORDS.search(sentence))


def mentions_money(sentence: str) -> bool:
    return bool(_MONEY_HINT.search(sentence))


def other_currency(sentence: str) -> bool:
    """Whether a sentence gives money in a currency other than US dollars."""
    return bool(_OTHER_CURRENCY.search(sentence))


def trade_totals(sentence: str) -> list[tuple[int, int]]:
    """(year, dollars) pairs of the US-dollar totals a trade sentence states."""
    return [(year, amount) for year, amount, currency in trade_rows(sentence) if currency == "USD"]


def trade_rows(sentence: str, countries: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(year, amount, ISO 4217 currency) of each year total a trade sentence states.

    - "US$180 million in 2022, up from US$150 million in 2021": each amount takes its
      year; one without its own takes the sentence's year no other amount has;
    - "In 2012 and 2013, trade reached US$1 billion and US$1.3 billion": in order;
    - one amount for several years ("in 2022 and 2023", "between 2019 and 2023") is no
      year's total;
    - otherwise one total for the sentence's first year: the amount after "totaled",
      "amounted to", "a total of"... if there is one, else the first amount (its US-dollar
      equivalent right after it, "€45 million (US$50 million)", when given).
    """
    if len(sentence) > 5000 or not is_trade_sentence(sentence):
        return []
    amounts = find_amounts(sentence, countries)
    if not amounts:
        return []
    own_years = [_YEAR_AFTER_AMOUNT.match(sentence, amount.end) for amount in amounts]
    years = list(dict.fromkeys(date.year for date in find_dates(sentence)))
    if any(own_years):
        owned = {int(year.group(1)) for year in own_years if year}
        free = [year for year in years if year not in owned]
        pairs = [(int(year.group(1)) if year else (free[0] if free else None), amount)
                 for amount, year in zip(amounts, own_years)]
        rows = {}
        for year, amount in pairs:
            if year is not None and year not in rows:
                rows[year] = (year, amount.value, amount.currency)
        return list(rows.values())
    if len(years) > 1 and len(years) == len(amounts):
        return [(year, amount.value, amount.currency) for year, amount in zip(years, amounts)]
    if not years or _YEAR_SPAN.search(sentence):
        return []
    totals = [amount for amount in amounts
              if _TOTAL_BEFORE.search(sentence, max(0, amount.start - 40), amount.start)]
    chosen = totals[0] if totals else amounts[0]
    if chosen.currency != "USD":
        dollars = [amount for amount in amounts
                   if amount.currency == "USD" and 0 <= amount.start - chosen.end <= 4]
        chosen = dollars[0] if dollars else chosen
    return [(years[0], chosen.value, chosen.currency)]


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


# A comma outside parentheses: "minerals (copper, zinc), fish meal" is two products.
_COMMA = re.compile(r",(?![^()]*\))")


def split_products(text: str) -> list[str]:
    """Split a product list by the serial-comma rule.

    With a serial comma ("a, b, and c d") the pieces are the products. Without one,
    the last piece is split at its last " and " ("tequila and beer" is two products).
    A comma inside parentheses splits nothing.
    """
    pieces = [piece.strip() for piece in _COMMA.split(text) if piece.strip()]
    if not pieces:
        return []
    if re.match(r"and\s", pieces[-1]):
        pieces[-1] = pieces[-1][4:].strip()
    else:
        head, sep, tail = pieces[-1].rpartition(" and ")
        if sep and head.strip() and tail.strip():
            pieces[-1:] = [head.strip(), tail.strip()]
    return [piece for piece in pieces if piece]


# "Peru exports (mainly) copper and zinc to Japan", "the main products exported by Peru to
# Japan are copper and zinc".
_EXPORTS_ACTIVE = re.compile(
    r"^(?:the\s+)?(?P<origin>[A-Z][^,;:]{0,60}?)\s+(?:\w+ly\s+)?exports?\s+(?:\w+ly\s+)?(?P<products>[^;]+?)\s+to\s+"
    r"(?:the\s+)?(?P<destination>[A-Z][^,;:]{0,60}?)\.?$"
    r"|^(?:the\s+)?(?:\w+\s+){0,2}(?:products|goods|items|commodities)\s+exported\s+(?:by|from)\s+(?:the\s+)?"
    rf"(?P<origin2>[^,;:]{{1,60}}?)\s+to\s+(?:the\s+)?(?P<destination2>[^,;:]{{1,60}}?){_EXPORTS_VERB}(?P<products2>.+?)\.?$")
# "Japan mainly exports cars to Peru, while Peru exports copper to Japan": a clause each.
_EXPORT_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+|;\s+|,\s+and\s+(?=[A-Z])")


def export_rows(sentence: str, countries: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """(from, to, products) of each clause of a sentence that lists one country's exports to the other."""
    if len(sentence) > 5000 or "export" not in lowered(sentence):  # a cheap first look
        return []
    whole = parse_exports(sentence, countries)
    if whole:
        return [whole]
    if not any(word in sentence for word in (" while ", " whereas ", "; ", ", and ")):
        return []
    return [row for clause in _EXPORT_CLAUSE.split(sentence) for row in [parse_exports(clause, countries)] if row]


def parse_exports(sentence: str, countries: tuple[str, ...]) -> tuple[str, str, list[str]] | None:
    """(from, to, products) of "A's main exports to B include: x, y and z." or "A exports
    x, y and z to B"; None unless both countries are the pair's."""
    if len(sentence) > 5000 or "export" not in lowered(sentence):  # a cheap first look
        return None
    text = sentence.strip()
    match = _EXPORTS.match(text) or _EXPORTS_ACTIVE.match(text)
    if not match:
        return None
    groups = match.groupdict()
    products_text = groups.get("products") or groups.get("products2")
    if not products_text or _NOT_PRODUCTS.match(products_text) or "$" in products_text:
        return None
    origin_text = groups.get("origin") or groups.get("origin2")
    origin = _country(origin_text, countries)
    destination = _country(groups.get("destination") or groups.get("destination2"), countries)
    if destination not in countries:
        return None
    if origin not in countries:
        if _names_another_country(origin_text, countries):
            return None  # "Chile's exports to Peru" in an article on Japan and Peru
        origin = other(destination, countries) or origin  # "Mexican exports to Spain", "its exports"
    if origin == destination:
        return None
    return origin, destination, split_products(products_text)


def _names_another_country(text: str, countries: tuple[str, ...]) -> bool:
    """Whether `text` ("Chile", "Chilean", "the Chilean government's") names a country outside the pair."""
    from ..places import country_code, demonyms

    words = bare(text).split()  # (the pattern leaves a possessive "'s" out of the name)
    if not words:
        return False
    if any(words[0] in demonyms(country) for country in countries):
        return False
    return country_code(" ".join(words)) is not None or words[0] in _all_demonyms()


@functools.lru_cache(maxsize=1)
def _all_demonyms() -> frozenset[str]:
    import pycountry
    from ..places import demonyms

    return frozenset(word for country in pycountry.countries
                     for word in demonyms(getattr(country, "common_name", None) or country.name))


def _country(text: str, countries: tuple[str, ...]) -> str:
    return match_country(text, countries) or find_country(text, countries) or bare(text)


# -- an article's trade ---------------------------------------------------------------


def read_trade(context: Context) -> tuple[list[Trade], list[Export]]:
    """The trade totals and export lists of the trade sections, then the bilateral totals
    told anywhere else (the lead, the history) for years the sections lack; warning of
    figures not read."""
    trade, exports = [], []
    for section in context.sections_of(kinds.TRADE):
        for unit in texts(section.blocks):
            for sentence in split_sentences(unit.text):
                totals = trade_rows(sentence, context.countries)
                trade += _trade_of(context, unit, sentence, totals)
                if not totals and is_trade_sentence(sentence) and other_currency(sentence):
                    context.warn(unit.line, f"trade figure in a currency other than US dollars not read: "
                                            f"{clip(sentence)!r}")
                elif not totals and is_trade_sentence(sentence) and mentions_money(sentence):
                    context.warn(unit.line, f"trade sentence with an amount or year that could not be read: "
                                            f"{clip(sentence)!r}")
                for origin, destination, products in export_rows(sentence, context.countries):
                    exports.append(Export(origin, destination, tuple(products), unit.line))
    years = {row.year for row in trade}
    for unit, sentence, _ in context.prose_sentences(mentions_money, skip=(kinds.TRADE, kinds.SEE_ALSO)):
        if _BILATERAL.search(sentence):
            rows = _trade_of(context, unit, sentence, [row for row in trade_rows(sentence, context.countries)
                                                       if row[0] not in years])
            years |= {row.year for row in rows}
            trade += rows
    return trade, exports


# A total of the two countries' trade, outside a trade section: "bilateral trade", "two-way
# trade", "trade between both nations / the two / A and B" (not one country's trade with all).
_BILATERAL = re.compile(r"\b(?:bilateral|two-way|mutual)\s+trade\b|\btrade\s+(?:volume\s+)?between\b|"
                        r"\btrade\s+turnover\b", re.IGNORECASE)
# An earlier "US$", "USD" or "US dollars" in the article: a bare "$" after it is the same.
_US_DOLLARS = re.compile(r"\bUS\s?\$|\bU\.S\.\s?\$|\bUSD\b|\bU\.?S\.? dollars?\b")


def _trade_of(context: Context, unit, sentence: str, totals: list[tuple[int, int, str]]) -> list[Trade]:
    """The rows of a sentence's totals: dollars as total_usd, another currency as written;
    a bare "$" the text does not settle kept with an unknown currency and a warning."""
    rows = []
    for year, amount, currency in totals:
        if currency == UNKNOWN:
            before = context.full_text[:context.position_of(unit, sentence)]
            if _US_DOLLARS.search(before):
                currency = "USD"  # the article wrote "US$" before: its "$" is the same
            else:
                context.warn(unit.line, f"trade figure in '$' whose currency the text does not settle (US, "
                                        f"or a country's own dollar or peso): kept as {amount:,} in an unknown "
                                        f"currency: {clip(sentence)!r}")
        if amount > PLAUSIBLE_MAXIMUM:
            sign = "US$" if currency == "USD" else currency
            context.warn(unit.line, f"trade figure of {amount:,} {sign} is not plausible: left out")
            continue
        # Dollars are total_usd; another currency keeps its amount as written.
        dollars = currency == "USD"
        rows.append(Trade(year, amount if dollars else None, sentence, unit.line,
                          amount=None if dollars else amount, currency=None if dollars else currency))
    return rows
