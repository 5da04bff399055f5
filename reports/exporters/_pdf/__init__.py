"""PDF country brief (reportlab): page one is the brief (title band, bottom line, key
facts, timeline); page two the detail (visits, agreements, trade, missions); then
"Source notes" (data caveats, references, the source and its licence, a colophon).
The history text, further sections and see-also are the dossier's (the layout's
`pdf.dossier_only` parts), so an ordinary article's brief is two pages.

Every article string passes one gate (fonts.TextGate) that swaps characters outside
the embedded DejaVu fonts for a visible substitute and escapes Paragraph markup.
Output is byte-identical for the same record, layout and build date (reportlab
invariant mode; the document's creation date is the build's, never the clock).
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether

from ...citations_view import with_references
from ...facts_view import build_datetime, history_sections, other_sections, safe_record, timeline_marks
from ...names import localised
from . import parts, references
from .changes import changes_box
from .._reportlab_text.fonts import TextGate, coverage
from .pages import PageFurniture, make_document
from .sources import caveats_box, sources_part
from .styles import make_styles

NAME = "pdf"
EXTENSION = ".pdf"

_DEFAULT_SUBSTITUTE = "\ufffd"


def export(record, layout, path, context=None) -> list[str]:
    record, warnings = safe_record(record)
    record = localised(record, layout)  # country names and offices in the layout's language
    styles = make_styles(layout)
    gate = TextGate(coverage(layout.fonts.body, layout.fonts.headings),
                    str(layout.options("pdf").get("missing_glyph", _DEFAULT_SUBSTITUTE)))
    furniture = PageFurniture(layout, styles, gate, record.title, layout.label("brief"),
                              layout.document.organisation)
    doc = make_document(path, layout, _metadata(record, layout, styles), furniture.on_page)
    left_out = set(layout.options("pdf").get("dossier_only", ()))
    brief = parts.Brief(record, layout, styles, gate, doc.width,
                        tuple(part for part in with_references(layout.order)
                              if part not in left_out and _present(part, record)),
                        context, frame_height=doc.height)
    with _binary_streams():
        story = _story(brief, warnings)
        story[1:1] = changes_box(brief, context)  # right under the title band, on page one
        doc.build(story, canvasmaker=_dated(furniture.canvasmaker(), build_datetime(context, record)))
    return warnings + gate.warnings()


@contextmanager
def _binary_streams():
    """Streams compressed but not ASCII85-armoured: reportlab's pure-Python ASCII85
    encoder costs ~10% of a brief and makes the file a quarter larger, and a PDF is a
    binary file anyway. The setting is global in reportlab, so it is restored after."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def _dated(canvasmaker, when):
    """Canvases whose PDF says it was made at `when` (CreationDate and ModDate):
    reportlab's invariant mode would write 2000-01-01 instead."""
    from reportlab.lib.utils import TimeStamp

    def make(*args, **kwargs):
        canvas = canvasmaker(*args, **kwargs)
        stamp = TimeStamp(invariant=1)
        stamp.t = when.timestamp()
        stamp.lt = time.gmtime(int(stamp.t))
        stamp.YMDhms = tuple(stamp.lt)[:6]
        canvas._doc._timeStamp = stamp
        return canvas

    return make


def _metadata(record, layout, styles) -> dict:
    meta = layout.metadata
    return {
        "title": record.title,
        "subject": f"{layout.label('brief')}: {record.title}",
        "author": layout.document.author,
        "creator": meta.get("creator", ""),
        "keywords": ", ".join([*record.countries, layout.label("relations")]),
        "lang": meta.get("language", ""),
        # Without it reportlab puts an unembedded Helvetica into every PDF.
        "initialFontName": styles.body.regular,
        "initialFontSize": layout.fonts.size,
    }


def _present(part: str, record) -> bool:
    """Whether the record has anything for a part (empty parts are left out)."""
    return {
        "key_facts": True,
        "summary": bool(record.summary.strip()),
        "timeline": bool(timeline_marks(record)),
        "visits": bool(record.visits),
        "agreements": bool(record.agreements),
        "trade": bool(record.trade or record.exports),
        "missions": bool(record.missions),
        "history": bool(history_sections(record)),
        "other_sections": bool(other_sections(record)),
        "see_also": bool(record.see_also),
        "references": bool(record.citations),
        "sources": True,
    }[part]


def _story(brief, warnings) -> list:
    p = brief.layout.page
    bleed = (p.margin_left_mm * mm, p.margin_right_mm * mm, p.margin_top_mm * mm)
    story = [parts.title_band(brief, bleed)] + parts.bottom_line_part(brief)
    appendix = []  # "Source notes": its heading, what the build could not read, references, source
    front = True
    for part in brief.parts:
        if front and part not in parts.FRONT_PARTS:
            front = False
            # The detail starts on page two, unless page one has a third of its height
            # left: then it follows on (no page but the last is more than a third empty).
            story.append(CondPageBreak(brief.frame_height / 3))
        if part in ("references", "sources"):
            if not appendix:
                appendix = [brief.part_heading("source_notes")] + caveats_box(brief, warnings)
            appendix += _builders()[part](brief)
        else:
            story += _builders()[part](brief)
    # The heading kept with what follows it, never alone at the foot of a page.
    return story + ([KeepTogether(appendix[:2])] + appendix[2:] if appendix else [])


def _builders():
    return {
        "key_facts": parts.key_facts_part,
        "summary": parts.summary_part,
        "timeline": parts.timeline_part,
        "visits": parts.visits_part,
        "agreements": parts.agreements_part,
        "trade": parts.trade_part,
        "missions": parts.missions_part,
        "history": lambda b: parts.sections_part(b, "history", history_sections(b.record)),
        "other_sections": lambda b: parts.sections_part(b, "other_sections", other_sections(b.record)),
        "see_also": parts.see_also_part,
        "references": references.references_part,
        "sources": sources_part,
    }
