"""The local cache of fetched pages, keyed by revision: a revision's text never changes,
so a rebuild asks the wiki only which revision each page is at, and downloads the
text only of pages that changed since.

One JSON file per revision, in a folder per wiki:
    <cache>/<wiki host and path>/<revision id>.json   {"title", "revision", "timestamp", "text"}
The cache folder is a setting (`--cache`, env REPORTS_CACHE); by default it is under
the user's cache folder (XDG_CACHE_HOME or ~/.cache; ~/Library/Caches; %LOCALAPPDATA%).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit


def default_folder() -> Path:
    """Where fetched pages are kept when no folder is named."""
    if os.environ.get("REPORTS_CACHE"):
        return Path(os.environ["REPORTS_CACHE"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        root = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Caches"
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "reports" / "pages"


def wiki_folder_name(api: str) -> str:
    """A folder name for one wiki: its host, port and path ("en.wikipedia.org_w_api.php")."""
    parts = urlsplit(api)
    return re.sub(r"[^A-Za-z0-9.-]+", "_", f"{parts.netloc}{parts.path}").strip("_.") or "wiki"


class RevisionCache:
    """The texts of one wiki's revisions already fetched."""

    def __init__(self, folder: str | os.PathLike | None, api: str):
        self.folder = Path(folder or default_folder()) / wiki_folder_name(api)

    def get(self, revision: str) -> dict | None:
        """The cached revision ({"title", "revision", "timestamp", "text"}), or None
        when it is not cached or its file is unreadable (then it is fetched again)."""
        if not str(revision).isdigit():
            return None
        try:
            entry = json.loads((self.folder / f"{revision}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or \
                str(entry.get("revision")) != str(revision):
            return None
        return entry

    def put(self, revision: str, title: str, timestamp: str | None, text: str) -> None:
        """Keep a revision's text (written whole or not at all; a cache that cannot be
        written only means the text is fetched again next time)."""
        if not str(revision).isdigit():
            return
        entry = {"title": title, "revision": str(revision), "timestamp": timestamp, "text": text}
        path = self.folder / f"{revision}.json"
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(entry, ensure_ascii=False), "utf-8")
            os.replace(temporary, path)
        except OSError:
            temporary.unlink(missing_ok=True)
