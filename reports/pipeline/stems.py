"""Output file names: a safe, unique stem for every record of a build."""

from __future__ import annotations

import re

from ..errors import Diagnostic
from ..model import Relationship

COMBINED_STEM = "relationships"
MAX_STEM = 100
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


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
