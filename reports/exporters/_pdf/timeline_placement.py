"""Where everything on the page-one timeline goes: marks, labels, their leaders, the
axis ticks and the cuts of a broken axis. Pure geometry: text widths come from a
measuring function the caller passes in, so this module needs no reportlab (timeline.py
draws what it places).

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

import math
from dataclasses import dataclass

from .timeline_labels import Group, Mark, group_wordings, mark_wordings

_TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
_JOIN_ATTEMPTS = 60
_MAX_TICKS = 10


@dataclass(frozen=True)
class Flag:
    x: float
    widths: tuple[float, ...]  # of the label's wordings, preferred first
    good: int | None = None    # how many of them are whole labels (None: all)


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
class Scale:
    """Years to axis units, with long empty stretches between dated entries shrunk to
    `kept` years each (a broken axis): the recent, busy decades get the room."""
    first: int
    last: int
    breaks: tuple[tuple[int, int], ...]  # (start, end) of each shrunk stretch
    kept: float = 4.0

    def unit(self, year: float) -> float:
        """Axis position in years from `first`, with the shrunk stretches taken out."""
        position = year - self.first
        for start, end in self.breaks:
            if year > start:
                position -= (min(year, end) - start) * (1 - self.kept / (end - start))
        return position

    @property
    def length(self) -> float:
        return self.unit(self.last)

    def hidden(self, year: float) -> bool:
        return any(start < year < end for start, end in self.breaks)


def scale(years: list[int], longest: float = 0.1, recent: int = 30) -> Scale:
    """A scale for the years: a gap between dated entries longer than `longest` of the
    whole span (and at least 10 years) is shrunk, except in the last `recent` years,
    which keep their true proportions."""
    low, high = min(years), max(years) + 1
    span = high - low
    marks = sorted(set(years))
    # A gap running into the recent years is shrunk up to where they begin.
    gaps = [(a + 1, min(b, high - recent)) for a, b in zip(marks, marks[1:])]
    breaks = tuple((start, end) for start, end in gaps if end - start >= max(10, longest * span))
    return Scale(low, high, breaks)


def tick_step(length: float) -> int:
    """Years between ticks on an axis of `length` years: a round step, at most ~10 ticks."""
    return next((s for s in _TICK_STEPS if length / s <= _MAX_TICKS), _TICK_STEPS[-1])


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
        over = max(x_min + axis_scale.unit(year + 0.5) / axis_scale.length * (end - x_min) + gap + width - x_max
                   for year, width in widths)
        if over <= 0.5:
            break
        end = max(x_max - most * (x_max - x_min), end - over)
    return end


def ticks(axis_scale, step, x_of, min_gap, centre_of=None):
    """Round years inside the kept stretches, plus the first year after each break;
    none whose label (at `centre_of(year)`, pulled inside the bar near its ends) comes
    closer than `min_gap` to the one before or to a break's slashes."""
    first, last = axis_scale.first, axis_scale.last
    centre_of = centre_of or x_of
    step = step if not axis_scale.breaks or step < 10 else step // 2
    years = [y for y in range(math.ceil(first / step) * step, last + 1, step) if not axis_scale.hidden(y)]
    years += [end for _, end in axis_scale.breaks] + [start - 1 for start, _ in axis_scale.breaks]
    middles = [(x_of(start) + x_of(end)) / 2 for start, end in axis_scale.breaks]
    chosen = []
    for year in sorted(set(years)):
        centre = centre_of(year)
        if any(abs(centre - m) < min_gap / 2 for m in middles):
            continue
        if x_of(year) - x_of(first) < min_gap / 2 and year != first:
            continue
        if x_of(last) - x_of(year) < min_gap / 2 and year != last:
            continue
        if chosen and centre - centre_of(chosen[-1]) < min_gap:
            if year != last:
                continue
            chosen.pop()  # the bar's last year is worth more than the round year before it
        chosen.append(year)
    return chosen


