"""MediaWiki XML dumps (`enwiki-…-pages-articles.xml`, `.bz2`, `.gz`): every relations
page, streamed in constant memory.

The relations articles of a dump are its namespace-0 pages whose title names two
countries joined by a dash and "relations"; redirects, other namespaces and other
titles are skipped and counted in the tally. Each page's wikitext goes to the
wikitext reader with the page's title; its lines count within the page's text.

A dump is untrusted XML: defusedxml refuses a DTD (so no entity-expansion bomb and no
external entity reading a local file), and each page element is dropped once read.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from ..errors import ArticleError, Diagnostic
from . import Document, Page, open_binary
from ._text import clean

NAME = "mediawiki-xml"
EXTENSIONS = (".xml", ".xml.bz2", ".xml.gz")
DESCRIPTION = "a MediaWiki XML dump (.xml, .xml.bz2, .xml.gz): its '… relations' pages"

_SNIFF = re.compile(r"<mediawiki[\s>]")
_RELATIONS_TITLE = re.compile(r"^\S.*\S\s*[–—-]\s*\S.*\S relations$")
_ARTICLES_NAMESPACE = "0"
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


def documents(path: Path, shown: str, max_bytes: int, tally=None) -> Iterator[Document]:
    """One Document per relations page of the dump, in dump order."""
    from . import wikitext

    tally = tally if tally is not None else {}
    for page, text, line in pages(path, shown, tally):
        where = f"{shown}[{page.title}]"
        if len(text.encode("utf-8")) > max_bytes:  # this page only: the pages after it still come
            yield Document(None, "", [], page, Diagnostic(where, None, "error",
                                                          f"the page text is over the limit of {max_bytes:,} bytes"))
            continue
        cleaned, warnings = clean(text, where)
        try:
            article, parse_warnings = wikitext.parse(cleaned, where, title=page.title)
        except ArticleError as error:
            yield Document(None, "", warnings, page, Diagnostic(where, error.line, "error", error.message))
            continue
        digest = hashlib.sha256(f"{page.revision}\n{text}".encode()).hexdigest()
        yield Document(article, digest, warnings + parse_warnings, page)


def pages(path: Path, shown: str, tally) -> Iterator[tuple[Page, str, int]]:
    """(page, wikitext, line of the page in the dump) of each relations page; other pages
    counted in `tally` by why they were skipped."""
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
                    found = _page(element, base, tally)
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


def _page(element, base: str | None, tally) -> tuple[Page, str, int] | None:
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
