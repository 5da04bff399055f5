"""The refs of a wikitext page -> citations: ids, and what each ref says of its source.

A named ref is defined once and reused (`<ref name="x" />`), possibly before its
definition or in `{{Reflist|refs=…}}`; an unnamed ref is `c1`, `c2`, … in order of
first use (RECORD.md). A ref used but never defined keeps its id, with a warning.
"""

from __future__ import annotations

import re

from ..loader.dates import first_date
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


def citation(id: str, tag, render) -> Citation:
    """What a ref's content says: a citation template's fields, else its first URL and
    its text. `render` turns wikicode into shown text."""
    contents = tag.contents if tag is not None else None
    if contents is None:
        return Citation(id)
    for template in contents.filter_templates(recursive=False):
        if _CITE.match(str(template.name).strip()):
            return _from_template(id, template, render)
    text = _BLANKS.sub(" ", render(contents)).strip()
    url = _URL.search(str(contents))
    title = text
    if url:
        title = _BLANKS.sub(" ", text.replace(url.group(0), "")).strip(" .,;:()[]") or None
    return Citation(id, url.group(0) if url else None, title or None)


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
            found[field] = _iso(found[field])
    return Citation(id, found["url"], found["title"], found["publisher"], found["date"], found["accessed"])


def _iso(written: str) -> str:
    """'3 November 2021' -> '2021-11-03'; a date that does not parse stays as written."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
        return written
    return first_date(written) or written
