"""The build (`reports build`): articles -> records -> every format, atomically and in parallel.

1. Collect the article files; load each once (a failure is reported, the rest go on).
2. Give each record a safe, unique file stem (stems.py).
3. Skip articles whose input, layout and tool version match the manifest (manifest.py).
4. Export the rest, one article per task (article.py), on an engine (engines/): this
   process, `jobs` worker processes, or a Dask cluster; each file is written to a
   temporary name in the output folder and renamed into place (atomic.py).
5. Keep what the folder knows of articles this run did not build: their manifest
   entries, and their last records (carry/records.py) for the combined workbook;
   report articles that are gone, and remove their outputs with `prune`.
6. Write the combined workbook when any of its records changed, then the manifest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .. import exporters
from .._version import __version__
from ..batch import load_all
from ..carry import records as stored
from ..carry.plan import CarryPlans
from ..errors import Diagnostic, ReportsError
from ..model import Relationship
from .article import Outcome, cached_layout, one_line
from .atomic import remove_leftovers, write_atomically
from .engines import Engine, engine_for
from .manifest import combined_key, entry_file, file_of, read_manifest, real, up_to_date, write_manifest
from .options import BuildOptions
from .stems import COMBINED_STEM, assign_stems

@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    built: int = 0
    skipped: int = 0
    failures: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    stopped_early: bool = False
    skipped_pages: dict = field(default_factory=dict)  # pages of a dump passed over, by reason
    backups: list[Path] = field(default_factory=list)  # edited documents kept before replacing them
    vanished: list[str] = field(default_factory=list)  # sources of articles gone from the folder's inputs
    pruned: list[Path] = field(default_factory=list)  # their outputs, removed with prune=True

    @property
    def failed(self) -> int:
        return len({failure.path for failure in self.failures})

    @property
    def ok(self) -> bool:
        return not self.failures


def build(paths: Iterable[str | os.PathLike] = ("data",), out: str | os.PathLike = "out",
          options: BuildOptions | None = None, *, progress: Callable[[int], None] | None = None,
          planned: Callable[[int], None] | None = None, **settings) -> BuildResult:
    """Build every format of every article under `paths` into `out`, as `options` say
    (or BuildOptions(**settings): `build(paths, out, formats=["pdf"], jobs=2)`).
    `planned(n)` is told how many articles will be exported, `progress(1)` after each.

    Articles built into `out` earlier and not named now keep their outputs, their
    manifest entries and their rows in the combined workbook; those whose article no
    longer exists are reported, and with `prune` their outputs are removed.

    `index` is the multistream index of a dump among `paths` (one beside the dump under
    its usual name is found without it). `scheduler` sends the articles to a Dask
    cluster (`tcp://host:port`, or `local:N`) instead of `jobs` local processes.

    Raises ReportsError for a problem with the whole build (unknown format, bad layout,
    output folder not writable); problems with one article are in the result.
    """
    options = dataclasses.replace(options or BuildOptions(), **settings)
    started = time.perf_counter()
    run = Build(Path(out), tuple(options.formats or exporters.names()), options)
    # A scheduler that cannot be reached fails before any reading; a local cluster starts
    # (its workers importing the exporters) while the articles are read.
    engine = engine_for(options.scheduler, options.workers, run.formats)
    try:
        records, stems = run.load(paths)
        if not run.result.stopped_early:
            todo = run.plan(records, stems)
            if planned:
                planned(len(todo))
            try:
                for (record, stem), outcome in run.export(todo, engine):
                    if progress:
                        progress(1)
                    if not run.collect(record, stem, outcome):
                        break
            finally:
                remove_leftovers(run.out, os.getpid())  # Ctrl-C, or a worker killed mid-write
            good = [(r, s) for r, s in zip(records, stems) if r.source.where not in run.failed_paths]
            known = sorted(good + run.untouched(records, stems), key=lambda pair: pair[1])
            current = ("xlsx" in run.formats and options.combined and not run.result.stopped_early and known
                       and run.combined(known))
            run.write_manifest(known if current else None)
    finally:
        engine.close()
    run.result.seconds = time.perf_counter() - started
    return run.result


class Build:
    """The state of one build: settings, manifest entries, and the result so far."""

    def __init__(self, out: Path, formats: tuple[str, ...], options: BuildOptions):
        for name in formats:
            exporters.get(name)  # an unknown or uninstalled format fails before any work
        self.out, self.formats, self.options = out, formats, options
        self.force, self.strict = options.force, options.strict
        self.layout = cached_layout(options.layout)
        for name in formats:  # e.g. a missing Word template: one error before any article
            check = getattr(exporters.get(name), "check", None)
            if check:
                check(self.layout)
        self.settings = hashlib.sha256(f"{__version__}\n{self.layout.fingerprint()}".encode()).hexdigest()
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReportsError(f"{out}: cannot create the output folder: {error.strerror or error}") from None
        last = read_manifest(out)
        self.manifest = {} if self.force else last
        known = last.get("articles")
        self.known: dict[str, dict] = {stem: entry for stem, entry in known.items() if isinstance(entry, dict)} \
            if isinstance(known, dict) else {}  # every article the folder holds, whatever its settings
        self.entries = self.manifest.get("articles", {}) if self.manifest.get("settings") == self.settings else {}
        self.new_entries: dict[str, dict] = {}
        self.failed_paths: set[str] = set()
        self.result = BuildResult()
        self.carry = CarryPlans(out, read_manifest(out), options.carry)

    def load(self, paths) -> tuple[list[Relationship], list[str]]:
        """Every record, loaded once, with its file stem; in strict mode a problem stops here."""
        options = self.options
        batch = load_all(paths, max_bytes=options.max_bytes, form=options.form, index=options.index,
                         jobs=options.workers)
        self.result.skipped_pages = dict(batch.skipped)
        stems, stem_warnings = assign_stems(batch.records)
        self.result.failures += batch.errors
        self.result.warnings += batch.warnings + stem_warnings
        if self.strict and (self.result.failures or self.result.warnings):
            self.result.failures += [Diagnostic(w.path, w.line, "error", w.message) for w in self.result.warnings]
            self.result.warnings = []
            self.result.stopped_early = True
        return batch.records, stems

    def plan(self, records, stems) -> list[tuple[Relationship, str]]:
        """The (record, stem) pairs to export: all with --force, else the changed ones."""
        todo = []
        for record, stem in zip(records, stems):
            if self.force or not up_to_date(self.entries.get(stem), record, self.settings, self.formats,
                                            self.out, stem):
                todo.append((record, stem))
            else:
                self.new_entries[stem] = self.entries[stem]
                stored.keep(self.out, stem, record)  # a folder built before records were kept
        self.result.skipped = len(records) - len(todo)
        return todo

    def export(self, todo: list[tuple[Relationship, str]], engine: Engine):
        """((record, stem), outcome) pairs, as the engine finishes them."""
        options = self.options
        arguments = [(record, stem, str(self.out), self.formats, options.layout, options.verbose, os.getpid(),
                      self.carry.for_article(stem, record, self.warnings_of(record))) for record, stem in todo]
        yield from engine(list(zip(todo, arguments)))

    def warnings_of(self, record: Relationship) -> list[tuple[int | None, str]]:
        """(line, message) of the loader's warnings for one article, for its documents."""
        where = record.source.where
        return [(w.line, w.message) for w in self.result.warnings if w.path == where and w.level == "warning"]

    def collect(self, record: Relationship, stem: str, outcome: Outcome) -> bool:
        """Add one article's outcome to the result; False when the build must stop."""
        where = record.source.where
        self.result.warnings += [Diagnostic(where, None, "warning", w) for w in outcome.warnings]
        self.result.written += [Path(p) for p in outcome.written]
        self.result.backups += [Path(p) for p in outcome.backups]
        if outcome.error or (self.strict and outcome.warnings):
            message = outcome.error or f"warnings in strict mode: {'; '.join(outcome.warnings)}"
            self.result.failures.append(Diagnostic(where, None, "error", message))
            self.failed_paths.add(where)
            self.result.stopped_early = self.strict
            return not self.strict
        self.result.built += 1
        previous = self.entries.get(stem, {})
        # Formats built earlier from the same input are still current.
        kept = previous.get("formats", ()) if previous.get("sha256") == record.source.sha256 else ()
        self.new_entries[stem] = {"source": where, "path": os.path.abspath(record.source.path),
                                  "sha256": record.source.sha256, "settings": self.settings,
                                  "formats": sorted(set(self.formats) | set(kept)),
                                  "digests": self.carry.merged_digests(stem, outcome.digests)}
        self.carry.built(stem)
        return True

    def untouched(self, records: list[Relationship], stems: list[str]) -> list[tuple[Relationship, str]]:
        """The articles the folder knows that this run did not build, as (last record,
        stem): their manifest entries are kept; those whose article is gone (its file
        deleted, or read now without giving this article) are reported, or pruned."""
        built = {stem for (record, stem) in zip(records, stems) if record.source.where not in self.failed_paths}
        here = set(stems)
        read = {real(record.source.path) for record in records}
        failed = {real(file_of(failure.path)) for failure in self.result.failures}
        kept = []
        for stem, entry in sorted(self.known.items()):
            if stem in built:
                continue
            if stem not in here:
                source = entry_file(entry)
                if source not in failed and (source in read or not os.path.exists(source)):
                    if self.options.prune:
                        self._prune(stem, entry)
                        continue
                    self.result.vanished.append(str(entry.get("source") or stem))
                    self.result.warnings.append(Diagnostic(
                        str(entry.get("source") or stem), None, "warning",
                        f"this article is gone; its outputs {', '.join(p.name for p in self._outputs(stem))} "
                        "are kept (--prune removes them)"))
                self.new_entries[stem] = entry
            record = stored.load(self.out, stem)  # an article whose export failed keeps its last rows too
            if record is not None:
                kept.append((record, stem))
        return kept

    def _outputs(self, stem: str) -> list[Path]:
        paths = (self.out / f"{stem}{exporters.get(name).EXTENSION}" for name in exporters.names())
        return [path for path in paths if path.is_file()]

    def _prune(self, stem: str, entry: dict) -> None:
        """Remove the outputs of an article that is gone (never analysts' backups)."""
        for path in self._outputs(stem):
            path.unlink()
            self.result.pruned.append(path)
        stored.remove(self.out, stem)
        self.result.vanished.append(str(entry.get("source") or stem))

    def combined(self, good: list[tuple[Relationship, str]]) -> bool:
        """OUT/relationships.xlsx, when any of its records changed (or it is missing);
        whether it is now current."""
        exporter = exporters.get("xlsx")
        path = self.out / f"{COMBINED_STEM}{exporter.EXTENSION}"
        if not self.force and self.manifest.get("combined") == combined_key(good, self.settings) and path.exists():
            return True
        records = [record for record, _ in good]
        carry, outcome = self.carry.combined(good), Outcome([], [])
        try:
            context = carry.context(path, "xlsx", outcome)
            warnings = write_atomically(path, lambda tmp: exporter.export_many(records, self.layout, tmp, context))
            self.carry.combined_digest = carry.digest(path, "xlsx")
        except Exception as error:  # report, never crash the build
            self.result.failures.append(Diagnostic(str(path), None, "error",
                                                   f"internal error while writing the combined workbook: "
                                                   f"{type(error).__name__}: {one_line(str(error))}"))
            return False
        self.result.warnings += [Diagnostic(str(path), None, "warning", w) for w in outcome.warnings + warnings]
        self.result.backups += [Path(p) for p in outcome.backups]
        self.result.written.append(path)
        return True

    def write_manifest(self, combined_records) -> None:
        """The manifest; the combined workbook's key only when that workbook is current."""
        combined = combined_key(combined_records, self.settings) if combined_records else None
        write_manifest(self.out, {"tool": __version__, "settings": self.settings, "articles": self.new_entries,
                                  "combined": combined, "combined_digests": self.carry.combined_digests()})
