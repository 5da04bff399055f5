"""A seed record given references, as a wikitext article would have them, for the
exporters' citation tests (the plain seed articles have none)."""

from __future__ import annotations

import dataclasses

from reports.model import Citation, ListBlock, Paragraph, Section, TableBlock

CITATIONS = (
    Citation(id="sre", url="https://sre.gob.mx/relaciones?a=1&b=2'x", title="Relaciones <b>bilaterales</b> & más",
             publisher="SRE", date="2021-11-03", accessed="2021-11-18"),
    Citation(id="c1", url="https://example.org/un"),
    Citation(id="bad", url="javascript:alert(1)", title="=HYPERLINK(\"http://x\",\"y\")"),
    Citation(id="nourl", title="Printed yearbook", publisher="INEGI", date="2019"),
    Citation(id="formula", url="=cmd|' /C calc'!A0"),
)


def cited_record(base):
    """`base` with every fact citing "sre" (the first event "c1" too), a table section,
    and references whose text tries to be markup or formulas."""
    def cite(facts, ids=("sre",)):
        return tuple(dataclasses.replace(fact, cites=ids) for fact in facts)

    events = cite(base.events)
    if events:
        events = (dataclasses.replace(events[0], cites=("c1", "sre")), *events[1:])
    table = TableBlock(caption="Visits <i>table</i>", header=("Year", "Visitor"),
                       rows=(("2009", "Senator A & B"), ("2010", "Minister <C>")), line=90,
                       row_lines=(91, 93), row_cites=(("sre",), ("bad", "nourl")))
    section = Section(heading="Cited section", level=2, line=88, blocks=(
        Paragraph(text="A cited paragraph about <b>trade</b> & more.", line=89, cites=("c1",)),
        table,
        ListBlock(caption=None, items=("First item", "Second item"), line=95, item_cites=((), ("formula",))),
    ))
    return dataclasses.replace(
        base, citations=CITATIONS, events=events, visits=cite(base.visits), agreements=cite(base.agreements),
        trade=cite(base.trade), exports=cite(base.exports), missions=cite(base.missions, ("nourl", "c1")),
        sections=(*base.sections, section))
