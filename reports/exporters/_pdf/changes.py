"""Page one's "Changes since the last build on <date>" box: the most important
changes first (their order from carry/diff.py), "and N more" past the box's room."""

from __future__ import annotations

from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ...changes_view import change_rows, change_text, changes_heading

DEFAULT_ITEMS = 6


def changes_box(b, context) -> list:
    """The box as flowables, or nothing on a first build or when nothing changed."""
    changes = context.changes if context else ()
    if not changes:
        return []
    s, layout = b.styles, b.layout
    room = max(1, int(layout.options("pdf").get("changes_max_items", DEFAULT_ITEMS)))
    rows = change_rows(changes, layout)
    lines = [Paragraph(b.t(changes_heading(layout, context.last_build)), s.fact_label)]
    lines += [Paragraph("•&nbsp;" + b.t(change_text(row)) + (b.cite(row.line) if row.line else ""), s.small)
              for row in rows[:room]]
    if len(rows) > room:
        lines.append(Paragraph(b.t(layout.label("changes_more", count=len(rows) - room)), s.small))
    box = Table([[line] for line in lines], colWidths=[b.width], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), s.colour["light"]),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, s.colour["primary"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return [Spacer(1, 4), box]
