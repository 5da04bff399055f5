"""The reader registry: input form name -> the module that reads it.

Every reader module has the same small surface:

    NAME = "wikitext"                       # the --from name
    EXTENSIONS = (".wiki", ".wikitext")     # file names it claims
    DESCRIPTION = "..."                     # one line, for `reports readers`
    def sniff(head: str) -> bool            # does this text (the file's start) look like mine?
    def documents(path, shown, max_bytes, tally) -> Iterator[Document]

`documents` yields one Document per article the file holds (a dump holds many) and
raises ArticleError for input it cannot read, possibly after yielding the articles
before the break. A reader knows formats, never facts: it returns the parsed
structure of reports.document, which the fact rules read the same way for
every form. Readers are imported only when used.
"""

from __future__ import annotations

import bz2
import gzip
import importlib
import zlib
from collections import Counter
from pathlib import Path
from types import ModuleType

from ..errors import ReportsError

_MODULES = {
    "plain": "plain",
    "wikitext": "wikitext",
    "mediawiki-xml": "mediawiki_xml",
    "browser": "browser",
}
# Forms recognised by their content when the extension does not decide, most specific first.
_SNIFF_ORDER: tuple[str, ...] = ("mediawiki-xml", "browser", "wikitext")
_DEFAULT = "plain"
# Extensions that say only "text": the content decides between the forms.
_AMBIGUOUS = (".txt", ".text")
_HEAD_BYTES = 16384


Tally = Counter  # what a reader skipped, by reason ("redirects", "other namespaces"...)


def names() -> list[str]:
    return list(_MODULES)


def get(name: str) -> ModuleType:
    if name not in _MODULES:
        raise ReportsError(f"unknown input form {name!r}; choose from {', '.join(_MODULES)}")
    return importlib.import_module(f"{__name__}.{_MODULES[name]}")


def extensions() -> list[str]:
    """Every file name ending a folder is searched for, longest first."""
    found = {ext for name in _MODULES for ext in get(name).EXTENSIONS} | set(_AMBIGUOUS[:1])
    return sorted(found, key=lambda ext: (-len(ext), ext))


def describe() -> list[tuple[str, str, str]]:
    """(name, extensions, description) of every reader, for `reports readers`."""
    return [(name, " ".join(get(name).EXTENSIONS) or "(by content)", get(name).DESCRIPTION) for name in _MODULES]


def choose(path: Path, forced: str | None = None) -> ModuleType:
    """The reader of a file: the forced one, else the one its extension names, else the
    one whose sniff recognises its start, else the plain form."""
    if forced:
        return get(forced)
    name = path.name.lower()
    if not name.endswith(_AMBIGUOUS):
        for form in _MODULES:
            module = get(form)
            if any(name.endswith(ext) for ext in module.EXTENSIONS):
                return module
    head = _head(path)
    for form in _SNIFF_ORDER:
        module = get(form)
        if module.sniff(head):
            return module
    return get(_DEFAULT)


def _head(path: Path) -> str:
    """The start of a file as text (decompressed when it is bz2 or gzip), for sniffing."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read(_HEAD_BYTES)
    except OSError:
        return ""
    try:
        if raw.startswith(b"BZh"):
            raw = bz2.BZ2Decompressor().decompress(raw, _HEAD_BYTES)
        elif raw.startswith(b"\x1f\x8b"):
            raw = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, _HEAD_BYTES)
    except (OSError, EOFError, ValueError, zlib.error):
        return ""
    return raw.decode("utf-8", errors="replace").lstrip("\ufeff")


def open_binary(path: Path):
    """A file as a binary stream, decompressed when its name or its magic says bz2 or gzip."""
    with open(path, "rb") as stream:
        magic = stream.read(3)
    if magic.startswith(b"BZh"):
        return bz2.open(path, "rb")
    if magic.startswith(b"\x1f\x8b"):
        return gzip.open(path, "rb")
    return open(path, "rb")
