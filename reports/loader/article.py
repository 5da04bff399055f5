"""Article text -> structure: title, infobox, lead, sections and blocks with line numbers.

This is the only place that knows the article's markup (`= Title =`, `== Heading ==`,
`- item`, captions above lists, the infobox residue). Facts are read later, from the
structure built here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from ..errors import ArticleError

_TITLE = re.compile(r"^=(?!=)\s*(.*?)\s*=$")
_HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*\1$")
_BLANKS = re.compile(r"[ \t]{2,}|\t")
_ITEM = re.compile(r"^-(?:\s+|$)")
_INFOBOX = "infobox"


@dataclass(frozen=True)
class Text:
    """One line of the article: its text and 1-based line number."""

    text: str
    line: int


@dataclass
class Paragraph:
    text: Text


@dataclass
class ItemList:
    caption: Text | None
    items: list[Text] = field(default_factory=list)


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
    infobox: list[Text]
    lead: list  # blocks before the first section
    sections: list[Section]


def parse_article(text: str, path: str) -> Article:
    """Split article text into its parts. `text` is already decoded and cleaned."""
    lines = text.split("\n")
    first = next((i for i, raw in enumerate(lines) if raw.strip()), None)
    if first is None:
        raise ArticleError(path, None, "the article is empty")
    title_match = _TITLE.match(_squeeze(lines[first]))
    if not title_match or not title_match.group(1):
        raise ArticleError(path, first + 1, "the first line is not a title of the form '= A–B relations ='")
    numbered = [Text(_squeeze(raw), number) for number, raw in enumerate(lines, start=1)][first + 1:]
    infobox, body = _split_infobox(numbered)
    lead, sections = _split_sections(body)
    return Article(title_match.group(1), first + 1, infobox, lead, sections)


def _squeeze(line: str) -> str:
    """A line with its runs of spaces and tabs made one space: they carry no meaning in a
    one-line paragraph, and no pattern downstream then meets a long run of blanks."""
    return _BLANKS.sub(" ", line.strip())


def _split_infobox(lines: list[Text]) -> tuple[list[Text], list[Text]]:
    """The `Infobox` line and the `- Key: value` lines after it, before the lead."""
    start = next((i for i, line in enumerate(lines) if line.text), None)
    if start is None or lines[start].text.lower() != _INFOBOX:
        return [], lines
    end = start + 1
    while end < len(lines) and (not lines[end].text or _ITEM.match(lines[end].text)):
        end += 1
    items = [Text(_ITEM.sub("", line.text, count=1), line.line) for line in lines[start + 1:end] if line.text]
    return items, lines[end:]


def _split_sections(lines: list[Text]) -> tuple[list, list[Section]]:
    lead_lines: list[Text] = []
    sections: list[Section] = []
    current = lead_lines
    for line in lines:
        heading = _HEADING.match(line.text)
        if heading:
            sections.append(Section(heading.group(2), len(heading.group(1)), line.line, []))
            current = sections[-1].blocks
        else:
            current.append(line)
    for section in sections:
        section.blocks = _blocks(section.blocks)
    return _blocks(lead_lines), sections


def _blocks(lines: list[Text]) -> list:
    """Group lines into paragraphs and lists; a line just above a list is its caption.

    Blank lines separate nothing: a caption may stand a blank line above its list, and
    items with blank lines between them are still one list.
    """
    blocks: list = []
    for line in lines:
        if not line.text:
            continue
        if _ITEM.match(line.text):
            item = Text(_ITEM.sub("", line.text, count=1), line.line)
            if not item.text:
                continue
            if blocks and isinstance(blocks[-1], ItemList):
                blocks[-1].items.append(item)
            elif blocks and isinstance(blocks[-1], Paragraph):
                blocks[-1] = ItemList(blocks[-1].text, [item])
            else:
                blocks.append(ItemList(None, [item]))
        else:
            blocks.append(Paragraph(line))
    return blocks


def texts(blocks: list, captions: bool = True) -> Iterator[Text]:
    """Every line of text in the blocks: paragraphs, captions and list items, in order."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            if captions and block.caption:
                yield block.caption
            yield from block.items
