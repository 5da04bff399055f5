"""Pages: the document template, header and footer on every page, "page X of Y",
and the outline (bookmarks) collected from headings as they are laid out."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from .textruns import FallbackCanvas


class CountingCanvas(FallbackCanvas):
    """Pages say "page X of Y" in one layout pass: each page draws a form named for its
    number, and the forms are written at the end, when the page count is known.
    (Holding whole pages back until the end would break the outline: reportlab ties a
    bookmark to the page being drawn, and held pages are added too late.)"""

    def __init__(self, *args, page_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._pages_done = 0

    def showPage(self):
        self._pages_done += 1
        super().showPage()

    def save(self):
        for page in range(1, self._pages_done + 1):
            self.beginForm(page_form(page))
            self._page_label(self, page, self._pages_done)
            self.endForm()
        super().save()


def page_form(page: int) -> str:
    return f"page-of-{page}"


class BriefTemplate(BaseDocTemplate):
    """Headings carry `outline = (key, title, level)`; each becomes a bookmark."""

    def afterFlowable(self, flowable):
        entry = getattr(flowable, "outline", None)
        if entry:
            key, title, level = entry
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)


def page_size(layout) -> tuple[float, float]:
    return layout.page.width_mm * mm, layout.page.height_mm * mm


def make_document(path, layout, metadata: dict, decorate) -> BriefTemplate:
    p = layout.page
    doc = BriefTemplate(
        str(path), pagesize=page_size(layout),
        leftMargin=p.margin_left_mm * mm, rightMargin=p.margin_right_mm * mm,
        topMargin=p.margin_top_mm * mm, bottomMargin=p.margin_bottom_mm * mm,
        invariant=1, **metadata)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    # At the end of the page, so that page one's header is drawn over the title band.
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=decorate)])
    return doc


class PageFurniture:
    """The header and footer: the relationship title and the brief's name on top, the
    organisation and "page X of Y" below; page one's header sits on the title band."""

    def __init__(self, layout, styles, gate, title: str, running: str, organisation: str):
        width, height = page_size(layout)
        p = layout.page
        self.layout, self.styles = layout, styles
        self.left, self.right = p.margin_left_mm * mm, width - p.margin_right_mm * mm
        self.size = layout.fonts.small_size
        self.head_y = height - p.margin_top_mm * mm + self.size * 1.6
        self.foot_y = p.margin_bottom_mm * mm - self.size * 2.6
        self.title, self.running, self.organisation = map(gate.plain, (title, running, organisation))

    def on_page(self, canvas, doc):
        s, c, size = self.styles, self.styles.colour, self.size
        on_band = canvas.getPageNumber() == 1
        canvas.saveState()
        canvas.setFont(s.heads.bold, size)
        canvas.setFillColor(c["on_primary"] if on_band else c["primary"])
        canvas.drawRightString(self.right, self.head_y, self.running)
        room = self.right - self.left - stringWidth(self.running, s.heads.bold, size) - size * 2
        canvas.setFont(s.body.regular, size)
        canvas.drawString(self.left, self.head_y, _fit(self.title, s.body.regular, size, room))
        canvas.setStrokeColor(c["rule"])
        canvas.setLineWidth(0.5)
        if not on_band:
            canvas.line(self.left, self.head_y - size * 0.7, self.right, self.head_y - size * 0.7)
        canvas.line(self.left, self.foot_y + size * 1.4, self.right, self.foot_y + size * 1.4)
        canvas.setFillColor(c["muted"])
        canvas.drawString(self.left, self.foot_y, _fit(self.organisation, s.body.regular, size,
                                                       (self.right - self.left) * 0.6))
        canvas.restoreState()
        canvas.doForm(page_form(canvas.getPageNumber()))

    def page_label(self, canvas, page: int, pages: int):
        canvas.setFont(self.styles.body.regular, self.size)
        canvas.setFillColor(self.styles.colour["muted"])
        canvas.drawRightString(self.right, self.foot_y, self.layout.label("page_of", page=page, pages=pages))

    def canvasmaker(self):
        return partial(CountingCanvas, page_label=self.page_label)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """`text` cut with an ellipsis to fit `room` points (headers hold one line)."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-max(1, len(text) // 8)]
    return text + "…"
