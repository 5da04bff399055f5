"""The refs of a wikitext page -> citations: ids, and what each ref says of its source.

A named ref is defined once and reused (`<ref name="x" />`), possibly before its
definition or in `{{Reflist|refs=…}}`; an unnamed ref is `c1`, `c2`, … in order of
first use (RECORD.md). A ref used but never defined keeps its id, with a warning.
A short citation (`{{sfn|Smith|2009|p=4}}`, `{{harvnb|…}}` in a ref) names a work of the
page's bibliography (`{{cite book|last=Smith|year=2009|…}}`) by its authors and year:
the citation takes that work's title, publisher, URL and date.
"""

from __future__ import annotations

import re

from ..dates import first_date
from ..model import Citation

_URL = re.compile(r"https?://[^\s\]|<>\"]+", re.IGNORECASE)
_CITE = re.compile(r"^(?:cite[\s_]?\w*|citation|cite)$", re.IGNORECASE)
_FIELDS = {
    "url": ("url", "archive-url", "archiveurl", "chapter-url", "chapterurl", "contribution-url"),
    "title": ("title", "trans-title", "chapter", "contribution", "script-title"),
    "publisher": ("publisher", "work", "website", "newspaper", "agency", "journal", "magazine", "periodical",
                  "via", "encyclopedia", "institution", "department"),
    "date": ("date", "publication-date", "year", "orig-date"),
    "accessed": ("access-date", "accessdate", "access date", "retrieved"),
}
_BLANKS = re.compile(r"\s+")


def ref_name(tag) -> str | None:
    """The ref's name attribute, stripped of quotes and blanks; None when unnamed."""
    for attribute in getattr(tag, "attributes", ()):
        if str(attribute.name).strip().lower() == "name":
            name = _BLANKS.sub(" ", str(attribute.value).strip().strip("\"'")).strip()
            return name or None
    return None


def is_definition(tag) -> bool:
    return not tag.self_closing and tag.contents is not None and bool(str(tag.contents).strip())


def citation(id: str, tag, render, works: dict | None = None) -> Citation:
    """What a ref's content says: a citation template's fields, a short citation's work
    in `works` (see `bibliography`), else its first URL and its text. `render` turns
    wikicode into shown text."""
    contents = tag.contents if hasattr(tag, "contents") else _footnote(tag)
    if contents is None:
        return Citation(id)
    for template in contents.filter_templates(recursive=False):
        if _CITE.match(str(template.name).strip()):
            return _from_template(id, template, render)
        if _SHORT.match(str(template.name).strip()):
            found = short_citation(id, short_key(template), works or {}, render)
            if found.title:
                return found
    text = _BLANKS.sub(" ", render(contents)).strip()
    url = _URL.search(str(contents))
    title = text
    if url:
        title = _BLANKS.sub(" ", text.replace(url.group(0), "")).strip(" .,;:()[]") or None
    return Citation(id, url.group(0) if url else None, title or None)


_SHORT = re.compile(r"^(?:sfnp?|sfnm|harv\w*|shortened footnote\w*)$", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4})[a-z]?\b")
_AUTHORS = ("last", "surname", "author", "editor-last", "editor")


def short_key(template) -> tuple[tuple[str, ...], str] | None:
    """{{sfn|Smith|Jones|2009|p=4}} -> (("smith", "jones"), "2009"); None without a year."""
    params = [str(p.value).strip() for p in template.params if not p.showkey]
    params = [p for p in params if p]
    if not params or not _YEAR.fullmatch(params[-1]):
        return None
    return tuple(_surname(p) for p in params[:-1]), _YEAR.fullmatch(params[-1])[1]


def bibliography(code) -> dict[tuple[tuple[str, ...], str], object]:
    """Every citation template of the page (its Bibliography or Sources section included)
    by (authors' surnames, year), for short citations to find their work."""
    works = {}
    for template in code.filter_templates(matches=lambda t: _CITE.match(str(t.name).strip())):
        values = {str(p.name).strip().lower(): p.value for p in template.params}
        year = next((_YEAR.search(str(values[k])) for k in ("year", "date") if k in values), None)
        anchor = values.get("ref")
        explicit = anchor and next(iter(anchor.filter_templates(matches=lambda t: "sfnref" in str(t.name).lower()
                                                                or "harvid" in str(t.name).lower())), None)
        if explicit is not None:
            key = short_key(explicit)
            if key:
                works.setdefault(key, template)
        if not year:
            continue
        names, whole = [], []
        for n in ("", "1", "2", "3", "4"):
            key = next((k + n for k in _AUTHORS if k + n in values and str(values[k + n]).strip()), None)
            if key is None:
                if n in ("", "1"):
                    continue
                break
            name = str(values[key]).strip()
            whole.append(_surname(name))
            names.append(_surname(name, last_word=not key.startswith(("last", "surname", "editor-last"))))
        for found in {tuple(names), tuple(whole)}:
            if found:
                works.setdefault((found, year[1]), template)
    return works


def short_citation(id: str, key, works: dict, render) -> Citation:
    """A short citation's work from the bibliography; only its short form when none matches."""
    work = works.get(key) if key else None
    if work is None:
        return Citation(id)
    return _from_template(id, work, render)


def _surname(name: str, last_word: bool = False) -> str:
    """A name as a short citation writes it, compared without case or links; with
    `last_word`, a whole name's last word ("John Smith" of an `author=` -> "smith")."""
    name = _BLANKS.sub(" ", re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", name)).strip().lower()
    return name.rsplit(" ", 1)[-1] if last_word else name


def _footnote(template):
    """{{refn|text}}, {{efn|text}}: the note's text (its first unnamed parameter)."""
    if template is None:
        return None
    return next((p.value for p in template.params if not p.showkey), None)


def _from_template(id: str, template, render) -> Citation:
    values: dict[str, str] = {}
    for param in template.params:
        key = str(param.name).strip().lower()
        value = _BLANKS.sub(" ", render(param.value)).strip()
        if value:
            values.setdefault(key, value)
    found = {}
    for field, keys in _FIELDS.items():
        found[field] = next((values[key] for key in keys if key in values), None)
    for field in ("date", "accessed"):
        if found[field]:
            found[field] = iso_date(found[field])
    return Citation(id, found["url"], found["title"], found["publisher"], found["date"], found["accessed"])


def iso_date(written: str) -> str:
    """'3 November 2021' -> '2021-11-03'; a date that does not parse stays as written."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
        return written
    return first_date(written) or written
