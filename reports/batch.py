"""Many articles at once: find the files, load each, collect what went wrong."""

from __future__ import annotations

import os
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


def article_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Diagnostic]]:
    """The article files named: files as given, folders as their *.txt files (sorted)."""
    files, errors = [], []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                errors.append(Diagnostic(path.as_posix(), None, "error", "no articles (*.txt) in this folder"))
            files += found
        elif path.exists():
            files.append(path)
        else:
            errors.append(Diagnostic(path.as_posix(), None, "error", "no such file or folder"))
    return files, errors


def load_all(paths: Iterable[str | os.PathLike], max_bytes: int | None = None) -> Batch:
    """Load every article; one that fails is reported and the others are still read."""
    from .loader import DEFAULT_MAX_BYTES, read

    files, errors = article_files(paths)
    batch = Batch(errors=errors)
    for path in files:
        try:
            result = read(path, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
        except ArticleError as error:
            batch.errors.append(error.as_diagnostic())
            continue
        except Exception as error:  # a bug of ours must not stop the batch
            batch.errors.append(Diagnostic(path.as_posix(), None, "error",
                                           f"internal error while reading: {type(error).__name__}: {error}"))
            continue
        batch.records.append(result.record)
        batch.warnings += result.warnings
    return batch
