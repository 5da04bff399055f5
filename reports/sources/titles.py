"""Titles as users type them -> the titles a wiki may hold, most likely first.

    candidates("mexico slovenia relations")
    -> ["Mexico–Slovenia relations", "Slovenia–Mexico relations"]

A relations title is "A–B relations" with an en dash. Users type a hyphen or a space
for the dash, lower case for the names, "Relations" or nothing for the suffix, and
either order. Where the dash goes is not always plain ("Guinea-Bissau Mexico",
"Bosnia and Herzegovina Mexico"): every place it may go is a candidate, and the wiki
says which exists. A name typed in lower case is capitalised as names are; one typed
with capitals is kept as typed.
"""

from __future__ import annotations

import re

_SUFFIX = re.compile(r"\s+(?:relations?|relationship)$", re.IGNORECASE)
_RELATIONS_WORD = re.compile(r"\brelations?\b|\brelationship\b", re.IGNORECASE)
_DASHES = "–—"
_HYPHENS = "-‐‑−"  # a hyphen and its look-alikes, typed where a dash is meant
# Words that stay lower case inside a name ("Bosnia and Herzegovina", "Republic of the
# Congo") and cannot start or end one: a split there is no split between two names.
_SMALL = {"and", "of", "the", "da", "de", "del", "e", "y", "la", "le", "du", "des", "et", "van", "von", "und"}
_MOST_WORDS = 10          # more than this is no country pair typed with spaces
RELATIONS = " relations"
FORBIDDEN = set("#<>[]{}|")  # characters no page title may hold


def tidy(typed: str) -> str:
    """A title with its spaces made single (underscores of an address too) and trimmed."""
    return " ".join(typed.replace("_", " ").split())


def candidates(typed: str) -> list[str]:
    """The titles `typed` may mean, most likely first: each way of reading it as two
    names, in the order typed, then each in the other order. A title that is not a
    pair of names is asked as it is."""
    text = tidy(typed)
    if not text or FORBIDDEN & set(text):
        return []
    base = _SUFFIX.sub("", text)
    if base == text and _RELATIONS_WORD.search(text):
        return [text]  # "Foreign relations of Mexico": a title, not a pair
    pairs = _pairs(base)
    forward = [_title(first, second) for first, second in pairs]
    backward = [_title(second, first) for first, second in pairs]
    typed_as_is = [text] if base == text else []  # "Mexico Slovenia" may be a pair, or a page of that name
    return list(dict.fromkeys(forward + backward + typed_as_is)) or [text]


def _pairs(name: str) -> list[tuple[str, str]]:
    """Each (first, second) the name may be split into, at a dash, else a hyphen, else a space."""
    for dash in _DASHES:
        if dash in name:
            parts = [part.strip() for part in name.split(dash)]
            return [(parts[0], parts[1])] if len(parts) == 2 and all(parts) else []
    hyphens = [i for i, c in enumerate(name) if c in _HYPHENS]
    if hyphens:
        return [(name[:i].strip(), name[i + 1:].strip()) for i in hyphens if name[:i].strip() and name[i + 1:].strip()]
    words = name.split(" ")
    if len(words) > _MOST_WORDS:
        return []
    return [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))
            if words[i - 1].lower() not in _SMALL and words[i].lower() not in _SMALL]


def _title(first: str, second: str) -> str:
    return f"{capitalised(first)}–{capitalised(second)}{RELATIONS}"


def capitalised(name: str) -> str:
    """A name typed in lower case as names are written ("bosnia and herzegovina" ->
    "Bosnia and Herzegovina", "guinea-bissau" -> "Guinea-Bissau"); other names as typed."""
    if name != name.lower():
        return name
    words = name.split(" ")
    return " ".join(word if i and word in _SMALL else "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
                    for i, word in enumerate(words))


def safe_file_name(title: str) -> str:
    """A page title as a file name on any system: characters no file name may hold
    become "_", and it never starts with a dot."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", title).strip(" .")
    return name or "_"
