"""Which title a wikitext page has when no dump names it: its `= Title =` line, the
file's name, the bilateral infobox, or the lead's bold country names."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ArticleError
from ..titles import relationship_id, split_title, unknown_parties

_RELATIONS = re.compile(r"\s+relations?$|\s+relationship$", re.IGNORECASE)
_DASHES = ("–", "—", "-")


def infer_title(page, file_name: str | None, shown: str, extensions: tuple[str, ...]) -> tuple[str, int]:
    """A page's title: its `= Title =` first line; else the file name when it is a title
    (`Latvia–Mexico relations.wiki`); else the bilateral infobox's first parameter; else
    the lead's bold "A–B relations" naming two known countries; else the lead's bold country
    names that the file name's slug names (`latvia-mexico.wiki`)."""
    if page.title:
        return page.title, page.title_line or 1
    stem = _stem(file_name, extensions) if file_name else ""
    named = stem.replace("_", " ").strip()
    if _RELATIONS.search(named) and _two_countries(_RELATIONS.sub("", named)):
        return named, 1
    if page.infobox_title:
        name, line = page.infobox_title
        if _two_countries(name):
            return f"{name} relations", line
    for name, line in page.bold_names:
        # the lead's bold "A–B relations" (read even when an infobox or a ref above is never closed)
        if _RELATIONS.search(name) and _two_countries(_RELATIONS.sub("", name)) \
                and not unknown_parties(split_title(name, shown, line)):
            return name, line
    if stem:
        slug = _slug(stem)
        for first, second in _pairs(page.bold_names):
            for a, b in ((first[0], second[0]), (second[0], first[0])):
                if _slug(f"{a}-{b}") == slug or _slug(f"{a}-{b} relations") == slug:
                    return f"{a}–{b} relations", min(first[1], second[1])
    raise ArticleError(shown, 1, "no title naming two countries: give the page a '= A–B relations =' first line "
                                 "or name the file 'A–B relations.wiki'")


def _stem(file_name: str, extensions: tuple[str, ...]) -> str:
    name = Path(file_name).name
    for ext in extensions + (".txt", ".text"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return Path(name).stem


def _slug(text: str) -> str:
    return relationship_id((text, "")).rstrip("-").replace("-relations", "")


def _two_countries(name: str) -> bool:
    for dash in _DASHES:
        parts = [part.strip() for part in name.split(dash)]
        if dash in name:
            return len(parts) == 2 and all(parts)
    return False


def _pairs(names: list[tuple[str, int]]):
    distinct = list(dict.fromkeys(names))[:6]
    for i, first in enumerate(distinct):
        for second in distinct[i + 1:]:
            if first[0] != second[0]:
                yield first, second
