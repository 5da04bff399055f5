"""Exporting one article: every format of one record, each file written atomically.
Runs wherever the engine puts it (this process, a worker process, a Dask worker)."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .. import exporters
from ..carry.plan import CarryPlan
from ..errors import ReportsError
from ..layout import Layout, load_layout
from ..model import Relationship
from .atomic import write_atomically

_layouts: dict[str, Layout] = {}


def cached_layout(reference: str | None) -> Layout:
    """The layout `reference` names, loaded once per process."""
    key = reference or "default"
    if key not in _layouts:
        _layouts[key] = load_layout(reference)
    return _layouts[key]


@dataclass
class Outcome:
    """What exporting one article did: files written, warnings, the error that stopped it."""
    written: list[str]
    warnings: list[str]
    error: str | None = None
    digests: dict[str, dict] = field(default_factory=dict)  # format -> carry.documents.record()
    backups: list[str] = field(default_factory=list)


def export_article(record: Relationship, stem: str, out: str, formats: tuple[str, ...],
                   layout_reference: str | None, verbose: bool, build_id: int,
                   carry: CarryPlan | None = None) -> Outcome:
    """Write every format of one record. Runs in a worker process."""
    layout = cached_layout(layout_reference)
    carry = carry or CarryPlan()
    outcome = Outcome([], [])
    for name in formats:
        exporter = exporters.get(name)
        path = Path(out) / f"{stem}{exporter.EXTENSION}"
        try:
            context = carry.context(path, name, outcome)
            outcome.warnings += write_atomically(path, lambda tmp: exporter.export(record, layout, tmp, context),
                                                 build_id)
            outcome.digests[name] = carry.digest(path, name)
        except ReportsError as error:
            outcome.error = f"{name}: {error}"
            return outcome
        except Exception as error:  # a bug of ours: say so in one line, a traceback only if asked
            detail = traceback.format_exc().strip() if verbose else "rerun with --verbose for the traceback"
            outcome.error = (f"internal error while writing {path.name}: "
                             f"{type(error).__name__}: {one_line(str(error))} ({detail})")
            return outcome
        outcome.written.append(str(path))
    return outcome


def one_line(text: str, limit: int = 200) -> str:
    """A message on one line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
