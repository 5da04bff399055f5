"""Word dossier: one editable .docx per relationship, built from named styles.

Every paragraph and table carries a style (Title, Heading 1-3, List Bullet, Caption,
Quote, "Analyst Notes", the layout's table style ...) and no direct formatting, so a
user restyles the whole dossier from Word's Styles pane. The styles come from:

- the layout's `[docx] template`, a user's .docx: every style it defines is taken
  as it is; styles it lacks are added from the layout, and its body text is dropped;
- otherwise python-docx's blank document, restyled here from the layout's fonts and
  colours (`save_template()` writes that base out, as a starting point for a user's
  own template).

The base document (styles, page, settings, properties) is prepared once per layout
and reused; each export adds the record's content and writes the zip itself with
fixed entry times and order, so two builds of one record are byte-identical.
"""


from __future__ import annotations

import gc
import io
from pathlib import Path

from docx import Document

from ... import facts_view
from ...names import localised
from .base import base_of
from .fonts import set_script_fonts
from .document import FIELD_INSTRUCTIONS, TOC_INSTRUCTION, Dossier, field_code  # noqa: F401 (tests)
from .notes import NotePlacer, read_notes
from .package import set_core_properties, write_package

NAME = "docx"
EXTENSION = ".docx"

_COLLECT_EVERY = 50  # python-docx leaves reference cycles; see LIBRARY-NOTES.md
_exports_since_collect = 0


def check(layout) -> None:
    """Fail before any article is built when the layout's template cannot be found."""
    from ...errors import LayoutError
    from .base import template_path

    try:
        template_path(layout)
    except FileNotFoundError as error:
        raise LayoutError(str(error)) from None


def export(record, layout, path, context=None) -> list[str]:
    """Write the dossier of `record` to `path`; returns warnings."""
    record, warnings = facts_view.safe_record(record)
    record = localised(record, layout)  # country names and offices in the layout's language
    base = base_of(layout)
    document = Document(io.BytesIO(base.blob))
    placer = _placer(document, base, context)
    Dossier(document, base, record, layout, placer=placer, context=context).write()
    if placer:
        warnings += placer.warnings
    warnings += set_script_fonts(document)
    when = facts_view.build_datetime(context, record)
    set_core_properties(document, record, layout, when)
    write_package(document, path, when)
    _collect_now_and_then()
    return warnings


def _placer(document, base, context) -> NotePlacer | None:
    """What carries the notes of the dossier being replaced, if it has any. A file that
    cannot be read is no dossier to carry from (the build keeps it as a backup)."""
    if context is None or not context.previous:
        return None
    try:
        carried = read_notes(context.previous)
    except ValueError:
        return None
    return NotePlacer(document, carried, base.style_ids, base.all_styles()) if carried else None


def save_template(layout, path) -> None:
    """Write the styled, empty base document of `layout`: a starting point for a user's
    corporate template (restyle it in Word, then name it in `[docx] template`)."""
    Path(path).write_bytes(base_of(layout).blob)


def _collect_now_and_then() -> None:
    global _exports_since_collect
    _exports_since_collect += 1
    if _exports_since_collect >= _COLLECT_EVERY:
        _exports_since_collect = 0
        gc.collect()
