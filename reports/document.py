"""The parsed article every reader produces and the fact rules read: title, infobox,
lead, sections and blocks, each with its source line and the refs that follow its text.

Plain data below both readers and loader (as pandoc's Definition): it imports nothing
of ours. Readers know formats (reports/readers/); this module knows only the structure they
share. A reader turns its input into a sequence of `Line`s (a heading, a paragraph, a
list item, a table) and `build_article` groups them the same way for every form: a
line just above a list is its caption, blank lines separate nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple

Refs = tuple[tuple[int, str], ...]  # (offset in the text where a ref follows, citation id)


class Text(NamedTuple):
    """One unit of text: its words, its 1-based source line, and the refs that follow
    places in it (a ref at offset n follows the text up to n). A named tuple, immutable
    like a frozen dataclass: a reader makes one per line, and a tuple is made several
    times faster."""

    text: str
    line: int
    refs: Refs = ()

    @property
    def cites(self) -> tuple[str, ...]:
        """Every citation id of the text, in order, once."""
        if not self.refs:
            return ()  # most texts have none
        return tuple(dict.fromkeys(ref for _, ref in self.refs))

    def cites_between(self, start: int, end: int) -> tuple[str, ...]:
        """The citation ids of the refs that follow text[start:end] (a sentence): those
        placed after its start and no later than its end."""
        return tuple(dict.fromkeys(ref for offset, ref in self.refs if start < offset <= end))


@dataclass
class Paragraph:
    text: Text
    bold: bool = False  # the whole line is bold: in wikitext, how a caption is written


@dataclass
class ItemList:
    caption: Text | None
    items: list[Text] = field(default_factory=list)


@dataclass
class Table:
    """A table: header cells, and one Text per row whose `cells` are the row's cells."""
    caption: Text | None
    header: list[str]
    rows: list[Row]
    line: int


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    line: int
    refs: Refs = ()

    @property
    def cites(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ref for _, ref in self.refs))


@dataclass
class Section:
    heading: str
    level: int
    line: int
    blocks: list = field(default_factory=list)


@dataclass
class Article:
    title: str
    title_line: int
    infobox: list[Text]          # "Key: value" lines
    lead: list                   # blocks before the first section
    sections: list[Section]
    citations: list = field(default_factory=list)  # reports.model.Citation, one per ref


# -- what readers produce ---------------------------------------------------------------

HEADING, TEXT, ITEM, TABLE = "heading", "text", "item", "table"


class Line(NamedTuple):
    """One structural line of an article, in any input form (a named tuple, as `Text`).

    kind HEADING: `text` is the heading, `level` 2-6; TEXT: a paragraph (`bold` when
    the whole line is bold, a caption's usual form in wikitext); ITEM: a list item;
    TABLE: `table` holds it.
    """

    kind: str
    text: Text
    level: int = 0
    bold: bool = False
    table: Table | None = None


def build_article(title: str, title_line: int, infobox: list[Text], lines: list[Line],
                  citations: list | None = None) -> Article:
    """Sections and blocks from a reader's lines."""
    lead: list[Line] = []
    headed: list[tuple[Section, list[Line]]] = []
    current = lead
    for line in lines:
        if line.kind == HEADING:
            headed.append((Section(line.text.text, line.level, line.text.line), []))
            current = headed[-1][1]
        else:
            current.append(line)
    sections = []
    for section, section_lines in headed:
        section.blocks = _blocks(section_lines)
        sections.append(section)
    return Article(title, title_line, infobox, _blocks(lead), sections, list(citations or ()))


def _blocks(lines: list[Line]) -> list:
    """Group lines into paragraphs, lists and tables; a paragraph just above a list is
    its caption (blank lines separate nothing: a caption may stand a blank line above
    its list, and items with blank lines between them are still one list); a bold
    paragraph just above a table without a caption of its own is the table's."""
    blocks: list = []
    for line in lines:
        if line.kind == ITEM:
            if not line.text.text:
                continue
            if blocks and isinstance(blocks[-1], ItemList):
                blocks[-1].items.append(line.text)
            elif blocks and isinstance(blocks[-1], Paragraph):
                blocks[-1] = ItemList(blocks[-1].text, [line.text])
            else:
                blocks.append(ItemList(None, [line.text]))
        elif line.kind == TABLE:
            table = line.table
            if table.caption is None and blocks and isinstance(blocks[-1], Paragraph) and blocks[-1].bold:
                table.caption = blocks.pop().text
            blocks.append(table)
        elif line.text.text:
            blocks.append(Paragraph(line.text, line.bold))
    return blocks


def texts(blocks: list, captions: bool = True) -> Iterator[Text]:
    """Every unit of running text in the blocks: paragraphs, captions and list items, in
    order (tables hold cells, not running text: see `tables`)."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, ItemList):
            if captions and block.caption:
                yield block.caption
            yield from block.items
        elif captions and block.caption:
            yield block.caption


# -- one article as a reader found it -------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Where a page of a MediaWiki dump (or a wiki) comes from."""
    title: str
    revision: str | None = None
    timestamp: str | None = None
    url: str | None = None


@dataclass
class Document:
    """One article as a reader found it: the parsed article, or the error that kept it
    from being read (a page of a dump), with the reader's warnings."""
    article: Article | None
    sha256: str                 # of the bytes it was read from (a dump page: its text)
    warnings: list[Any] = field(default_factory=list)  # reports.errors.Diagnostic
    page: Page | None = None
    error: Any = None           # a Diagnostic: a page of a dump that cannot be read
