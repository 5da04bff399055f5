"""Word dossier: one editable .docx per relationship, built from named styles.

Every paragraph and table carries a style (Title, Heading 1-3, List Bullet, Caption,
Quote, "Analyst Notes", the layout's table style ...) and no direct formatting, so a
user restyles the whole dossier from Word's Styles pane. The styles come from:

- the layout's `[docx] template`, a user's .docx: every style it defines is taken
  as it is; styles it lacks are added from the layout, and its body text is dropped;
- otherwise python-docx's blank document, restyled here from the layout's fonts and
  colours (`save_template()` writes that base out, as a starting point for a user's
  own template).

The base document (styles, page, settings, properties) is prepared once per layout
and reused; each export adds the record's content and writes the zip itself with
fixed entry times and order, so two builds of one record are byte-identical.
"""

from __future__ import annotations

import gc
import io
import string
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from .. import facts_view
from .._version import __version__
from ..sections import SEE_ALSO
from ._zipfile import FixedTimeZip

NAME = "docx"
EXTENSION = ".docx"

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'  # headings 1-2, as hyperlinks
FIELD_INSTRUCTIONS = (TOC_INSTRUCTION, "PAGE", "NUMPAGES")  # the only field codes written
DEFAULT_TABLE_STYLE = "Dossier Table"
_W = nsdecls("w")
_COLLECT_EVERY = 50  # python-docx leaves reference cycles; see LIBRARY-NOTES.md
_exports_since_collect = 0


# -- the module interface ---------------------------------------------------------------


def export(record, layout, path, context=None) -> list[str]:
    """Write the dossier of `record` to `path`; returns warnings."""
    record, warnings = facts_view.safe_record(record)
    base = _base(layout)
    document = Document(io.BytesIO(base.blob))
    _Dossier(document, base, record, layout).write()
    _set_core_properties(document, record, layout)
    _write_package(document, path, facts_view.document_datetime(record))
    _collect_now_and_then()
    return warnings


def save_template(layout, path) -> None:
    """Write the styled, empty base document of `layout`: a starting point for a user's
    corporate template (restyle it in Word, then name it in `[docx] template`)."""
    Path(path).write_bytes(_base(layout).blob)


def _collect_now_and_then() -> None:
    global _exports_since_collect
    _exports_since_collect += 1
    if _exports_since_collect >= _COLLECT_EVERY:
        _exports_since_collect = 0
        gc.collect()


# -- the base document: styles, page, settings, made once per layout --------------------


@dataclass
class _Base:
    blob: bytes
    style_ids: dict[str, str]  # style name -> style id in this base
    table_style: str
    text_width_mm: float


_BASES: dict[tuple, _Base] = {}


def _base(layout) -> _Base:
    template = _template_path(layout)
    key = (layout.fingerprint(), str(template), template.stat().st_mtime_ns if template else None)
    if key not in _BASES:
        _BASES[key] = _make_base(layout, template)
    return _BASES[key]


def _template_path(layout) -> Path | None:
    """The user's template, relative to the layout file, to ./, or to the built-in layouts."""
    name = str(layout.options("docx").get("template") or "").strip()
    if not name:
        return None
    candidates = [Path(name)]
    if not Path(name).is_absolute():
        if Path(layout.source).suffix == ".toml":
            candidates.insert(0, Path(layout.source).parent / name)
        candidates.append(Path(facts_view.__file__).resolve().parent.parent / "layouts" / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"[docx] template {name!r} not found (layout {layout.source})")


def _make_base(layout, template: Path | None) -> _Base:
    document = Document(str(template)) if template else Document()
    table_style = layout.options("docx").get("table_style") or DEFAULT_TABLE_STYLE
    style_ids = _install_styles(document, layout, table_style, restyle=template is None)
    _clear_body(document)
    _set_page(document, layout)
    _set_update_fields(document)
    _drop_thumbnail(document)
    _set_app_properties(document, layout)
    stream = io.BytesIO()
    document.save(stream)
    page = layout.page
    width = page.width_mm - page.margin_left_mm - page.margin_right_mm
    return _Base(stream.getvalue(), style_ids, style_ids[table_style], width)


def _clear_body(document) -> None:
    """A template's sample text goes; its last section properties stay."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:
        body.append(OxmlElement("w:sectPr"))


def _set_page(document, layout) -> None:
    page = layout.page
    for section in document.sections:
        section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
        section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
        section.header_distance = section.footer_distance = Mm(page.margin_bottom_mm / 2)


def _set_update_fields(document) -> None:
    """Word fills the table of contents (and page fields) when the file is opened."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if later is None:
        settings.append(update)
    else:
        later.addprevious(update)


# The elements that follow w:updateFields in w:settings (Word wants the schema's order).
_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"} | {qn(f"w:{name}") for name in (
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")}


def _drop_thumbnail(document) -> None:
    """python-docx's blank document carries a thumbnail of some other document."""
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            rels.pop(r_id)


_APP_XML = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>')
_APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


def _set_app_properties(document, layout) -> None:
    """docProps/app.xml: the company and the application that made the file."""
    from lxml import etree

    package = document.part.package
    part = next((rel.target_part for rel in package.rels.values()
                 if rel.reltype == RT.EXTENDED_PROPERTIES), None)
    if part is None:
        part = Part(PackURI("/docProps/app.xml"), _APP_CT, _APP_XML.encode(), package)
        package.relate_to(part, RT.EXTENDED_PROPERTIES)
    root = etree.fromstring(part.blob)
    namespace = root.nsmap[None]
    values = {"Application": layout.metadata.get("creator", "reports"),
              "Company": layout.metadata.get("company", ""), "Template": "", "TotalTime": "0"}
    for tag, value in values.items():
        element = root.find(f"{{{namespace}}}{tag}")
        if element is None:
            element = etree.SubElement(root, f"{{{namespace}}}{tag}")
        element.text = value
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- properties and the package ----------------------------------------------------------


def _property(text: str) -> str:
    """Word's core properties hold at most 255 characters (python-docx raises beyond)."""
    return text if len(text) <= 255 else text[:254] + "…"


def _set_core_properties(document, record, layout) -> None:
    props = document.core_properties
    when = facts_view.document_datetime(record).replace(tzinfo=None)
    props.title = _property(record.title)
    props.subject = _property(f"{layout.label('relations')}: {' – '.join(record.countries)}")
    props.keywords = _property(", ".join(record.countries))
    props.author = props.last_modified_by = _property(layout.metadata.get("author", ""))
    props.category = _property(layout.label("dossier"))
    props.comments = _property(layout.label("generated_by", version=__version__))
    props.language = layout.metadata.get("language", "")
    props.identifier = _property(record.id)
    props.content_status = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when


def _write_package(document, path, when) -> None:
    """The .docx zip with fixed entry times and order (python-docx stamps the clock)."""
    package = document.part.package
    parts = list(package.iter_parts())
    entries = [(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob),
               (PACKAGE_URI.rels_uri.membername, package.rels.xml)]
    for part in parts:
        part.before_marshal()
        entries.append((part.partname.membername, part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    with FixedTimeZip(path, when) as archive:
        for name, blob in entries:
            archive.writestr(name, blob)


# -- the content -------------------------------------------------------------------------


@dataclass
class _Dossier:
    document: object
    base: _Base
    record: object
    layout: object
    headings: list = field(default_factory=list)  # (level, text) for the cached contents

    def write(self) -> None:
        self.cover()
        toc_anchor = self.contents()
        parts = {"key_facts": self.key_facts, "summary": self.summary, "timeline": self.timeline,
                 "visits": self.visits, "agreements": self.agreements, "trade": self.trade,
                 "missions": self.missions, "history": self.history,
                 "other_sections": self.other_sections, "see_also": self.see_also,
                 "sources": self.sources}
        for part in self.layout.order:
            if parts[part]() and part != "sources":
                self.analyst_notes()
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

    def para(self, text: str = "", style: str = "Normal", cite: int | None = None):
        """A paragraph of `style` (its w:p element); `cite` adds "[l. N]" in the Citation style."""
        runs = _run_xml(text)
        if cite is not None:
            runs += _run_xml("\u00a0[" + self.label("line_cite", line=cite) + "]", self.style("Citation"))
        p = parse_xml(f'<w:p {_W}><w:pPr><w:pStyle w:val="{self.style(style)}"/></w:pPr>{runs}</w:p>')
        self.body_end.addprevious(p)
        return p

    def heading(self, text: str, level: int = 1):
        self.headings.append((level, text))
        return self.para(text, f"Heading {level}")

    def none_recorded(self) -> None:
        self.para(self.label("none"))

    def analyst_notes(self) -> None:
        self.para(self.label("analyst_notes"), "Analyst Notes Heading")
        self.para("", "Analyst Notes")

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        """`widths` are fractions of the text width; a last column "l. N" cites the source."""
        _add_table(self, header, rows, widths)

    def table_or_none(self, header, rows, widths) -> None:
        if rows:
            self.table(header, rows, widths)
        else:
            self.none_recorded()

    def caption(self, text: str, cite: int | None = None) -> None:
        self.para(text, "Caption", cite)

    def bullets(self, items, cite: int | None = None) -> None:
        for index, item in enumerate(items):
            self.para(item, "List Bullet", cite if index == 0 else None)

    def cite_cell(self, line: int) -> str:
        return self.label("line_cite", line=line)

    def direction_label(self, key: str, origin, destination) -> str:
        unknown = "?"
        return self.label(key, origin=origin or unknown, destination=destination or unknown)

    # -- cover and contents

    def cover(self) -> None:
        record = self.record
        self.para(record.title, "Title")
        self.para(" · ".join(record.countries), "Subtitle")
        self.para(f"{self.label('dossier')} · {self.label('relations')} · "
                  f"{self.label('source_file')}: {record.source.path}", "Source Note")

    def contents(self):
        self.para(self.label("contents"), "TOC Heading")
        return self.para("", "Normal")

    # -- the parts (each returns True when it wrote a main section)

    def key_facts(self) -> bool:
        self.heading(self.label("key_facts"))
        rows = [[fact.label, fact.value] for fact in facts_view.key_facts(self.record, self.layout)]
        self.table([self.label("field"), self.label("value")], rows, [0.32, 0.68])
        return True

    def summary(self) -> bool:
        self.heading(self.label("summary"))
        paragraphs = [text.strip() for text in self.record.summary.split("\n\n") if text.strip()]
        for text in paragraphs:
            self.para(text, "Quote")
        if not paragraphs:
            self.none_recorded()
        return True

    def timeline(self) -> bool:
        self.heading(self.label("timeline"))
        rows = [[facts_view.date_label(e.date, self.layout), self.label(f"{e.kind}_kind"), e.text,
                 self.cite_cell(e.line)] for e in facts_view.timeline(self.record)]
        header = [self.label("date"), self.label("kind"), self.label("event"), self.label("source_column")]
        self.table_or_none(header, rows, [0.17, 0.11, 0.60, 0.12])
        return True

    def visits(self) -> bool:
        self.heading(self.label("visits"))
        groups = facts_view.visits_by_direction(self.record)
        header = [self.label("date"), self.label("office"), self.label("person"), self.label("source_column")]
        for direction, visits in groups:
            self.heading(self.direction_label("visits_from_to", direction.origin, direction.destination), 2)
            rows = [[facts_view.date_label(v.date, self.layout), v.office or "", v.person or "",
                     self.cite_cell(v.line)] for v in visits]
            self.table(header, rows, [0.18, 0.32, 0.38, 0.12])
        if not groups:
            self.none_recorded()
        return True

    def agreements(self) -> bool:
        self.heading(self.label("agreements"))
        rows = [[facts_view.date_label(a.date, self.layout), a.title, self.cite_cell(a.line)]
                for a in self.record.agreements]
        header = [self.label("date"), self.label("title"), self.label("source_column")]
        self.table_or_none(header, rows, [0.18, 0.70, 0.12])
        return True

    def trade(self) -> bool:
        self.heading(self.label("trade"))
        record = self.record
        if record.trade:
            self.heading(self.label("trade_totals"), 2)
            rows = [[str(t.year), facts_view.amount_label(t.total_usd, self.layout),
                     facts_view.money_label(t.total_usd, self.layout), self.cite_cell(t.line)]
                    for t in record.trade]
            header = [self.label("year"), self.label("total_usd"), self.label("value"),
                      self.label("source_column")]
            self.table(header, rows, [0.18, 0.35, 0.35, 0.12])
        if record.exports:
            self.heading(self.label("exports"), 2)
            for export in record.exports:
                self.caption(self.direction_label("exports_from_to", export.from_, export.to), export.line)
                self.bullets(export.products)
        if not record.trade and not record.exports:
            self.none_recorded()
        return True

    def missions(self) -> bool:
        self.heading(self.label("missions"))
        rows = [[m.country, m.host, facts_view.mission_label(m, self.layout), self.cite_cell(m.line)]
                for m in self.record.missions]
        header = [self.label("country"), self.label("host"), self.label("mission"),
                  self.label("source_column")]
        self.table_or_none(header, rows, [0.2, 0.2, 0.48, 0.12])
        return True

    def history(self) -> bool:
        self.heading(self.label("history"))
        sections = facts_view.history_sections(self.record)
        for section in sections:
            if section is not sections[0] or section.level > 2:
                self.heading(section.heading, min(max(section.level - 1, 2), 3))
            self.blocks(section.blocks)
        if not sections:
            self.none_recorded()
        return True

    def blocks(self, blocks) -> None:
        for block in blocks:
            if block.type == "list":
                if block.caption:
                    self.caption(block.caption, block.line)
                self.bullets(block.items, None if block.caption else block.line)
            else:
                self.para(block.text, "Normal", block.line)

    def other_sections(self) -> bool:
        sections = facts_view.other_sections(self.record)
        if not sections:
            return False
        self.heading(self.label("other_sections"))
        for section in sections:
            self.heading(section.heading, 2 if section.level <= 2 else 3)
            self.blocks(section.blocks)
        return True

    def see_also(self) -> bool:
        self.heading(self.label("see_also"))
        lists = [block for section in facts_view.sections_of_kind(self.record, SEE_ALSO)
                 for block in section.blocks if block.type == "list"]
        self.bullets(self.record.see_also, lists[0].line if lists else None)
        if not self.record.see_also:
            self.none_recorded()
        return True

    def sources(self) -> bool:
        self.heading(self.label("sources"))
        self.para(self.label("generated_by", version=__version__))
        source = self.record.source
        rows = [[self.label("relationship"), self.record.title],
                [self.label("source_file"), source.path],
                [self.label("sha256"), source.sha256]]
        self.table([self.label("field"), self.label("value")], rows, [0.2, 0.8])
        return True


# -- runs and tables, written as XML text --------------------------------------------------
# One parse per paragraph or table: python-docx's element API (add_tr, add_r ...) costs
# more than the rest of the document together on long tables.


def _run_xml(text: str, style_id: str | None = None) -> str:
    """A run holding `text` as plain character data: escaped, never markup or a field."""
    if not text:
        return ""
    style = f'<w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>' if style_id else ""
    return f'<w:r>{style}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _add_table(dossier, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
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
    xml += [_row_xml(row, styles, twips, is_header=False) for row in rows]
    dossier.body_end.addprevious(parse_xml("".join(xml) + "</w:tbl>"))


def _row_xml(values: list[str], style_ids: list[str], twips: list[int], is_header: bool) -> str:
    """One row that never splits across pages; the header row repeats on every page."""
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                    f'<w:pStyle w:val="{style_id}"/></w:pPr>{_run_xml(value)}</w:p></w:tc>'
                    for value, style_id, w in zip(values, style_ids, twips))
    header = "<w:tblHeader/>" if is_header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{cells}</w:tr>"


# -- fields: contents, page numbers --------------------------------------------------------


def _field_char(kind: str):
    return parse_xml(f'<w:r {_W}><w:fldChar w:fldCharType="{kind}"/></w:r>')


def _field_code(instruction: str):
    """A field instruction: only the exporter's own constants ever become field code."""
    if instruction not in FIELD_INSTRUCTIONS:
        raise ValueError(f"not a field this exporter writes: {instruction!r}")
    code = f'<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText>'
    return parse_xml(f"<w:r {_W}>{code}</w:r>")


def _append_field(p, instruction: str, cached: str) -> None:
    p.append(_field_char("begin"))
    p.append(_field_code(instruction))
    p.append(_field_char("separate"))
    p.append(parse_xml(f"<w:r {_W}><w:t>{escape(cached)}</w:t></w:r>"))
    p.append(_field_char("end"))


def _table_of_contents(dossier, anchor) -> None:
    """A TOC field spanning one paragraph per heading; the cached entries show the
    headings until Word (updateFields) recomputes them with page numbers."""
    entries = [(level, text) for level, text in dossier.headings if level <= 2 and text.strip()]
    p = anchor
    p.append(_field_char("begin"))
    p.append(_field_code(TOC_INSTRUCTION))
    p.append(_field_char("separate"))
    for index, (level, text) in enumerate(entries):
        if index:
            following = parse_xml(f"<w:p {_W}><w:pPr/></w:p>")
            p.addnext(following)
            p = following
        p.pPr.style = dossier.style(f"TOC {level}")
        p.append(parse_xml(f"<w:p {_W}>{_run_xml(text)}</w:p>")[0])
    p.append(_field_char("end"))


def _header_and_footer(dossier) -> None:
    """The relationship's title above every page, "Page N of M" below."""
    section = dossier.document.sections[0]
    section.different_first_page_header_footer = False
    header, footer = section.header, section.footer
    header.is_linked_to_previous = footer.is_linked_to_previous = False
    _replace_content(header._element, dossier.style("Header"), _run_xml(dossier.record.title))
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


# -- styles: taken from the template, or defined here from the layout ----------------------


def _hp(points: float) -> int:
    """Half-points, Word's unit of font size."""
    return round(points * 2)


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _border(edges: str, size: int, colour: str, space: int) -> str:
    lines = "".join(f'<w:{edge} w:val="single" w:sz="{size}" w:space="{space}" w:color="{colour}"/>'
                    for edge in edges.split())
    return f"<w:pBdr>{lines}</w:pBdr>"


def _ppr(*, keep=False, numbering="", border="", fill=None, tabs="", before=None, after=None,
         line=None, indent="", jc=None, outline=None) -> str:
    """A paragraph-properties element, its children in the order the schema requires."""
    spacing = "".join(f' w:{name}="{value}"' for name, value in
                      (("before", before), ("after", after), ("line", line)) if value is not None)
    if line is not None:
        spacing += ' w:lineRule="auto"'
    return ("<w:pPr>" + ("<w:keepNext/><w:keepLines/>" if keep else "") + numbering + border
            + (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "") + tabs
            + (f"<w:spacing{spacing}/>" if spacing else "") + indent
            + (f'<w:jc w:val="{jc}"/>' if jc else "")
            + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "") + "</w:pPr>")


def _rpr(*, font=None, bold=False, italic=False, caps=False, colour=None, size=None) -> str:
    fonts = (f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
             if font else "")
    return ("<w:rPr>" + fonts + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
            + ("<w:caps/>" if caps else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
            + (f'<w:sz w:val="{_hp(size)}"/><w:szCs w:val="{_hp(size)}"/>' if size else "") + "</w:rPr>")


@dataclass(frozen=True)
class _StyleSpec:
    name: str  # as python-docx and Word's Styles pane name it
    xml_name: str  # as styles.xml names it ("heading 1", "caption", "toc 1")
    kind: str  # paragraph, character or table
    properties: str
    based_on: str | None = "Normal"
    next_style: str | None = None


def _style_specs(layout, table_style: str, numbering: str) -> list[_StyleSpec]:
    """Every style the dossier uses, with its look derived from the layout."""
    f, c = layout.fonts, {k: v.lstrip("#") for k, v in layout.colors.items()}
    width = _twips(layout.page.width_mm - layout.page.margin_left_mm - layout.page.margin_right_mm)
    toc_tabs = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
    head = dict(font=f.headings, bold=True, colour=c["primary"])
    small = f.small_size + 0.5
    return [
        _StyleSpec("Normal", "Normal", "paragraph", "", based_on=None),
        _StyleSpec("Title", "Title", "paragraph", _ppr(keep=True, before=0, after=80, line=240)
                   + _rpr(**head, size=f.title_size)),
        _StyleSpec("Subtitle", "Subtitle", "paragraph", _ppr(keep=True, after=60)
                   + _rpr(font=f.headings, colour=c["muted"], size=f.heading_size)),
        _StyleSpec("Source Note", "Source Note", "paragraph",
                   _ppr(border=_border("bottom", 12, c["accent"], 8), after=360)
                   + _rpr(colour=c["muted"], size=f.small_size + 1.5)),
        _StyleSpec("Heading 1", "heading 1", "paragraph",
                   _ppr(keep=True, border=_border("bottom", 6, c["rule"], 4), before=360, after=120,
                        outline=0) + _rpr(**head, size=f.heading_size), next_style="Normal"),
        _StyleSpec("Heading 2", "heading 2", "paragraph", _ppr(keep=True, before=240, after=80, outline=1)
                   + _rpr(**head, size=f.heading_size * 0.8), next_style="Normal"),
        _StyleSpec("Heading 3", "heading 3", "paragraph", _ppr(keep=True, before=200, after=60, outline=2)
                   + _rpr(font=f.headings, bold=True, colour=c["text"], size=f.size + 1),
                   next_style="Normal"),
        _StyleSpec("List Bullet", "List Bullet", "paragraph", _ppr(numbering=numbering, after=40)),
        _StyleSpec("Caption", "caption", "paragraph", _ppr(keep=True, before=160, after=60)
                   + _rpr(bold=True, colour=c["muted"], size=f.size - 0.5)),
        _StyleSpec("Quote", "Quote", "paragraph",
                   _ppr(border=_border("left", 18, c["accent"], 10), after=120,
                        indent='<w:ind w:left="284" w:right="284"/>')
                   + _rpr(italic=True, colour=c["text"])),
        _StyleSpec("TOC Heading", "TOC Heading", "paragraph", _ppr(keep=True, before=120, after=120)
                   + _rpr(**head, size=f.heading_size), next_style="Normal"),
        _StyleSpec("TOC 1", "toc 1", "paragraph", _ppr(tabs=toc_tabs, before=60, after=20)
                   + _rpr(bold=True, colour=c["text"])),
        _StyleSpec("TOC 2", "toc 2", "paragraph", _ppr(tabs=toc_tabs, after=20,
                                                       indent='<w:ind w:left="284"/>')
                   + _rpr(colour=c["text"])),
        _StyleSpec("Header", "header", "paragraph", _ppr(border=_border("bottom", 4, c["rule"], 4), after=0)
                   + _rpr(colour=c["muted"], size=small)),
        _StyleSpec("Footer", "footer", "paragraph", _ppr(after=0, jc="center")
                   + _rpr(colour=c["muted"], size=small)),
        _StyleSpec("Analyst Notes Heading", "Analyst Notes Heading", "paragraph",
                   _ppr(keep=True, before=200, after=40)
                   + _rpr(bold=True, caps=True, colour=c["accent"], size=small), next_style="Analyst Notes"),
        _StyleSpec("Analyst Notes", "Analyst Notes", "paragraph",
                   _ppr(border=_border("top left bottom right", 4, c["rule"], 6), fill=c["light"],
                        after=240, line=360, indent='<w:ind w:left="120" w:right="120"/>')
                   + _rpr(colour=c["text"])),
        _StyleSpec("Table Text", "Table Text", "paragraph", _ppr(before=30, after=30, line=240)
                   + _rpr(size=f.size - 0.5)),
        _StyleSpec("Table Heading", "Table Heading", "paragraph", _ppr(keep=True)
                   + _rpr(bold=True, colour=c["on_primary"]), based_on="Table Text"),
        _StyleSpec("Table Source", "Table Source", "paragraph", _rpr(colour=c["muted"], size=small),
                   based_on="Table Text"),
        _StyleSpec("Citation", "Citation", "character", _rpr(colour=c["muted"], size=small), based_on=None),
        _StyleSpec(table_style, table_style, "table", _table_style_properties(c), based_on=None),
    ]


def _table_style_properties(c: dict) -> str:
    """Rules above and below, light row bands, a header row in the primary colour."""
    return (
        '<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>'
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
        f'<w:top w:val="single" w:sz="8" w:space="0" w:color="{c["primary"]}"/>'
        f'<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{c["primary"]}"/>'
        f'<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{c["rule"]}"/>'
        '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f'<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="{c["on_primary"]}"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{c["primary"]}"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="band2Horz">'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{c["light"]}"/></w:tcPr></w:tblStylePr>'
    )


def _install_styles(document, layout, table_style: str, restyle: bool) -> dict[str, str]:
    """Define the dossier's styles; with `restyle` False (a user's template) only those
    the template lacks. Returns style name -> style id."""
    styles = document.styles.element
    numbering = _bullet_numbering(document)
    ids = {}
    for spec in _style_specs(layout, table_style, numbering):
        existing = _find_style(document, spec.name, spec.xml_name)
        if existing is not None and not restyle:
            ids[spec.name] = existing.get(qn("w:styleId"))
            continue
        style_id = existing.get(qn("w:styleId")) if existing is not None else _new_id(styles, spec.name)
        element = parse_xml(_style_xml(spec, style_id, ids))
        if existing is not None:
            existing.addprevious(element)
            styles.remove(existing)
        else:
            styles.append(element)
        ids[spec.name] = style_id
    _set_defaults(document, layout, restyle)
    return ids


def _find_style(document, *names: str):
    for name in names:
        try:
            return document.styles[name].element
        except KeyError:
            continue
    return None


def _new_id(styles, name: str) -> str:
    """An id no style of the document has yet ("TableText", else "TableText2" ...)."""
    taken = {style.get(qn("w:styleId")) for style in styles.iterfind(qn("w:style"))}
    base = "".join(ch for ch in name if ch.isalnum())
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    return candidate


def _style_xml(spec: _StyleSpec, style_id: str, ids: dict[str, str]) -> str:
    based_on = f'<w:basedOn w:val="{ids[spec.based_on]}"/>' if spec.based_on else ""
    next_id = ids.get(spec.next_style, (spec.next_style or "").replace(" ", ""))
    next_style = f'<w:next w:val="{next_id}"/>' if spec.next_style else ""
    default = ' w:default="1"' if spec.name == "Normal" else ""
    return (f'<w:style {_W} w:type="{spec.kind}"{default} w:styleId="{style_id}">'
            f'<w:name w:val="{spec.xml_name}"/>{based_on}{next_style}<w:qFormat/>{spec.properties}</w:style>')


def _bullet_numbering(document) -> str:
    """The numbering the template's List Bullet style uses (kept when it is restyled)."""
    from lxml import etree

    style = _find_style(document, "List Bullet")
    num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") if style is not None else None
    if num is None:
        return ""
    return etree.tostring(num).decode().replace(f' xmlns:w="{num.nsmap["w"]}"', "")


def _set_defaults(document, layout, restyle: bool) -> None:
    """Body font, size, colour and spacing for every style; the language always."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {_W}/>")
        styles.insert(0, defaults)
    if defaults.find(qn("w:rPrDefault")) is None:
        defaults.insert(0, parse_xml(f"<w:rPrDefault {_W}><w:rPr/></w:rPrDefault>"))
    if defaults.find(qn("w:pPrDefault")) is None:
        defaults.append(parse_xml(f"<w:pPrDefault {_W}><w:pPr/></w:pPrDefault>"))
    r_pr_default, p_pr_default = defaults.find(qn("w:rPrDefault")), defaults.find(qn("w:pPrDefault"))
    if restyle:
        f = layout.fonts
        r_pr = _rpr(font=f.body, colour=layout.colors["text"].lstrip("#"), size=f.size)
        _replace_children(r_pr_default, r_pr.replace("<w:rPr>", f"<w:rPr {_W}>", 1))
        _replace_children(p_pr_default, f'<w:pPr {_W}><w:spacing w:after="120" w:line="264" '
                                        'w:lineRule="auto"/></w:pPr>')
    language = layout.metadata.get("language", "")
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = parse_xml(f"<w:rPr {_W}/>")
        r_pr_default.append(r_pr)
    if language:
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        lang.set(qn("w:val"), language)


def _replace_children(parent, xml: str) -> None:
    for child in list(parent):
        parent.remove(child)
    parent.append(parse_xml(xml))
