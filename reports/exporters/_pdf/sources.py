"""The brief's last part, "Source notes": what the build could not read (a "Data
caveats" box), the page the text came from (title, address, revision) with the
attribution its licence asks for, and a small colophon with the local file and hash."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..._version import __version__
from ...facts_view import attribution, caveat_lines, revision_label
from .references import link
from .styles import cell_font


def caveats_box(b, extra_warnings=()) -> list:
    """A shaded box listing the build's warnings for the article, or nothing."""
    found = tuple(getattr(b.context, "warnings", ()) or ()) + tuple((None, w) for w in extra_warnings)
    lines = caveat_lines(found, b.layout)
    if not lines:
        return []
    s = b.styles
    rows = [[Paragraph(f"<b>{b.label('data_caveats')}</b>", s.small)]]
    rows += [[Paragraph(b.t(line), s.bullet_small, bulletText="•")] for line in lines]
    box = Table(rows, colWidths=[b.width], hAlign="LEFT")  # one row a line: it may split over pages
    box.setStyle(TableStyle(cell_font(s) + [
        ("BACKGROUND", (0, 0), (-1, -1), s.colour["light"]),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, s.colour["accent"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 7), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 5)]))
    return [Spacer(1, 6), box]


def source_rows(b) -> list[tuple[str, str]]:
    """(label, markup) of the page the text came from, each row only where known."""
    source, rows = b.record.source, []
    if source.page:
        rows.append((b.layout.label("source_page"), b.t(source.page)))
    if source.url:
        rows.append((b.layout.label("source_address"), link(b.gate.plain(source.url), source.url)))
    revision = revision_label(b.record, b.layout)
    if revision:
        rows.append((b.layout.label("source_revision"), b.t(revision)))
    credit = attribution(b.record, b.layout)
    if credit:
        rows.append((b.layout.label("source_licence"), b.t(credit)))
    return rows


def sources_part(b) -> list:
    s = b.styles
    out = []
    rows = [[Paragraph(b.t(label), s.fact_label), Paragraph(value, s.small)] for label, value in source_rows(b)]
    if rows:
        table = Table(rows, colWidths=[b.width * 0.2, b.width * 0.8], splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle(cell_font(s) + [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                  ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                                                  ("LINEABOVE", (0, 0), (-1, 0), 0.6, s.colour["rule"])]))
        out.append(table)
    source = b.record.source
    colophon = b.layout.label("colophon", version=__version__, path=source.path, sha256=source.sha256)
    out += [Spacer(1, 4), Paragraph(b.t(colophon), s.colophon)]
    return out
