"""Where everything on the page-one timeline goes (plan()): marks, labels, their
leaders and brackets, and the bar with its ticks and cuts (timeline_axis). Pure
geometry: text widths come from a measuring function the caller passes in, so this
module needs no reportlab; timeline.py draws what it places.

Labels are flags: a leader line rises from the marker to a lane and the label starts
at the line. Lanes are filled greedily from the axis outwards in date order; a label
goes to the nearest lane where it overlaps no label and crosses no leader line, and a
leader may not cross a label of a nearer lane. A mark whose label fits no lane (or
fits only cut short) is not left bare: it joins its nearest neighbour of the same kind
into one mark with one label ("1990–91: Latvia obtained its independence; Chile
recognized…"), a bracket over their markers, until every mark has a label or all of
one side are one; labels never overlap however dense the record is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .timeline_axis import Scale, Tick, cuts, scale, tick_marks
from .timeline_labels import Group, Mark, Wordings, group_wordings, mark_wordings

_JOIN_ATTEMPTS = 60


@dataclass(frozen=True)
class Flag:
    """A mark's label to place: its leader's x and the widths of its wordings."""
    x: float
    widths: tuple[float, ...]  # of the label's wordings, preferred first
    good: int | None = None    # how many of them are whole labels (None: all)


@dataclass(frozen=True)
class Placement:
    """Where a flag's label goes: its lane, its extent and which wording fitted."""
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
    # A flag left with a cut or bare label (or none) may still find room for a whole one
    # running the other way, now that every other label has its place.
    for index, flag in enumerate(flags):
        good = len(flag.widths) if flag.good is None else flag.good
        spot = result[index]
        if spot is not None and spot.wording < good:
            continue
        others = [p for p in placed if p is not spot]
        better = _first_fit(Flag(flag.x, flag.widths[:good]), others, lanes, x_min, x_max, gap)
        if better is not None:
            placed = [*others, better]
            result[index] = better
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


def labelled_marks(chosen: list[Group], lanes: int, x_of, measure, limit: int,
                   x_min: float, x_max: float, gap: float):
    """Marks of one side with their wordings and placements. A group whose label finds
    no lane (or only a cut or bare one) is joined to a neighbour when that labels more
    groups whole; the join that labels most is taken first, until none helps."""
    widths: dict[str, float] = {}

    def width(text: str) -> float:
        if text not in widths:
            widths[text] = measure(text)
        return widths[text]

    def attempt(marks):
        texts = [mark_wordings(m, limit) for m in marks]
        flags = [Flag(leader_x(m, x_of), tuple(width(t) for t in w.texts), w.good) for m, w in zip(marks, texts)]
        spots = place_flags(flags, lanes, x_min, x_max, gap)
        lost = [i for i, (spot, w) in enumerate(zip(spots, texts)) if spot is None or spot.wording >= w.good]
        whole = sum(len(m.groups) for i, m in enumerate(marks) if i not in lost)
        return marks, texts, spots, lost, whole

    best = attempt([Mark((g,)) for g in chosen])
    budget = _JOIN_ATTEMPTS  # a bound on the work for very dense records: counted, not timed
    while best[3] and budget > 0:
        marks, lost = best[0], best[3]
        pairs = {(i - 1, i) for i in lost if i > 0} | {(i, i + 1) for i in lost if i + 1 < len(marks)}
        # The closest pairs first; a round tries a few.
        pairs = sorted(pairs, key=lambda p: (x_of(marks[p[1]].first) - x_of(marks[p[0]].last), p))[:min(8, budget)]
        budget -= len(pairs)
        # A joined mark must itself be labelled whole: a bracket without a label helps no one.
        tries = [found for i, j in sorted(pairs)
                 if i not in (found := attempt(marks[:i] + [marks[i].joined(marks[j])] + marks[j + 1:]))[3]]
        if not tries:
            break
        better = max(tries, key=lambda found: (found[4], -len(found[3])), default=None)
        if better is None or (better[4], -len(better[3])) <= (best[4], -len(best[3])):
            break
        best = better
    return best[:3]


def leader_x(mark: Mark, x_of) -> float:
    """Where a mark's leader stands: its year's middle, or the middle of its bracket."""
    return (x_of(mark.first + 0.5) + x_of(mark.last + 0.5)) / 2


@dataclass(frozen=True)
class Geometry:
    """The drawing's width and its measures, all in proportion to the label size."""
    width: float
    font: str   # the labels' font name, for the drawing
    size: float

    @property
    def pad(self) -> float:
        """The margin around the bar and the lanes."""
        return self.size * 1.2

    @property
    def lane(self) -> float:
        """The height of one lane of labels."""
        return self.size * 1.75

    @property
    def bar(self) -> float:
        """The height of the bar of years."""
        return self.size * 1.9

    @property
    def marker(self) -> float:
        """A marker's radius."""
        return self.size * 0.45

    @property
    def legend(self) -> float:
        """The height of the legend's row."""
        return self.size * 2.4

    def max_lanes(self, height: float) -> int:
        """Lanes above and below the bar together that fit `height`."""
        free = height - self.legend - self.bar - 2 * self.pad - 4 * self.marker
        return max(2, int(free // self.lane))


def axis_end(found, axis_scale, x_min, x_max, measure, limit, gap, most=0.3) -> float:
    """Where the bar ends: short of the right edge by as much as the recent marks'
    shortest whole labels need to run rightwards (at most `most` of the width), so the
    marks of the latest years are labelled like the others instead of walling each
    other off with labels that must run leftwards. Only the latest mark of each side
    runs leftwards, from the right edge."""
    # The latest mark of a side may run leftwards from the right edge: a leader there
    # walls off nothing that could fit anyway.
    latest = {kind: max(g.year for g in found if g.kind == kind) for kind in {g.kind for g in found}}
    widths = []
    for group in found:
        if group.year == latest[group.kind]:
            continue
        texts = group_wordings(group, limit)
        widths.append((group.year, measure(texts.texts[texts.good - 1])))
    end = x_max
    for _ in range(3 if widths else 0):  # each step moves the marks left, so their overhang shrinks
        over = max(axis_scale.x(year + 0.5, x_min, end) + gap + width - x_max for year, width in widths)
        if over <= 0.5:
            break
        end = max(x_max - most * (x_max - x_min), end - over)
    return end


@dataclass(frozen=True)
class Callout:
    """Where one mark's markers, bracket, leader and label go (y grows upwards)."""
    edge: float                            # y of the markers, on the bar's edge
    markers: tuple[float, ...]             # x of each of its groups' markers
    x: float                               # x of the leader
    foot: float                            # y where the leader starts: the edge, or the bracket
    bracket: tuple[float, float] | None    # x from and to of a joined mark's bracket
    label: tuple[float, float] | None      # (x, baseline) of the label; None: no label, no leader
    top: float | None                      # y where the leader ends, at the label


def callout(geo: Geometry, axis: float, direction: int, mark: Mark, spot: Placement | None, x_of) -> Callout:
    """A mark's callout above (direction 1) or below (-1) a bar whose middle is at `axis`:
    the markers sit on the bar's edge; a joined mark's bracket spans its markers."""
    edge = axis + direction * (geo.bar / 2 + geo.marker)
    foot, bracket = edge, None
    if len(mark.groups) > 1:
        foot = edge + direction * geo.marker * 1.3
        bracket = (x_of(mark.first + 0.5), x_of(mark.last + 0.5))
    label = top = None
    if spot is not None:
        near = edge + direction * (geo.marker + spot.lane * geo.lane)
        baseline = near + geo.size * 0.35 if direction > 0 else near - geo.lane + geo.size * 0.45
        top = baseline + geo.size * 0.95 if direction > 0 else baseline - geo.size * 0.25
        label = (spot.start, baseline)
    markers = tuple(x_of(g.year + 0.5) for g in mark.groups)
    return Callout(edge, markers, leader_x(mark, x_of), foot, bracket, label, top)


@dataclass(frozen=True)
class Side:
    """One side of the bar: its marks, their wordings, their label placements and callouts."""
    marks: tuple[Mark, ...]
    wordings: tuple[Wordings, ...]
    spots: tuple[Placement | None, ...]
    callouts: tuple[Callout, ...] = ()

    @property
    def lanes(self) -> int:
        """How many lanes its labels use."""
        return max([s.lane + 1 for s in self.spots if s] or [0])


@dataclass(frozen=True)
class Plan:
    """Where everything on the timeline goes: the bar, its ticks and cuts, both sides."""
    scale: Scale
    bar: tuple[float, float]       # x where the bar starts and ends
    ticks: tuple[Tick, ...]
    cuts: tuple[float, ...]        # x of each cut's middle
    events: Side                   # above the bar
    visits: Side                   # below it
    axis: float                    # y of the bar's middle
    height: float


def plan(found: list[Group], geo: Geometry, max_height: float, measure, limit: int) -> Plan:
    """The plan of a timeline of `found` in `geo.width` and at most `max_height`, its
    labels (of at most `limit` characters) measured by `measure`."""
    axis_scale = scale([g.year for g in found])
    x_min, x_max, gap = geo.pad, geo.width - geo.pad, geo.size * 0.8
    end = axis_end(found, axis_scale, x_min, x_max, measure, limit, gap)

    def x_of(year: float) -> float:
        return axis_scale.x(year, x_min, end)

    def side(kind, lanes):
        chosen = [g for g in found if g.kind == kind]
        return Side(*map(tuple, labelled_marks(chosen, lanes, x_of, measure, limit, x_min, x_max, gap)))

    total = geo.max_lanes(max_height)
    # Visits (fewer, below) may use up to half the lanes; events get what visits leave.
    visits = side("visit", total // 2)
    events = side("event", total - visits.lanes)
    axis = geo.pad + visits.lanes * geo.lane + 2 * geo.marker + geo.bar / 2
    height = axis + geo.bar / 2 + 2 * geo.marker + events.lanes * geo.lane + geo.legend
    events, visits = (replace(s, callouts=tuple(callout(geo, axis, direction, m, spot, x_of)
                                                for m, spot in zip(s.marks, s.spots)))
                      for s, direction in ((events, 1), (visits, -1)))
    return Plan(axis_scale, (x_of(axis_scale.first), x_of(axis_scale.last)),
                tuple(tick_marks(axis_scale, x_of, measure, geo.size)), tuple(cuts(axis_scale, x_of)),
                events, visits, axis, height)
