"""MediaWiki XML dumps (`enwiki-…-pages-articles.xml`, `.bz2`, `.gz`): every relations
page, streamed in constant memory.

The relations articles of a dump are its namespace-0 pages whose title names two
countries joined by a dash and "relations"; redirects, other namespaces and other
titles are skipped and counted in the tally. Each page's wikitext goes to the
wikitext reader with the page's title; its lines count within the page's text.

A multistream dump (`…-multistream.xml.bz2`) with its index (`--index`, or found
beside it by its usual name) is read by index: see `indexed_pages` and _multistream.py.

A dump is untrusted XML: defusedxml refuses a DTD (so no entity-expansion bomb and no
external entity reading a local file), and each page element is dropped once read.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from ..errors import ArticleError
from ..document import Document, Page
from . import open_binary

NAME = "mediawiki-xml"
EXTENSIONS = (".xml", ".xml.bz2", ".xml.gz")
DESCRIPTION = "a MediaWiki XML dump (.xml, .xml.bz2, .xml.gz): its '… relations' pages"

_SNIFF = re.compile(r"<mediawiki[\s>]")
_RELATIONS_TITLE = re.compile(r"^\S.*\S\s*[–—-]\s*\S.*\S relations$")
_ARTICLES_NAMESPACE = "0"
_MARKER = " relations"  # in every relations title: the index lines without it are only counted
_CHUNK = 1 << 20


def sniff(head: str) -> bool:
    return bool(_SNIFF.search(head[:4096]))


def is_relations_title(title: str) -> bool:
    """`A–B relations` with two non-empty names (an en or em dash, or one hyphen)."""
    if not _RELATIONS_TITLE.match(title) or any(ord(c) < 32 for c in title):
        return False
    name = title[: -len(" relations")].strip()
    for dash in ("–", "—"):
        if dash in name:
            return len([part for part in name.split(dash) if part.strip()]) == 2 and name.count(dash) == 1
    return name.count("-") == 1


def documents(path: Path, shown: str, max_bytes: int, tally=None, index: Path | None = None) -> Iterator[Document]:
    """One Document per relations page of the dump, in dump order. With a multistream
    index (`index`, or the one beside the dump under its usual name) only the bz2
    streams holding relations titles are read; without one the whole dump is streamed."""
    tally = tally if tally is not None else {}
    index = index or index_beside(path)
    found = indexed_pages(path, shown, index, tally) if index else pages(path, shown, tally)
    for page, text, line in found:
        yield document(page, text, shown, max_bytes)


def document(page: Page, text: str, shown: str, max_bytes: int) -> Document:
    """A page's wikitext as the wikitext reader reads it, with the page as its source."""
    from .wikitext import page_document

    return page_document(page, text, shown, max_bytes)


def pages(path: Path, shown: str, tally) -> Iterator[tuple[Page, str, int]]:
    """(page, wikitext, line of its text's first line within the page) of each relations
    page; other pages counted in `tally` by why they were skipped."""
    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException
    from xml.etree.ElementTree import ParseError

    base = None
    try:
        with open_binary(path) as stream:
            events = SafeTree.iterparse(stream, events=("start", "end"), forbid_dtd=True)
            root = None
            for event, element in events:
                tag = element.tag.rpartition("}")[2]
                if event == "start":
                    if root is None:
                        root = element
                        if tag != "mediawiki":
                            raise ArticleError(shown, None, f"not a MediaWiki dump: the root element is <{tag}>")
                    continue
                if tag == "base" and base is None:
                    base = (element.text or "").strip()
                elif tag == "page":
                    found = page_of(element, base, tally)
                    root.clear()  # constant memory: drop the page just read
                    if found:
                        yield found
    except ArticleError:
        raise
    except DefusedXmlException:
        raise ArticleError(shown, None, "the dump declares a DTD or entities, which are refused "
                                        "(a MediaWiki dump has none)") from None
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        raise ArticleError(shown, line, f"the XML is broken: {_reason(error)}") from None
    except (EOFError, OSError, zlib.error, ValueError) as error:
        raise ArticleError(shown, None, f"the compressed file is truncated or damaged: {error}") from None


def index_beside(path: Path) -> Path | None:
    """`<prefix>-multistream-index.txt.bz2` beside `<prefix>-multistream.xml.bz2`, if there."""
    from ._multistream import beside

    return beside(path)


def indexed_pages(path: Path, shown: str, index: Path, tally) -> Iterator[tuple[Page, str, int]]:
    """What `pages` gives, from a multistream dump and its index: the relations titles
    are chosen from the index, then only their streams are decompressed, each page
    judged by the same rule (`page_of`) as when the dump is read whole."""
    base, streams = index_plan(path, shown, index, tally)
    with _open_dump(path, shown) as raw:
        for offset, titles in streams:
            yield from stream_pages(raw, shown, index, offset, titles, base, tally)


def index_plan(path: Path, shown: str, index: Path, tally) -> tuple[str | None, list[tuple[int, set[str]]]]:
    """The dump's <base>, and (offset, titles) of each stream holding relations titles,
    in dump order, from the dump's header and its index; the other titles counted."""
    from . import _multistream as multistream

    index_shown = (Path(shown).parent / index.name).as_posix() if index.parent == path.parent else index.as_posix()
    with _open_dump(path, shown) as raw:
        base, namespaces = multistream.header(raw, shown)
    return base, multistream.wanted(index, index_shown, _passed_over(namespaces), tally, namespaces, _MARKER)


def stream_pages(raw, shown: str, index: Path, offset: int, titles: set[str], base: str | None,
                 tally) -> Iterator[tuple[Page, str, int]]:
    """The relations pages named `titles` of the one stream at `offset` (one task of a
    parallel read: it needs only the dump file and these arguments)."""
    from . import _multistream as multistream

    titles = set(titles)
    elements = multistream.page_elements(multistream.stream(raw, offset, shown, titles), shown, offset)
    if not titles <= {_title(element) for element in elements}:  # read up to where the titles seemed to end
        elements = multistream.page_elements(multistream.stream(raw, offset, shown), shown, offset)
    for element in elements:
        title = _title(element)
        if title in titles:
            titles.discard(title)
            found = page_of(element, base, tally)
            if found:
                yield found
    if titles:
        raise ArticleError(shown, None, f"the index {index.name} does not match the dump: "
                                        f"{min(titles)!r} is not in the stream at byte {offset:,}")


def _title(element) -> str:
    return next((child.text or "" for child in element if child.tag == "title"), "").strip()


def _open_dump(path: Path, shown: str):
    try:
        return open(path, "rb")
    except OSError as error:
        raise ArticleError(shown, None, f"cannot read the dump: {error.strerror or error}") from None


def _passed_over(namespaces: set[str]):
    """Why the index's title is not a relations article's (None when it may be one): a
    title with a namespace's prefix (`Category:…`) is that namespace's page."""
    def reason(title: str) -> str | None:
        if ":" in title and title.partition(":")[0] in namespaces:
            return "pages in other namespaces"
        return None if is_relations_title(title) else "other pages"
    return reason


def page_of(element, base: str | None, tally) -> tuple[Page, str, int] | None:
    """A <page> element's page and text when it is a relations article, else None (and
    the reason counted in `tally`): the one rule for dumps read whole or by index."""
    fields = {child.tag.rpartition("}")[2]: child for child in element}
    title = (fields["title"].text or "").strip() if "title" in fields else ""
    namespace = (fields["ns"].text or "").strip() if "ns" in fields else _ARTICLES_NAMESPACE
    if namespace != _ARTICLES_NAMESPACE:
        tally["pages in other namespaces"] = tally.get("pages in other namespaces", 0) + 1
        return None
    if "redirect" in fields:
        tally["redirects"] = tally.get("redirects", 0) + 1
        return None
    if not is_relations_title(title):
        tally["other pages"] = tally.get("other pages", 0) + 1
        return None
    revisions = [child for child in element if child.tag.rpartition("}")[2] == "revision"]
    if not revisions:
        tally["pages without text"] = tally.get("pages without text", 0) + 1
        return None
    revision = {child.tag.rpartition("}")[2]: child for child in revisions[-1]}
    text = revision["text"].text if "text" in revision and revision["text"].text else ""
    if not text.strip():
        tally["pages without text"] = tally.get("pages without text", 0) + 1
        return None
    revision_id = (revision["id"].text or "").strip() if "id" in revision else None
    timestamp = (revision["timestamp"].text or "").strip() if "timestamp" in revision else None
    if text.lstrip()[:9].upper() == "#REDIRECT":
        tally["redirects"] = tally.get("redirects", 0) + 1
        return None
    page = Page(title, revision_id or None, timestamp or None, _url(base, title, revision_id))
    return page, text, 1


def _url(base: str | None, title: str, revision: str | None) -> str | None:
    """The page's address on its wiki, from the dump's <base> (…/wiki/Main_Page)."""
    if not base or "/" not in base:
        return None
    root = base.rsplit("/", 1)[0]
    address = f"{root}/{quote(title.replace(' ', '_'), safe='')}"
    if revision:
        address += f"?oldid={revision}"
    return address


def _reason(error) -> str:
    message = str(error)
    return re.sub(r":\s*line \d+, column \d+$", "", message)
