"""Where the timeline's marks, labels, ticks and cuts go (timeline_placement,
timeline_axis), checked without reportlab: text widths come from a fake measure of
5 units a character, the drawing is 480 units wide."""

import subprocess
import sys
from itertools import combinations

import pytest

from conftest import ROOT, SEED_IDS
from reports.exporters._pdf.timeline_axis import scale
from reports.exporters._pdf.timeline_labels import Group, groups
from reports.exporters._pdf.timeline_placement import Flag, Geometry, place_flags, plan

GEO = Geometry(width=640.0, font="Fake", size=7.0)  # 5 units a character: a 170 mm page in 7 pt
HEIGHT = 176.0  # about the layout's 62 mm
LIMIT = 46


def fake_width(text: str) -> float:
    return 5.0 * len(text)


def crowded() -> list[Group]:
    """An event in every year of 1990–2020 and a visit in every other one, each with a
    long sentence: more labels than fit apart."""
    events = [Group(year, "event", (f"In {year}, both nations signed an agreement on cultural "
                                    f"cooperation number {year}.",)) for year in range(1990, 2021)]
    visits = [Group(year, "visit", (f"Foreign Minister Ana Ruiz{year % 7}",)) for year in range(1990, 2021, 2)]
    return sorted(events + visits, key=lambda g: (g.year, g.kind))


def stretched() -> list[Group]:
    """Two events in the 1850s, then nothing until a busy 1990–2020."""
    early = [Group(year, "event", (f"In {year}, a treaty of friendship was signed.",)) for year in (1850, 1855)]
    recent = [Group(year, "event", (f"In {year}, a trade mission visited.",)) for year in range(1990, 2021, 3)]
    return early + recent


def seed_groups(record_id: str) -> list[Group]:
    from reports.articles import load

    return groups(load(ROOT / "data" / f"{record_id}.txt"))


CASES = {"crowded": crowded, "stretched": stretched} | {rid: (lambda rid=rid: seed_groups(rid)) for rid in SEED_IDS}


def label_boxes(where) -> list[tuple[float, float, float, float]]:
    """(x0, y0, x1, y1) of every flag label and tick label of a plan, as the fake measure
    sizes them: from a fifth of the size below the baseline to 0.8 of it above."""
    size = GEO.size
    boxes = []
    for side in (where.events, where.visits):
        for place, wording, spot in zip(side.callouts, side.wordings, side.spots):
            if place.label is not None:
                x, baseline = place.label
                text = wording.texts[spot.wording]
                boxes.append((x, baseline - size * 0.2, x + fake_width(text), baseline + size * 0.8))
    for tick in where.ticks:
        half = fake_width(str(tick.year)) / 2
        baseline = where.axis - size * 0.35
        boxes.append((tick.centre - half, baseline - size * 0.2, tick.centre + half, baseline + size * 0.8))
    return boxes


def overlap(a, b) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def test_the_overlap_check_sees_an_overlap():
    assert overlap((0, 0, 10, 10), (9, 9, 20, 20))
    assert not overlap((0, 0, 10, 10), (10, 0, 20, 10))


@pytest.mark.parametrize("case", CASES)
def test_labels_never_overlap_each_other_or_the_ticks(case):
    where = plan(CASES[case](), GEO, HEIGHT, fake_width, LIMIT)
    boxes = label_boxes(where)
    assert len(boxes) > len(where.ticks) + 2  # flag labels, not only tick labels
    for a, b in combinations(boxes, 2):
        assert not overlap(a, b), (a, b)


@pytest.mark.parametrize("case", CASES)
def test_labels_stay_inside_the_panel_and_the_panel_inside_its_height(case):
    where = plan(CASES[case](), GEO, HEIGHT, fake_width, LIMIT)
    for x0, y0, x1, y1 in label_boxes(where):
        assert GEO.pad <= x0 and x1 <= GEO.width - GEO.pad, (x0, x1)
        assert 0 <= y0 and y1 <= where.height
    assert where.height <= HEIGHT
    left, right = where.bar
    assert GEO.pad == left < right <= GEO.width - GEO.pad


@pytest.mark.parametrize("case", CASES)
def test_a_label_is_as_wide_as_its_wording_and_stands_at_its_leader(case):
    where = plan(CASES[case](), GEO, HEIGHT, fake_width, LIMIT)
    for side in (where.events, where.visits):
        for place, wording, spot in zip(side.callouts, side.wordings, side.spots):
            if spot is None:
                continue
            assert spot.end - spot.start == pytest.approx(fake_width(wording.texts[spot.wording]))
            assert spot.x == place.x
            assert place.x in (pytest.approx(spot.start - GEO.size * 0.4), pytest.approx(spot.end + GEO.size * 0.4))


@pytest.mark.parametrize("case", CASES)
def test_marks_keep_date_order(case):
    found = CASES[case]()
    where = plan(found, GEO, HEIGHT, fake_width, LIMIT)
    for side, kind in ((where.events, "event"), (where.visits, "visit")):
        in_marks = [g for mark in side.marks for g in mark.groups]
        assert in_marks == [g for g in found if g.kind == kind]  # none lost, none moved
        markers = [x for place in side.callouts for x in place.markers]
        assert markers == sorted(markers) and len(set(markers)) == len(markers)
        leaders = [place.x for place in side.callouts]
        assert leaders == sorted(leaders)
        for place in side.callouts:
            assert place.markers[0] <= place.x <= place.markers[-1]


def test_joined_marks_are_bracketed_and_labelled_whole():
    where = plan(crowded(), GEO, HEIGHT, fake_width, LIMIT)
    joined = [(place, wording, spot) for side in (where.events, where.visits)
              for mark, place, wording, spot in zip(side.marks, side.callouts, side.wordings, side.spots)
              if len(mark.groups) > 1]
    assert joined  # too crowded for a label a year: neighbours were joined
    for place, wording, spot in joined:
        assert place.bracket == (place.markers[0], place.markers[-1])
        assert spot is not None and spot.wording < wording.good  # a bracket without a label helps no one
        assert wording.texts[spot.wording][4] == "–"  # "1990–91: ..."


@pytest.mark.parametrize("rid", SEED_IDS)
def test_with_room_every_mark_of_the_seed_articles_keeps_a_label(rid):
    where = plan(seed_groups(rid), GEO, 2 * HEIGHT, fake_width, LIMIT)
    for side in (where.events, where.visits):
        assert all(spot is not None for spot in side.spots)


def test_a_long_empty_stretch_of_years_is_cut():
    where = plan(stretched(), GEO, HEIGHT, fake_width, LIMIT)
    assert where.scale.breaks == ((1856, 1990),)
    assert len(where.cuts) == 1
    (cut,) = where.cuts
    markers = [x for place in where.events.callouts for x in place.markers]
    before, after = markers[1], markers[2]  # 1855 and 1990
    assert before < cut < after
    # 134 empty years take less room than the 30 busy ones after them.
    assert after - before < (markers[-1] - after) / 3
    assert not any(1856 < tick.year < 1990 for tick in where.ticks)
    min_gap = fake_width("0000  ")
    assert all(abs(tick.centre - cut) >= min_gap / 2 for tick in where.ticks)


def test_without_a_long_stretch_nothing_is_cut():
    where = plan(crowded(), GEO, HEIGHT, fake_width, LIMIT)
    assert where.scale.breaks == () and where.cuts == ()


@pytest.mark.parametrize("case", CASES)
def test_ticks_are_years_in_order_apart_and_on_the_bar(case):
    where = plan(CASES[case](), GEO, HEIGHT, fake_width, LIMIT)
    years = [tick.year for tick in where.ticks]
    assert len(years) >= 2 and years == sorted(set(years))
    centres = [tick.centre for tick in where.ticks]
    assert all(b - a >= fake_width("0000  ") for a, b in zip(centres, centres[1:]))
    left, right = where.bar
    assert all(left <= tick.x <= right for tick in where.ticks)


def test_long_empty_stretches_are_shrunk_and_recent_decades_get_room():
    s = scale([1900, 1918, 1921, 1938, 1944, 1990, 1991, 2002, 2004, 2008, 2024])
    assert (1945, 1990) in s.breaks
    assert s.hidden(1960) and not s.hidden(2000)
    # The last 35 years take more than half of the axis, not a quarter.
    assert (s.unit(s.last) - s.unit(1990)) / s.length > 0.5
    assert scale([1996, 1998, 2004, 2016]).breaks == ()


def test_a_long_gap_running_into_the_recent_decades_is_shrunk_up_to_them():
    s = scale([1873, 2009, 2010, 2013, 2019])
    assert s.breaks == ((1874, 1990),)
    assert (s.unit(s.last) - s.unit(2009)) / s.length > 0.25


def test_flag_placement_keeps_labels_and_leaders_apart():
    flags = [Flag(x, (80.0, 20.0)) for x in range(10, 400, 7)]
    spots = place_flags(flags, lanes=4, x_min=0, x_max=400, gap=5)
    placed = [s for s in spots if s]
    assert placed and len(placed) < len(flags)  # too dense: some labels are left out
    for a, b in combinations(placed, 2):
        assert a.lane != b.lane or a.end + 5 <= b.start or b.end + 5 <= a.start
        low, high = (a, b) if a.lane < b.lane else (b, a)
        if low.lane != high.lane:
            assert not low.start - 2.5 <= high.x <= low.end + 2.5  # leader crosses no label
    assert all(0 <= s.start and s.end <= 400 for s in placed)  # within the drawing


def test_a_label_never_runs_out_of_the_drawing():
    """A flag at either edge whose label fits neither way inside the drawing is left bare;
    one that fits only one way runs that way."""
    spots = place_flags([Flag(10, (60.0,)), Flag(390, (60.0,)), Flag(200, (250.0,))], lanes=2, x_min=0, x_max=400,
                        gap=4)
    left, right, wide = spots
    assert left.start > 10 and left.end <= 400  # rightwards: leftwards would start before 0
    assert right.end < 390 and right.start >= 0  # leftwards
    assert wide is None  # 250 wide fits neither side of 200 inside 0-400


def test_placement_needs_no_reportlab():
    """The placement modules import (and plan) with reportlab unimportable; the package's
    own __init__, which draws, is stood in for."""
    script = """
import sys, types
class NoReportlab:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "reportlab":
            raise ImportError("reportlab is blocked")
sys.meta_path.insert(0, NoReportlab())
import reports.exporters
package = types.ModuleType("reports.exporters._pdf")
package.__path__ = [reports.exporters.__path__[0] + "/_pdf"]
sys.modules[package.__name__] = package
from reports.exporters._pdf.timeline_labels import Group
from reports.exporters._pdf.timeline_placement import Geometry, plan
where = plan([Group(2000, "event", ("In 2000, a treaty was signed.",))], Geometry(480, "F", 8), 176,
             lambda text: 5.0 * len(text), 46)
assert where.events.spots[0] is not None
assert not [name for name in sys.modules if name.startswith("reportlab")]
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
