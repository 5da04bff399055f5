"""The batch pipeline: articles -> records -> every format, atomically and in parallel.

1. Collect the article files; load each once (a failure is reported, the rest go on).
2. Give each record a safe, unique file stem.
3. Skip articles whose input, layout and tool version match the manifest.
4. Export the rest, one article per task, in `jobs` worker processes; each file is
   written to a temporary name in the output folder and renamed into place.
5. Keep what the folder knows of articles this run did not build: their manifest
   entries, and their last records (carry/records.py) for the combined workbook;
   report articles that are gone, and remove their outputs with `prune`.
6. Write the combined workbook when any of its records changed, then the manifest.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import re
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import exporters
from ._version import __version__
from .batch import load_all
from .carry import records as stored
from .carry.plan import CarryPlan, CarryPlans
from .errors import Diagnostic, ReportsError
from .layout import Layout, load_layout
from .model import Relationship

MANIFEST = ".reports-manifest.json"
COMBINED_STEM = "relationships"
MAX_STEM = 100
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


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


# -- file names -----------------------------------------------------------------------


def safe_stem(record_id: str) -> str:
    """A file name stem that is safe on every system: no separators, no "..", no
    reserved device names, at most MAX_STEM characters."""
    stem = re.sub(r"[^a-z0-9._-]+", "-", record_id.lower())
    stem = re.sub(r"\.{2,}", ".", stem).strip(".-_ ")[:MAX_STEM].rstrip(".-_ ")
    if not stem:
        stem = "relationship"
    if stem.split(".")[0] in _WINDOWS_RESERVED or stem == COMBINED_STEM:
        stem = f"{stem}-relations"
    return stem


def assign_stems(records: list[Relationship]) -> tuple[list[str], list[Diagnostic]]:
    """Unique stems in record order; a repeated one gets "-2", "-3"... and a warning."""
    stems, seen, warnings = [], set(), []
    for record in records:
        base = stem = safe_stem(record.id)
        number = 2
        while stem in seen:
            suffix = f"-{number}"
            stem = base[:MAX_STEM - len(suffix)] + suffix
            number += 1
        if stem != base:
            warnings.append(Diagnostic(record.source.where, record.source.line, "warning",
                                       f"another article has the id {base!r}: its files are named {stem!r}"))
        seen.add(stem)
        stems.append(stem)
    return stems, warnings


# -- atomic writes ----------------------------------------------------------------------


def write_atomically(path: Path, write: Callable[[Path], list[str]], build_id: int | None = None) -> list[str]:
    """Run `write(temporary_path)` and rename the result to `path`; on any failure
    (Ctrl-C included) remove the temporary file and leave `path` as it was.
    `build_id` marks the temporary name, so a build cleans up only its own leftovers."""
    temporary = path.with_name(f".{path.name}.{build_id or os.getpid()}-{os.getpid()}.tmp")
    try:
        warnings = write(temporary)
        os.replace(temporary, path)
        return warnings
    finally:
        if temporary.exists():
            temporary.unlink()


def _remove_leftovers(out: Path, build_id: int) -> None:
    """Temporary files of this build that a killed worker could not remove."""
    for leftover in out.glob(f".*.{build_id}-*.tmp"):
        leftover.unlink(missing_ok=True)


# -- one article, in a worker ---------------------------------------------------------------

_layouts: dict[str, Layout] = {}


def _layout(reference: str | None) -> Layout:
    key = reference or "default"
    if key not in _layouts:
        _layouts[key] = load_layout(reference)
    return _layouts[key]


@dataclass
class _Outcome:
    written: list[str]
    warnings: list[str]
    error: str | None = None
    digests: dict[str, dict] = field(default_factory=dict)  # format -> carry.documents.record()
    backups: list[str] = field(default_factory=list)


def export_article(record: Relationship, stem: str, out: str, formats: tuple[str, ...],
                   layout_reference: str | None, verbose: bool, build_id: int,
                   carry: CarryPlan | None = None) -> _Outcome:
    """Write every format of one record. Runs in a worker process."""
    layout = _layout(layout_reference)
    carry = carry or CarryPlan()
    outcome = _Outcome([], [])
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
                             f"{type(error).__name__}: {_one_line(str(error))} ({detail})")
            return outcome
        outcome.written.append(str(path))
    return outcome


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- the manifest -------------------------------------------------------------------------


def _read_manifest(out: Path) -> dict:
    try:
        manifest = json.loads((out / MANIFEST).read_text("utf-8"))
        return manifest if isinstance(manifest, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_manifest(out: Path, manifest: dict) -> None:
    def write(path: Path) -> list[str]:
        path.write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
        return []
    write_atomically(out / MANIFEST, write)


def _up_to_date(entry: dict | None, record: Relationship, settings: str, formats: tuple[str, ...],
                out: Path, stem: str) -> bool:
    if not entry or entry.get("sha256") != record.source.sha256 or entry.get("settings") != settings:
        return False
    if not set(formats) <= set(entry.get("formats", ())):
        return False
    return all((out / f"{stem}{exporters.get(name).EXTENSION}").exists() for name in formats)


# -- the build --------------------------------------------------------------------------------


def build(paths: Iterable[str | os.PathLike] = ("data",), out: str | os.PathLike = "out",
          formats: Iterable[str] | None = None, layout: str | None = None, jobs: int | None = None,
          combined: bool = True, force: bool = False, strict: bool = False, verbose: bool = False,
          progress: Callable[[int], None] | None = None, max_bytes: int | None = None,
          planned: Callable[[int], None] | None = None,
          carry: bool = True, form: str | None = None, prune: bool = False,
          index: str | os.PathLike | None = None, scheduler: str | None = None) -> BuildResult:
    """Build every format of every article under `paths` into `out`.

    Articles built into `out` earlier and not named now keep their outputs, their
    manifest entries and their rows in the combined workbook; those whose article no
    longer exists are reported, and with `prune` their outputs are removed.

    `index` is the multistream index of a dump among `paths` (one beside the dump under
    its usual name is found without it). `scheduler` sends the articles to a Dask
    cluster (`tcp://host:port`, or `local:N`) instead of `jobs` local processes.

    Raises ReportsError for a problem with the whole build (unknown format, bad layout,
    output folder not writable); problems with one article are in the result.
    """
    started = time.perf_counter()
    run = _Build(Path(out), tuple(formats or exporters.names()), layout, force, strict)
    run.carry = CarryPlans(run.out, _read_manifest(run.out), carry)
    # A scheduler that cannot be reached fails before any reading; a local cluster starts
    # (its workers importing the exporters) while the articles are read.
    engine = _engine(scheduler, jobs, run.formats)
    try:
        records, stems = run.load(paths, max_bytes, form, index, max(1, jobs or os.cpu_count() or 1))
        if not run.result.stopped_early:
            todo = run.plan(records, stems)
            if planned:
                planned(len(todo))
            try:
                for (record, stem), outcome in _run(todo, run.out, run.formats, layout, engine, verbose, run.carry):
                    if progress:
                        progress(1)
                    if not run.collect(record, stem, outcome):
                        break
            finally:
                _remove_leftovers(run.out, os.getpid())  # Ctrl-C, or a worker killed mid-write
            good = [(r, s) for r, s in zip(records, stems) if r.source.where not in run.failed_paths]
            known = sorted(good + run.untouched(records, stems, prune), key=lambda pair: pair[1])
            current = ("xlsx" in run.formats and combined and not run.result.stopped_early and known
                       and run.combined(known))
            run.write_manifest(known if current else None)
    finally:
        getattr(engine, "close", lambda: None)()
    run.result.seconds = time.perf_counter() - started
    return run.result


class _Build:
    """The state of one build: settings, manifest entries, and the result so far."""

    def __init__(self, out: Path, formats: tuple[str, ...], layout: str | None, force: bool, strict: bool):
        for name in formats:
            exporters.get(name)  # an unknown or uninstalled format fails before any work
        self.out, self.formats, self.force, self.strict = out, formats, force, strict
        self.layout = _layout(layout)
        for name in formats:  # e.g. a missing Word template: one error before any article
            check = getattr(exporters.get(name), "check", None)
            if check:
                check(self.layout)
        self.settings = hashlib.sha256(f"{__version__}\n{self.layout.fingerprint()}".encode()).hexdigest()
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReportsError(f"{out}: cannot create the output folder: {error.strerror or error}") from None
        last = _read_manifest(out)
        self.manifest = {} if force else last
        known = last.get("articles")
        self.known: dict[str, dict] = {stem: entry for stem, entry in known.items() if isinstance(entry, dict)} \
            if isinstance(known, dict) else {}  # every article the folder holds, whatever its settings
        self.entries = self.manifest.get("articles", {}) if self.manifest.get("settings") == self.settings else {}
        self.new_entries: dict[str, dict] = {}
        self.failed_paths: set[str] = set()
        self.result = BuildResult()

    def load(self, paths, max_bytes, form=None, index=None, jobs=1) -> tuple[list[Relationship], list[str]]:
        """Every record, loaded once, with its file stem; in strict mode a problem stops here."""
        batch = load_all(paths, max_bytes=max_bytes, form=form, index=index, jobs=jobs)
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
            if self.force or not _up_to_date(self.entries.get(stem), record, self.settings, self.formats,
                                             self.out, stem):
                todo.append((record, stem))
            else:
                self.new_entries[stem] = self.entries[stem]
                stored.keep(self.out, stem, record)  # a folder built before records were kept
        self.result.skipped = len(records) - len(todo)
        return todo

    def collect(self, record: Relationship, stem: str, outcome: _Outcome) -> bool:
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

    def untouched(self, records: list[Relationship], stems: list[str], prune: bool) -> list[tuple[Relationship, str]]:
        """The articles the folder knows that this run did not build, as (last record,
        stem): their manifest entries are kept; those whose article is gone (its file
        deleted, or read now without giving this article) are reported, or pruned."""
        built = {stem for (record, stem) in zip(records, stems) if record.source.where not in self.failed_paths}
        here = set(stems)
        read = {_real(record.source.path) for record in records}
        failed = {_real(_file_of(failure.path)) for failure in self.result.failures}
        kept = []
        for stem, entry in sorted(self.known.items()):
            if stem in built:
                continue
            if stem not in here:
                source = _entry_file(entry)
                if source not in failed and (source in read or not os.path.exists(source)):
                    if prune:
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
        if not self.force and self.manifest.get("combined") == _combined_key(good, self.settings) and path.exists():
            return True
        records = [record for record, _ in good]
        carry, outcome = self.carry.combined(good), _Outcome([], [])
        try:
            context = carry.context(path, "xlsx", outcome)
            warnings = write_atomically(path, lambda tmp: exporter.export_many(records, self.layout, tmp, context))
            self.carry.combined_digest = carry.digest(path, "xlsx")
        except Exception as error:  # report, never crash the build
            self.result.failures.append(Diagnostic(str(path), None, "error",
                                                   f"internal error while writing the combined workbook: "
                                                   f"{type(error).__name__}: {_one_line(str(error))}"))
            return False
        self.result.warnings += [Diagnostic(str(path), None, "warning", w) for w in outcome.warnings + warnings]
        self.result.backups += [Path(p) for p in outcome.backups]
        self.result.written.append(path)
        return True

    def write_manifest(self, combined_records) -> None:
        """The manifest; the combined workbook's key only when that workbook is current."""
        combined = _combined_key(combined_records, self.settings) if combined_records else None
        _write_manifest(self.out, {"tool": __version__, "settings": self.settings, "articles": self.new_entries,
                                   "combined": combined, "combined_digests": self.carry.combined_digests()})


def _file_of(where: str) -> str:
    """The file of a diagnostic's or an entry's source: 'dump.xml[Page]' -> 'dump.xml'."""
    return re.sub(r"\[[^\[\]]*\]$", "", where)


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _entry_file(entry: dict) -> str:
    return _real(str(entry.get("path") or _file_of(str(entry.get("source") or ""))))


def _combined_key(good: list[tuple[Relationship, str]], settings: str) -> str:
    text = "\n".join(f"{stem} {record.source.sha256}" for record, stem in good)
    return hashlib.sha256(f"{settings}\n{text}".encode()).hexdigest()


# -- engines: where the articles are exported ------------------------------------------------
#
# An engine is a callable taking [(task, export_article arguments)] and yielding
# (task, _Outcome) for every task, in any order, as each finishes; one with a close()
# holds resources (a cluster) that the build releases at its end, whatever happens.
# Serial and the local process pool live here; Dask lives in dask_engine.py, imported
# only with a scheduler.


def _run(todo, out: Path, formats, layout, engine, verbose, carry: CarryPlans):
    """(task, outcome) pairs, as the engine finishes them."""
    arguments = [(record, stem, str(out), formats, layout, verbose, os.getpid(), carry.for_article(stem, record))
                 for record, stem in todo]
    yield from engine(list(zip(todo, arguments)))


def _engine(scheduler: str | None, jobs: int | None, formats: tuple[str, ...] = ()) -> Callable:
    if scheduler:
        from . import dask_engine

        return dask_engine.engine(scheduler, formats)
    jobs = max(1, jobs or os.cpu_count() or 1)
    return lambda tasks: _serial(tasks) if jobs == 1 or len(tasks) <= 1 else _pool(tasks, jobs)


def _serial(tasks):
    for task, args in tasks:
        yield task, export_article(*args)


def _pool(tasks, jobs: int):
    """In `jobs` worker processes; outcomes in task order."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        futures = [pool.submit(export_article, *args) for _, args in tasks]
        try:
            for (task, _), future in zip(tasks, futures):
                try:
                    yield task, future.result()
                except concurrent.futures.process.BrokenProcessPool:
                    # A worker died (killed, out of memory): this article and the rest fail.
                    yield task, _Outcome([], [], "a worker process died while building this article "
                                                 "(out of memory?); rerun with fewer --jobs")
        finally:
            for future in futures:
                future.cancel()
