"""Carrying analysts' notes from the dossier being replaced into the new one.

Each part's heading and its analyst-notes heading carry a bookmark named for the part
(`rpt_part_visits`, `rpt_notes_visits`): a stable key that Word and LibreOffice keep
when they save the file, independent of the heading's text (which a changed language
or layout rewrites) and of paragraph positions (which a changed article moves).

Whatever lies between a notes heading and the next bookmark of ours is the analyst's:
paragraphs in the notes style and anything typed next to them (lists, tables, runs
with their formatting and links). It is copied under the same part of the new
dossier. Notes of a part the new dossier lacks go to a closing "Notes from earlier
builds" section, one group per old heading, and are carried from there again at the
next build: a note is never dropped.

The old file is read with zipfile and lxml, not python-docx: a rebuild that carries
notes must cost little more than one that does not.
"""

from __future__ import annotations

import copy
import zipfile
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

PREFIX = "rpt_"
PART = "rpt_part_"        # + part key: the part's heading
NOTES = "rpt_notes_"      # + part key: the part's analyst-notes heading
EARLIER = "rpt_earlier"   # the closing "Notes from earlier builds" heading
ORPHAN = "rpt_orphan_"    # + number: one old heading inside the closing section
CHANGES = "rpt_changes"   # the "Changes since the last build" heading (generated, not carried)

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Elements that point into parts of the old package we do not copy (comments, notes,
# images): dropped from a carried note, with a warning when they held content.
_DROPPED = {qn(f"w:{name}") for name in (
    "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "commentReference",
    "footnoteReference", "endnoteReference", "proofErr", "permStart", "permEnd")}
_EMBEDDED = {qn("w:drawing"), qn("w:pict"), qn("w:object")}


@dataclass
class Note:
    key: str            # the part key, or "" for a note from an old closing section
    heading: str        # the heading it stood under in the old dossier
    elements: list      # body-level lxml elements (w:p, w:tbl ...) of the old document


@dataclass
class CarriedNotes:
    notes: dict[str, Note] = field(default_factory=dict)   # by part key
    orphans: list[Note] = field(default_factory=list)      # from the old closing section
    links: dict[str, str] = field(default_factory=dict)    # old relationship id -> URL
    path: str = ""
    _style_names: dict[str, str] | None = None

    @property
    def style_names(self) -> dict[str, str]:
        """Old style id -> name, read only when a note uses a style the new dossier lacks."""
        if self._style_names is None:
            try:
                with zipfile.ZipFile(self.path) as archive:
                    self._style_names = style_names(archive.read("word/styles.xml"))
            except (OSError, KeyError, zipfile.BadZipFile, ValueError):
                self._style_names = {}
        return self._style_names

    def __bool__(self) -> bool:
        return bool(self.notes or self.orphans)


# -- reading the old dossier ---------------------------------------------------------------


def read_notes(path) -> CarriedNotes:
    """The analysts' notes of the dossier at `path` (empty when it has none).
    Raises ValueError when the file is not a readable dossier."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as archive:
            body = etree.fromstring(archive.read("word/document.xml")).find(qn("w:body"))
            carried = CarriedNotes(path=str(path))
            _read_regions(body, carried)
            if carried:
                carried.links = _external_links(archive)
            return carried
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, AttributeError) as error:
        raise ValueError(f"not a readable .docx ({type(error).__name__})") from None


def _marks(body) -> tuple[list[tuple[int, str, object]], list]:
    """(index of the body child, bookmark name, that child) of each bookmark of ours,
    in body order: one pass over the bookmarks, not over every run of the body."""
    children = list(body)
    position = {child: index for index, child in enumerate(children)}
    marks, seen = [], set()
    for mark in body.iter(qn("w:bookmarkStart")):
        name = mark.get(qn("w:name"), "")
        if not name.startswith(PREFIX):
            continue
        top = mark
        while top.getparent() is not body:
            top = top.getparent()
        index = position.get(top)
        if index is not None and index not in seen:  # the first bookmark of ours in a paragraph counts
            seen.add(index)
            marks.append((index, name, top))
    end = next((i for i, child in enumerate(children) if child.tag == qn("w:sectPr")), len(children))
    return [(i, n, t) for i, n, t in marks if i < end] + [(end, "", None)], children


def _read_regions(body, carried: CarriedNotes) -> None:
    """Split the body at our bookmarks; keep the regions that follow notes headings."""
    marks, children = _marks(body)
    headings: dict[str, str] = {}  # part key -> heading text
    for (index, name, element), (following, _, _) in zip(marks, marks[1:]):
        if name.startswith(PART):
            headings[name[len(PART):]] = _text(element)
            continue
        region = children[index + 1:following]
        if not _has_content(region):
            continue
        if name.startswith(NOTES):
            key = name[len(NOTES):]
            carried.notes[key] = Note(key, headings.get(key, key), region)
        elif name.startswith(ORPHAN):
            carried.orphans.append(Note("", _text(element), region))


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _has_content(elements) -> bool:
    return any(_text(e).strip() or e.tag == qn("w:tbl") or any(True for _ in _embedded(e)) for e in elements)


def _embedded(element):
    return (e for e in element.iter() if e.tag in _EMBEDDED)


def _external_links(archive) -> dict[str, str]:
    from lxml import etree

    try:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    except KeyError:
        return {}
    return {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{_REL}Relationship")
            if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith("/hyperlink")}


def style_names(styles_xml: bytes) -> dict[str, str]:
    """Style id -> style name in a styles.xml."""
    from lxml import etree

    tag, name_tag, id_attr, val = qn("w:style"), qn("w:name"), qn("w:styleId"), qn("w:val")
    names = {}
    for style in etree.fromstring(styles_xml).iter(tag):
        name = style.find(name_tag)
        if name is not None:
            names[style.get(id_attr)] = name.get(val, "")
    return names


# -- putting notes into the new dossier ----------------------------------------------------


class NotePlacer:
    """Copies carried elements into a new document, remapping what refers outside the
    body: styles (by name), hyperlinks (new relationships), lists (the List Bullet style)."""

    def __init__(self, document, carried: CarriedNotes, style_ids: dict[str, str], new_styles: dict[str, str]):
        """`new_styles`: style id -> name of the new dossier (its base's, see base.py)."""
        self.document, self.carried = document, carried
        self.known_ids = set(new_styles)
        self.new_styles = new_styles
        self._ids_by_name: dict[str, str] | None = None
        self.list_style = style_ids.get("List Bullet")
        self.warnings: list[str] = []

    def copies(self, note: Note) -> list:
        return [self._adapt(copy.deepcopy(element), note) for element in note.elements]

    def _adapt(self, element, note: Note):
        for child in list(element.iter()):
            if child.tag in _DROPPED and child.getparent() is not None:
                child.getparent().remove(child)
        for embedded in list(_embedded(element)):
            run = embedded.getparent()
            if run is not None:
                run.remove(embedded)
                self.warnings.append(f"an image or object in the notes under {note.heading!r} could not be "
                                     "carried into the new dossier; the old file is kept as a backup")
        for section in element.iter(qn("w:sectPr")):
            section.getparent().remove(section)
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            for style in list(element.iter(qn(tag))):
                self._restyle(style)
        for numbering in list(element.iter(qn("w:numPr"))):
            self._as_bullet(numbering)
        for link in element.iter(qn("w:hyperlink")):
            self._relink(link)
        return element

    def _restyle(self, style) -> None:
        """A style id the new dossier has is kept; another is found by its name (Word and
        LibreOffice may give one style different ids); an unknown style is dropped."""
        old_id = style.get(qn("w:val"))
        if old_id in self.known_ids:
            return
        if self._ids_by_name is None:
            self._ids_by_name = {name.casefold(): sid for sid, name in self.new_styles.items()}
        name = self.carried.style_names.get(old_id, old_id or "")
        new_id = self._ids_by_name.get(name.casefold()) or self._ids_by_name.get((old_id or "").casefold())
        if new_id:
            style.set(qn("w:val"), new_id)
        else:
            style.getparent().remove(style)

    def _as_bullet(self, numbering) -> None:
        """Numbering instances are the old package's: a listed paragraph becomes a bullet."""
        p_pr = numbering.getparent()
        p_pr.remove(numbering)
        if self.list_style and p_pr.tag == qn("w:pPr"):
            style = p_pr.find(qn("w:pStyle"))
            if style is None:
                style = p_pr.makeelement(qn("w:pStyle"), {})
                p_pr.insert(0, style)
            style.set(qn("w:val"), self.list_style)

    def _relink(self, link) -> None:
        old = link.get(f"{_R}id")
        if old is None:
            return
        url = self.carried.links.get(old)
        if url:
            link.set(f"{_R}id", self.document.part.relate_to(url, RT.HYPERLINK, is_external=True))
        else:
            del link.attrib[f"{_R}id"]
