"""The note `reports fetch` puts before a fetched page's wikitext: which page, which
revision, when and where, so a `.wiki` file carries its source as a dump page does.

    <!-- reports fetch: {"page": "A–B relations", "revision": "123", ...} -->{{Infobox …

The note is a wikitext comment on the page's first line (no line of its own: line n
of the file is line n of the page's edit view). It travels with the file when it is
copied or uploaded, where a separate metadata file would be left behind. It holds the
text's fingerprint: a file edited since it was fetched no longer claims the revision.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..document import Page

_START = "<!-- reports fetch: "
_NOTE = re.compile(r"<!-- reports fetch: (\{.*?\}) -->")


def fingerprint(text: str) -> str:
    """The sha256 of a page's text as a reader sees it (one kind of line end, NFC)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def with_note(page: Page, text: str) -> str:
    """The page's text with the note before it."""
    note = {"page": page.title, "revision": page.revision, "timestamp": page.timestamp, "url": page.url,
            "sha256": fingerprint(text)}
    # A title cannot hold "<", ">" or "|", and a URL is percent-encoded: "-->" never occurs inside.
    return f"{_START}{json.dumps(note, ensure_ascii=False)} -->{text}"


def read_note(text: str) -> tuple[Page | None, str, str | None]:
    """(the page the note names, the text after it, a warning) of a file's text; (None,
    text, None) when it has no note. A text changed since it was fetched keeps its page
    and address but not the revision (and says so in the warning)."""
    if not text.startswith(_START):
        return None, text, None
    found = _NOTE.match(text)
    try:
        note = json.loads(found.group(1)) if found else None
    except ValueError:
        note = None
    if not isinstance(note, dict) or not isinstance(note.get("page"), str) or not note["page"].strip():
        return None, text, "the 'reports fetch' note at the start is damaged; the file is read as plain wikitext"
    body = text[found.end():]
    fields = {key: str(note[key]) if note.get(key) is not None else None for key in ("revision", "timestamp", "url")}
    if note.get("sha256") != fingerprint(body):
        page = Page(note["page"].strip(), None, None, _without_revision(fields["url"]))
        return page, body, (f"the text was edited after revision {fields['revision']} was fetched; "
                            "its revision is not claimed")
    return Page(note["page"].strip(), fields["revision"], fields["timestamp"], fields["url"]), body, None


def _without_revision(url: str | None) -> str | None:
    """The page's address without `oldid=`: the current page, not one revision."""
    if not url:
        return None
    parts = urlsplit(url)
    query = urlencode([(key, value) for key, value in parse_qsl(parts.query) if key != "oldid"])
    return urlunsplit(parts._replace(query=query))
