"""The page-one timeline drawn with reportlab.graphics: events above the axis, high-level
visits below, each mark with a flag label, placed by timeline_placement.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .timeline_labels import groups
from .timeline_placement import (
    Geometry,
    axis_end,
    labelled_marks,
    leader_x,
    scale,
    tick_step,
    ticks,
)


def drawing(record, width: float, max_height: float, styles, gate, layout) -> Drawing | None:
    """The timeline of a record, or None when it has no dated event or visit. The
    drawing is only as tall as the lanes its labels use, up to `max_height`."""
    found = groups(record)
    if not found:
        return None
    geo = Geometry(width, styles.body.regular, layout.fonts.small_size)
    limit = int(layout.options("pdf").get("timeline_caption_chars", 46))
    axis_scale = scale([g.year for g in found])
    step = tick_step(axis_scale.length)
    x_min, x_max = geo.pad, width - geo.pad

    def measure(text: str) -> float:
        return gate.width(gate.plain(text), geo.font, geo.size)  # fallback runs in their own font

    end = axis_end(found, axis_scale, x_min, x_max, measure, limit, geo.size * 0.8)

    def x_of(year: float) -> float:
        return x_min + axis_scale.unit(year) / axis_scale.length * (end - x_min)

    sides = []
    total = geo.max_lanes(max_height)
    # Visits (fewer, below) may use up to half the lanes; events get what visits leave.
    for kind in ("visit", "event"):
        lanes = total // 2 if kind == "visit" else total - sides[0][3]
        chosen = [g for g in found if g.kind == kind]
        marks, texts, spots = labelled_marks(chosen, lanes, x_of, measure, limit, x_min, x_max, geo.size * 0.8)
        texts = [[gate.plain(t) for t in w.texts] for w in texts]
        used = max([s.lane + 1 for s in spots if s] or [0])
        sides.append((marks, texts, spots, used))
    sides.reverse()  # events first: above the bar
    below = sides[1][3]
    axis = geo.pad + below * geo.lane + 2 * geo.marker + geo.bar / 2
    height = axis + geo.bar / 2 + 2 * geo.marker + sides[0][3] * geo.lane + geo.legend
    d = Drawing(width, height)
    # The renderer otherwise starts from Helvetica, which would be an unembedded font.
    d.initialFontName, d.initialFontSize = geo.font, geo.size
    c = styles.colour
    d.add(Rect(0, 0, width, height, fillColor=c["light"], strokeColor=None))
    _bar(d, geo, axis, axis_scale, step, x_of, c)
    for (chosen, texts, spots, _), direction in zip(sides, (1, -1)):
        _flags(d, geo, chosen, texts, spots, axis, direction, x_of, c)
    _legend(d, geo, height, layout, c)
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


def _bar(d, geo, axis, axis_scale, step, x_of, c):
    """The years as a band: tick labels sit inside it, so no leader crosses them. A
    shrunk stretch is cut out of the band and marked with a pair of slashes."""
    first, last = axis_scale.first, axis_scale.last
    low, high = axis - geo.bar / 2, axis + geo.bar / 2
    d.add(Rect(x_of(first), low, x_of(last) - x_of(first), geo.bar, fillColor=c["primary"], strokeColor=None))
    for start, end in axis_scale.breaks:
        middle = (x_of(start) + x_of(end)) / 2
        gap = geo.size * 0.5
        d.add(Rect(middle - gap / 2, low - 1, gap, geo.bar + 2, fillColor=c["light"], strokeColor=None))
        for dx in (-gap / 2, gap / 2):
            d.add(Line(middle + dx - gap * 0.4, low - 1.5, middle + dx + gap * 0.4, high + 1.5,
                       strokeColor=c["primary"], strokeWidth=0.8))
    def centre_of(year):
        """A label near an end of the bar is pulled inside it."""
        half = stringWidth(str(year), geo.font, geo.size) / 2 + geo.size * 0.3
        return min(max(x_of(year), x_of(first) + half), x_of(last) - half)

    for year in ticks(axis_scale, step, x_of, stringWidth("0000  ", geo.font, geo.size), centre_of):
        x = x_of(year)
        d.add(Line(x, high, x, high - geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        d.add(Line(x, low, x, low + geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        d.add(String(centre_of(year), axis - geo.size * 0.35, str(year), fontName=geo.font, fontSize=geo.size,
                     fillColor=c["on_primary"], textAnchor="middle"))


def _flags(d, geo, marks, texts, spots, axis, direction, x_of, c):
    """Markers on the bar's edge and their flag labels, going up (1) or down (-1); the
    markers of a joined mark are spanned by a bracket its leader rises from."""
    edge = axis + direction * (geo.bar / 2 + geo.marker)
    colour = c["primary"] if direction > 0 else c["accent"]
    for mark, wording, spot in zip(marks, texts, spots):
        x = leader_x(mark, x_of)
        foot = edge
        if len(mark.groups) > 1:
            foot = edge + direction * geo.marker * 1.3
            left, right = x_of(mark.first + 0.5), x_of(mark.last + 0.5)
            d.add(Line(left, foot, right, foot, strokeColor=c["muted"], strokeWidth=0.5))
            for g in mark.groups:
                d.add(Line(x_of(g.year + 0.5), edge, x_of(g.year + 0.5), foot, strokeColor=c["muted"],
                           strokeWidth=0.5))
        if spot is not None:
            near = edge + direction * (geo.marker + spot.lane * geo.lane)
            baseline = near + geo.size * 0.35 if direction > 0 else near - geo.lane + geo.size * 0.45
            top = baseline + geo.size * 0.95 if direction > 0 else baseline - geo.size * 0.25
            d.add(Line(x, foot, x, top, strokeColor=c["muted"], strokeWidth=0.5))
            d.add(String(spot.start, baseline, wording[spot.wording], fontName=geo.font,
                         fontSize=geo.size, fillColor=c["text"]))
        for g in mark.groups:
            d.add(_marker(x_of(g.year + 0.5), edge, geo.marker, direction, colour))


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
