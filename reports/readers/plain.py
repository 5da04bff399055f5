"""The plain form of RECORD.md: `= Title =`, `== Heading ==`, `- item`, the `Infobox`
residue, one paragraph per line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..errors import ArticleError
from ..document import HEADING, ITEM, TEXT, Document, Line, Text, build_article
from ._text import read_text

NAME = "plain"
EXTENSIONS = (".txt",)
DESCRIPTION = "the plain form: '= A–B relations =' title line, '== Heading ==', '- item' lists"

_TITLE = re.compile(r"^=(?!=)\s*(.*?)\s*=$")
_HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*\1$")
_BLANKS = re.compile(r"[ \t]{2,}|\t")
_ITEM = re.compile(r"^-(?:\s+|$)")
_INFOBOX = "infobox"


def sniff(head: str) -> bool:
    first = next((line for line in head.split("\n") if line.strip()), "")
    return bool(_TITLE.match(squeeze(first)))


def documents(path: Path, shown: str, max_bytes: int, tally=None) -> Iterator[Document]:
    text, digest, warnings = read_text(path, shown, max_bytes)
    yield Document(parse(text, shown), digest, warnings)


def parse(text: str, shown: str):
    """The article structure of plain text (already decoded and cleaned)."""
    raw_lines = text.split("\n")
    first = next((i for i, raw in enumerate(raw_lines) if raw.strip()), None)
    if first is None:
        raise ArticleError(shown, None, "the article is empty")
    title = _TITLE.match(squeeze(raw_lines[first]))
    if not title or not title.group(1):
        raise ArticleError(shown, first + 1, "the first line is not a title of the form '= A–B relations ='")
    # Blank lines separate nothing (see build_article): only the others become units.
    units = [Text(line, number) for number, raw in enumerate(raw_lines[first + 1:], start=first + 2)
             if (line := squeeze(raw))]
    infobox, body = _split_infobox(units)
    return build_article(title.group(1), first + 1, infobox, [_line(unit) for unit in body])


def squeeze(line: str) -> str:
    """A line with its runs of spaces and tabs made one space: they carry no meaning in a
    one-line paragraph, and no pattern downstream then meets a long run of blanks."""
    line = line.strip()
    # Most lines have no such run: two substring tests are far cheaper than the regex.
    return _BLANKS.sub(" ", line) if "  " in line or "\t" in line else line


def _line(unit: Text) -> Line:
    # The first character tells most lines apart without a pattern.
    heading = unit.text[:2] == "==" and _HEADING.match(unit.text)
    if heading:
        return Line(HEADING, Text(heading.group(2), unit.line), level=len(heading.group(1)))
    item = unit.text[:1] == "-" and _ITEM.match(unit.text)
    if item:
        return Line(ITEM, Text(unit.text[item.end():], unit.line))
    return Line(TEXT, unit)


def _split_infobox(lines: list[Text]) -> tuple[list[Text], list[Text]]:
    """The `Infobox` line and the `- Key: value` lines after it, before the lead (the
    lines are the non-blank ones)."""
    if not lines or lines[0].text.lower() != _INFOBOX:
        return [], lines
    end = 1
    while end < len(lines) and _ITEM.match(lines[end].text):
        end += 1
    items = [Text(_ITEM.sub("", line.text, count=1), line.line) for line in lines[1:end]]
    return items, lines[end:]
