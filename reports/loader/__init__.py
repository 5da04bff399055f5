"""The shared record loader: an article file -> one Relationship record.

    record = load("data/georgia-mexico.txt")
    result = read("data/georgia-mexico.txt")   # record + warnings, for `reports check`

Input that cannot be read raises ArticleError(path, line, message); everything else
the loader saw but could not interpret is a warning in `LoadResult.warnings`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import ArticleError, Diagnostic
from ..model import ListBlock, Paragraph, Relationship, Section, Source, TableBlock
from . import article as structure
from .facts import read_facts
from .tables import as_lists

# Articles larger than this are refused before they are read (see `read(max_bytes=)`).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_TITLE_SEPARATORS = ("–", "—", "-")
_RELATIONS_SUFFIX = re.compile(r"\s+(?:relations|relationship)$", re.IGNORECASE)


@dataclass(frozen=True)
class LoadResult:
    record: Relationship | None
    warnings: list[Diagnostic] = field(default_factory=list)
    error: Diagnostic | None = None  # one page of a dump that could not be read (record None)


def load(path: str | os.PathLike, form: str | None = None) -> Relationship:
    """The record of one article. Raises ArticleError if it cannot be read."""
    return read(path, form=form).record


def read(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, form: str | None = None) -> LoadResult:
    """The record of one article and the warnings about it (a dump: its first article)."""
    for result in read_all(path, max_bytes, form):
        if result.error:
            raise ArticleError(result.error.path, result.error.line, result.error.message)
        return result
    raise ArticleError(display_path(path), None, "holds no article")


def read_all(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, form: str | None = None,
             tally=None) -> Iterator[LoadResult]:
    """The record of every article a file holds (one, or a dump's pages), in order. The
    reader is `form` when given, else the one the file's extension or content names.
    A page of a dump that cannot be read is a result with an `error` and no record, and
    the pages after it still come; an ArticleError for the whole file may come after
    the records of the articles before it."""
    from .. import readers

    shown = display_path(path)
    reader = readers.choose(Path(path), form)
    for document in reader.documents(Path(path), shown, max_bytes, tally if tally is not None else readers.Tally()):
        if document.error:
            yield LoadResult(None, document.warnings, document.error)
            continue
        try:
            yield record_of(document, shown)
        except ArticleError as error:
            if document.page is None:
                raise
            yield LoadResult(None, document.warnings, error.as_diagnostic())


def record_of(document, shown: str) -> LoadResult:
    """A reader's document -> the record and every warning about it."""
    parsed = document.article
    page = document.page
    where = f"{shown}[{page.title}]" if page else shown
    countries = split_title(parsed.title, where, parsed.title_line)
    facts, fact_warnings = read_facts(as_lists(parsed), countries, where)
    infobox, infobox_warnings = _infobox(parsed.infobox, where)
    lead = list(structure.texts(parsed.lead))
    record = Relationship(
        id=relationship_id(countries),
        title=parsed.title,
        countries=countries,
        summary="\n\n".join(unit.text for unit in lead),
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
        source=Source(shown, document.sha256, parsed.title_line,
                      page=page.title if page else None, revision=page.revision if page else None,
                      timestamp=page.timestamp if page else None, url=page.url if page else None),
        citations=tuple(parsed.citations),
    )
    if parsed.citations:
        from .citing import cite
        record = cite(record, parsed)
    return LoadResult(record, document.warnings + infobox_warnings + fact_warnings)


def display_path(path: str | os.PathLike) -> str:
    """The path as a user would write it: relative to the working folder when inside it."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    real, folder = _real_path(path), _real_folder(os.getcwd())
    # `Path(real).relative_to(folder)` by string tests: both are resolved, normalised paths.
    if real == folder:
        return "."
    inside = folder if folder.endswith("/") else folder + "/"
    return real[len(inside):] if real.startswith(inside) else path.as_posix()


@functools.lru_cache(maxsize=8)
def _real_folder(folder: str) -> str:
    """A folder with its links resolved (asked once per folder, not per article)."""
    return os.path.realpath(folder)


def _real_path(path: Path) -> str:
    """`os.path.realpath(path)`, its folder's links resolved once per folder: the file
    itself is one look (is it a link?) where resolving the whole path is one per folder."""
    folder, name = os.path.split(path)
    real = os.path.join(_real_folder(folder), name)
    return os.path.realpath(real) if os.path.islink(real) else real


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


def _block(block) -> Paragraph | ListBlock | TableBlock:
    if isinstance(block, structure.Paragraph):
        return Paragraph(block.text.text, block.text.line, block.text.cites)
    caption = block.caption.text if block.caption else None
    if isinstance(block, structure.Table):
        # A cell's lines (a reader keeps them: "President A<br>Minister B") read as one text.
        rows = tuple(tuple(cell.replace("\n", " ") for cell in row.cells) for row in block.rows)
        return TableBlock(caption, tuple(block.header), rows, block.line,
                          tuple(row.line for row in block.rows), tuple(row.cites for row in block.rows))
    cites = tuple(item.cites for item in block.items)
    return ListBlock(caption, tuple(item.text for item in block.items), block.items[0].line,
                     cites if any(cites) else ())
