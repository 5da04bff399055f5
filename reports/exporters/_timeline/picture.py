"""The brief's timeline as a PNG, for documents that take pictures rather than vector
drawings (the Word dossier): the same drawing (drawing.py) in the same fonts, at print
resolution, with alt text that names every mark.

The drawing is written as a one-page PDF by reportlab and rasterised by PDFium
(pypdfium2), so the picture is the brief's own, fonts and all. reportlab's bitmap
renderer (renderPM) is no way: reportlab 5 renders only through rlPyCairo, whose pycairo
has no Linux wheel (it needs a compiler and Cairo's headers), and the C renderer of
rl-renderPM is no longer loaded by it.

A canvas String is set in one font, where the brief's canvas switches to a Noto font
for the characters DejaVu lacks (_pdf/textruns.py); so here each such String is split
into runs set one after another, each in the font that draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

DPI = 200  # prints sharply; a 170 mm band is about 1,340 pixels wide


@dataclass(frozen=True)
class Picture:
    png: bytes
    width_pt: float   # the drawing's size in points: the size the picture is shown at
    height_pt: float
    alt: str          # every mark's label, in date order
    key: tuple[tuple[int, str], ...]  # the numbered labels' texts, for a key under the picture


def picture(record, layout, width_pt: float, height_pt: float, dpi: int = DPI) -> Picture | None:
    """The timeline of `record` as a PNG `width_pt` wide, at most `height_pt` high
    (None when the record has no dated facts)."""
    from reportlab.lib import colors

    from .._reportlab_text.fonts import TextGate, coverage, family
    from .drawing import Pen, timeline

    body = family(layout.fonts.body)
    family(layout.fonts.headings)  # coverage() reads both families, as the brief's gate does
    gate = TextGate(coverage(layout.fonts.body, layout.fonts.headings),
                    str(layout.options("pdf").get("missing_glyph", "\ufffd")))
    pen = Pen(body.regular, body.bold, layout.fonts.small_size,
              {name: colors.HexColor(value) for name, value in layout.colors.items()}, gate)
    found = timeline(record, width_pt, height_pt, pen, layout)
    if found is None:
        return None
    drawing = found.drawing
    _set_in_runs(drawing)
    png = _png(drawing, dpi)
    alt = f"{layout.label('timeline')}: " + "; ".join(label.text for label in found.labels)
    key = tuple((number, mark.text) for number, mark in found.numbers)
    return Picture(png, drawing.width, drawing.height, alt, key)


def _png(drawing, dpi: int) -> bytes:
    """The drawing as a PDF page, rendered at `dpi` (and saying so in the PNG)."""
    import io

    import pypdfium2
    from reportlab.graphics import renderPDF

    document = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _set_in_runs(drawing) -> None:
    """Each String with characters its font lacks becomes one String per font run."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from .._reportlab_text import fallback

    contents = []
    for item in drawing.contents:
        runs = None
        if isinstance(item, String) and not item.text.isascii():
            runs = fallback.split(item.text, pdfmetrics.getFont(item.fontName).face.charToGlyph)
        if not runs or runs == [(None, item.text)]:
            contents.append(item)
            continue
        widths = [stringWidth(chunk, name or item.fontName, item.fontSize) for name, chunk in runs]
        x = item.x - {"start": 0, "middle": sum(widths) / 2, "end": sum(widths)}[item.textAnchor]
        for (name, chunk), width in zip(runs, widths):
            contents.append(String(x, item.y, chunk, fontName=name or item.fontName, fontSize=item.fontSize,
                                   fillColor=item.fillColor))
            x += width
    drawing.contents = contents
