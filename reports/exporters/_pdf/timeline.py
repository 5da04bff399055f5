"""The page-one timeline drawn with reportlab.graphics: events above the axis, high-level
visits below, each mark with a flag label, placed by timeline_placement.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .timeline_labels import groups
from .timeline_placement import Geometry, plan


def drawing(record, width: float, max_height: float, styles, gate, layout) -> Drawing | None:
    """The timeline of a record, or None when it has no dated event or visit. The
    drawing is only as tall as the lanes its labels use, up to `max_height`."""
    found = groups(record)
    if not found:
        return None
    geo = Geometry(width, styles.body.regular, layout.fonts.small_size)
    limit = int(layout.options("pdf").get("timeline_caption_chars", 46))

    def measure(text: str) -> float:
        return gate.width(gate.plain(text), geo.font, geo.size)  # fallback runs in their own font

    where = plan(found, geo, max_height, measure, limit)
    d = Drawing(width, where.height)
    # The renderer otherwise starts from Helvetica, which would be an unembedded font.
    d.initialFontName, d.initialFontSize = geo.font, geo.size
    c = styles.colour
    d.add(Rect(0, 0, width, where.height, fillColor=c["light"], strokeColor=None))
    _bar(d, geo, where, c)
    for side, direction in ((where.events, 1), (where.visits, -1)):
        texts = [[gate.plain(t) for t in w.texts] for w in side.wordings]
        _flags(d, geo, side, texts, direction, c)
    _legend(d, geo, where.height, layout, c)
    return d


class RoomyTimeline(Flowable):
    """The timeline as a flowable that takes the room page one has left: its lanes may
    use more than `height` (the layout's timeline_height_mm) when the frame has it, up
    to twice that, so a dense record keeps its labels; it is still only as tall as the
    lanes its labels use."""

    def __init__(self, record, width: float, height: float, styles, gate, layout):
        super().__init__()
        self.args = (record, width, styles, gate, layout)
        self.least = height
        self.picture = None
        self._built_for = None

    def _picture(self, room: float):
        budget = max(self.least, min(room, 2 * self.least))
        if self._built_for != budget:
            record, width, styles, gate, layout = self.args
            self.picture, self._built_for = drawing(record, width, budget, styles, gate, layout), budget
        return self.picture

    def wrap(self, available_width, available_height):
        picture = self._picture(available_height)
        return picture.width, picture.height

    def draw(self):
        self.picture.drawOn(self.canv, 0, 0)


def _bar(d, geo, where, c):
    """The years as a band: tick labels sit inside it, so no leader crosses them. A
    shrunk stretch is cut out of the band and marked with a pair of slashes."""
    left, right = where.bar
    low, high = where.axis - geo.bar / 2, where.axis + geo.bar / 2
    d.add(Rect(left, low, right - left, geo.bar, fillColor=c["primary"], strokeColor=None))
    gap = geo.size * 0.5
    for middle in where.cuts:
        d.add(Rect(middle - gap / 2, low - 1, gap, geo.bar + 2, fillColor=c["light"], strokeColor=None))
        for dx in (-gap / 2, gap / 2):
            d.add(Line(middle + dx - gap * 0.4, low - 1.5, middle + dx + gap * 0.4, high + 1.5,
                       strokeColor=c["primary"], strokeWidth=0.8))
    for tick in where.ticks:
        d.add(Line(tick.x, high, tick.x, high - geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        d.add(Line(tick.x, low, tick.x, low + geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        d.add(String(tick.centre, where.axis - geo.size * 0.35, str(tick.year), fontName=geo.font,
                     fontSize=geo.size, fillColor=c["on_primary"], textAnchor="middle"))


def _flags(d, geo, side, texts, direction, c):
    """Markers on the bar's edge and their flag labels, going up (1) or down (-1); the
    markers of a joined mark are spanned by a bracket its leader rises from."""
    colour = c["primary"] if direction > 0 else c["accent"]
    for place, wording, spot in zip(side.callouts, texts, side.spots):
        if place.bracket is not None:
            left, right = place.bracket
            d.add(Line(left, place.foot, right, place.foot, strokeColor=c["muted"], strokeWidth=0.5))
            for x in place.markers:
                d.add(Line(x, place.edge, x, place.foot, strokeColor=c["muted"], strokeWidth=0.5))
        if place.label is not None:
            d.add(Line(place.x, place.foot, place.x, place.top, strokeColor=c["muted"], strokeWidth=0.5))
            d.add(String(*place.label, wording[spot.wording], fontName=geo.font, fontSize=geo.size,
                         fillColor=c["text"]))
        for x in place.markers:
            d.add(_marker(x, place.edge, geo.marker, direction, colour))


def _marker(x, y, r, direction, colour):
    if direction > 0:
        return Circle(x, y, r, fillColor=colour, strokeColor=None)
    return Polygon([x, y - r * 1.3, x + r * 1.3, y, x, y + r * 1.3, x - r * 1.3, y],
                   fillColor=colour, strokeColor=None)


def _legend(d, geo, height, layout, c):
    y = height - geo.legend * 0.6
    x = geo.pad
    for label, direction, colour in ((layout.label("events"), 1, c["primary"]),
                                     (layout.label("visits"), -1, c["accent"])):
        d.add(_marker(x + geo.marker, y + geo.size * 0.35, geo.marker, direction, colour))
        d.add(String(x + geo.size * 1.3, y, label, fontName=geo.font, fontSize=geo.size, fillColor=c["muted"]))
        x += geo.size * 3.5 + stringWidth(label, geo.font, geo.size)
