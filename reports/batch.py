"""Many articles at once: find the files, load each, collect what went wrong."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import ArticleError, Diagnostic, ReportsError
from .model import Relationship


@dataclass
class Batch:
    records: list[Relationship] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # dump pages passed over, by reason


def article_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Diagnostic]]:
    """The article files named: files as given, folders as the files in them that a
    reader claims (*.txt, *.wiki, *.xml.bz2, …, sorted); a file named twice counts once."""
    from .readers import extensions

    endings = tuple(extensions())
    files, errors, seen = [], [], set()
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.name.lower().endswith(endings) and p.is_file()
                           and not p.name.startswith("."))
            if not found:
                errors.append(Diagnostic(path.as_posix(), None, "error",
                                         f"no articles ({', '.join('*' + e for e in sorted(endings))}) in this folder"))
        elif path.exists():
            found = [path]
        else:
            errors.append(Diagnostic(path.as_posix(), None, "error", "no such file or folder"))
            continue
        for file in found:
            key = os.path.normcase(os.path.realpath(file))
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, errors


def load_all(paths: Iterable[str | os.PathLike], max_bytes: int | None = None, form: str | None = None,
             index: str | os.PathLike | None = None, jobs: int = 1) -> Batch:
    """Load every article; one that fails is reported and the others are still read (in
    a dump, every page before a break in the file, and every page after a bad page).
    `index` is the multistream index of the one dump among `paths` (without it, a dump's
    index is still used when it lies beside the dump under its usual name). A dump read
    by its index is read by `jobs` processes, one bz2 stream per task, records in order."""
    from .articles import DEFAULT_MAX_BYTES, read_all

    files, errors = article_files(paths)
    batch = Batch(errors=errors)
    indexed = _indexed_dump(files, form, Path(index)) if index is not None else None
    limit = max_bytes or DEFAULT_MAX_BYTES
    for path in files:
        try:
            found = Path(index) if path == indexed else _index_beside(path, form) if index is None else None
            if found and jobs > 1:
                results = _read_by_index_in_parallel(path, found, limit, batch.skipped, jobs)
            elif path == indexed:
                results = _read_by_index(path, found, limit, batch.skipped)
            else:
                results = read_all(path, max_bytes=limit, form=form, tally=batch.skipped)
            for result in results:
                batch.warnings += result.warnings
                if result.error:
                    batch.errors.append(result.error)
                else:
                    batch.records.append(result.record)
        except ArticleError as error:
            batch.errors.append(error.as_diagnostic())
        except Exception as error:  # a bug of ours must not stop the batch
            batch.errors.append(Diagnostic(path.as_posix(), None, "error",
                                           f"internal error while reading: {type(error).__name__}: {error}"))
    return batch


def _indexed_dump(files: list[Path], form: str | None, index: Path) -> Path:
    """The one bz2 dump among the inputs that `--index` belongs to."""
    from .readers import choose

    if not index.is_file():
        raise ReportsError(f"{index.as_posix()}: no such index file")
    dumps = [path for path in files if choose(path, form).NAME == "mediawiki-xml" and _is_bz2(path)]
    if len(dumps) != 1:
        raise ReportsError(f"{index.as_posix()}: an index belongs to one .xml.bz2 multistream dump, "
                           f"and the inputs hold {len(dumps)}")
    return dumps[0]


def _is_bz2(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(3) == b"BZh"
    except OSError:
        return False


def _index_beside(path: Path, form: str | None) -> Path | None:
    from .readers import choose, mediawiki_xml

    return mediawiki_xml.index_beside(path) if choose(path, form).NAME == "mediawiki-xml" else None


def _read_by_index(path: Path, index: Path, max_bytes: int, tally):
    """The records of a multistream dump read by the given index (what read_all gives
    for a dump whose index lies beside it)."""
    from .articles import display_path
    from .readers import mediawiki_xml

    shown = display_path(path)
    for document in mediawiki_xml.documents(path, shown, max_bytes, tally, index=index):
        yield _result(document, shown)


def _result(document, shown: str):
    from .loader import LoadResult, record_of

    if document.error:
        return LoadResult(None, document.warnings, document.error)
    try:
        return record_of(document, shown)
    except ArticleError as error:
        return LoadResult(None, document.warnings, error.as_diagnostic())


def _read_by_index_in_parallel(path: Path, index: Path, max_bytes: int, tally, jobs: int):
    """The same records, in the same order, from `jobs` processes: each task reads one
    stream of the dump and turns its relations pages into records."""
    import concurrent.futures

    from .articles import display_path
    from .readers import mediawiki_xml

    shown = display_path(path)
    base, streams = mediawiki_xml.index_plan(path, shown, index, tally)
    tasks = [(str(path), shown, str(index), offset, titles, base, max_bytes) for offset, titles in streams]
    if len(tasks) < 2:  # one stream (or none): no processes to start
        done = map(_stream_results, tasks)
    else:
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=min(jobs, len(tasks)))
        # a few streams per task when there are many: fewer round trips, still balanced
        done = pool.map(_stream_results, tasks, chunksize=max(1, min(4, len(tasks) // (8 * jobs))))
    try:
        for results, counts in done:
            for reason, count in counts.items():
                tally[reason] = tally.get(reason, 0) + count
            yield from results
    finally:
        if len(tasks) >= 2:
            pool.shutdown(cancel_futures=True)


def _stream_results(task) -> tuple[list, dict]:
    """(load results, what was passed over) of one stream of a dump. Runs in a worker."""
    from .loader import LoadResult
    from .readers import mediawiki_xml

    path, shown, index, offset, titles, base, max_bytes = task
    tally, results = {}, []
    try:
        with open(path, "rb") as raw:
            for page, text, _ in mediawiki_xml.stream_pages(raw, shown, Path(index), offset, titles, base, tally):
                results.append(_result(mediawiki_xml.document(page, text, shown, max_bytes), shown))
    except ArticleError as error:
        results.append(LoadResult(None, [], error.as_diagnostic()))
    except OSError as error:
        results.append(LoadResult(None, [], Diagnostic(shown, None, "error", f"cannot read the dump: {error}")))
    return results, tally
