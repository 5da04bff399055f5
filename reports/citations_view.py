"""The article's references as every exporter shows them: note numbers, safe links.

A record's `citations` are numbered 1, 2, ... in record order (the order in which
the article first uses them), so the brief, the dossier and the workbook give a
reference the same number. Only http and https addresses ever become links: a
`javascript:` or `file:` address in an article is shown as text, never followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import Citation, Relationship

_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f<>\"\\^`{|}]")


def link_target(url: str | None) -> str | None:
    """`url` if it may be a clickable link (http/https with a host, no spaces or
    characters a markup language could take for its own), else None."""
    if not url or _UNSAFE_URL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


@dataclass(frozen=True)
class Reference:
    number: int
    citation: Citation

    @property
    def link(self) -> str | None:
        return link_target(self.citation.url)


class References:
    """The numbered references of one record."""

    def __init__(self, record: Relationship):
        self.list = [Reference(n, c) for n, c in enumerate(record.citations, 1)]
        self._by_id = {ref.citation.id: ref for ref in self.list}

    def __bool__(self) -> bool:
        return bool(self.list)

    def numbers(self, ids) -> list[int]:
        """The note numbers of `ids` (unknown ids left out, each number once, in order)."""
        seen: list[int] = []
        for cid in ids or ():
            ref = self._by_id.get(cid)
            if ref and ref.number not in seen:
                seen.append(ref.number)
        return seen

    def first_url(self, ids) -> str | None:
        """The URL of the first of `ids` that has one (the fact's source address)."""
        for cid in ids or ():
            ref = self._by_id.get(cid)
            if ref and ref.citation.url:
                return ref.citation.url
        return None


def with_references(order) -> tuple[str, ...]:
    """A layout's part order with the references in it: where the layout puts them,
    else before the sources (layouts written before references existed lack them)."""
    order = tuple(order)
    if "references" in order:
        return order
    at = order.index("sources") if "sources" in order else len(order)
    return (*order[:at], "references", *order[at:])


def note_label(numbers) -> str:
    """"1,3" for notes 1 and 3: the text of a superscript note mark."""
    return ",".join(str(n) for n in numbers)


def reference_text(citation: Citation) -> list[str]:
    """The parts of a reference entry before its address: title, publisher, date."""
    return [part for part in (citation.title, citation.publisher, citation.date) if part]
