"""The last record of every article a build folder knows, so that a build of some
articles can still make the combined workbook from all of them.

OUT/.reports-state/records/<stem>.json holds the record (RECORD.md's shape) of the
last successful build of that article; `--prune` removes it with the article's outputs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..model import Relationship

FOLDER = Path(".reports-state") / "records"


def _path(out: Path, stem: str) -> Path:
    return Path(out) / FOLDER / f"{stem}.json"


def save(out: Path, stem: str, record: Relationship) -> None:
    """Store `record` atomically (a killed build leaves the old one)."""
    path = _path(out, stem)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True), "utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def has(out: Path, stem: str) -> bool:
    return _path(out, stem).is_file()


def load(out: Path, stem: str) -> Relationship | None:
    """The stored record, or None when there is none or it cannot be read."""
    try:
        return Relationship.from_dict(json.loads(_path(out, stem).read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def remove(out: Path, stem: str) -> None:
    _path(out, stem).unlink(missing_ok=True)
