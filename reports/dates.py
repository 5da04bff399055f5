"""Date expressions in English prose -> ISO-8601 strings of the precision given.

`8 June 1992` -> "1992-06-08", `June 1992` -> "1992-06", `1992` -> "1992", a range of
days `3–5 May 2011` -> "2011-05". A bare
year counts unless it is part of an amount, a measure or a decade. An impossible date
falls back to the next valid, less precise reading found in the same words
(`31 February 2010` -> "2010-02"); a day or month is never invented.

Finding dates inside free text is not what date libraries do (they parse a string
that is known to be a date), so this is a handful of regular expressions, each linear
in the text, with `datetime.date` for validity.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import NamedTuple

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}

# Each pattern starts with a literal or a class, so that the regex engine skips ahead to
# where one can match; the word boundary before it is a lookbehind after its first
# characters (a leading \b would make the engine try every position: several times slower).
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?<!\w\w\w\w)[a-z]*\.?)"
_YEAR = r"(?P<year>1\d{3}|20\d{2})(?![\d])"
_DAY = r"(?P<day>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?"
# Words after a number that make it an amount or a measure, not a year.
_UNITS = (
    r"km|kilomet|mi\b|miles|m\b|metres|meters|ft\b|feet|kg|tons|tonnes|hectares|ha\b|"
    r"people|persons|refugees|immigrants|migrants|students|soldiers|troops|"
    r"usd|us\$|dollars|euros|million|billion|thousand|percent|per cent|%"
)

# "17–18 May 2002" and "May 17–18, 2002" name a month: a range has no one day.
_DAY_RANGE = r"(?P<range>\s*(?:[–—-]|\s(?:to|until|and)\s)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_COMMA = r"(?:\s*,\s*|\s+)"  # one way or the other, so no blank run is split two ways
_DAY_MONTH_YEAR = re.compile(rf"{_DAY}{_DAY_RANGE}\s+(?:of\s+)?{_MONTH}{_COMMA}{_YEAR}")  # "the 8th of April 2014"
# "30 March to 2 April 2014", "March 30 – April 2, 2014": days of two months, so only the year.
_OTHER_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_ACROSS_MONTHS = re.compile(
    rf"(?:{_DAY}\s+{_MONTH}\s*(?:to|until|and|–|—|-)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_OTHER_MONTH}"
    rf"|(?P<month_first>{_OTHER_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:to|until|and|–|—|-)\s*{_OTHER_MONTH}\s+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?){_COMMA}{_YEAR}")
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH}\s+{_DAY}{_DAY_RANGE}{_COMMA}{_YEAR}")
_MONTH_YEAR = re.compile(rf"{_MONTH}{_COMMA}{_YEAR}")
# "February and July 2017": the months before the last share its year.
_MONTHS_BEFORE = re.compile(r"((?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
                            r"(?:\s*,\s*|\s+and\s+|\s*&\s*|,\s+and\s+))+)$")
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?")
# A number after these words is a quantity or a name, not a year ("Resolution 1325", "about 1500").
_NOT_BEFORE_A_YEAR = {"resolution", "no", "no.", "number", "flight", "route", "highway", "article", "about",
                      "around", "approximately", "some", "over", "nearly", "almost", "roughly"}
_BARE_YEAR = re.compile(
    r"(?P<year>1(?<![\w$€£¥#.,]1)\d{3}|2(?<![\w$€£¥#.,]2)0\d{2})(?![\d])"
    rf"(?!s\b|'s\b|’s\b|,\d|\.\d|\s*(?:{_UNITS}))",
    re.IGNORECASE,
)


# Every date expression has a year: a text without one needs no closer look.
_YEARISH = re.compile(r"1\d{3}|20\d{2}")
_MONTH_NAME = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


class DateMatch(NamedTuple):
    """A date found in a text: where it is and its ISO form (a named tuple: the loader
    makes thousands, and a tuple is made several times faster than a frozen dataclass)."""

    start: int
    end: int
    iso: str

    @property
    def year(self) -> int:
        return int(self.iso[:4])


def _month_number(word: str) -> int | None:
    """1-12 for a month name or its abbreviation; None for look-alikes such as "Mayor"."""
    return MONTHS.get(word.rstrip(".").lower())


@functools.lru_cache(maxsize=4096)
def _iso(year: str, month: str | None = None, day: str | None = None) -> str | None:
    if month is None:
        return year
    number = _month_number(month)
    if number is None:
        return None
    if day is None:
        return f"{year}-{number:02d}"
    try:
        return datetime.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def _candidates(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, ISO form or None when invalid) of every reading of a date in `text`."""
    found = _month_candidates(text)
    for m in _BARE_YEAR.finditer(text):
        if _word_before(text, m.start()).lower() not in _NOT_BEFORE_A_YEAR:
            found.append((m.start(), m.end(), m["year"]))
    return found


def _word_before(text: str, start: int) -> str:
    """The word (letters, digits, "_" and ".") that ends, followed by blanks, right before
    `start`, looking back at most 20 characters; "" when a blank does not come first."""
    if not start or not text[start - 1].isspace():
        return ""  # most years: "(1998)", "in 1998" aside
    window = text[max(0, start - 20):start]
    body = window.rstrip()
    if len(body) == len(window):
        return ""
    begin = len(body)
    while begin and (body[begin - 1].isalnum() or body[begin - 1] in "._"):
        begin -= 1
    return body[begin:]


def _month_candidates(text: str) -> list[tuple[int, int, str | None]]:
    names = list(_MONTH_NAME.finditer(text))
    if not names:
        return []  # every pattern below needs a month's name
    found = [(m.start(), m.end(), _iso(m["year"], m["month"], None if m["range"] else m["day"]))
             for m in _DAY_MONTH_YEAR.finditer(text)]
    if " to " in text or "–" in text or "-" in text or " until " in text or "—" in text or " and " in text:
        found += [(m.start(), m.end(), m["year"]) for m in _ACROSS_MONTHS.finditer(text)]
    # A match of these two starts with a month's name and holds no other (no capital after
    # its first letter), so their matches are the ones at the names: tried there, not at
    # every place of the text.
    for name in names:
        m = _MONTH_DAY_YEAR.match(text, name.start())
        if m:
            found.append((m.start(), m.end(), _iso(m["year"], m["month"], None if m["range"] else m["day"])))
        m = _MONTH_YEAR.match(text, name.start())
        if m:
            found.append((m.start(), m.end(), _iso(m["year"], m["month"])))
            found.extend(_shared_year(text, m.start(), m["year"]))
    return found


def _shared_year(text: str, start: int, year: str):
    """The months listed right before "July 2017" in "February and July 2017"."""
    # A cheap first look: every listed month is followed by ",", "&" or "and", so one
    # of them ends the text before `start` (blanks aside) when _MONTHS_BEFORE matches.
    if not text[max(0, start - 120):start].rstrip().endswith((",", "&", "and")):
        return
    listed = _MONTHS_BEFORE.search(text, max(0, start - 120), start)
    if listed:
        for month in _MONTH_WORD.finditer(text, listed.start(), start):
            yield month.start(), month.end(), _iso(year, month.group(0))


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date expression in `text`, in text order, none overlapping.

    Where two readings start at the same place the longer (more precise) wins;
    an invalid reading is dropped, so a shorter valid one inside it takes over.
    """
    if "1" not in text and "2" not in text:
        return []  # a first look for _YEARISH (one-character searches are the cheapest)
    return list(_dates_in(text))


@functools.lru_cache(maxsize=4096)
def _dates_in(text: str) -> tuple[DateMatch, ...]:
    """find_dates, once per text: the events, establishment and prose rules read the same sentences."""
    if not _YEARISH.search(text):
        return ()
    valid = sorted([(start, -end, iso) for start, end, iso in _candidates(text) if iso])
    found: list[DateMatch] = []
    taken_until = -1
    for start, negative_end, iso in valid:
        if start >= taken_until:
            found.append(DateMatch(start, -negative_end, iso))
            taken_until = -negative_end
    return tuple(found)


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0].iso if dates else None


# "that same month", "the following year": a date told relative to the paragraph's last one.
_RELATIVE = re.compile(
    r"\b(?:(?P<same>(?:that|the)\s+(?:same\s+)?(?P<same_unit>month|year)|later\s+that\s+(?P<later_unit>month|year))"
    r"|(?:the\s+(?:following|next)|a)\s+(?P<next_unit>month|year)(?(next_unit)(?:\s+later)?))\b",
    re.IGNORECASE,
)


# "While in Turkey, ...", "During the visit, ...", "On that occasion, ...", "The same day, ...": the sentence goes
# on with the event of the one before, on its date.
_SAME_OCCASION = re.compile(r"^(?:While\s+(?:in|there|visiting)|During\s+(?:the|his|her|their|this|that)\s+"
                            r"(?:visit|trip|stay|tour|meeting)\b[^,]{0,40},|On\s+(?:that|the\s+same|this)\s+occasion|"
                            r"(?:On\s+(?:that|the)|That|The)\s+(?:very|same)\s+day\b|On\s+that\s+day\b)")


_MONTH_OF = re.compile(r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
                       r"December)\s+(?:of\s+)?$")


def relative_first(sentence: str, before: int) -> bool:
    """Whether the sentence tells a date relative to the one before ("In July of that same
    year, ... talks initiated in 2012") ahead of position `before` (its first own date)."""
    return _RELATIVE.search(sentence, 0, before) is not None


def relative_date(sentence: str, previous: str | None) -> str | None:
    """The date `sentence` gives relative to `previous` ("that same month" -> its month), or None."""
    if previous is None:
        return None
    if _SAME_OCCASION.match(sentence):
        return previous
    match = _RELATIVE.search(sentence)
    if not match:
        return None
    unit = match["same_unit"] or match["later_unit"] or match["next_unit"]
    unit = unit.lower()
    year = int(previous[:4])
    if unit == "year":
        month = _MONTH_OF.search(sentence, max(0, match.start() - 20), match.start())
        if month:  # "In July of that same year", "in March the following year"
            return _iso(str(year + 1 if match["next_unit"] else year), month["month"])
    if unit == "month" and len(previous) < 7:
        return None  # "that same month" after a bare year names no month
    if match["next_unit"]:
        if unit == "year":
            return str(year + 1)
        month = int(previous[5:7]) + 1
        return f"{year + month // 13}-{(month - 1) % 12 + 1:02d}"
    return previous[:7] if unit == "month" else previous[:4]


def sentence_date(sentence: str, previous: str | None) -> str | None:
    """The first date of a sentence, else the one it gives relative to the paragraph's last date."""
    dates = find_dates(sentence)
    if dates:
        return dates[0].iso
    return relative_date(sentence, previous)
