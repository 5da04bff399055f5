"""What the reader of every fact kind shares about one article: its sections by kind,
its units of running text and their places, the warnings collected, and how repeated
tellings of one fact become one row.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
import unicodedata
from typing import Iterator

from ..document import Article, ItemList, Section, texts
from ..dates import find_dates, relative_date, relative_first
from ..errors import Diagnostic
from ..model import Agreement, Mission, Visit
from .. import sections as kinds
from .sentences import split_sentences


class Context:
    """One article as the fact readers see it; each reader's warnings go to `warnings`."""

    def __init__(self, article: Article, countries: tuple[str, str], path: str,
                 sections: list[tuple[Section, str | None]]):
        self.article = article
        self.countries = countries
        self.path = path
        self.warnings: list[Diagnostic] = []
        self.sections = sections
        # Every line of text in article order; joined, it tells where an agreement is first named.
        self.units = list(texts(article.lead + [b for s in article.sections for b in s.blocks]))
        self._line_numbers = [unit.line for unit in self.units]
        self._line_starts = list(itertools.accumulate((len(unit.text) + 1 for unit in self.units[:-1]), initial=0))
        self.full_text = "\n".join(unit.text for unit in self.units)
        self._named_at: dict[str, int] = {}
        self._titles: TitleSearch | None = None
        self.first_section_line = article.sections[0].line if article.sections else 0
        # (kind of its section, a list item?, unit) of every unit of running text in article
        # order, walked once here for the several prose rules. A list's caption outside the
        # visits lists is a sentence too ("In 2013, during the visit of X to B, both nations
        # signed agreements on:"); a table's is a title.
        blocks = [(block, None) for block in article.lead] + [
            (block, kind) for section, kind in self.sections for block in section.blocks]
        self._running = [(kind, isinstance(block, ItemList) and unit is not block.caption, unit)
                         for block, kind in blocks
                         for unit in texts([block], captions=isinstance(block, ItemList) and kind != kinds.VISITS)]

    def warn(self, line: int | None, message: str) -> None:
        """Collect a warning about `line` of the article."""
        self.warnings.append(Diagnostic(self.path, line, "warning", message))

    def sections_of(self, kind: str) -> Iterator[Section]:
        """The article's sections of `kind`, in order."""
        return (section for section, section_kind in self.sections if section_kind == kind)

    def prose_sentences(self, may_tell, skip: tuple[str, ...] = (), skip_lists: tuple[str, ...] = ()):
        """(unit, sentence, date) for the running text outside sections of the kinds in `skip`,
        in the units `may_tell(text)` lets through (a cheap first look); `date()` gives the
        sentence's own date, else the one it tells relative to the paragraph's last (computed
        only for the few sentences that tell a fact)."""
        for kind, listed, unit in self._running:
            if kind in skip or (listed and kind in skip_lists) or not may_tell(unit.text):
                continue
            sentences = split_sentences(unit.text)
            for index, sentence in enumerate(sentences):
                yield unit, sentence, functools.partial(_date_in_paragraph, sentences, index)

    def first_line_naming(self, title: str, default: int) -> int:
        """The first line of the article that names `title` (provenance of an agreement)."""
        if title not in self._named_at:
            if self._titles is None:
                self._titles = TitleSearch(self.full_text)
            named = self._titles.first(title)
            self._named_at[title] = default if named is None else self._line_at(named)
        return self._named_at[title]

    def position_of(self, unit, sentence: str) -> int:
        """Where `sentence` of `unit` stands in `full_text` (its unit's start if not found)."""
        return self._line_starts[bisect.bisect_left(self._line_numbers, unit.line)] + max(0, unit.text.find(sentence))

    def _line_at(self, position: int) -> int:
        return self._line_numbers[bisect.bisect_right(self._line_starts, position) - 1]


def _date_in_paragraph(sentences: list[str], index: int) -> str | None:
    """The date of sentence `index`: its own, else relative to the last date before it (a
    relative date before its own first date comes first: "In July of that same year, ...
    the talks initiated in 2012")."""
    sentence = sentences[index]
    own = find_dates(sentence)
    if own and not relative_first(sentence, own[0].start):
        return own[0].iso
    for before in reversed(sentences[:index]):
        dates = find_dates(before)
        if dates:
            return relative_date(sentence, dates[0].iso) or (own[0].iso if own else None)
    return own[0].iso if own else None


# After a title named in the text: the end of the title itself, not of the start of a
# longer one ("... on Trade and Investment").
_TITLE_END = re.compile(r"(?![\w-]|\s+(?:and|of|for|on|in)\s+[A-Z])")
_WORD = re.compile(r"\w+")


class TitleSearch:
    """Where a text first names a title: the title itself, not the start of a longer one.

    A title of several words is looked for only where its rarest inner word stands (an
    inner word is a whole word wherever the title is named: a non-word character is on
    either side of it): searching the whole text once per title grew with the square of
    an article that names many."""

    def __init__(self, text: str):
        self.text = text
        self._words: dict[str, list[int]] | None = None

    def first(self, title: str) -> int | None:
        words = [(m.start(), m.group()) for m in _WORD.finditer(title)]
        if len(words) < 2:
            return self.scan(title)
        index = self._word_index()
        offset, anchor = min(words[1:], key=lambda word: len(index.get(word[1], ())))
        text = self.text
        for position in index.get(anchor, ()):
            start = position - offset
            if start >= 0 and text.startswith(title, start) and _TITLE_END.match(text, start + len(title)):
                return start
        return None

    def scan(self, title: str) -> int | None:
        """The same answer by a substring search from the start."""
        text = self.text
        start = text.find(title)
        while start >= 0 and not _TITLE_END.match(text, start + len(title)):
            start = text.find(title, start + 1)
        return start if start >= 0 else None

    def _word_index(self) -> dict[str, list[int]]:
        """Word -> where it stands in the text, in order (made once, when first needed)."""
        if self._words is None:
            self._words = {}
            for match in _WORD.finditer(self.text):
                self._words.setdefault(match.group(), []).append(match.start())
        return self._words


def clip(text: str, limit: int = 80) -> str:
    """`text` cut to `limit` characters for a warning, "…" marking the cut."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- one row per fact ---------------------------------------------------------------


def once(facts: list, key) -> list:
    """One row per fact: a prose telling of a fact already in a row (by `key`) adds its
    line to that row's `also_lines`; list and section rows are never merged together."""
    keyed = [(key(fact), fact) for fact in facts]  # each key once: a title key is a regex pass
    rows = []
    where = {}
    for fact_key, fact in keyed:
        if fact.origin != "prose":
            where.setdefault(fact_key, len(rows))
            rows.append(fact)
    # Lines added to each row, kept aside and put in once: a row rebuilt for every
    # repeated telling (and a tuple searched) grew with the square of the repeats.
    added: dict[int, tuple[list, set]] = {}  # row -> (lines added, every line it has)
    for fact_key, fact in keyed:
        if fact.origin != "prose":
            continue
        index = where.get(fact_key)
        if index is None:
            where[fact_key] = len(rows)
            rows.append(fact)
        elif fact.line != rows[index].line:
            new, seen = added.setdefault(index, ([], set(rows[index].also_lines)))
            if fact.line not in seen:
                new.append(fact.line)
                seen.add(fact.line)
    for index, (new, _) in added.items():
        if new:
            rows[index] = dataclasses.replace(rows[index], also_lines=(*rows[index].also_lines, *new))
    return rows


def visit_key(visit: Visit) -> tuple:
    """Same person (last names agree, as people write them: "Ken Sato (佐藤 健)" and "Ken
    Sato" are Sato, "Ana Ruiz Soto" is Ruiz) in the same year."""
    last = _last_name(visit.person) if visit.person else None
    return last, visit.date[:4] if visit.date else None, visit.line if last is None else None


@functools.lru_cache(maxsize=4096)
def _last_name(person: str) -> str:
    """The short name, compared without case or accents (once per name: a row is keyed often)."""
    from ..people import short_name

    decomposed = unicodedata.normalize("NFKD", short_name(person).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def agreement_key(agreement: Agreement) -> str:
    """Same agreement: titles alike but for articles, case, dashes and punctuation."""
    return _title_key(agreement.title)


_NOT_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4096)
def _title_key(title: str) -> str:
    """Titles compared without articles, case, dashes and punctuation (once per title)."""
    words = _NOT_WORD.sub(" ", title.casefold()).split()
    return " ".join(word for word in words if word not in ("a", "an", "the"))


def mission_key(mission: Mission) -> tuple:
    """Same mission: of the same country, in the same host and city, of the same kind."""
    return mission.country, mission.host, mission.kind, mission.city.casefold()
