"""The shared record loader: a parsed article (reports.document) -> one Relationship record.

    result = record_of(document, "data/georgia-mexico.txt")   # record + warnings

The fact rules read the parsed article the same way for every input form; opening a
file and choosing its reader is reports.articles' work. An article whose title names
no two countries raises ArticleError(path, line, message); everything else the loader
saw but could not interpret is a warning in `LoadResult.warnings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import document as structure
from ..errors import Diagnostic
from ..model import ListBlock, Paragraph, Relationship, Section, Source, TableBlock
from ..titles import relationship_id, split_title, unknown_parties
from .facts import read_facts
from .tables import as_lists


@dataclass(frozen=True)
class LoadResult:
    record: Relationship | None
    warnings: list[Diagnostic] = field(default_factory=list)
    error: Diagnostic | None = None  # one page of a dump that could not be read (record None)


def record_of(document, shown: str) -> LoadResult:
    """A reader's document -> the record and every warning about it."""
    parsed = document.article
    page = document.page
    where = f"{shown}[{page.title}]" if page else shown
    countries = split_title(parsed.title, where, parsed.title_line)
    title_warnings = [Diagnostic(where, parsed.title_line, "warning", f"the title {parsed.title!r} names {name!r}, "
                                 "which is no country or state known (ISO 3166, or a historical or partially "
                                 "recognised state): check the title") for name in unknown_parties(countries)]
    facts, fact_warnings = read_facts(as_lists(parsed), countries, where)
    infobox, infobox_warnings = _infobox(parsed.infobox, where)
    lead = list(structure.texts(parsed.lead))
    record = Relationship(
        id=relationship_id(countries),
        title=parsed.title,
        countries=countries,
        summary="\n\n".join(unit.text for unit in lead),
        established=facts.established,
        reestablished=facts.reestablished,
        memberships=tuple(facts.memberships),
        sections=tuple(_section(section) for section in parsed.sections),
        events=tuple(facts.events),
        visits=tuple(facts.visits),
        agreements=tuple(facts.agreements),
        trade=tuple(facts.trade),
        exports=tuple(facts.exports),
        missions=tuple(facts.missions),
        see_also=tuple(facts.see_also),
        infobox=tuple(infobox),
        source=Source(shown, document.sha256, parsed.title_line,
                      page=page.title if page else None, revision=page.revision if page else None,
                      timestamp=page.timestamp if page else None, url=page.url if page else None),
        citations=tuple(parsed.citations),
    )
    if parsed.citations:
        from .citing import cite
        record = cite(record, parsed)
    return LoadResult(record, document.warnings + title_warnings + infobox_warnings + fact_warnings)


def _infobox(items: list, shown: str) -> tuple[list[tuple[str, str]], list[Diagnostic]]:
    pairs, warnings = [], []
    for item in items:
        key, sep, value = item.text.partition(":")
        if not sep:
            warnings.append(Diagnostic(shown, item.line, "warning", "infobox line without 'Key: value'"))
        pairs.append((key.strip(), value.strip()))
    return pairs, warnings


def _section(section: structure.Section) -> Section:
    return Section(section.heading, section.level, section.line, tuple(_block(b) for b in section.blocks))


def _block(block) -> Paragraph | ListBlock | TableBlock:
    if isinstance(block, structure.Paragraph):
        return Paragraph(block.text.text, block.text.line, block.text.cites)
    caption = block.caption.text if block.caption else None
    if isinstance(block, structure.Table):
        # A cell's lines (a reader keeps them: "President A<br>Minister B") read as one text.
        rows = tuple(tuple(cell.replace("\n", " ") for cell in row.cells) for row in block.rows)
        return TableBlock(caption, tuple(block.header), rows, block.line,
                          tuple(row.line for row in block.rows), tuple(row.cites for row in block.rows))
    cites = tuple(item.cites for item in block.items)
    return ListBlock(caption, tuple(item.text for item in block.items), block.items[0].line,
                     cites if any(cites) else ())
