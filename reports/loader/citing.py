"""Which citations back each fact: the refs that follow the fact's sentence.

Readers leave on every unit of text the refs placed in it, at their offsets; the fact
rules record each fact's line. A fact's cites are the refs that follow the sentence of
its line that tells it (found by the fact's text, or a name it holds); a list item's,
those of the item. Plain articles have no refs and are left as they are.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Relationship
from ..document import Article, ItemList, Paragraph, Table, Text
from .sentences import split_sentences


def cite(record: Relationship, article: Article) -> Relationship:
    units = _units_by_line(article)

    def cites(line: int, *anchors: str | None) -> tuple[str, ...]:
        for unit in units.get(line, ()):
            if not unit.refs:
                continue
            for anchor in anchors:
                span = _sentence_around(unit.text, anchor) if anchor else None
                if span:
                    found = unit.cites_between(*span)
                    if found:
                        return found
            return unit.cites if len(split_sentences(unit.text)) <= 1 or not any(anchors) else ()
        return ()

    return replace(
        record,
        events=tuple(replace(e, cites=cites(e.line, e.text)) for e in record.events),
        visits=tuple(replace(v, cites=cites(v.line, v.person, v.office)) for v in record.visits),
        agreements=tuple(replace(a, cites=cites(a.line, a.title)) for a in record.agreements),
        trade=tuple(replace(t, cites=cites(t.line, t.text)) for t in record.trade),
        exports=tuple(replace(x, cites=cites(x.line, *(x.products[:1] or (None,)))) for x in record.exports),
        missions=tuple(replace(m, cites=cites(m.line, m.city)) for m in record.missions),
    )


def _units_by_line(article: Article) -> dict[int, list]:
    found: dict[int, list] = {}
    for block in article.lead + [b for section in article.sections for b in section.blocks]:
        if isinstance(block, Paragraph):
            units = [block.text]
        elif isinstance(block, ItemList):
            units = ([block.caption] if block.caption else []) + block.items
        elif isinstance(block, Table):
            units = [Text(" | ".join(row.cells).replace("\n", " "), row.line, row.refs) for row in block.rows]
        else:
            units = []
        for unit in units:
            found.setdefault(unit.line, []).append(unit)
    return found


def _sentence_around(text: str, anchor: str) -> tuple[int, int] | None:
    """(start, end) of the sentence of `text` that holds `anchor` (or that `anchor` is)."""
    at = text.find(anchor)
    if at < 0:
        return None
    position = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, position)
        if start < 0:
            continue
        end = start + len(sentence)
        if start <= at < end or (at < start and at + len(anchor) > start):
            return start, max(end, at + len(anchor))
        position = end
    return at, at + len(anchor)
