"""Many articles at once: find the files, load each, collect what went wrong."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import ArticleError, Diagnostic
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


def load_all(paths: Iterable[str | os.PathLike], max_bytes: int | None = None, form: str | None = None) -> Batch:
    """Load every article; one that fails is reported and the others are still read (in
    a dump, every page before a break in the file, and every page after a bad page)."""
    from .loader import DEFAULT_MAX_BYTES, read_all

    files, errors = article_files(paths)
    batch = Batch(errors=errors)
    for path in files:
        try:
            for result in read_all(path, max_bytes=max_bytes or DEFAULT_MAX_BYTES, form=form, tally=batch.skipped):
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
