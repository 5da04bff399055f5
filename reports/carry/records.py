"""The last record of every article a build folder knows, so that a build of some
articles can still make the combined workbook from all of them.

The record is the one the build state keeps (`state`: OUT/.reports-state/<stem>.json),
written once the article's documents are: one copy, which `--prune` removes with the
article's outputs. Folders built by earlier versions also kept a copy in
OUT/.reports-state/records/<stem>.json; it is still read, and removed with the rest.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Relationship
from . import state

LEGACY_FOLDER = Path(state.FOLDER) / "records"


def _legacy(out: Path, stem: str) -> Path:
    return Path(out) / LEGACY_FOLDER / f"{stem}.json"


def has(out: Path, stem: str) -> bool:
    return state.read(out, stem) is not None or _legacy(out, stem).is_file()


def keep(out: Path, stem: str, record: Relationship) -> None:
    """Store `record` as the article's last one, for a folder that has none yet (one
    built before records were kept); a build stores it with the article's state."""
    if not has(out, stem):
        state.write(out, stem, state.next_state(None, record.to_dict(), state.build_date()))


def load(out: Path, stem: str) -> Relationship | None:
    """The stored record, or None when there is none or it cannot be read."""
    import json

    found = state.read(out, stem)
    try:
        data = found.record if found else json.loads(_legacy(out, stem).read_text("utf-8"))
        return Relationship.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def remove(out: Path, stem: str) -> None:
    state.remove(out, stem)
    _legacy(out, stem).unlink(missing_ok=True)
