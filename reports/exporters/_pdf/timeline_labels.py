"""The page-one timeline's label texts: entries grouped by year and kind, each group's
wordings from the fullest to the bare year, and the wordings of neighbouring groups
joined into one mark ("1990–91: Latvia obtained its independence; Chile recognized…").
Plain text only: where the labels go is timeline_placement's work, drawing them timeline's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...facts_view import date_parts, timeline


@dataclass(frozen=True)
class Group:
    """All timeline entries of one kind in one year: one marker, one label."""
    year: int
    kind: str
    texts: tuple[str, ...]  # event sentences, or "office person" of visits
    # (office, person) of each visit, as the record has them; without them, each
    # visit's text is split at its office words
    visitors: tuple[tuple[str | None, str | None], ...] = ()


def groups(record) -> list[Group]:
    """The record's dated timeline entries, one group per year and kind, in date order."""
    found: dict[tuple[int, str], list] = {}
    for entry in timeline(record):
        year = date_parts(entry.date)[0]
        if year:
            found.setdefault((year, entry.kind), []).append(entry)
    return [Group(year, kind, tuple(e.text for e in entries),
                  tuple((e.office, e.person) for e in entries) if kind == "visit" else ())
            for (year, kind), entries in sorted(found.items())]


@dataclass(frozen=True)
class Mark:
    """One label on the timeline: a group, or neighbouring groups of one kind joined
    because their labels did not fit apart."""
    groups: tuple[Group, ...]

    @property
    def first(self) -> int:
        """The year of its first group."""
        return self.groups[0].year

    @property
    def last(self) -> int:
        """The year of its last group."""
        return self.groups[-1].year

    def joined(self, other: "Mark") -> "Mark":
        """One mark of both marks' groups, in date order."""
        return Mark(tuple(sorted(self.groups + other.groups, key=lambda g: g.year)))


@dataclass(frozen=True)
class Wordings:
    """A mark's label wordings, longest first: the first `good` are whole labels; the
    rest (cut with "…", or the bare year) only stand in when nothing better fits."""
    texts: tuple[str, ...]
    good: int


def _is_cut(text: str) -> bool:
    return re.sub(r"\s*\(\+\d+\)$", "", text).endswith("…")


@lru_cache(maxsize=4096)  # the joins (timeline_placement) ask for the same groups' wordings many times
def group_wordings(group: Group, limit: int) -> Wordings:
    """A group's wordings: the fullest is whole even when cut (it is the summary at its
    length); shorter ones are whole only when they end at a phrase."""
    texts = wordings(group, limit)
    whole = [texts[0]] + [t for t in texts[1:-1] if not _is_cut(t)]
    rest = [t for t in texts if t not in whole]
    return Wordings(tuple(whole + rest), len(whole))


def span_label(first: int, last: int) -> str:
    """"2002–04", "1998–2001", "1944–90": the years of a joined mark."""
    if first == last:
        return str(first)
    if first // 100 == last // 100:
        return f"{first}–{last % 100:02d}"
    return f"{first}–{last}"


_YEAR_PREFIX = re.compile(r"^\d{3,4}:?\s+")


def mark_wordings(mark: Mark, limit: int) -> Wordings:
    """One group's own wordings; for joined groups "span: item; item", each item the
    group's label without its year, from its longest whole wording to its shortest."""
    if len(mark.groups) == 1:
        return group_wordings(mark.groups[0], limit)
    span = span_label(mark.first, mark.last)
    parts = [group_wordings(g, limit) for g in mark.groups]
    items = [[_YEAR_PREFIX.sub("", t) for t in w.texts] for w in parts]
    def listed(chosen) -> str:  # a visitor of two of the years is named once
        return "; ".join(dict.fromkeys(chosen))
    longest = listed(i[0] for i in items)
    shortest = listed(i[w.good - 1] for i, w in zip(items, parts))
    cut = listed(i[-2] if len(i) > 1 else i[0] for i in items)
    count = sum(len(g.texts) for g in mark.groups)
    texts = tuple(dict.fromkeys([f"{span}: {longest}", f"{span}: {shortest}", f"{span}: {cut}",
                                 f"{span} ({count})"]))
    good = len(dict.fromkeys([f"{span}: {longest}", f"{span}: {shortest}"]))
    return Wordings(texts, good)


def snippet(sentence: str, limit: int) -> str:
    """A label of at most `limit` characters summarising a sentence (reports.headline)."""
    from ...headline import headline
    return headline(sentence, limit)


def wordings(group: Group, limit: int) -> tuple[str, ...]:
    """A group's label wordings, the most informative first, the shortest last."""
    year, count = group.year, len(group.texts)
    bare = f"{year} ({count})" if count > 1 else str(year)
    if group.kind == "visit":
        visitors = [(office, person) for office, person in group.visitors if person] or \
            [_split_visitor(v) for v in group.texts if v.split()]
        offices = ", ".join(dict.fromkeys(_office_name(*visitor) for visitor in visitors))
        names = ", ".join(dict.fromkeys(_short_name(person) for _, person in visitors))
        return tuple(dict.fromkeys((f"{year}: {offices}", f"{year}: {names}", bare)))
    more = f" (+{count - 1})" if count > 1 else ""
    text = next((t for t in group.texts if not _CONNECTIVE.match(t)), group.texts[0])
    found = [snippet(text, n) for n in (limit, limit // 2, 14)]
    if found[0].endswith("…"):
        # No phrase ends within the limit: a little longer, a label that ends at one.
        longer = next((t for t in (snippet(text, n) for n in range(limit + 4, limit * 3 // 2 + 1, 4))
                       if not t.endswith("…")), None)
        found = [longer, *found] if longer else found
    return tuple(dict.fromkeys([f"{year} {t}{more}" for t in found] + [bare]))


# A sentence that leans on the one before says little alone: "To this end, ...".
_CONNECTIVE = re.compile(r"^(?:To this end|However|Also|Additionally|Furthermore|Moreover|This|These|"
                         r"It|They|Thus|Therefore)\b")


def _short_name(person: str) -> str:
    """The name people use for "Felipe Calderón": "Calderón" (reports.people)."""
    from ...people import short_name
    return short_name(person)


def _office_name(office: str | None, person: str) -> str:
    """"Prime Minister Ruiz" for ("Prime Minister", "Ana Ruiz"); a long office ("Head of
    the Presidential Council") is left to the tables, so the label stays a label."""
    if not office and person.split()[0] in _ROYAL:
        return person  # "King Felipe VI": the title is the office
    if office and len(office.split()) > _OFFICE_WORDS:
        office = None
    return f"{office or ''} {_short_name(person)}".strip()


_OFFICE_WORDS = 3  # "Foreign State Secretary", "Deputy Prime Minister"


_OFFICE_WORD = re.compile(r"^(?:[A-Z][a-z]+-)?(?:President|Prime|Minister|Foreign|Secretary|State|"
                          r"Undersecretary|Vice|Deputy|Senator|Ambassador|Chancellor|King|Queen|"
                          r"Emperor|Crown|Prince|Princess|Governor|Speaker|Mayor|Premier|"
                          r"Minister\w*)$")


_ROYAL = ("King", "Queen", "Emperor", "Empress", "Prince", "Princess")


def _split_visitor(visitor: str) -> tuple[str, str]:
    """(office, person) of a visit's "office person" text."""
    words = visitor.split()
    cut = 0
    while cut < len(words) - 1 and _OFFICE_WORD.match(words[cut]):
        cut += 1
    if words[:cut] and words[cut - 1] in _ROYAL:
        cut -= 1  # royal titles belong to the name: "King Felipe VI"
    return " ".join(words[:cut]), " ".join(words[cut:])

