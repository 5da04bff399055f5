"""The shared record loader: an article file -> one Relationship record.

    record = load("data/georgia-mexico.txt")
    result = read("data/georgia-mexico.txt")   # record + warnings, for `reports check`

Input that cannot be read raises ArticleError(path, line, message); everything else
the loader saw but could not interpret is a warning in `LoadResult.warnings`.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ArticleError, Diagnostic
from ..model import ListBlock, Paragraph, Relationship, Section, Source
from ..text import XML_ILLEGAL
from . import article as structure
from .facts import read_facts

# Articles larger than this are refused before they are read (see `read(max_bytes=)`).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_TITLE_SEPARATORS = ("–", "—", "-")
_RELATIONS_SUFFIX = re.compile(r"\s+(?:relations|relationship)$", re.IGNORECASE)


@dataclass(frozen=True)
class LoadResult:
    record: Relationship
    warnings: list[Diagnostic] = field(default_factory=list)


def load(path: str | os.PathLike) -> Relationship:
    """The record of one article. Raises ArticleError if it cannot be read."""
    return read(path).record


def read(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadResult:
    """The record of one article and the warnings about it."""
    shown = display_path(path)
    data = _read_bytes(Path(path), shown, max_bytes)
    text, warnings = decode(data, shown)
    parsed = structure.parse_article(text, shown)
    countries = split_title(parsed.title, shown, parsed.title_line)
    facts, fact_warnings = read_facts(parsed, countries, shown)
    infobox, infobox_warnings = _infobox(parsed.infobox, shown)
    record = Relationship(
        id=relationship_id(countries),
        title=parsed.title,
        countries=countries,
        summary="\n\n".join(unit.text for unit in structure.texts(parsed.lead)),
        established=facts.established,
        reestablished=facts.reestablished,
        memberships=tuple(facts.memberships),
        sections=tuple(_section(section) for section in parsed.sections),
        events=tuple(facts.events),
        visits=tuple(facts.visits),
        agreements=tuple(facts.agreements),
        trade=tuple(facts.trade),
        exports=tuple(facts.exports),
        missions=tuple(facts.missions),
        see_also=tuple(facts.see_also),
        infobox=tuple(infobox),
        source=Source(shown, hashlib.sha256(data).hexdigest(), parsed.title_line),
    )
    return LoadResult(record, warnings + infobox_warnings + fact_warnings)


def display_path(path: str | os.PathLike) -> str:
    """The path as a user would write it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        shown = path.resolve().relative_to(Path.cwd().resolve()) if path.is_absolute() else path
    except ValueError:
        shown = path
    return shown.as_posix()


def _read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(shown, None, f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(shown, None, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(shown, None, "is a folder, not an article") from None
    except OSError as error:
        raise ArticleError(shown, None, f"cannot be read: {error.strerror or error}") from None


def decode(data: bytes, shown: str) -> tuple[str, list[Diagnostic]]:
    """UTF-8 (a BOM and CRLF line ends are fine) -> text with XML-illegal characters removed."""
    if not data.strip():
        raise ArticleError(shown, None, "the article is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ArticleError(shown, None, "the text is UTF-16, not UTF-8; save the article as UTF-8")
    if _looks_binary(data[:8192]):
        raise ArticleError(shown, None, "this is a binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ArticleError(shown, line, f"the text is not UTF-8 (byte 0x{data[error.start]:02x}); "
                                        "save the article as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    warnings = []
    if XML_ILLEGAL.search(text):
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            if XML_ILLEGAL.search(line):
                warnings.append(Diagnostic(shown, number, "warning", "control characters removed"))
                lines[number - 1] = XML_ILLEGAL.sub("", line)
        text = "\n".join(lines)
    return text, warnings


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(sample: bytes) -> bool:
    """Over a tenth control bytes: an image, an archive, not text with a stray \\x00."""
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 10 + 2


def split_title(title: str, shown: str, line: int) -> tuple[str, str]:
    """`Bosnia and Herzegovina–Mexico relations` -> ("Bosnia and Herzegovina", "Mexico")."""
    name = _RELATIONS_SUFFIX.sub("", title.strip())
    for separator in _TITLE_SEPARATORS:
        if separator in name:
            # An en or em dash separates exactly; a hyphen may also sit inside a name
            # ("Guinea-Bissau"), so with hyphens only the split must be unambiguous.
            parts = name.split(separator)
            if len(parts) == 2:
                first, second = (part.strip() for part in parts)
                if first and second:
                    return first, second
            break
    raise ArticleError(shown, line, f"the title {title!r} does not name two countries as 'A–B relations'")


def relationship_id(countries: tuple[str, str]) -> str:
    """Lower-case, ASCII-folded names joined by '-', spaces as '-'."""
    def fold(name: str) -> str:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        cleaned = re.sub(r"[^a-z0-9 -]+", "", ascii_name.lower())
        folded = re.sub(r"[\s-]+", "-", cleaned).strip("-")
        # A name in a script without an ASCII folding (中国) gets a stable stand-in.
        return folded or "x" + hashlib.sha256(name.encode()).hexdigest()[:8]
    return "-".join(fold(name) for name in countries)


def _infobox(items: list, shown: str) -> tuple[list[tuple[str, str]], list[Diagnostic]]:
    pairs, warnings = [], []
    for item in items:
        key, sep, value = item.text.partition(":")
        if not sep:
            warnings.append(Diagnostic(shown, item.line, "warning", "infobox line without 'Key: value'"))
        pairs.append((key.strip(), value.strip()))
    return pairs, warnings


def _section(section: structure.Section) -> Section:
    return Section(section.heading, section.level, section.line, tuple(_block(b) for b in section.blocks))


def _block(block) -> Paragraph | ListBlock:
    if isinstance(block, structure.Paragraph):
        return Paragraph(block.text.text, block.text.line)
    caption = block.caption.text if block.caption else None
    return ListBlock(caption, tuple(item.text for item in block.items), block.items[0].line)
