"""What a build carries over for each document it writes, decided in the main process
and handed to the workers: the digests the manifest recorded, whether to carry
analysts' work at all (--no-carry), the time that names any backup, and the changes
since the last build (from the build state, state.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from ..context import ExportContext
from . import documents, state


@dataclass(frozen=True)
class CarryPlan:
    """One article's (or the combined workbook's) plan; picklable for worker processes."""
    digests: dict = field(default_factory=dict)   # format -> documents.record() of the last build
    carry: bool = True
    when: datetime.datetime | None = None
    changes: tuple = ()
    last_build: str | None = None
    prepared: datetime.datetime | None = None
    source_date: str | None = None
    copy_saved: str | None = None
    warnings: tuple = ()  # (line, message) the build printed for the article

    def context(self, path: Path, format_name: str, outcome) -> ExportContext:
        """Back up an edited or invalid document, then say what the exporter may carry from."""
        prepared = documents.prepare(path, format_name, self.digests.get(format_name), self.carry, self.when)
        outcome.warnings += prepared.warnings
        outcome.backups += [str(backup) for backup in prepared.backups]
        return ExportContext(previous=prepared.previous, changes=self.changes, last_build=self.last_build,
                             prepared=self.prepared, source_date=self.source_date,
                             copy_saved=self.copy_saved, warnings=self.warnings)

    def digest(self, path: Path, format_name: str) -> dict:
        try:
            return documents.record(path, format_name)
        except ValueError:
            return {}


class CarryPlans:
    """The plans of one build, from the manifest the last build wrote (read even with
    --force, which ignores it for deciding what to rebuild)."""

    def __init__(self, out: Path, manifest: dict, carry: bool = True):
        self.out, self.manifest, self.carry = Path(out), manifest, carry
        self.when = datetime.datetime.now()
        self.today = state.build_date()
        self.combined_digest: dict | None = None
        self.pending: dict[str, state.ArticleState] = {}  # written once the article's documents are

    def _recorded(self, stem: str) -> dict:
        entry = (self.manifest.get("articles") or {}).get(stem) or {}
        digests = entry.get("digests") if isinstance(entry, dict) else None
        return digests if isinstance(digests, dict) else {}

    def for_article(self, stem: str, record, warnings=()) -> CarryPlan:
        after = state.next_state(state.read(self.out, stem), record.to_dict(), self.today)
        self.pending[stem] = after
        from .. import dating
        return CarryPlan(self._recorded(stem), self.carry, self.when, after.changes, after.since,
                         dating.prepared(), dating.source_date(record), dating.copy_saved(record),
                         tuple(warnings))

    def built(self, stem: str) -> None:
        """The article's documents are written: its record becomes the last one."""
        if stem in self.pending:
            state.write(self.out, stem, self.pending.pop(stem))

    def merged_digests(self, stem: str, new: dict) -> dict:
        return {**self._recorded(stem), **new}

    def combined(self, good) -> CarryPlan:
        """The combined workbook's plan: the changes of every article, each named."""
        changes = []
        for record, stem in good:
            current = self.pending.get(stem) or state.read(self.out, stem)
            if current:
                changes += [{"article": record.id, **change, "since": current.since} for change in current.changes]
        from .. import dating
        return CarryPlan(self._combined_recorded(), self.carry, self.when, tuple(changes),
                         prepared=dating.prepared())

    def _combined_recorded(self) -> dict:
        digests = self.manifest.get("combined_digests")
        return digests if isinstance(digests, dict) else {}

    def combined_digests(self) -> dict:
        return {"xlsx": self.combined_digest} if self.combined_digest else self._combined_recorded()
