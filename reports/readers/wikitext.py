"""Wikipedia's wikitext, as the edit view of a page holds it.

mwparserfromhell does the parsing: it is the parser Wikipedia's own tools use from
Python, it knows templates, links, tags, tables and nesting (which regular
expressions get wrong: a `|` inside a link inside a template), and it keeps every
node's source text, so each block keeps its line. This module walks the page's
top-level nodes into the lines every reader produces (headings, paragraphs, list
items, tables), with the refs that follow each text as citation ids; `_wikicode`
renders inline text and `_citations` reads refs.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path
from typing import Iterator

from ..errors import ArticleError, Diagnostic
from ..document import HEADING, ITEM, TABLE, TEXT, Document, Line, Page, Text, build_article
from ._text import clean, read_text
from ._wikitables import read_table
from ._wikititle import infer_title
from .header import read_note

NAME = "wikitext"
EXTENSIONS = (".wiki", ".wikitext", ".mediawiki")
DESCRIPTION = "Wikipedia's wikitext (a page's edit view): templates, refs and tables read"

_SNIFF = re.compile(r"'''|\[\[|\{\{|<ref[\s>/]|^\{\|", re.MULTILINE)
# A mark _SNIFF needs: substring tests rule out most plain text far faster than the regex.
_SNIFF_MARKS = ("'''", "[[", "{{", "<ref", "{|")
_TITLE_LINE = re.compile(r"^\s*=(?!=)\s*([^=\n].*?)\s*=\s*$")
_BOLD_LINE = re.compile(r"^'''(?!')(.+?)(?<!')'''[.:]?$")
_QUOTES = re.compile(r"'{2,5}")
_BLANKS = re.compile(r"\s+")
_CELL_BULLET = re.compile(r"^\s*[*#:;]+\s*")  # a list's marker at the start of a cell's line
_MAGIC_WORDS = re.compile(r"__[A-Z]+__")
# Markup the parser left as text because it is not closed (or not opened): `{{cite web|…`
# with no `}}`, a `<ref>` with no `</ref>`, a stray `}}`, a `{|` table never closed.
_UNBALANCED = re.compile(r"\{\{|\}\}|<ref\b[^>]*>|</ref>|^\{\||^\|\}", re.IGNORECASE | re.MULTILINE)
# Sections that hold the page's apparatus, not its text.
_APPARATUS = re.compile(r"^(?:references?|notes?|footnotes?|citations?|sources?|bibliography|works cited|"
                        r"notes and references|references and notes|explanatory notes|general references|"
                        r"specific references|inline citations)$", re.IGNORECASE)
_LINKS_SECTION = re.compile(r"^(?:external links?|further reading|external sources)$", re.IGNORECASE)
# A line starting so ends the paragraph above it (a list, a table, a heading, a file, a template).
_STRUCTURE = ("*", "#", ";", ":", "=", "{|", "|", "!", "[[File:", "[[Image:", "[[file:", "[[image:", "{{", "<!--")
_INFOBOX = re.compile(r"^infobox\b", re.IGNORECASE)
_BILATERAL_INFOBOX = re.compile(r"^infobox (?:bilateral|bilateral relations|diplomatic relations)", re.IGNORECASE)


def sniff(head: str) -> bool:
    # A mark's first character is one fast scan (a one-character search is many times
    # faster than a longer one), and plain text rarely has "[", "{" or "<" at all.
    return any(mark[0] in head and mark in head for mark in _SNIFF_MARKS) and bool(_SNIFF.search(head))


def documents(path: Path, shown: str, max_bytes: int, tally=None) -> Iterator[Document]:
    text, digest, warnings = read_text(path, shown, max_bytes)
    page, text, note_warning = read_note(text)
    if note_warning:
        warnings.append(Diagnostic(shown, 1, "warning", note_warning))
    if page is not None:  # a page `reports fetch` wrote: read as a dump's page is, its revision its source
        document = page_document(page, text, shown, max_bytes)
        document.warnings[:0] = warnings
        yield document
        return
    article, parse_warnings = parse(text, shown, file_name=path.name)
    yield Document(article, digest, warnings + parse_warnings)


def page_document(page: Page, text: str, shown: str, max_bytes: int) -> Document:
    """A wiki page's text (a dump's page, a fetched page) with the page as its source;
    a page that cannot be read is a Document with its error, so the pages after it still come."""
    where = f"{shown}[{page.title}]"
    if len(text.encode("utf-8")) > max_bytes:
        return Document(None, "", [], page, Diagnostic(where, None, "error",
                                                       f"the page text is over the limit of {max_bytes:,} bytes"))
    cleaned, warnings = clean(text, where)
    try:
        article, parse_warnings = parse(cleaned, where, title=page.title)
    except ArticleError as error:
        return Document(None, "", warnings, page, Diagnostic(where, error.line, "error", error.message))
    digest = hashlib.sha256(f"{page.revision}\n{text}".encode()).hexdigest()
    return Document(article, digest, warnings + parse_warnings, page)


def parse(text: str, shown: str, title: str | None = None, file_name: str | None = None):
    """(article structure, warnings) of a page's wikitext. `title` is the page's title
    when known (a dump); otherwise it is found as `_wikititle.infer_title` says."""
    import mwparserfromhell

    try:
        code = mwparserfromhell.parse(text, skip_style_tags=True)
    except Exception as error:  # the parser is lenient; a failure here is its bug, told as input
        raise ArticleError(shown, None, f"the wikitext cannot be parsed: {error}") from None
    page = _Page(text, shown)
    page.walk(code)
    found_title, title_line = title, 1
    if found_title is None:
        found_title, title_line = infer_title(page, file_name, shown, EXTENSIONS)
    article = build_article(found_title, title_line if page.title_line is None else page.title_line,
                            page.infobox, page.lines, page.citations())
    return article, page.warnings


class _Page:
    """The walk over a page's top-level nodes: lines, infobox, refs, title clues."""

    def __init__(self, text: str, shown: str):
        from ._wikicode import Renderer

        self.source = text
        self.shown = shown
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]
        self.lines: list[Line] = []
        self.infobox: list[Text] = []
        self.infobox_title: tuple[str, int] | None = None
        self.title: str | None = None
        self.title_line: int | None = None
        self.bold_names: list[tuple[str, int]] = []
        self.warnings: list[Diagnostic] = []
        self.refs: list[tuple[str, int]] = []   # (citation id, line) in order of use
        self.definitions: dict[str, object] = {}
        self.ref_order: dict[str, None] = {}
        self.unnamed = 0
        self.works: dict = {}         # the bibliography's works, for short citations
        self.short_keys: dict = {}    # {sfn id: (surnames, year)}
        self.renderer = Renderer(self._on_ref)
        self.link_renderer = Renderer(self._on_ref, show_urls=True)
        self.offset = 0
        self.section_kind = "body"           # body | apparatus | links
        self.buffer: list[str] = []
        self.buffer_kind = TEXT
        self.buffer_line = 1
        self.blank_before = True

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset - 1) + 1

    # -- refs -----------------------------------------------------------------------------

    def _on_ref(self, tag) -> str:
        from ._citations import is_definition, ref_name
        from ._wikicode import template_name

        if type(tag).__name__ == "Template":  # {{sfn|Smith|2009|p=4}}, {{r|name}}
            name = template_name(tag)
            params = [str(p.value).strip() for p in tag.params if not p.showkey]
            if name == "r":
                ids = [p for p in params if p]
                return "".join(self._use(ref, None) for ref in ids)
            if name in ("refn", "efn", "efn-ua", "efn-lr"):  # a footnote: its text is the citation
                self.unnamed += 1
                return self._use(f"c{self.unnamed}", tag)
            from ._citations import short_key

            key = _BLANKS.sub("-", "sfn-" + "-".join(p for p in params if p))
            self.short_keys.setdefault(key, short_key(tag))
            return self._use(key, None, short=" ".join(params))
        name = ref_name(tag)
        if name is None:
            if not is_definition(tag):
                return ""
            self.unnamed += 1
            return self._use(f"c{self.unnamed}", tag)
        if is_definition(tag):
            self.definitions.setdefault(name, tag)
        return self._use(name, None)

    def _use(self, ref_id: str, tag, short: str | None = None) -> str:
        from ._wikicode import REF_CLOSE, REF_OPEN

        if tag is not None:
            self.definitions.setdefault(ref_id, tag)
        if short is not None:
            self.definitions.setdefault(ref_id, short)
        self.ref_order.setdefault(ref_id, None)
        self.refs.append((ref_id, self.line_of(self.offset)))
        return f"{REF_OPEN}{ref_id}{REF_CLOSE}"

    def citations(self):
        from ..model import Citation
        from ._citations import citation, short_citation

        found = []
        reported = set()
        for ref_id in self.ref_order:
            definition = self.definitions.get(ref_id)
            if definition is None:
                line = next(line for used, line in self.refs if used == ref_id)
                if ref_id not in reported:
                    reported.add(ref_id)
                    self.warnings.append(Diagnostic(self.shown, line, "warning",
                                                    f"the ref {ref_id!r} is used but never defined"))
                found.append(Citation(ref_id))
            elif isinstance(definition, str):
                work = short_citation(ref_id, self.short_keys.get(ref_id), self.works, _plain_renderer().inline)
                found.append(work if work.title or work.url else Citation(ref_id, title=definition))
            else:
                found.append(citation(ref_id, definition, _plain_renderer().inline, self.works))
        return found

    # -- the walk -------------------------------------------------------------------------

    def walk(self, code) -> None:
        self._collect_definitions(code)
        for node in code.nodes:
            self.visit(node)
            self.offset += len(str(node))
        self.flush()

    def _collect_definitions(self, code) -> None:
        """Named refs defined anywhere (in {{Reflist|refs=}} too), so a use before its
        definition still finds it."""
        from ._citations import bibliography, is_definition, ref_name

        self.works = bibliography(code)
        for tag in code.filter_tags(matches=lambda n: str(n.tag).strip().lower() == "ref"):
            name = ref_name(tag)
            if name and is_definition(tag):
                self.definitions.setdefault(name, tag)

    def visit(self, node) -> None:
        kind = type(node).__name__
        if kind == "Text":
            self.text(node.value)
        elif kind == "Heading":
            self.heading(node)
        elif kind == "Tag" and node.wiki_markup in ("*", "#"):
            self.start(ITEM)
        elif kind == "Tag" and node.wiki_markup == ";":
            self.start(TEXT, bold=True)
        elif kind == "Tag" and node.wiki_markup == ":":
            if self.buffer_kind == ITEM and not "".join(self.buffer).strip():
                return  # "*:" continues an item
            self.start(TEXT)
        elif kind == "Tag" and node.wiki_markup == "{|":
            self.flush()
            self.table(node)
        elif kind == "Tag" and str(node.tag).lower() in ("div", "center", "blockquote") and "\n" in str(node.contents or ""):
            self.flush()
            self.walk_inside(node.contents, self.offset + len(str(node)) - len(str(node.contents)) -
                             len(f"</{node.tag}>"))
        elif kind == "Template" and self.block_template(node):
            pass
        elif kind == "Comment":
            pass
        else:
            self.append(node)

    def walk_inside(self, code, start: int) -> None:
        saved = self.offset
        self.offset = start
        for child in code.nodes:
            self.visit(child)
            self.offset += len(str(child))
        self.flush()
        self.offset = saved

    def text(self, value: str) -> None:
        parts = value.split("\n")
        consumed = 0
        for index, part in enumerate(parts):
            if index:
                self.newline(self.offset + consumed - 1)
            if part:
                if not self.buffer:
                    self.buffer_line = self.line_of(self.offset + consumed)
                stray = _UNBALANCED.search(part)
                if stray and self.section_kind != "apparatus":
                    self.warnings.append(Diagnostic(
                        self.shown, self.line_of(self.offset + consumed + stray.start()), "warning",
                        f"unbalanced {stray.group(0)!r}: shown as text"))
                self.buffer.append(_MAGIC_WORDS.sub("", part))
            consumed += len(part) + 1

    def append(self, node) -> None:
        renderer = self.link_renderer if self.section_kind == "links" else self.renderer
        rendered = renderer.node(node)
        if rendered:
            if not self.buffer:
                self.buffer_line = self.line_of(self.offset)
            self.buffer.append(rendered.replace("\n", " "))

    def newline(self, offset: int) -> None:
        """A line ends: an item or a bold line ends with it; a paragraph goes on over a
        single newline and ends at a blank line or where a list, table or heading starts."""
        if self.buffer_kind == TEXT and not self.buffer_bold and "".join(self.buffer).strip() \
                and not self.block_follows(offset):
            self.buffer.append(" ")
            return
        self.flush()

    def block_follows(self, offset: int) -> bool:
        """Is the line after the newline at `offset` blank, or the start of a structure?"""
        end = self.source.find("\n", offset + 1)
        following = self.source[offset + 1: end if end >= 0 else None].lstrip()
        return not following or following.startswith(_STRUCTURE)

    def start(self, kind: str, bold: bool = False) -> None:
        self.flush()
        self.buffer_kind = kind
        self.buffer_bold = bold
        self.buffer_line = self.line_of(self.offset)

    buffer_bold = False

    def flush(self) -> None:
        raw = "".join(self.buffer)
        kind, bold, line = self.buffer_kind, self.buffer_bold, self.buffer_line
        self.buffer, self.buffer_kind, self.buffer_bold = [], TEXT, False
        if self.section_kind == "apparatus":
            return
        unit, whole_bold = _unit(raw, line)
        if unit is None:
            return
        self.note_bold_names(raw, line)
        self.lines.append(Line(kind, unit, bold=bold or whole_bold))

    def note_bold_names(self, raw: str, line: int) -> None:
        if not self.lines or len(self.bold_names) < 6:
            if not any(l.kind == HEADING for l in self.lines):
                for match in re.finditer(r"'''(?!')(.+?)(?<!')'''", raw):
                    name = _QUOTES.sub("", match.group(1)).strip()
                    if name and len(name) < 60:
                        self.bold_names.append((name, line))

    def heading(self, node) -> None:
        self.flush()
        line = self.line_of(self.offset)
        shown = _BLANKS.sub(" ", _QUOTES.sub("", self.renderer.render(node.title))).strip()
        from ._wikicode import REF_MARK
        shown = REF_MARK.sub("", shown).strip()
        if node.level == 1 and self.title is None and not self.lines and not self.infobox:
            self.title, self.title_line = shown, line
            return
        level = max(2, min(node.level, 6))
        if _APPARATUS.match(shown):
            self.section_kind = "apparatus"
        elif _LINKS_SECTION.match(shown):
            self.section_kind = "links"
        elif level == 2:
            self.section_kind = "body"  # a subsection keeps its section's kind
        if self.section_kind == "apparatus":
            return
        self.lines.append(Line(HEADING, Text(shown, line), level=level))

    # -- block templates ------------------------------------------------------------------

    def block_template(self, node) -> bool:
        """Templates that stand for a block: the infobox (read into the record's
        infobox), and everything of one line that renders to nothing (hatnotes,
        navboxes, {{Reflist}}); False for inline templates."""
        from ._wikicode import template_name

        name = template_name(node)
        if _INFOBOX.match(name):
            self.read_infobox(node, bilateral=bool(_BILATERAL_INFOBOX.match(name)))
            return True
        return False

    def read_infobox(self, node, bilateral: bool) -> None:
        offset = self.offset + len("{{") + len(str(node.name))
        positional = 0
        for param in node.params:
            text = str(param)
            line = self.line_of(offset + 1)
            offset += len(text) + 1
            value = self.renderer.inline(param.value)
            from ._wikicode import REF_MARK
            value = _BLANKS.sub(" ", REF_MARK.sub("", _QUOTES.sub("", value))).strip()
            if not param.showkey:
                positional += 1
                if bilateral and positional == 1 and value and self.infobox_title is None:
                    self.infobox_title = (value, line)
                continue
            key = str(param.name).strip()
            if value:
                self.infobox.append(Text(f"{key}: {value}", line))

    # -- tables ---------------------------------------------------------------------------

    def table(self, node) -> None:
        """A `{| … |}` table: its caption, header cells and rows (rowspans filled down)."""
        table = read_table(self, node)
        if table is not None and self.section_kind != "apparatus":
            self.lines.append(Line(TABLE, Text(table.caption.text if table.caption else "", table.line), table=table))

    def cell_text(self, code, offset: int) -> str:
        """A cell's text, one line per line the cell shows: its <br>s, list templates and
        bulleted lines ("* President A") each start a line; other blanks are one space."""
        saved, breaks = self.offset, self.renderer.breaks
        self.offset, self.renderer.breaks = offset, "\n"
        from ._wikicode import REF_MARK
        try:
            text = REF_MARK.sub("", self.renderer.render(code))
        finally:
            self.offset, self.renderer.breaks = saved, breaks
        lines = (_BLANKS.sub(" ", _CELL_BULLET.sub("", line)).strip() for line in _QUOTES.sub("", text).split("\n"))
        return "\n".join(line for line in lines if line)


def _unit(raw: str, line: int) -> tuple[Text | None, bool]:
    """Rendered line -> a Text with its refs taken out (offsets kept), and whether the
    whole line was bold."""
    from ._wikicode import REF_MARK

    raw = raw.strip()
    bare = REF_MARK.sub("", raw).strip()
    whole_bold = bool(_BOLD_LINE.match(bare))
    out = ""
    refs = []
    position = 0
    for match in REF_MARK.finditer(raw):
        out = _join(out, raw[position:match.start()])
        refs.append((len(out.rstrip()), match.group(1)))
        position = match.end()
    out = _join(out, raw[position:])
    text = out.strip()
    lead = len(out) - len(out.lstrip())
    refs = [(max(0, offset - lead), ref) for offset, ref in refs]
    if not text:
        return None, False
    # Bold and italic marks go; offsets shift by the marks removed before each ref.
    if "''" in text:
        shifted = []
        for offset, ref in refs:
            shifted.append((len(_QUOTES.sub("", text[:offset])), ref))
        text, refs = _QUOTES.sub("", text), shifted
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        text, refs = stripped, [(max(0, o - lead), r) for o, r in refs]
        if not text:
            return None, False
    return Text(text, line, tuple(refs)), whole_bold


def _join(done: str, part: str) -> str:
    part = _BLANKS.sub(" ", part)
    if done.endswith(" ") and part.startswith(" "):
        part = part[1:]
    return done + part


def _plain_renderer():
    from ._wikicode import Renderer

    return Renderer(lambda tag: "")
