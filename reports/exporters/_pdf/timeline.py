"""The page-one timeline: events above the axis, high-level visits below, drawn with
reportlab.graphics.

Labels are flags: a leader line rises from the marker to a lane and the label starts
at the line. Lanes are filled greedily from the axis outwards in date order; a label
goes to the nearest lane where it overlaps no label and crosses no leader line, and a
leader may not cross a label of a nearer lane. A label that fits no lane is left out
(its marker stays), so labels never overlap however dense the record is.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from ...facts_view import date_parts, timeline

_TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
_MAX_TICKS = 10


@dataclass(frozen=True)
class Flag:
    x: float
    widths: tuple[float, ...]  # of the label's wordings, preferred first


@dataclass(frozen=True)
class Placement:
    lane: int
    start: float
    end: float
    x: float       # where the leader line stands
    wording: int   # which of the flag's wordings fitted


def place_flags(flags: list[Flag], lanes: int, x_min: float, x_max: float,
                gap: float) -> list[Placement | None]:
    """A lane, extent and wording for each flag, or None where none fits.

    Labels run rightwards from their leader when any wording fits so: those flags are
    placed first, from the right, so that labels already placed lie to the right of
    each new leader and no leader has to cross them. Flags at the right edge, whose
    label must run leftwards, come last and take a lane still free of labels and leaders."""
    def order(i):
        return (flags[i].x + gap + min(flags[i].widths) > x_max, -flags[i].x)

    placed: list[Placement] = []
    result: dict[int, Placement | None] = {}
    for index in sorted(range(len(flags)), key=order):
        result[index] = _first_fit(flags[index], placed, lanes, x_min, x_max, gap)
        if result[index]:
            placed.append(result[index])
    return [result[i] for i in range(len(flags))]


def _first_fit(flag, placed, lanes, x_min, x_max, gap):
    """Rightwards before leftwards; the longest wording first; the nearest lane first."""
    for rightwards in (True, False):
        for wording, width in enumerate(flag.widths):
            extent = _extent(flag.x, width, x_min, x_max, gap, rightwards)
            for lane in range(lanes if extent else 0):
                candidate = Placement(lane, *extent, flag.x, wording)
                if all(_compatible(candidate, other, gap) for other in placed):
                    return candidate
    return None


def _extent(x: float, width: float, x_min: float, x_max: float, gap: float, rightwards: bool):
    """(start, end) of a label beside its leader, or None if it leaves the drawing."""
    if rightwards:
        return (x + gap / 2, x + gap / 2 + width) if x + gap + width <= x_max else None
    return (x - gap / 2 - width, x - gap / 2) if x - gap - width >= x_min else None


def _compatible(a: Placement, b: Placement, gap: float) -> bool:
    if a.lane == b.lane and a.start < b.end + gap and b.start < a.end + gap:
        return False
    # A leader passes through every lane nearer the axis than its own label.
    if b.lane < a.lane and b.start - gap / 2 <= a.x <= b.end + gap / 2:
        return False
    if a.lane < b.lane and a.start - gap / 2 <= b.x <= a.end + gap / 2:
        return False
    return True


@dataclass(frozen=True)
class Group:
    """All timeline entries of one kind in one year: one marker, one label."""
    year: int
    kind: str
    texts: tuple[str, ...]  # event sentences, or "office person" of visits


def groups(record) -> list[Group]:
    found: dict[tuple[int, str], list] = {}
    for entry in timeline(record):
        year = date_parts(entry.date)[0]
        if year:
            found.setdefault((year, entry.kind), []).append(entry.text)
    return [Group(year, kind, tuple(texts)) for (year, kind), texts in sorted(found.items())]


# "In 2008, ", "Later that year in December 2010, ", "On 5 May 1921, ": the year is on the
# axis already, so a caption starts after it.
_LEADING_DATE = re.compile(r"^[^,]{0,40}?\b\d{4},\s*")


def snippet(sentence: str, limit: int) -> str:
    """The first words of a sentence, at most `limit` characters, date phrase dropped."""
    text = _LEADING_DATE.sub("", sentence.strip()).rstrip(".")
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        text = cut.rstrip(",;:") + "…"
    return text[:1].upper() + text[1:]


def wordings(group: Group, limit: int) -> tuple[str, ...]:
    """A group's label wordings, the most informative first, the shortest last."""
    year, count = group.year, len(group.texts)
    if group.kind == "visit":
        names = ", ".join(dict.fromkeys(_short_name(t) for t in group.texts if t.split()))
        return (f"{year}: {names}", f"{year} ({count})" if count > 1 else str(year))
    more = f" (+{count - 1})" if count > 1 else ""
    return (f"{year} {snippet(group.texts[0], limit)}{more}", f"{year} ({count})" if count > 1 else str(year))


_REGNAL_NUMBER = re.compile(r"^[IVX]+$")


def _short_name(visitor: str) -> str:
    """The last name of "President Felipe Calderón"; "Felipe VI" keeps its number's name."""
    words = visitor.split()
    if len(words) > 1 and _REGNAL_NUMBER.match(words[-1]):
        return " ".join(words[-2:])
    return words[-1]


def year_span(years: list[int]) -> tuple[int, int, int]:
    """(first year, end year, tick step): the axis spans the data exactly; ticks fall
    on round years inside it, at most ~10 of them."""
    low, high = min(years), max(years) + 1
    step = next((s for s in _TICK_STEPS if (high - low) / s <= _MAX_TICKS), _TICK_STEPS[-1])
    return low, high, step


@dataclass(frozen=True)
class Geometry:
    """Vertical measures, all in proportion to the label size."""
    width: float
    font: str
    size: float

    @property
    def pad(self) -> float:
        return self.size * 1.2

    @property
    def lane(self) -> float:
        return self.size * 1.75

    @property
    def bar(self) -> float:
        return self.size * 1.9

    @property
    def marker(self) -> float:
        return self.size * 0.45

    @property
    def legend(self) -> float:
        return self.size * 2.4

    def max_lanes(self, height: float) -> int:
        """Lanes above and below the bar together that fit `height`."""
        free = height - self.legend - self.bar - 2 * self.pad - 4 * self.marker
        return max(2, int(free // self.lane))


def drawing(record, width: float, max_height: float, styles, gate, layout) -> Drawing | None:
    """The timeline of a record, or None when it has no dated event or visit. The
    drawing is only as tall as the lanes its labels use, up to `max_height`."""
    found = groups(record)
    if not found:
        return None
    geo = Geometry(width, styles.body.regular, layout.fonts.small_size)
    limit = int(layout.options("pdf").get("timeline_caption_chars", 30))
    first, last, step = year_span([g.year for g in found])
    x_min, x_max = geo.pad, width - geo.pad

    def x_of(year: float) -> float:
        return x_min + (year - first) / (last - first) * (x_max - x_min)

    sides = []
    total = geo.max_lanes(max_height)
    # Visits (fewer, below) may use up to half the lanes; events get what visits leave.
    for kind in ("visit", "event"):
        lanes = total // 2 if kind == "visit" else total - sides[0][3]
        chosen = [g for g in found if g.kind == kind]
        texts = [[gate.plain(w) for w in wordings(g, limit)] for g in chosen]
        flags = [Flag(x_of(g.year + 0.5), tuple(stringWidth(t, geo.font, geo.size) for t in ts))
                 for g, ts in zip(chosen, texts)]
        spots = place_flags(flags, lanes, x_min, x_max, geo.size * 0.8)
        used = max([s.lane + 1 for s in spots if s] or [0])
        sides.append((chosen, texts, spots, used))
    sides.reverse()  # events first: above the bar
    below = sides[1][3]
    axis = geo.pad + below * geo.lane + 2 * geo.marker + geo.bar / 2
    height = axis + geo.bar / 2 + 2 * geo.marker + sides[0][3] * geo.lane + geo.legend
    d = Drawing(width, height)
    # The renderer otherwise starts from Helvetica, which would be an unembedded font.
    d.initialFontName, d.initialFontSize = geo.font, geo.size
    c = styles.colour
    d.add(Rect(0, 0, width, height, fillColor=c["light"], strokeColor=None))
    _bar(d, geo, axis, first, last, step, x_of, c)
    for (chosen, texts, spots, _), direction in zip(sides, (1, -1)):
        _flags(d, geo, chosen, texts, spots, axis, direction, x_of, c)
    _legend(d, geo, height, layout, c)
    return d


def _bar(d, geo, axis, first, last, step, x_of, c):
    """The years as a band: tick labels sit inside it, so no leader crosses them."""
    low, high = axis - geo.bar / 2, axis + geo.bar / 2
    d.add(Rect(x_of(first), low, x_of(last) - x_of(first), geo.bar, fillColor=c["primary"], strokeColor=None))
    for year in range(math.ceil(first / step) * step, last + 1, step):
        x = x_of(year)
        d.add(Line(x, high, x, high - geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        d.add(Line(x, low, x, low + geo.bar * 0.2, strokeColor=c["on_primary"], strokeWidth=0.6))
        # A label near an end of the bar is pulled inside it.
        half = stringWidth(str(year), geo.font, geo.size) / 2 + geo.size * 0.3
        centre = min(max(x, x_of(first) + half), x_of(last) - half)
        d.add(String(centre, axis - geo.size * 0.35, str(year), fontName=geo.font, fontSize=geo.size,
                     fillColor=c["on_primary"], textAnchor="middle"))


def _flags(d, geo, chosen, texts, spots, axis, direction, x_of, c):
    """Markers on the bar's edge and their flag labels, going up (1) or down (-1)."""
    edge = axis + direction * (geo.bar / 2 + geo.marker)
    colour = c["primary"] if direction > 0 else c["accent"]
    for group, wording, spot in zip(chosen, texts, spots):
        x = x_of(group.year + 0.5)
        if spot is not None:
            near = edge + direction * (geo.marker + spot.lane * geo.lane)
            baseline = near + geo.size * 0.35 if direction > 0 else near - geo.lane + geo.size * 0.45
            top = baseline + geo.size * 0.95 if direction > 0 else baseline - geo.size * 0.25
            d.add(Line(x, edge, x, top, strokeColor=c["muted"], strokeWidth=0.5))
            d.add(String(spot.start, baseline, wording[spot.wording], fontName=geo.font,
                         fontSize=geo.size, fillColor=c["text"]))
        d.add(_marker(x, edge, geo.marker, direction, colour))


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
