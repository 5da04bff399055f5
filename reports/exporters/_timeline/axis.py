"""The page-one timeline's axis: years to x with long empty stretches cut out (a broken
axis), and where the ticks and the cuts go. Pure geometry, like placement.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

_TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
_MAX_TICKS = 10


@dataclass(frozen=True)
class Scale:
    """Years to axis units, with empty stretches between dated entries shrunk to `kept`
    years each (a broken axis): the years with facts get the room."""
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
        """The axis length in (shrunk) years."""
        return self.unit(self.last)

    def hidden(self, year: float) -> bool:
        """Whether the year lies inside a shrunk stretch."""
        return any(start < year < end for start, end in self.breaks)

    def x(self, year: float, x_min: float, x_end: float) -> float:
        """Where the year stands on a bar from `x_min` to `x_end`."""
        return x_min + self.unit(year) / self.length * (x_end - x_min)


def scale(years: list[int], shortest: int = 4) -> Scale:
    """A scale for the years: every empty stretch of `shortest` years or more between
    dated entries is cut down to `kept` years (a broken axis, marked where it is cut),
    so marks spread over the whole width instead of crowding one end."""
    low, high = min(years), max(years) + 1
    marks = sorted(set(years))
    gaps = [(a + 1, b) for a, b in zip(marks, marks[1:])]
    breaks = tuple((start, end) for start, end in gaps if end - start >= shortest)
    return Scale(low, high, breaks, kept=1.5)


def tick_step(length: float) -> int:
    """Years between ticks on an axis of `length` years: a round step, at most ~10 ticks."""
    return next((s for s in _TICK_STEPS if length / s <= _MAX_TICKS), _TICK_STEPS[-1])


def ticks(axis_scale, step, x_of, min_gap, centre_of=None):
    """Round years inside the kept stretches, plus the first year after each break;
    none whose label (at `centre_of(year)`, pulled inside the bar near its ends) comes
    closer than `min_gap` to the one before or to a break's slashes."""
    first, last = axis_scale.first, axis_scale.last
    centre_of = centre_of or x_of
    step = step if not axis_scale.breaks or step < 10 else step // 2
    years = [y for y in range(math.ceil(first / step) * step, last + 1, step) if not axis_scale.hidden(y)]
    years += [end for _, end in axis_scale.breaks] + [start - 1 for start, _ in axis_scale.breaks]
    middles = cuts(axis_scale, x_of)
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




def cuts(axis_scale: Scale, x_of) -> list[float]:
    """Where each shrunk stretch is cut out of the bar: the middle of its cut."""
    return [(x_of(start) + x_of(end)) / 2 for start, end in axis_scale.breaks]


@dataclass(frozen=True)
class Tick:
    """A tick on the bar: its year, its x and the centre of its label."""
    year: int
    x: float
    centre: float


def tick_marks(axis_scale: Scale, x_of, measure, size: float) -> list[Tick]:
    """The ticks() of the axis, their labels measured by `measure` (in `size` type) and
    pulled inside the bar near its ends."""
    first, last = axis_scale.first, axis_scale.last

    def centre_of(year):
        half = measure(str(year)) / 2 + size * 0.3
        return min(max(x_of(year), x_of(first) + half), x_of(last) - half)

    years = ticks(axis_scale, tick_step(axis_scale.length), x_of, measure("0000  "), centre_of)
    return [Tick(year, x_of(year), centre_of(year)) for year in years]
