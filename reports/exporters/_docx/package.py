"""Core properties and the .docx zip, written with fixed entry times and order."""

from __future__ import annotations

import datetime

from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

from ..._version import __version__
from .._zipfile import FixedTimeZip

def _property(text: str) -> str:
    """Word's core properties hold at most 255 characters (python-docx raises beyond)."""
    return text if len(text) <= 255 else text[:254] + "…"


def set_core_properties(document, record, layout, when) -> None:
    """Title, subject, author ... and the dates, all the build's: `when` (UTC)."""
    props = document.core_properties
    when = when.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    props.title = _property(record.title)
    props.subject = _property(f"{layout.label('relations')}: {' – '.join(record.countries)}")
    props.keywords = _property(", ".join(record.countries))
    props.author = props.last_modified_by = _property(layout.document.author)
    props.category = _property(layout.label("dossier"))
    props.comments = _property(layout.label("generated_by", version=__version__))
    props.language = layout.metadata.get("language", "")
    props.identifier = _property(record.id)
    props.content_status = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when


def write_package(document, path, when) -> None:
    """The .docx zip with fixed entry times and order (python-docx stamps the clock)."""
    package = document.part.package
    parts = list(package.iter_parts())
    entries = [(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob),
               (PACKAGE_URI.rels_uri.membername, package.rels.xml)]
    for part in parts:
        part.before_marshal()
        entries.append((part.partname.membername, part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    with FixedTimeZip(path, when) as archive:
        for name, blob in entries:
            archive.writestr(name, blob)
