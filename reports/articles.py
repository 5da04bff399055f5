"""Article files: choose each file's reader, read it, and make its records.

    record = load("data/georgia-mexico.txt")
    result = read("data/georgia-mexico.txt")   # record + warnings, for `reports check`

Above both readers and loader: a reader turns the file into parsed documents
(reports.document), the loader turns each into a record. Input that cannot be read
raises ArticleError(path, line, message); everything else the loader saw but could
not interpret is a warning in `LoadResult.warnings`.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Iterator

from .collection import collection_paused
from .errors import ArticleError
from .loader import LoadResult, record_of
from .model import Relationship

# Articles larger than this are refused before they are read (see `read(max_bytes=)`).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


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
    from . import readers

    shown = display_path(path)
    reader = readers.choose(Path(path), form)
    documents = reader.documents(Path(path), shown, max_bytes, tally if tally is not None else readers.Tally())
    while True:
        with collection_paused():  # reading and the rules: many objects, few cycles
            document = next(documents, None)
            if document is None:
                return
            if document.error:
                result = LoadResult(None, document.warnings, document.error)
            else:
                try:
                    result = record_of(document, shown)
                except ArticleError as error:
                    if document.page is None:
                        raise
                    result = LoadResult(None, document.warnings, error.as_diagnostic())
        yield result


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


