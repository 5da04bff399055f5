"""Where the timeline's labels go: no overlap, no leader through a label, inside the
panel; a label that fits nowhere whole becomes a number."""

import random

import pytest

from reports.exporters._timeline.placement import LEADER, Item, Lanes, overlaps, place


def _items(seed: int, n: int, width: float = 480.0):
    rng = random.Random(seed)
    return [Item(rng.uniform(0, width), rng.uniform(20, 140), 10) for _ in range(n)]


def test_the_overlap_check_sees_an_overlap():
    from reports.exporters._timeline.placement import Spot
    assert overlaps([Spot(0, 0, 50, 0, False), Spot(0, 40, 90, 40, False)]) == [(0, 1)]
    assert overlaps([Spot(0, 0, 50, 0, False), Spot(1, 40, 90, 40, False)]) == []


@pytest.mark.parametrize("seed, n", [(1, 5), (2, 20), (3, 40), (4, 60), (5, 40), (6, 30)])
def test_labels_never_overlap_stay_inside_and_no_leader_crosses_a_label(seed, n):
    items = _items(seed, n)
    spots = place(items, 5, 0, 480, 4)
    assert not overlaps(spots, 4)
    assert all(0 <= s.start <= s.end <= 480 for s in spots)
    assert all(s.start == s.x or s.end == s.x or s.callout for s in spots)  # flags stand at their leader
    crossed = [(a, b) for a in spots for b in spots
               if b.lane < a.lane and b.start < a.x < b.end and not (b is a)]
    forced = [a for a, _ in crossed]
    # Only a number with nowhere clear to rise is drawn across (never a whole label).
    assert all(a.callout for a in forced)
    assert len(forced) <= n // 10


def test_a_label_that_fits_nowhere_whole_becomes_a_number():
    items = [Item(100 + i, 300, 10) for i in range(0, 40, 8)]
    spots = place(items, 2, 0, 480, 4)
    assert any(s.callout for s in spots) and not all(s.callout for s in spots)
    assert all(s.end - s.start == 10 for s in spots if s.callout)


def test_with_room_every_label_is_whole():
    items = [Item(x, 60, 10) for x in (10, 120, 240, 360)]
    assert not any(s.callout for s in place(items, 3, 0, 480, 4))


def test_lanes_answer_by_binary_search_over_sorted_intervals():
    lanes = Lanes()
    for start in range(0, 10000, 10):
        lanes.take(0, start, start + 5)
    assert lanes.free(0, 5.5, 9.5) and not lanes.free(0, 4, 6) and lanes.free(1, 0, 1e9)
    assert lanes.free(0, 10000, 10001) and not lanes.free(0, 9990 - LEADER, 9990 + LEADER)


def test_placement_needs_no_reportlab():
    import ast
    from pathlib import Path
    tree = ast.parse(Path("reports/exporters/_timeline/placement.py").read_text())
    names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | \
        {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name and name.startswith("reportlab") for name in names)
