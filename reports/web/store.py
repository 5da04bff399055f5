"""Build folders: one per build under the builds folder, named by an unguessable id.

    <builds>/<id>/inputs/     the articles, under names made here (never the uploaded ones)
    <builds>/<id>/out/        what `reports build` wrote, with its manifest and build state
    <builds>/<id>/previews/   page one of each brief as a PNG
    <builds>/<id>/status.json what the build is doing, written by its worker process
    <builds>/<id>/everything.zip

There is no listing: a build is found only by its id. A folder is removed once it is
older than the time the server keeps builds.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import tempfile
import time
from pathlib import Path

_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")
STATUS = "status.json"


def new_build(builds: Path) -> tuple[str, Path]:
    """A fresh id (128 random bits) and its folder, readable by this user only."""
    builds.mkdir(parents=True, exist_ok=True, mode=0o700)
    while True:
        build_id = secrets.token_urlsafe(16)
        folder = builds / build_id
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        for part in ("inputs", "out", "previews"):
            (folder / part).mkdir()
        return build_id, folder


def folder_of(builds: Path, build_id: str) -> Path | None:
    """The folder of a build id as the browser gave it, or None for anything else."""
    if not _ID.match(build_id):
        return None
    folder = builds / build_id
    return folder if (folder / STATUS).is_file() else None


def write_status(folder: Path, status: dict) -> None:
    """Replace status.json in one step: a reader sees the old or the new, never half."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".status-", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(status, file, ensure_ascii=False)
    os.replace(temporary, folder / STATUS)


def read_status(folder: Path) -> dict:
    try:
        return json.loads((folder / STATUS).read_text("utf-8"))
    except (OSError, ValueError):
        return {"state": "failed", "message": "this build's state cannot be read"}


def update_status(folder: Path, **changes) -> dict:
    status = {**read_status(folder), **changes}
    write_status(folder, status)
    return status


def output_file(folder: Path, name: str) -> Path | None:
    """A file the build wrote, named as its results page lists it; None for any other name."""
    out = folder / "out"
    listed = {entry.name for entry in os.scandir(out) if entry.is_file() and not entry.name.startswith(".")} \
        if out.is_dir() else set()
    return out / name if name in listed else None


def remove_expired(builds: Path, keep_hours: float, now: float | None = None) -> list[str]:
    """Remove the folders of builds started more than `keep_hours` ago; their ids."""
    if not builds.is_dir():
        return []
    limit = (now if now is not None else time.time()) - keep_hours * 3600
    removed = []
    for entry in os.scandir(builds):
        if _ID.match(entry.name) and entry.is_dir(follow_symlinks=False) and entry.stat().st_mtime < limit:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.name)
    return removed
