"""The timeline's labels: one per fact, each whole; visits with month, direction,
office and name; cancelled visits and facts told twice not drawn."""

from pathlib import Path

from reports import load
from reports.exporters._timeline.labels import is_whole, labels
from reports.facts_view import timeline_marks
from reports.headline import headline

ARTICLES = sorted(Path("data").glob("*.txt")) + sorted(Path("tests/articles").glob("*.txt"))


def test_headline_ends_at_a_phrase_and_never_with_an_ellipsis():
    sentence = "In 2008, Norway closed its embassy in Jakarta after a review of its missions in Asia."
    assert headline(sentence, 30) == "Norway closed its embassy"
    unbroken = "Representatives of both governments reaffirmed commitments repeatedly"
    assert headline(unbroken, 20) == unbroken  # whole, for the key, rather than cut


def test_every_label_of_every_article_is_whole(default_layout):
    for path in ARTICLES:
        for label in labels(load(path), default_layout):
            assert is_whole(label.text), (path, label.text)
            assert label.short is None or is_whole(label.short), (path, label.short)


def test_a_visit_label_gives_month_year_direction_office_and_name(default_layout):
    found = [lb.text for lb in labels(load("tests/articles/japan-peru-prose.txt"), default_layout)
             if lb.kind == "visit"]
    assert "Nov 2010 PE → JP President García" in found
    assert any(t.startswith("2016 JP → PE Prime Minister Abe") for t in found)


def test_a_visit_told_in_the_history_is_one_mark_and_a_cancelled_one_none(default_layout):
    record = load("tests/articles/japan-peru-prose.txt")
    marks = timeline_marks(record)
    assert not [m for m in marks if "Vizcarra" in m.text]  # invited, then cancelled
    years_lines = [(m.date[:4], m.line) for m in marks]
    visits = {(v.date[:4], line) for v in record.visits if v.date for line in (v.line, *v.also_lines)}
    assert not [m for m in marks if m.kind == "event" and (m.date[:4], m.line) in visits]
    assert len(years_lines) == len(marks)


def test_agreements_are_marks_of_their_own(default_layout):
    record = load("data/georgia-mexico.txt")
    kinds = [m.kind for m in timeline_marks(record)]
    assert kinds.count("agreement") == len([a for a in record.agreements if a.date])
    assert "visit" in kinds and "event" in kinds


def test_a_sentence_about_third_countries_leaders_is_not_drawn():
    record = load("tests/articles/india-japan-scripts.txt")
    texts = [m.text for m in timeline_marks(record)]
    assert not [t for t in texts if "Netanyahu" in t]  # Israeli, Thai, Korean, Chinese leaders at a summit
    assert [t for t in texts if "both leaders met" in t]  # the pair's own leaders stay
