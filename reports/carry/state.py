"""The build state: each article's last record, next to the manifest, so that a
rebuild knows what changed (as Sphinx's environment knows its documents).

OUT/.reports-state/<stem>.json holds the record of the last build, that build's
date, and the changes shown in its documents with the date they are measured from.
A rebuild whose record differs from the stored one gets fresh changes; a rebuild in
which nothing changed keeps the stored ones, so `--force` repeats the same bytes.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .diff import diff

FOLDER = ".reports-state"


@dataclass(frozen=True)
class ArticleState:
    record: dict
    built: str                 # ISO date of the build that stored this record
    changes: tuple = ()        # the changes its documents show
    since: str | None = None   # the date of the build those changes are measured from


def build_date() -> str:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = (datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc) if epoch.isdigit()
            else datetime.datetime.now(datetime.timezone.utc))
    return when.date().isoformat()


def read(out: Path, stem: str) -> ArticleState | None:
    try:
        data = json.loads((Path(out) / FOLDER / f"{stem}.json").read_text("utf-8"))
        return ArticleState(data["record"], data["built"], tuple(data.get("changes") or ()), data.get("since"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def next_state(previous: ArticleState | None, record: dict, today: str) -> ArticleState:
    """The state after building `record`: its changes since `previous`, or the
    previous changes when the record did not change."""
    if previous is None:
        return ArticleState(record, today)
    changes = tuple(diff(previous.record, record))
    if not changes:
        return ArticleState(record, previous.built, previous.changes, previous.since)
    return ArticleState(record, today, changes, previous.built)


def write(out: Path, stem: str, state: ArticleState) -> None:
    folder = Path(out) / FOLDER
    folder.mkdir(exist_ok=True)
    temporary = folder / f".{stem}.json.{os.getpid()}.tmp"
    temporary.write_text(json.dumps({"record": state.record, "built": state.built, "changes": list(state.changes),
                                     "since": state.since}, ensure_ascii=False), "utf-8")
    os.replace(temporary, folder / f"{stem}.json")


def remove(out: Path, stem: str) -> None:
    (Path(out) / FOLDER / f"{stem}.json").unlink(missing_ok=True)
