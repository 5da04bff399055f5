"""Multistream dumps read by their index: only the bz2 streams that hold wanted pages.

Wikipedia's `…-pages-articles-multistream.xml.bz2` is a series of bz2 streams: the
first holds the `<mediawiki>` start and `<siteinfo>`, then each holds 100 pages, the
last the closing tag. `…-multistream-index.txt.bz2` has a line `offset:page_id:title`
per page, `offset` being the byte where the page's stream starts and the title
XML-escaped. Seeking to an offset and decompressing until the stream ends
(bz2.BZ2Decompressor stops there) gives that stream's pages and nothing else.
"""

from __future__ import annotations

import bz2
import re
from html import unescape
from pathlib import Path
from typing import Callable

from ..errors import ArticleError

DUMP_ENDING = "-multistream.xml.bz2"
INDEX_ENDING = "-multistream-index.txt.bz2"
MAX_STREAM = 256 << 20  # one stream's XML; more means the offset starts no multistream block
_CHUNK = 1 << 16
_PIECE = 1 << 16
_INDEX_CHUNK = 4 << 20
_INDEX_LINE = re.compile(r"^[0-9]+:[0-9]+:.*\S.*$", re.M)  # what _fields accepts, for a whole chunk at once
_NOTHING = re.compile(r"(?!)")
_PAGE_END = b"</page>"
_TITLE = re.compile(rb"<title>([^<]*)</title>")
_BASE = re.compile(rb"<base>([^<]*)</base>")
_NAMESPACE = re.compile(rb'<namespace\s[^>]*?key="(-?\d+)"[^>]*>([^<]*)</namespace>')


def beside(dump: Path) -> Path | None:
    """The index Wikipedia publishes beside `<prefix>-multistream.xml.bz2`, if present."""
    name = dump.name
    if not name.endswith(DUMP_ENDING):
        return None
    index = dump.with_name(name[: -len(DUMP_ENDING)] + INDEX_ENDING)
    return index if index.is_file() else None


def wanted(index: Path, shown: str, passed_over: Callable[[str], str | None], tally,
           namespaces: set[str] = frozenset(), marker: str | None = None) -> list[tuple[int, set[str]]]:
    """(offset, titles) of every stream holding a wanted title, in dump order, read from
    the index alone; `passed_over(title)` says why a title is not wanted (None: it is),
    and those titles are counted in `tally` by that reason.

    With a `marker` that every wanted title holds (and `namespaces`, the names whose
    titles `passed_over` calls "pages in other namespaces"), the lines without it and
    without an XML reference cannot be wanted: they are counted a few megabytes at a
    time by regular expressions, not judged one by one (enwiki's index has ~24 million
    lines, a few thousand of them relations titles)."""
    streams: dict[int, set[str]] = {}
    candidate = re.compile(rf"^.*(?:{re.escape(marker)}|&).*$", re.M) if marker else None
    prefixed = re.compile(r"^[0-9]+:[0-9]+:[^\S\n]*(?:" + "|".join(map(re.escape, sorted(namespaces))) + r"):",
                          re.M) if namespaces else _NOTHING
    number = 0
    try:
        with bz2.open(index, "rt", encoding="utf-8") as text:
            while True:
                chunk = text.read(_INDEX_CHUNK)
                if not chunk:
                    break
                if not chunk.endswith("\n"):
                    chunk += text.readline()
                lines = chunk.count("\n") + (not chunk.endswith("\n"))
                if candidate is None or len(_INDEX_LINE.findall(chunk)) != lines:
                    for line in (chunk[:-1] if chunk.endswith("\n") else chunk).split("\n"):
                        number += 1  # one by one: judge each, and name a bad line
                        _judge(line, shown, number, passed_over, tally, streams)
                    continue
                candidates = candidate.findall(chunk)
                for line in candidates:
                    _judge(line, shown, 0, passed_over, tally, streams)
                elsewhere = len(prefixed.findall(chunk)) - sum(1 for line in candidates if prefixed.match(line))
                _count(tally, "pages in other namespaces", elsewhere)
                _count(tally, "other pages", lines - len(candidates) - elsewhere)
                number += lines
    except FileNotFoundError:
        raise ArticleError(shown, None, "no such index file") from None
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as error:
        raise ArticleError(shown, None, f"not a bz2 multistream index ({_short(error)})") from None
    return sorted(streams.items())


def _judge(line: str, shown: str, number: int, passed_over, tally, streams) -> None:
    offset, _, title = _fields(line, shown, number)
    reason = passed_over(title)
    if reason is None:
        streams.setdefault(offset, set()).add(title)
    else:
        _count(tally, reason, 1)


def _count(tally, reason: str, count: int) -> None:
    if count:
        tally[reason] = tally.get(reason, 0) + count


def _fields(line: str, shown: str, number: int) -> tuple[int, str, str]:
    offset, _, rest = line.rstrip("\n").partition(":")
    page_id, _, title = rest.partition(":")
    if not (offset.isdigit() and page_id.isdigit() and title.strip()):
        raise ArticleError(shown, number, "not an index line 'offset:page_id:title'")
    return int(offset), page_id, unescape(title).strip()


def stream(raw, offset: int, shown: str, titles: set[str] | None = None) -> bytes:
    """The decompressed bytes of the one bz2 stream that starts at `offset` of `raw`;
    with `titles`, only as far as the end of the last page of those titles that the
    stream holds (its pages before it included: what `page_elements` reads), the rest of
    the stream left compressed. A title not seen means the whole stream."""
    raw.seek(offset)
    decompressor, parts, size = bz2.BZ2Decompressor(), [], 0
    looking = set(titles) if titles else None
    tail = b""  # the bytes after the last page end seen
    try:
        while not decompressor.eof:
            block = b""
            if decompressor.needs_input:
                block = raw.read(_CHUNK)
                if not block:
                    raise ArticleError(shown, None,
                                       f"the compressed file is truncated in the stream at byte {offset:,}")
            part = decompressor.decompress(block, _PIECE)  # a piece at a time: stop once the titles are seen
            size += len(part)
            if size > MAX_STREAM:
                raise ArticleError(shown, None, f"the stream at byte {offset:,} is over {MAX_STREAM >> 20} MB: "
                                                "not a multistream dump, or not the dump of this index")
            parts.append(part)
            if looking and part:
                tail = _seen(tail + part, looking)
                if not looking:
                    break
    except OSError:
        raise ArticleError(shown, None, f"the index does not match the dump: no bz2 stream at byte {offset:,}") from None
    return b"".join(parts)


def _seen(data: bytes, looking: set[str]) -> bytes:
    """Strike from `looking` the titles of the pages that end in `data`; what follows
    the last page end (the start of a page still coming)."""
    start = 0
    while True:
        end = data.find(_PAGE_END, start)
        if end < 0:
            return data[start:]
        found = _TITLE.search(data, start, end)
        if found:
            looking.discard(unescape(found.group(1).decode("utf-8", "replace")).strip())
        start = end + len(_PAGE_END)


def header(raw, shown: str) -> tuple[str | None, set[str]]:
    """The dump's <base> (…/wiki/Main_Page) and the names of its namespaces other than
    the articles' (`Category`, `Template`…), from its first stream, after checking that
    the file is a MediaWiki dump with no DTD."""
    head = stream(raw, 0, shown)
    start = head.lstrip()
    if start.startswith(b"<?xml"):
        start = start[start.find(b"?>") + 2:].lstrip()
    if start.startswith(b"<!DOCTYPE") or b"<!ENTITY" in head[:_CHUNK]:
        raise ArticleError(shown, None, "the dump declares a DTD or entities, which are refused "
                                        "(a MediaWiki dump has none)")
    if not start.startswith(b"<mediawiki"):
        tag = re.match(rb"<([\w:.-]+)", start)
        name = tag.group(1).decode("utf-8", "replace") if tag else "?"
        raise ArticleError(shown, None, f"not a MediaWiki dump: the root element is <{name}>")
    found = _BASE.search(head)
    namespaces = {unescape(name.decode("utf-8", "replace")).strip() for key, name in _NAMESPACE.findall(head)
                  if key != b"0" and name.strip()}
    return (unescape(found.group(1).decode("utf-8", "replace")).strip() if found else None), namespaces


def page_elements(data: bytes, shown: str, offset: int) -> list:
    """The <page> elements of one stream's XML (the header or closing tag around them
    left out)."""
    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException
    from xml.etree.ElementTree import ParseError

    first, last = data.find(b"<page>"), data.rfind(b"</page>")
    if first < 0 or last < first:
        return []
    try:
        root = SafeTree.fromstring(b"<pages>" + data[first:last + len(b"</page>")] + b"</pages>", forbid_dtd=True)
    except DefusedXmlException:
        raise ArticleError(shown, None, f"the stream at byte {offset:,} declares entities, which are refused") from None
    except ParseError as error:
        raise ArticleError(shown, None, f"the XML is broken in the stream at byte {offset:,}: {_short(error)}") from None
    return list(root)


def _short(error) -> str:
    return re.sub(r":\s*line \d+, column \d+$", "", str(error))[:200]
