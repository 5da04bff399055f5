"""The dates a brief states: when it was prepared and how old its source is.

Deterministic: "prepared" is SOURCE_DATE_EPOCH when set, else the newest input's
modification time, never the clock, so the same inputs give the same bytes. The
source's date is a dump page's revision time when known, else the file's date.
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


def prepared(*inputs) -> datetime.datetime | None:
    """SOURCE_DATE_EPOCH, else the newest of the inputs' modification times."""
    times = [t for t in map(_mtime, inputs) if t]
    return _epoch() or (max(times) if times else None)


def source_date(record) -> str | None:
    """ISO date of the source: the revision's time, else the file's date."""
    source = record.source
    if source.timestamp:
        return str(source.timestamp)[:10]
    found, epoch = _mtime(source.path), _epoch()
    if found and epoch and found > epoch:
        found = epoch  # clamped, as reproducible builds clamp file times
    return found.date().isoformat() if found else None


def dated_line(layout, context) -> str:
    """"Prepared on 3 December 2026 · Source as of 1 May 2025", or "" without dates."""
    from .facts_view import date_label
    if context is None:
        return ""
    found = []
    if getattr(context, "prepared", None):
        found.append(layout.label("prepared_on", date=date_label(context.prepared.date().isoformat(), layout)))
    if getattr(context, "source_date", None):
        found.append(layout.label("source_as_of", date=date_label(context.source_date, layout)))
    return " · ".join(found)
