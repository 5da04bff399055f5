"""Writing files atomically: a temporary name, renamed into place when complete."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable


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


def remove_leftovers(out: Path, build_id: int) -> None:
    """Temporary files of this build that a killed worker could not remove."""
    for leftover in out.glob(f".*.{build_id}-*.tmp"):
        leftover.unlink(missing_ok=True)


