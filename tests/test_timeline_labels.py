"""Page-one timeline labels: summaries, names as people write them, joined marks."""

from reports.exporters._pdf.timeline_labels import Group, wordings
from reports.headline import headline


def test_headline_drops_the_date_and_the_pair_and_ends_at_a_phrase():
    text = ("Diplomatic relations between Georgia and Mexico were established on 8 June 1992 "
            "soon after the dissolution of the Soviet Union.")
    assert headline(text, 46) == "Diplomatic relations were established"
    assert headline("In 2018, celebrations took place in Mexico City to celebrate the centenary.", 30) \
        == "Celebrations took place"


def test_headline_shortens_people_as_they_are_called():
    text = "In September 2010, Georgian Prime Minister Nika Gilauri attended the bicentennial."
    assert "Prime Minister Gilauri" in headline(text, 46)
    assert "Nika" not in headline(text, 46)


def test_visit_labels_name_office_and_person():
    group = Group(2010, "visit", ("Prime Minister Nika Gilauri", "President Mikheil Saakashvili"))
    full, names, bare = wordings(group, 46)
    assert full == "2010: Prime Minister Gilauri, President Saakashvili"
    assert names == "2010: Gilauri, Saakashvili"
    spanish = Group(2016, "visit", ("Senator Gabriela Cuevas Barron",))
    assert wordings(spanish, 46)[0] == "2016: Senator Cuevas"
    royal = Group(2015, "visit", ("King Felipe VI",))
    assert wordings(royal, 46)[0] == "2015: King Felipe VI"


def test_a_connective_sentence_does_not_label_a_year():
    group = Group(2003, "event", ("To this end, the signatories started a program.",
                                  "In August 2003, both nations participated in the Mixed Commission."))
    assert wordings(group, 46)[0].startswith("2003 Both nations participated")


# -- every mark keeps a label --------------------------------------------------------------

import re
from itertools import combinations

import pytest

from reports.exporters._pdf.timeline_labels import Mark, mark_wordings, span_label

ARTICLES = ["data/georgia-mexico.txt", "data/lithuania-mexico.txt", "data/mexico-slovenia.txt",
            "tests/articles/bosnia-and-herzegovina-mexico.txt", "tests/articles/japan-peru-prose.txt",
            "tests/articles/chile-kenya-recent.txt"]  # visits in each of the last years, at the right edge
# A label: a year or a span of years, then words (a bare "2018" or "2002 (3)" is no label).
_LABEL = re.compile(r"^(\d{4})(?:–(\d{2,4}))?:?\s+[^\W\d]")


def _picture(path, default_layout, room_mm=200):
    """The page-one timeline as the brief lays it out, with `room_mm` left on the page."""
    from reportlab.lib.units import mm

    from reports.exporters._pdf import timeline
    from reports.exporters._pdf.fonts import TextGate
    from reports.exporters._pdf.styles import make_styles
    from reports.articles import load

    record = load(path)
    height = float(default_layout.options("pdf")["timeline_height_mm"]) * mm
    flowable = timeline.RoomyTimeline(record, 170 * mm, height, make_styles(default_layout),
                                      TextGate(frozenset(range(0x30000)), "?"), default_layout)
    flowable.wrap(170 * mm, room_mm * mm)
    return record, flowable.picture, height


def _covered(picture) -> set[int]:
    from reportlab.graphics.shapes import String

    years = set()
    for item in picture.contents:
        found = isinstance(item, String) and _LABEL.match(item.text)
        if found:
            first = int(found.group(1))
            tail = found.group(2)
            last = first if tail is None else int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
            years.update(range(first, last + 1))
    return years


@pytest.mark.parametrize("path", ARTICLES)
def test_every_mark_has_a_label_and_none_overlap(path, default_layout):
    from reports.exporters._pdf.timeline_labels import groups

    record, picture, height = _picture(path, default_layout)
    wanted = {g.year for g in groups(record)}
    assert wanted - _covered(picture) == set()
    assert picture.height <= 2 * height  # the room it takes is bounded
    from test_pdf import _label_boxes

    for a, b in combinations(_label_boxes(picture), 2):  # tick labels included
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (path, a, b)


def test_with_no_room_left_the_timeline_keeps_the_layouts_height(default_layout):
    _, picture, height = _picture("data/lithuania-mexico.txt", default_layout, room_mm=10)
    assert picture.height <= height


def test_neighbouring_years_join_into_one_label():
    mark = Mark((Group(1990, "event", ("In 1990, Lithuania obtained its independence.",)),
                 Group(1991, "event", ("In 1991, Mexico recognized the independence of Lithuania.",))))
    texts = mark_wordings(mark, 46).texts
    assert texts[0] == "1990–91: Lithuania obtained its independence; Mexico recognized the independence of Lithuania"
    visits = Mark((Group(2015, "visit", ("Foreign Minister Igor Crnadak",)),
                   Group(2017, "visit", ("Foreign Minister Igor Crnadak",))))
    assert mark_wordings(visits, 46).texts[0] == "2015–17: Foreign Minister Crnadak"  # named once
    assert (span_label(2002, 2004), span_label(1998, 2001), span_label(1944, 1990)) == (
        "2002–04", "1998–2001", "1944–90")


def test_a_label_that_ends_nowhere_within_the_limit_may_run_a_little_longer_to_a_phrase():
    group = Group(1991, "event", ("In 1991, Mexico recognized the independence of Lithuania.",))
    texts = wordings(group, 38)
    assert texts[0] == "1991 Mexico recognized the independence of Lithuania"
    assert texts[1].endswith("…")  # the summary at the limit stays as a stand-in


def test_labels_in_a_script_the_body_font_lacks_are_measured_in_the_font_that_draws_them(tmp_path, default_layout):
    """Events told in Japanese names: their labels are set in Noto Sans JP, much wider than
    the body font's width for the same characters, and must still not overlap."""
    from reportlab.lib.units import mm

    from reports.exporters._pdf import timeline
    from reports.exporters._pdf.fonts import TextGate, coverage
    from reports.exporters._pdf.styles import make_styles
    from reports.articles import load

    years = range(2001, 2013)
    history = "\n\n".join(f"In {year}, 東京都の代表団と大阪府知事が{year}年の協定に署名した。" for year in years)
    article = tmp_path / "india-japan.txt"
    article.write_text("= India–Japan relations =\n\nIndia–Japan relations are the relations between India "
                       f"and Japan.\n\n==History==\n{history}\n", "utf-8")
    gate = TextGate(coverage(default_layout.fonts.body, default_layout.fonts.headings), "?")
    flowable = timeline.RoomyTimeline(load(article), 170 * mm, 40 * mm, make_styles(default_layout), gate,
                                      default_layout)
    flowable.wrap(170 * mm, 200 * mm)
    boxes = []
    for item in flowable.picture.contents:
        if type(item).__name__ == "String":
            width = gate.width(item.text, item.fontName, item.fontSize)
            x0 = item.x - {"start": 0, "middle": width / 2, "end": width}[item.textAnchor]
            boxes.append((x0, item.y, x0 + width, item.y + item.fontSize))
    assert any(not box_text.isascii() for box_text in (i.text for i in flowable.picture.contents
                                                        if type(i).__name__ == "String"))
    for a, b in combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    assert all(x0 >= 0 and x1 <= 170 * mm for x0, _, x1, _ in boxes)


def test_a_visit_label_names_the_person_the_record_names_under_any_office(tmp_path):
    """The label takes office and person from the record's own fields: an office the label
    cannot tell by its words ("Head of the Presidential Council") no longer takes the
    first name for part of the office ("1977: Pál"), and a long office is left out."""
    from reports.exporters._pdf.timeline_labels import groups, group_wordings
    from reports.articles import load

    article = tmp_path / "hungary-peru.txt"
    article.write_text("= Hungary–Peru relations =\n\nHungary–Peru relations are the relations between Hungary "
                       "and Peru.\n\n==High-level visits==\nHigh-level visits from Hungary to Peru\n"
                       "- Head of the Presidential Council Pál Losonczi (1977)\n"
                       "- Chancellor Ágnes Kovács (1990)\n", "utf-8")
    labels = [group_wordings(g, 46).texts[:2] for g in groups(load(article)) if g.kind == "visit"]
    assert labels == [("1977: Losonczi", "1977"), ("1990: Chancellor Kovács", "1990: Kovács")]
