"""What a build tells an exporter beyond the record and the layout.

A record says what the article holds; some parts of a document depend on the build
instead: the date it was prepared, how old its source is, what changed since the last
build, and the document on disk an analyst may have edited. The pipeline makes one
`ExportContext` per article (and one for the combined workbook); an exporter called
without one (tests, the Python API) behaves as on a first build.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExportContext:
    # The build's date, for "Prepared on" and the documents' creation dates.
    prepared: datetime.datetime | None = None
    # ISO date the source is as of: a page revision's time (dumps, fetched pages) ...
    source_date: str | None = None
    # ... else the date the local copy was saved, which a brief labels as such.
    copy_saved: str | None = None
    # What the build could not read in this article: (line or None, message) pairs,
    # for a brief's "Data caveats".
    warnings: tuple[tuple[int | None, str], ...] = ()
    # The differences from the record of the last build (see docs/record.md, `changes`),
    # and the date of that build; empty on a first build.
    changes: tuple[dict[str, Any], ...] = ()
    last_build: str | None = None
    # The document this one replaces, when it exists: analysts' work is read from it.
    previous: str | None = None


FIRST_BUILD = ExportContext()
