"""The brief's references: superscript note numbers after cited facts, a numbered
References list with clickable addresses, and the article's own tables.

Note numbers are digits made here; every other string (titles, publishers, addresses,
cell texts) goes through the brief's text gate, so article text never becomes
reportlab markup. Only http(s) addresses (citations_view.link_target) become links.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ...citations_view import References
from ...facts_view import date_label
from .flowables import data_table
from .styles import cell_font, table_style

_ATTRIBUTE = {'"': "&quot;", "'": "&apos;"}


def references_of(b) -> References:
    """The record's numbered references, made once per brief."""
    refs = getattr(b, "_references", None)
    if refs is None:
        refs = b._references = References(b.record)
    return refs


def notes(b, ids) -> str:
    """Superscript note numbers linking to their references ("" when none)."""
    numbers = references_of(b).numbers(ids)
    if not numbers:
        return ""
    colour = b.layout.colors["primary"]
    marks = ",".join(f'<a href="#ref-{n}" color="{colour}">{n}</a>' for n in numbers)
    return f"<super>{marks}</super>"


def cite_cell(b, line: int, ids):
    """A table's last cell: "l. 19" and the fact's note numbers. Without notes it stays
    the plain string the table draws fast."""
    text = b.cite_cell(line)
    marks = notes(b, ids)
    if not marks:
        return text
    return Paragraph(escape(text) + ("&nbsp;" if text else "") + marks, b.styles.cite)


def link(url: str, target: str | None) -> str:
    """An address as markup: a link when `target` (the safe form of it) is given."""
    text = escape(url)
    if target is None:
        return text
    return f'<link href="{escape(target, _ATTRIBUTE)}">{text}</link>'


def references_part(b) -> list:
    """The numbered list of every reference, each an anchor the note numbers link to."""
    refs = references_of(b)
    s, c = b.styles, b.layout.colors
    rows = []
    for ref in refs.list:
        citation = ref.citation
        parts = []
        if citation.title:
            parts.append(f"<b>{b.t(citation.title)}</b>")
        if citation.publisher:
            parts.append(f"<i>{b.t(citation.publisher)}</i>")
        if citation.date:
            parts.append(b.t(date_label(citation.date, b.layout)))
        if citation.accessed:
            parts.append(b.t(b.layout.label("accessed_on", date=date_label(citation.accessed, b.layout))))
        text = ". ".join(parts)
        if citation.url:
            address = link(b.gate.plain(citation.url), ref.link)
            colour = c["primary"] if ref.link else c["muted"]  # an address that is no link looks like none
            text += ("<br/>" if text else "") + f'<font color="{colour}">{address}</font>'
        number = Paragraph(f'<a name="ref-{ref.number}"/>{ref.number}.', s.fact_label)
        rows.append([number, Paragraph(text or b.t(citation.id), s.small)])
    table = Table(rows, colWidths=[9 * mm, b.width - 9 * mm], splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(cell_font(s) + [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, s.colour["rule"]),
    ]))
    return [b.part_heading("references"), table]


def table_block(b, block) -> list:
    """A table of the article: its caption, its header, one row per table row (each
    with its line and notes in the quiet last column)."""
    columns = max([len(block.header), *(len(row) for row in block.rows)] or [1])
    cite = b.cite_width() or 12 * mm
    text_width = (b.width - cite) / columns
    widths = [text_width] * columns + [cite]
    header = [b.gate.plain(h) for h in block.header] + [""] * (columns - len(block.header)) + [""]
    rows = []
    for index, row in enumerate(block.rows):
        line = block.row_lines[index] if index < len(block.row_lines) else block.line
        ids = block.row_cites[index] if index < len(block.row_cites) else ()
        cells = [b.fit(text, text_width) for text in row] + [""] * (columns - len(row))
        rows.append(cells + [cite_cell(b, line, ids)])
    out = []
    if block.caption:
        out.append(Paragraph(f"<i>{b.t(block.caption)}</i>", b.styles.text))
    if any(block.header):
        out.append(data_table(header, rows, widths, b.styles, cite=True))
    elif rows:  # a table without a header row gets no empty coloured band
        table = Table(rows, colWidths=widths, splitInRow=1, hAlign="LEFT")
        table.setStyle(table_style(b.styles, True, header=False))
        table.setStyle(TableStyle([("FONT", (-1, 0), (-1, 0), b.styles.body.regular, b.styles.cite.fontSize),
                                   ("TEXTCOLOR", (-1, 0), (-1, 0), b.styles.colour["muted"])]))
        out.append(table)
    out.append(Spacer(1, b.styles.text.spaceAfter))
    return out
