"""The timeline drawn with reportlab.graphics, for the brief's page one and the dossier's
Timeline part alike: events and agreements above the bar, high-level visits below, one
marker per fact with a whole label or, where that does not fit, a number whose text the
key under the band gives (placement.py)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from .axis import cuts, scale, tick_marks
from .labels import Label, labels
from .placement import Item, place

ABOVE = ("event", "agreement")  # visits go below the bar


@dataclass(frozen=True)
class Geometry:
    width: float
    font: str
    bold: str
    size: float

    @property
    def lane(self) -> float:
        return self.size * 1.55

    @property
    def bar(self) -> float:
        return self.size * 1.9

    @property
    def legend(self) -> float:
        return self.size * 2.2

    @property
    def pad(self) -> float:
        return self.size * 0.8

    @property
    def marker(self) -> float:
        return self.size * 0.38


@dataclass(frozen=True)
class Pen:
    """What the drawing is set with: the body font's regular and bold, the small size, the
    layout's colours as reportlab colours, and the text gate (plain text and its width)."""
    font: str
    bold: str
    size: float
    colour: dict
    gate: object


@dataclass(frozen=True)
class Timeline:
    """The drawing, the numbered labels, (number, mark), whose texts the key gives, and
    every label in date order."""
    drawing: Drawing
    numbers: list
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Mark:
    """Labels of one side whose markers coincide: one marker, one label."""
    x: float
    labels: tuple[Label, ...]

    @property
    def text(self) -> str:
        return "; ".join(label.text for label in self.labels)

    @property
    def short(self) -> str | None:
        """Every label in its shorter wording, where one of them has one."""
        if not any(label.short for label in self.labels):
            return None
        return "; ".join(label.short or label.text for label in self.labels)


def timeline(record, width: float, height: float, pen: Pen, layout) -> Timeline | None:
    """The drawing, at most `height` high, and its numbered labels (None without marks)."""
    found = labels(record, layout)
    if not found:
        return None
    gate = pen.gate
    geo = Geometry(width, pen.font, pen.bold, pen.size)
    axis = scale([int(label.year) for label in found])
    x_min, x_end = geo.pad * 2, width - geo.pad * 2

    def x_of(year: float) -> float:
        return axis.x(year, x_min, x_end)

    def measure(text: str, font=None) -> float:
        return gate.width(gate.plain(text), font or geo.font, geo.size)

    lanes = max(2, int((height - geo.legend - geo.bar - 2 * geo.pad) / 2 / geo.lane))
    sides = {side: _marks([lb for lb in found if (lb.kind in ABOVE) == (side > 0)], x_of, geo.marker * 2.6)
             for side in (1, -1)}
    placed, numbers = {}, []
    for side, marks in sides.items():
        items = [Item(m.x, measure(m.text) + 4, measure("00", geo.bold) + 5,
                      measure(m.short) + 4 if m.short else None) for m in marks]
        placed[side] = place(items, lanes, 0, width, geo.size * 0.8)
    # Callouts are numbered in date order, above and below together.
    callouts = sorted(((m.x, side, i) for side, marks in sides.items()
                       for i, (m, s) in enumerate(zip(marks, placed[side])) if s.callout))
    for number, (_, side, i) in enumerate(callouts, 1):
        numbers.append((number, sides[side][i]))
    number_of = {(side, i): n for n, (_, side, i) in enumerate(callouts, 1)}
    up = max((s.lane + 1 for s in placed[1]), default=0)
    down = max((s.lane + 1 for s in placed[-1]), default=0)
    total = geo.legend + geo.pad + (up + down) * geo.lane + geo.bar + geo.pad
    axis_y = geo.pad + down * geo.lane + geo.bar / 2
    d = Drawing(width, total)
    d.initialFontName, d.initialFontSize = geo.font, geo.size  # else an unembedded Helvetica
    c = pen.colour
    d.add(Rect(0, 0, width, total, fillColor=c["light"], strokeColor=None))
    _bar(d, geo, axis, x_of, x_min, x_end, axis_y, measure, c)
    for side, marks in sides.items():
        for i, (mark, spot) in enumerate(zip(marks, placed[side])):
            text = str(number_of[(side, i)]) if spot.callout else gate.plain(mark.short if spot.short else mark.text)
            _flag(d, geo, mark, spot, text, side, axis_y, c)
    _legend(d, geo, total, layout, c)
    return Timeline(d, numbers, tuple(found))


def drawing(record, width: float, height: float, pen: Pen, layout) -> Drawing | None:
    """The timeline's drawing alone (None without marks)."""
    found = timeline(record, width, height, pen, layout)
    return found.drawing if found else None


def _marks(found: list[Label], x_of, close: float) -> list[Mark]:
    """Labels grouped where their markers would coincide (closer than `close`)."""
    marks: list[Mark] = []
    for label in sorted(found, key=lambda lb: lb.year):
        x = x_of(label.year)
        if marks and x - marks[-1].x < close:
            marks[-1] = Mark(marks[-1].x, marks[-1].labels + (label,))
        else:
            marks.append(Mark(x, (label,)))
    return marks


def _flag(d, geo, mark, spot, text, side, axis_y, c):
    edge = axis_y + side * geo.bar / 2
    if side > 0:
        baseline = edge + geo.size * 0.5 + spot.lane * geo.lane + geo.size * 0.35
        top = baseline - geo.size * 0.25
    else:
        baseline = edge - (spot.lane + 1) * geo.lane + geo.size * 0.15
        top = baseline + geo.size * 0.95
    d.add(Line(mark.x, edge, mark.x, top, strokeColor=c["muted"], strokeWidth=0.5))
    rightwards = spot.start >= mark.x - 1e-6
    font = geo.bold if spot.callout else geo.font
    colour = c["primary"] if spot.callout else c["text"]
    if rightwards:
        d.add(String(spot.start + 2, baseline, text, fontName=font, fontSize=geo.size, fillColor=colour))
    else:
        d.add(String(spot.end - 2, baseline, text, fontName=font, fontSize=geo.size, fillColor=colour,
                     textAnchor="end"))
    kind = mark.labels[0].kind
    d.add(_marker(kind, mark.x, edge, geo.marker, c))


def _marker(kind, x, y, r, c):
    if kind == "event":
        return Circle(x, y, r, fillColor=c["primary"], strokeColor=None)
    if kind == "agreement":
        return Rect(x - r, y - r, 2 * r, 2 * r, fillColor=c["on_primary"], strokeColor=c["primary"],
                    strokeWidth=1)
    return Polygon([x, y - r * 1.3, x + r * 1.3, y, x, y + r * 1.3, x - r * 1.3, y],
                   fillColor=c["accent"], strokeColor=None)


def _bar(d, geo, axis, x_of, x_min, x_end, axis_y, measure, c):
    """The years as a band with their ticks inside it; a cut-out stretch is marked by a
    gap and a pair of slashes."""
    low, high = axis_y - geo.bar / 2, axis_y + geo.bar / 2
    d.add(Rect(x_min, low, x_end - x_min, geo.bar, fillColor=c["primary"], strokeColor=None))
    gap = geo.size * 0.5
    for middle in cuts(axis, x_of):
        d.add(Rect(middle - gap / 2, low - 1, gap, geo.bar + 2, fillColor=c["light"], strokeColor=None))
        for dx in (-gap / 2, gap / 2):
            d.add(Line(middle + dx - gap * 0.4, low - 1.5, middle + dx + gap * 0.4, high + 1.5,
                       strokeColor=c["primary"], strokeWidth=0.8))
    for tick in tick_marks(axis, x_of, measure, geo.size):
        d.add(Line(tick.x, high, tick.x, high - geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        d.add(Line(tick.x, low, tick.x, low + geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        d.add(String(tick.centre, axis_y - geo.size * 0.35, str(tick.year), fontName=geo.font,
                     fontSize=geo.size, fillColor=c["on_primary"], textAnchor="middle"))


def _legend(d, geo, height, layout, c):
    y = height - geo.legend * 0.65
    x = geo.pad
    for key, kind in (("events", "event"), ("agreements", "agreement"), ("visits", "visit")):
        label = layout.label(key)
        d.add(_marker(kind, x + geo.marker, y + geo.size * 0.35, geo.marker, c))
        d.add(String(x + geo.size * 1.3, y, label, fontName=geo.font, fontSize=geo.size, fillColor=c["muted"]))
        x += geo.size * 3.5 + stringWidth(label, geo.font, geo.size)

