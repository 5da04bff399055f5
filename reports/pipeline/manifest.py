"""The manifest (OUT/.reports-manifest.json): what each article was built from, so a
rebuild exports only what changed, and which outputs belong to which article."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .. import exporters
from ..model import Relationship
from .atomic import write_atomically

MANIFEST = ".reports-manifest.json"


def read_manifest(out: Path) -> dict:
    """The manifest of the output folder, {} when there is none or it is unreadable."""
    try:
        manifest = json.loads((out / MANIFEST).read_text("utf-8"))
        return manifest if isinstance(manifest, dict) else {}
    except (OSError, ValueError):
        return {}


def write_manifest(out: Path, manifest: dict) -> None:
    """Write the manifest atomically."""
    def write(path: Path) -> list[str]:
        path.write_text(json.dumps(manifest, indent=1, sort_keys=True), "utf-8")
        return []
    write_atomically(out / MANIFEST, write)


def up_to_date(entry: dict | None, record: Relationship, settings: str, formats: tuple[str, ...],
               out: Path, stem: str) -> bool:
    """Whether an article's outputs were built from this input with these settings."""
    if not entry or entry.get("sha256") != record.source.sha256 or entry.get("settings") != settings:
        return False
    if not set(formats) <= set(entry.get("formats", ())):
        return False
    return all((out / f"{stem}{exporters.get(name).EXTENSION}").exists() for name in formats)


def combined_key(good: list[tuple[Relationship, str]], settings: str) -> str:
    """What the combined workbook was built from: its records' inputs and the settings."""
    text = "\n".join(f"{stem} {record.source.sha256}" for record, stem in good)
    return hashlib.sha256(f"{settings}\n{text}".encode()).hexdigest()


def file_of(where: str) -> str:
    """The file of a diagnostic's or an entry's source: 'dump.xml[Page]' -> 'dump.xml'."""
    return re.sub(r"\[[^\[\]]*\]$", "", where)


def real(path: str) -> str:
    """A path resolved and case-normalised, for comparing files."""
    return os.path.normcase(os.path.realpath(path))


def entry_file(entry: dict) -> str:
    """The article file a manifest entry was built from."""
    return real(str(entry.get("path") or file_of(str(entry.get("source") or ""))))
