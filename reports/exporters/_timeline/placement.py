"""Where the labels of the page-one timeline go (place()): pure geometry, no reportlab.

Labels are flags: a leader rises from the marker to a lane and the label runs from it,
rightwards where it can, else leftwards. Flags are placed from the right, so the
labels already placed lie right of each new leader; a label takes the nearest lane
where it overlaps nothing and its leader crosses nothing. A label that fits no lane
whole becomes a number (its text goes to the key under the band): nothing is cut.

Each lane keeps its occupied intervals (labels, and the leaders crossing it) sorted by
x, so a test is a binary search: placing n labels in k lanes costs O(n·k·log n).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """A label to place: its leader's x, the width of its whole text and of its number,
    and of a shorter whole wording where it has one."""
    x: float
    width: float
    number_width: float
    shorter: float | None = None


@dataclass(frozen=True)
class Spot:
    """Where an item's label goes: lane (0 nearest the axis), extent, and whether it
    is the number of a callout rather than the whole text."""
    lane: int
    start: float
    end: float
    x: float
    callout: bool
    short: bool = False  # the shorter wording


class Lanes:
    """Occupied intervals per lane, sorted by start; within a lane they never overlap."""

    def __init__(self):
        self._lanes: dict[int, tuple[list[float], list[float]]] = {}

    def free(self, lane: int, start: float, end: float) -> bool:
        starts, ends = self._lanes.get(lane, ((), ()))
        i = bisect_left(starts, end)  # intervals before i start left of `end`
        return i == 0 or ends[i - 1] <= start  # sorted and disjoint: ends are sorted too

    def take(self, lane: int, start: float, end: float) -> None:
        starts, ends = self._lanes.setdefault(lane, ([], []))
        i = bisect_left(starts, start)
        starts.insert(i, start)
        ends.insert(i, end)

    def used(self) -> int:
        """How many lanes hold a label or a leader."""
        return max(self._lanes, default=-1) + 1


LEADER = 0.6  # half the room a leader line takes, in points


def place(items: list[Item], lanes: int, x_min: float, x_max: float, gap: float) -> list[Spot]:
    """A spot for every item: its whole label in one of `lanes` lanes where one fits,
    else its shorter wording, else its number (in up to twice as many lanes, more only if it must)."""
    taken = Lanes()
    spots: dict[int, Spot] = {}
    xs = sorted(item.x for item in items)
    for index in sorted(range(len(items)), key=lambda i: -items[i].x):
        item = items[index]
        spot = (_fit(taken, xs, item.x, item.width, lanes, x_min, x_max, gap, False)
                or (item.shorter and _short(_fit(taken, xs, item.x, item.shorter, lanes, x_min, x_max, gap, False)))
                or _fit(taken, xs, item.x, item.number_width, 2 * lanes + 1, x_min, x_max, gap, True)
                or _fit(taken, xs, item.x, item.number_width, len(items) + 2 * lanes + 1, x_min, x_max, gap,
                        True))
        spot = spot or _forced(taken, item, x_min, x_max, gap)
        _claim(taken, spot)
        spots[index] = spot
    return [spots[i] for i in range(len(items))]


def _short(spot: Spot | None) -> Spot | None:
    return Spot(spot.lane, spot.start, spot.end, spot.x, False, True) if spot else None


def _fit(taken: Lanes, xs, x, width, lanes, x_min, x_max, gap, callout) -> Spot | None:
    """Rightwards in the nearest lane that has room, else leftwards, but only over no
    other marker (their leaders, placed later, could not rise past it)."""
    for start, end in ((x, x + width), (x - width, x)):
        if start < x_min or end > x_max:
            continue
        if end == x and bisect_left(xs, x - LEADER) > bisect_left(xs, start - gap):
            continue
        for lane in range(lanes):
            if lane and not taken.free(lane - 1, x - LEADER, x + LEADER):
                break  # the leader would cross something: no higher lane helps
            if taken.free(lane, start - gap, end + gap):
                return Spot(lane, start, end, x, callout)
    return None


def _forced(taken: Lanes, item: Item, x_min, x_max, gap) -> Spot:
    """A number whose leader cannot rise clear (a label below covers its x): the lowest
    lane where the number itself is free, beside its leader or over it, the leader
    drawn across."""
    w = item.number_width
    starts = [start for start in (item.x, item.x - w, item.x - w / 2) if x_min <= start <= x_max - w]
    starts = starts or [min(max(item.x - w / 2, x_min), x_max - w)]
    lane = 0
    while True:
        for start in starts:
            if taken.free(lane, start - gap, start + w + gap):
                return Spot(lane, start, start + w, item.x, True)
        lane += 1


def _claim(taken: Lanes, spot: Spot) -> None:
    taken.take(spot.lane, spot.start, spot.end)
    for lane in range(spot.lane):
        if taken.free(lane, spot.x - LEADER, spot.x + LEADER):
            taken.take(lane, spot.x - LEADER, spot.x + LEADER)


def overlaps(spots: list[Spot], gap: float = 0.0) -> list[tuple[int, int]]:
    """Pairs of spots whose labels overlap in one lane (for tests and checks)."""
    found = []
    by_lane: dict[int, list[tuple[float, float, int]]] = {}
    for i, s in enumerate(spots):
        by_lane.setdefault(s.lane, []).append((s.start, s.end, i))
    for row in by_lane.values():
        row.sort()
        for (a0, a1, i), (b0, b1, j) in zip(row, row[1:]):
            if b0 < a1 + gap - 1e-6:
                found.append((i, j))
    return found
