"""Small flowables of the brief: the title band, headings that become bookmarks and
link targets, tables with a quiet line-citation column."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from .styles import CELL_PADDING, table_style


class TitleBand(Flowable):
    """Page one's coloured band: it bleeds to the page edges and up to the top, while
    its text stays in the frame (so long titles wrap like any paragraph)."""

    def __init__(self, paragraphs, colour, bleed_left, bleed_right, bleed_top, pad):
        super().__init__()
        self.paragraphs, self.colour, self.pad = paragraphs, colour, pad
        self.bleed = (bleed_left, bleed_right, bleed_top)
        self._sizes = []

    def wrap(self, width, height):
        self.width = width
        self._sizes = [p.wrap(width, height) for p in self.paragraphs]
        text = sum(h for _, h in self._sizes) + sum(p.getSpaceAfter() for p in self.paragraphs[:-1])
        self.height = text + self.pad
        return width, self.height

    def draw(self):
        left, right, top = self.bleed
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.colour)
        canvas.rect(-left, 0, self.width + left + right, self.height + top, stroke=0, fill=1)
        canvas.restoreState()
        y = self.height
        for paragraph, (_, h) in zip(self.paragraphs, self._sizes):
            y -= h
            paragraph.drawOn(canvas, 0, y)
            y -= paragraph.getSpaceAfter()


def heading(text_markup: str, title: str, key: str, level: int, style) -> Paragraph:
    """A heading that is also a named destination (for links) and a bookmark."""
    paragraph = Paragraph(f'<a name="{key}"/>{text_markup}', style)
    paragraph.outline = (key, title, level)
    return paragraph


def data_table(header: list[str], rows: list[list], widths: list[float], styles,
               cite: bool) -> Table:
    """`header` holds plain labels (made safe by the caller's gate, not escaped)."""
    """A table whose header row repeats on every page and whose rows may split inside
    a cell, so a cell taller than a page (a 10,000-character word) still lays out."""
    head = [_header_cell(text, width, styles) for text, width in zip(header, widths)]
    table = Table([head] + rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(styles, cite))
    return table


def _header_cell(label: str, width: float, styles):
    """A header label as a plain string (drawn in the header font the table style sets)
    when it fits its column, else a Paragraph that wraps. `label` is plain text."""
    h = styles.cell_head
    if stringWidth(label, h.fontName, h.fontSize) <= width - 2 * CELL_PADDING:
        return label
    return Paragraph(escape(label), h)
