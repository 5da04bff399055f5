"""A canvas whose text switches to the Noto fallback font for characters the current
font lacks, wherever the text comes from: table cells given as plain strings, the
timeline's labels, the page header. (Paragraph text is already marked up run by run by
the gate, with the right widths; this catches every string that takes no markup.)"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from .._reportlab_text import fallback


class FallbackTextObject(PDFTextObject):
    def _formatText(self, text):
        font_name = self._fontname
        face = getattr(pdfmetrics.getFont(font_name), "face", None)
        cmap = getattr(face, "charToGlyph", None)
        if cmap is None or text.isascii() or all(ord(ch) in cmap for ch in text):
            return super()._formatText(text)
        out = []
        try:
            for name, chunk in fallback.split(text, cmap):
                # A font change restarts reportlab's subset tracking, so the next run
                # (in either font) says its font again.
                self._fontname, self._curSubset = name or font_name, -1
                out.append(super()._formatText(chunk))
        finally:
            self._fontname, self._curSubset = font_name, -1
        return " ".join(out)


class FallbackCanvas(Canvas):
    def beginText(self, x=0, y=0, direction=None):
        return FallbackTextObject(self, x, y, direction=direction)
