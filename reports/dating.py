"""The dates a brief states: when it was prepared and how old its source is.

"Prepared on" is the build's date: SOURCE_DATE_EPOCH when set (reproducible builds
set that one variable), else the day the build runs, never a file's modification
time. "Source as of" is only ever a revision's time (a dump's page, a fetched page);
a plain file has no such date, so the brief says when the copy was saved instead and
labels it so ("Copy saved on ...").
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path


def _epoch() -> datetime.datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    return None


def _mtime(path: str | Path | None) -> datetime.datetime | None:
    try:
        stamp = Path(path).stat().st_mtime
    except (OSError, TypeError, ValueError):
        return None
    return datetime.datetime.fromtimestamp(int(stamp), tz=datetime.timezone.utc)


def prepared(*_inputs) -> datetime.datetime:
    """SOURCE_DATE_EPOCH, else the start of today (UTC): builds of one day agree."""
    found = _epoch()
    if found:
        return found
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.timezone.utc)


def source_date(record) -> str | None:
    """ISO date of the page revision the record was read from, when the input has one."""
    stamp = record.source.timestamp
    return str(stamp)[:10] if stamp else None


def copy_saved(record) -> str | None:
    """ISO date the local copy was saved (its file's date, clamped to the build's epoch
    as reproducible builds clamp file times), for a source without a revision."""
    if record.source.timestamp:
        return None
    found, epoch = _mtime(record.source.path), _epoch()
    if found and epoch and found > epoch:
        found = epoch
    return found.date().isoformat() if found else None


def dated_line(layout, context) -> str:
    """"Prepared on 3 December 2026 · Source as of 1 May 2025" ("· Copy saved on ..."
    for a file without a revision), or "" without dates."""
    from .facts_view import date_label
    if context is None:
        return ""
    found = []
    if getattr(context, "prepared", None):
        found.append(layout.label("prepared_on", date=date_label(context.prepared.date().isoformat(), layout)))
    if getattr(context, "source_date", None):
        found.append(layout.label("source_as_of", date=date_label(context.source_date, layout)))
    elif getattr(context, "copy_saved", None):
        found.append(layout.label("copy_saved_on", date=date_label(context.copy_saved, layout)))
    return " · ".join(found)
