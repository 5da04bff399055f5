"""The dossier's content: cover, contents, the layout's parts with their analyst-notes
boxes, tables, fields, header and footer, added to a copy of the base document."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import qn

from ... import facts_view
from ..._version import __version__
from ...changes_view import change_rows, changes_heading
from ...sections import SEE_ALSO
from ...citations_view import with_references
from . import notes, pictures, references
from .base import Base
from .styles import W as _W, twips as _twips

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'  # Word's, for headings 1-2 (the contents imitate its entries)
FIELD_INSTRUCTIONS = ("PAGE", "NUMPAGES")  # the only field codes written, with PAGEREF to our own marks


@dataclass
class Dossier:
    document: object
    base: Base
    record: object
    layout: object
    headings: list = field(default_factory=list)  # (level, text) for the cached contents
    placer: object = None  # a notes.NotePlacer when an old dossier had notes
    context: object = None  # the build's ExportContext (changes since the last build)
    part: str | None = None  # the part being written (its heading gets the part's bookmark)
    bookmarks: int = 0

    def write(self) -> None:
        self.cover()
        toc_anchor = self.contents()
        parts = {"key_facts": self.key_facts, "summary": self.summary, "timeline": self.timeline,
                 "visits": self.visits, "agreements": self.agreements, "trade": self.trade,
                 "missions": self.missions, "history": self.history,
                 "other_sections": self.other_sections, "see_also": self.see_also,
                 "references": lambda: references.references(self), "sources": self.sources}
        written = set()
        for part in with_references(self.layout.order):
            self.part = part
            # A list of links, the references and the sources are no place for notes.
            if parts[part]() and part not in ("see_also", "sources", "references"):
                self.analyst_notes(part)
                written.add(part)
            if part == "summary":
                self.changes()
        self.part = None
        self.earlier_notes(written)
        _table_of_contents(self, toc_anchor)
        _header_and_footer(self)

    # -- small writers

    @property
    def body_end(self):
        """The body's closing section properties: new blocks go right before it."""
        return self.document.element.body[-1]

    def label(self, key, **values) -> str:
        return self.layout.label(key, **values)

    def style(self, name: str) -> str:
        return self.base.style_ids[name]

    def para(self, text: str = "", style: str = "Normal", cite: int | None = None, article: bool = False):
        """A paragraph of `style` (its w:p element); `cite` adds "[l. N]" in the Citation style;
        `article`: the text is the article's, in its language (the Article Text style)."""
        runs = _run_xml(text, self.base.article_style if article else None)
        if cite is not None:
            runs += _run_xml("\u00a0[" + self.label("line_cite", line=cite) + "]", self.style("Citation"))
        p = parse_xml(f'<w:p {_W}><w:pPr><w:pStyle w:val="{self.style(style)}"/></w:pPr>{runs}</w:p>')
        self.body_end.addprevious(p)
        return p

    def heading(self, text: str, level: int = 1, bookmark: str | None = None, article: bool = False):
        p = self.para(text, f"Heading {level}", article=article)
        if level <= 2 and text.strip():  # a contents entry, its page number a reference to this mark
            self.bookmark(p, f"_Toc{len(self.headings) + 1}")
        self.headings.append((level, text))
        if bookmark is None and level == 1 and self.part:
            bookmark, self.part = notes.PART + self.part, None
        if bookmark:
            self.bookmark(p, bookmark)
        return p

    def bookmark(self, p, name: str) -> None:
        """A named point in the paragraph that Word and LibreOffice keep (see notes.py)."""
        self.bookmarks += 1
        number = self.bookmarks
        p_pr = p.find(qn("w:pPr"))
        p_pr.addnext(parse_xml(f'<w:bookmarkStart {_W} w:id="{number}" w:name="{name}"/>'))
        p.append(parse_xml(f'<w:bookmarkEnd {_W} w:id="{number}"/>'))

    def analyst_notes(self, part: str) -> None:
        _keep_with_next(self.body_end.getprevious())  # the section's last block stays with its notes
        self.bookmark(self.para(self.label("analyst_notes"), "Analyst Notes Heading"), notes.NOTES + part)
        note = self.placer.carried.notes.get(part) if self.placer else None
        if note is None:
            self.para("", "Analyst Notes")
            return
        for element in self.placer.copies(note):
            self.body_end.addprevious(element)

    def changes(self) -> None:
        """What changed since the last build, right after the summary (rebuilds only)."""
        changes = self.context.changes if self.context else ()
        if not changes:
            return
        self.heading(changes_heading(self.layout, self.context.last_build), 1, notes.CHANGES)
        written = lambda text: facts_view.dates_written(text, self.layout)  # noqa: E731
        rows = [[row.kind, row.change, written(row.item),
                 f"{row.field}: {written(row.old) or '–'} → {written(row.new) or '–'}" if row.field else "",
                 self.cite_cell(row.line) if row.line else ""] for row in change_rows(changes, self.layout)]
        header = [self.label("kind"), self.label("change"), self.label("fact"), self.label("value"),
                  self.label("source_column")]
        if any(row[3] for row in rows):
            self.table(header, rows, [0.14, 0.13, 0.36, 0.25, 0.12])
        else:  # no fact changed a field: the fact column says it all
            self.table([h for i, h in enumerate(header) if i != 3], [[c for i, c in enumerate(row) if i != 3]
                                                                    for row in rows], [0.14, 0.13, 0.61, 0.12])

    def earlier_notes(self, written: set[str]) -> None:
        """The closing section: notes whose part this dossier no longer has."""
        if not self.placer:
            return
        carried = self.placer.carried
        orphans = [*carried.orphans, *(note for key, note in carried.notes.items() if key not in written)]
        if not orphans:
            return
        self.heading(self.label("earlier_notes"), 1, notes.EARLIER)
        for number, note in enumerate(orphans, 1):
            self.heading(note.heading, 2, f"{notes.ORPHAN}{number}")
            for element in self.placer.copies(note):
                self.body_end.addprevious(element)

    def table(self, header: list[str], rows: list[list[str]], widths: list[float], article=()) -> None:
        """`widths` are fractions of the text width; a last column "l. N" cites the source;
        `article`: the columns holding the article's text, or a list of them per row."""
        _add_table(self, header, rows, widths, article)


    def caption(self, text: str, cite: int | None = None, article: bool = False):
        return self.para(text, "Caption", cite, article)

    def bullets(self, items, cite: int | None = None, article: bool = False) -> None:
        for index, item in enumerate(items):
            self.para(item, "List Bullet", cite if index == 0 else None, article)

    def cite_cell(self, line: int) -> str:
        return self.label("line_cite", line=line)

    def direction_label(self, key: str, origin, destination) -> str:
        unknown = "?"
        return self.label(key, origin=origin or unknown, destination=destination or unknown)

    # -- cover and contents

    def cover(self) -> None:
        record = self.record
        self.para(facts_view.document_title(record, self.layout), "Title")
        self.para(" · ".join(record.countries), "Subtitle")
        self.para(f"{self.label('dossier')} · {self.label('relations')} · "
                  f"{self.label('source_file')}: {record.source.path}", "Source Note")
        from ...dating import dated_line
        dated = dated_line(self.layout, self.context)
        if dated:
            self.para(dated, "Source Note")

    def contents(self):
        self.para(self.label("contents"), "TOC Heading")
        return self.para("", "Normal")

    # -- the parts (each returns True when it wrote a main section)

    def key_facts(self) -> bool:
        none = self.label("none")
        rows = [[fact.label, fact.value] for fact in facts_view.key_facts(self.record, self.layout)
                if fact.value != none]
        if not rows:
            return False
        self.heading(self.label("key_facts"))
        self.table([self.label("field"), self.label("value")], rows, [0.32, 0.68])
        return True

    def summary(self) -> bool:
        paragraphs = [text.strip() for text in self.record.summary.split("\n\n") if text.strip()]
        if not paragraphs:
            return False
        self.heading(self.label("summary"))
        for text in paragraphs:
            self.para(text, "Quote", article=True)
        return True

    def timeline(self) -> bool:
        entries = facts_view.timeline_rows(self.record)  # one row per fact: a visit told in a sentence once
        if not entries:
            return False
        self.heading(self.label("timeline"))
        pictures.timeline_picture(self)  # the brief's picture, above the table
        rows = [[facts_view.date_label(e.date, self.layout), self.label(f"{e.kind}_kind"), e.text,
                 self.cite_cell(e.line)] for e in entries]
        header = [self.label("date"), self.label("kind"), self.label("event"), self.label("source_column")]
        # A sentence is the article's text; a listed visit's is office and name, in the layout's words.
        article = [() if e.kind == "visit" and e.text == _visit_words(e) else (2,) for e in entries]
        self.table(header, rows, [0.17, 0.11, 0.60, 0.12], article=article)
        references.mark_rows(self, [e.cites for e in entries])
        return True

    def visits(self) -> bool:
        groups = facts_view.visits_by_direction(self.record)
        if not groups:
            return False
        self.heading(self.label("visits"))
        header = [self.label("date"), self.label("office"), self.label("person"), self.label("source_column")]
        for direction, visits in groups:
            self.heading(self.direction_label("visits_from_to", direction.origin, direction.destination), 2)
            rows = [[facts_view.date_label(v.date, self.layout), v.office or "", v.person or "",
                     self.cite_cell(v.line)] for v in visits]
            self.table(header, rows, [0.18, 0.32, 0.38, 0.12])
            references.mark_rows(self, [v.cites for v in visits])
        return True

    def agreements(self) -> bool:
        if not self.record.agreements:
            return False
        self.heading(self.label("agreements"))
        rows = [[facts_view.date_label(a.date, self.layout), a.title, self.cite_cell(a.line)]
                for a in self.record.agreements]
        header = [self.label("date"), self.label("title"), self.label("source_column")]
        self.table(header, rows, [0.18, 0.70, 0.12], article=(1,))
        references.mark_rows(self, [a.cites for a in self.record.agreements])
        return True

    def trade(self) -> bool:
        record = self.record
        if not record.trade and not record.exports:
            return False
        self.heading(self.label("trade"))
        if record.trade:
            self.heading(self.label("trade_totals"), 2)
            rows = [[str(t.year), facts_view.trade_amount_label(t, self.layout),
                     facts_view.trade_money_label(t, self.layout), self.cite_cell(t.line)]
                    for t in record.trade]
            header = [self.label("year"), self.label("total_usd"), self.label("value"),
                      self.label("source_column")]
            self.table(header, rows, [0.18, 0.35, 0.35, 0.12])
            references.mark_rows(self, [t.cites for t in record.trade])
        if record.exports:
            self.heading(self.label("exports"), 2)
            for export in record.exports:
                caption = self.caption(self.direction_label("exports_from_to", export.from_, export.to), export.line)
                references.add_notes(self, caption, export.cites, cited=True)
                self.bullets(export.products, article=True)
        return True

    def missions(self) -> bool:
        if not self.record.missions:
            return False
        self.heading(self.label("missions"))
        rows = [[m.country, m.host, facts_view.mission_label(m, self.layout), self.cite_cell(m.line)]
                for m in self.record.missions]
        header = [self.label("country"), self.label("host"), self.label("mission"),
                  self.label("source_column")]
        self.table(header, rows, [0.2, 0.2, 0.48, 0.12])
        references.mark_rows(self, [m.cites for m in self.record.missions])
        return True

    def history(self) -> bool:
        sections = [section for section in facts_view.history_sections(self.record) if section.blocks
                    or section.level > 2]
        if not any(section.blocks for section in sections):
            return False
        self.heading(self.label("history"))
        for section in sections:
            if section is not sections[0] or section.level > 2:
                self.heading(section.heading, min(max(section.level - 1, 2), 3), article=True)
            self.blocks(section.blocks)
        return True

    def blocks(self, blocks) -> None:
        for block in blocks:
            if block.type == "list":
                if block.caption:
                    self.caption(block.caption, block.line, article=True)
                cite = None if block.caption else block.line
                for index, item in enumerate(block.items):
                    p = self.para(item, "List Bullet", cite if index == 0 else None, article=True)
                    references.add_notes(self, p, block.cites_of(index), cited=cite is not None and index == 0)
            elif block.type == "table":
                references.table_block(self, block)
            else:
                p = self.para(block.text, "Normal", block.line, article=True)
                references.add_notes(self, p, block.cites, cited=True)

    def other_sections(self) -> bool:
        sections = facts_view.other_sections(self.record)
        if not sections:
            return False
        self.heading(self.label("other_sections"))
        for section in sections:
            self.heading(section.heading, 2 if section.level <= 2 else 3, article=True)
            self.blocks(section.blocks)
        return True

    def see_also(self) -> bool:
        if not self.record.see_also:
            return False
        self.heading(self.label("see_also"))
        lists = [block for section in facts_view.sections_of_kind(self.record, SEE_ALSO)
                 for block in section.blocks if block.type == "list"]
        self.bullets(self.record.see_also, lists[0].line if lists else None, article=True)
        return True

    def sources(self) -> bool:
        self.heading(self.label("sources"))
        _keep_with_next(self.para(self.label("generated_by", version=__version__)))
        source = self.record.source
        rows = [[self.label("relationship"), self.record.title],
                *[[label, value] for label, value in facts_view.source_rows(self.record, self.layout)],
                [self.label("sha256"), source.sha256]]
        self.table([self.label("field"), self.label("value")], rows, [0.2, 0.8])
        return True


def _visit_words(entry) -> str:
    return " ".join(part for part in (entry.office, entry.person) if part)


def _keep_with_next(block) -> None:
    """Keep a paragraph, or a table's last row, on the page of what follows it."""
    if block is None:
        return
    paragraphs = [block] if block.tag == qn("w:p") else (
        list(block.findall(qn("w:tr"))[-1].iter(qn("w:p"))) if block.tag == qn("w:tbl") else [])
    for p in paragraphs:
        p_pr = p.get_or_add_pPr()
        if p_pr.find(qn("w:keepNext")) is None:
            style = p_pr.find(qn("w:pStyle"))
            keep = parse_xml(f"<w:keepNext {_W}/>")
            if style is not None:
                style.addnext(keep)
            else:
                p_pr.insert(0, keep)


# -- runs and tables, written as XML text --------------------------------------------------
# One parse per paragraph or table: python-docx's element API (add_tr, add_r ...) costs
# more than the rest of the document together on long tables.


def _run_xml(text: str, style_id: str | None = None) -> str:
    """A run holding `text` as plain character data: escaped, never markup or a field."""
    if not text:
        return ""
    style = f'<w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>' if style_id else ""
    return f'<w:r>{style}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _add_table(dossier, header: list[str], rows: list[list[str]], widths: list[float], article=()) -> None:
    """A table of the layout's style: fixed column widths, the header row repeating."""
    twips = [_twips(dossier.base.text_width_mm * fraction) for fraction in widths]
    styles = [dossier.style("Table Text")] * len(header)
    if header[-1] == dossier.label("source_column"):
        styles[-1] = dossier.style("Table Source")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    xml = [f'<w:tbl {_W}><w:tblPr><w:tblStyle w:val="{dossier.base.table_style}"/>'
           '<w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>',
           _row_xml(header, [dossier.style("Table Heading")] * len(header), twips, is_header=True)]
    per_row = article if isinstance(article, list) else [article] * len(rows)
    xml += [_row_xml(row, styles, twips, is_header=False,
                     run_styles=[dossier.base.article_style if i in columns else None for i in range(len(row))])
            for row, columns in zip(rows, per_row)]
    dossier.body_end.addprevious(parse_xml("".join(xml) + "</w:tbl>"))


def _row_xml(values: list[str], style_ids: list[str], twips: list[int], is_header: bool,
             run_styles=None) -> str:
    """One row that never splits across pages; the header row repeats on every page."""
    run_styles = run_styles or [None] * len(values)
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                    f'<w:pStyle w:val="{style_id}"/></w:pPr>{_run_xml(value, run_style)}</w:p></w:tc>'
                    for value, style_id, w, run_style in zip(values, style_ids, twips, run_styles))
    header = "<w:tblHeader/>" if is_header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{cells}</w:tr>"


# -- fields: contents, page numbers --------------------------------------------------------


def _field_char(kind: str):
    return parse_xml(f'<w:r {_W}><w:fldChar w:fldCharType="{kind}"/></w:r>')


def field_code(instruction: str):
    """A field instruction: only the exporter's own constants (and page references to
    its own contents marks) ever become field code."""
    if instruction not in FIELD_INSTRUCTIONS and not re.fullmatch(r"PAGEREF _Toc\d+ \\h", instruction):
        raise ValueError(f"not a field this exporter writes: {instruction!r}")
    code = f'<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText>'
    return parse_xml(f"<w:r {_W}>{code}</w:r>")


def _append_field(p, instruction: str, cached: str) -> None:
    p.append(_field_char("begin"))
    p.append(field_code(instruction))
    p.append(_field_char("separate"))
    if cached:
        p.append(parse_xml(f"<w:r {_W}><w:t>{escape(cached)}</w:t></w:r>"))
    p.append(_field_char("end"))


def _table_of_contents(dossier, anchor) -> None:
    """The contents: one paragraph per heading, as the entries of Word's own TOC field
    look, each a link to its heading's mark with a PAGEREF field for the page number.
    Not wrapped in a TOC field: LibreOffice keeps a TOC field's cached text and never
    fills its page numbers (7.4), while it computes every PAGEREF as it lays the pages
    out; Word updates them when the file is opened (updateFields, in base.py)."""
    entries = [(f"_Toc{number}", level, text) for number, (level, text) in enumerate(dossier.headings, 1)
               if level <= 2 and text.strip()]
    p = anchor
    for index, (mark, level, text) in enumerate(entries):
        if index:
            following = parse_xml(f"<w:p {_W}><w:pPr/></w:p>")
            p.addnext(following)
            p = following
        p.pPr.style = dossier.style(f"TOC {level}")
        link = parse_xml(f'<w:hyperlink {_W} w:anchor="{mark}" w:history="1">{_run_xml(text)}'
                         f'<w:r><w:tab/></w:r></w:hyperlink>')
        _append_field(link, f"PAGEREF {mark} \\h", "")
        p.append(link)


def _header_and_footer(dossier) -> None:
    """The relationship's title above every page, "Page N of M" below."""
    section = dossier.document.sections[0]
    section.different_first_page_header_footer = False
    header, footer = section.header, section.footer
    header.is_linked_to_previous = footer.is_linked_to_previous = False
    _replace_content(header._element, dossier.style("Header"),
                     _run_xml(facts_view.document_title(dossier.record, dossier.layout)))
    page = _replace_content(footer._element, dossier.style("Footer"), "")
    fields = {"page": "PAGE", "pages": "NUMPAGES"}
    for literal, name, _spec, _conversion in string.Formatter().parse(dossier.label("page_of")):
        if literal:
            page.append(parse_xml(f"<w:p {_W}>{_run_xml(literal)}</w:p>")[0])
        if name in fields:
            _append_field(page, fields[name], "1")


def _replace_content(story, style_id: str, runs: str):
    """Empty a header or footer (a template's own text goes) and give it one paragraph."""
    for child in list(story):
        story.remove(child)
    p = parse_xml(f'<w:p {_W}><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{runs}</w:p>')
    story.append(p)
    return p
