"""What every exporter shows (reports/facts_view.py): derived with data that tells two
readings apart (several trade years in no order, several missions of one country)."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT
from reports import facts_view
from reports.model import Mission, Trade


def trade(year: int, total: int, line: int) -> Trade:
    return Trade(year=year, total_usd=total, text=f"In {year}, trade totaled US${total}.", line=line)


@pytest.mark.parametrize("years, latest_line", [
    ((2019, 2023, 2021), 2),   # neither the first nor the last row is the latest year
    ((2023, 2019), 1),
    ((2019, 2023), 2),
    ((2021, 2021), 2),         # a tie: the last one stated
])
def test_latest_trade_is_the_latest_year_not_a_row_position(seed_records, years, latest_line):
    rows = tuple(trade(year, 1_000_000 * (i + 1), i + 1) for i, year in enumerate(years))
    record = dataclasses.replace(seed_records["georgia-mexico"], trade=rows)
    assert facts_view.latest_trade(record).line == latest_line


def test_no_trade_no_latest(seed_records):
    assert facts_view.latest_trade(dataclasses.replace(seed_records["georgia-mexico"], trade=())) is None


def test_key_facts_hold_every_value(seed_records, default_layout):
    record = dataclasses.replace(
        seed_records["lithuania-mexico"],
        trade=(trade(2019, 5_000_000, 1), trade(2023, 111_500_000, 2), trade(2020, 7_000_000, 3)),
        missions=(Mission("Lithuania", "Mexico", "embassy", "Mexico City", None, True, 4),
                  Mission("Lithuania", "Mexico", "consulate", "Tijuana", None, True, 5),
                  Mission("Mexico", "Lithuania", "embassy", "Copenhagen", "Denmark", False, 6)))
    facts = {fact.label: fact.value for fact in facts_view.key_facts(record, default_layout)}
    label = default_layout.label
    assert facts == {
        label("established"): "31 May 1938",
        label("reestablished"): "5 November 1991",
        label("memberships"): ", ".join(record.memberships),
        label("latest_trade"): "US$111.5 million (2023)",
        f"{label('representation')}: Lithuania": "embassy in Mexico City; consulate in Tijuana",
        f"{label('representation')}: Mexico": "accredited from its embassy in Copenhagen, Denmark",
    }
    assert record.memberships  # the seed names organisations: the join above is not empty


def test_key_facts_say_none_when_a_fact_is_missing(seed_records, default_layout):
    record = dataclasses.replace(seed_records["georgia-mexico"], established=None, reestablished=None,
                                 memberships=(), trade=(), missions=())
    facts = [(f.label, f.value) for f in facts_view.key_facts(record, default_layout)]
    none = default_layout.label("none")
    assert facts == [(default_layout.label("established"), none), (default_layout.label("memberships"), none),
                     (default_layout.label("latest_trade"), none)]


def test_timeline_is_in_date_order_and_stable(seed_records):
    entries = facts_view.timeline(seed_records["lithuania-mexico"])
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert len(entries) == len(seed_records["lithuania-mexico"].events) + sum(
        1 for v in seed_records["lithuania-mexico"].visits if v.date)


def test_visit_counts_by_year_over_many_records(seed_records):
    from reports.model import Visit

    def visit(date):
        return Visit(from_="A", to="B", office="President", person="X", date=date, line=1)

    one = dataclasses.replace(seed_records["georgia-mexico"], visits=(visit("2001-05-03"), visit("1999"), visit(None)))
    two = dataclasses.replace(seed_records["mexico-slovenia"], visits=(visit("2001"), visit("2001-12")))
    assert facts_view.visit_counts_by_year([one, two]) == [(1999, 1), (2001, 3)]
    assert facts_view.visit_counts_by_year([]) == []


def test_timeline_names_each_visit_by_office_and_person(seed_records):
    record = seed_records["georgia-mexico"]
    visits = [e for e in facts_view.timeline(record) if e.kind == "visit"]
    wanted = sorted((v.date, " ".join(p for p in (v.office, v.person) if p)) for v in record.visits if v.date)
    assert sorted((e.date, e.text) for e in visits) == wanted
    assert any(v.office and v.person for v in record.visits)  # the join is exercised


def test_visits_by_date_within_each_direction_undated_last_ties_in_text_order():
    from reports.model import Visit

    def visit(origin, date, person, line):
        return Visit(from_=origin, to="B" if origin == "A" else "A", office="Minister", person=person,
                     date=date, line=line)
    visits = (visit("A", None, "undated", 1), visit("A", "2008", "late", 2), visit("B", "1999", "other", 3),
              visit("A", "2002-05-04", "day", 4), visit("A", "2002", "year", 5), visit("A", "2002-05", "month", 6),
              visit("A", "2002-05-04", "day again", 7))
    record = dataclasses.replace(_empty_record(), visits=visits)
    groups = facts_view.visits_by_direction(record)
    assert [d.origin for d, _ in groups] == ["A", "B"]  # directions in order of first appearance
    assert [v.person for v in groups[0][1]] == ["year", "month", "day", "day again", "late", "undated"]
    assert [v.person for v in facts_view.visits_in_order(record)] == [
        "year", "month", "day", "day again", "late", "undated", "other"]


def _empty_record():
    from reports.articles import load

    record = load("data/georgia-mexico.txt")
    return dataclasses.replace(record, visits=())


@pytest.mark.parametrize("iso, precision", [("2002-05-04", "day"), ("2002-05", "month"), ("2002", "year"),
                                            (None, None), ("", None)])
def test_date_precision(iso, precision):
    assert facts_view.date_precision(iso) == precision


@pytest.mark.parametrize("dollars, label", [
    (1_234_567_890, "US$1.23 billion"),      # two decimals, rounded: not three
    (241_800_000, "US$241.8 million"),
    (15_000_000, "US$15 million"),
])
def test_money_labels_keep_two_decimals_at_most(dollars, label, default_layout):
    assert facts_view.money_label(dollars, default_layout) == label


def test_timeline_entries_keep_the_line_and_cites_of_their_fact(seed_records):
    from reports.model import Visit

    record = seed_records["georgia-mexico"]
    visit = dataclasses.replace(record.visits[0], cites=("c9",))
    record = dataclasses.replace(record, visits=(visit,) + record.visits[1:])
    entries = [e for e in facts_view.timeline(record) if e.kind == "visit"]
    assert isinstance(visit, Visit)
    assert [(e.date, e.line, e.cites) for e in entries][0] == (visit.date, visit.line, ("c9",))
    assert {(e.date, e.line) for e in entries} == {(v.date, v.line) for v in record.visits if v.date}
    events = [e for e in facts_view.timeline(record) if e.kind == "event"]
    assert {(e.date, e.line, e.cites) for e in events} == {(e.date, e.line, e.cites) for e in record.events}


def test_trade_in_another_currency_is_labelled_in_it(default_layout):
    row = Trade(year=2022, total_usd=None, text="…", line=3, amount=45_000_000, currency="EUR")
    assert facts_view.trade_money_label(row, default_layout) == "€45 million"
    assert facts_view.trade_amount_label(row, default_layout) == "45,000,000 EUR"
    dollars = trade(2022, 15_700_000, 4)
    assert facts_view.trade_money_label(dollars, default_layout) == "US$15.7 million"
    neither = Trade(year=2022, total_usd=None, text="…", line=5)
    assert facts_view.trade_amount_label(neither, default_layout) == ""


def test_source_date_epoch_is_the_same_instant_in_every_time_zone(monkeypatch, seed_records):
    import datetime
    import time

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # a machine nine hours east of UTC
    time.tzset()
    try:
        when = facts_view.document_datetime(seed_records["georgia-mexico"])
    finally:
        monkeypatch.undo()
        time.tzset()
    assert when == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)
    assert when.utcoffset() == datetime.timedelta(0)  # so a document says 22:13Z, not Tokyo's 07:13


def test_document_dates_without_a_build_date(monkeypatch, seed_records):
    import datetime

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    latest = max(int(d[:4]) for d in facts_view._all_dates(seed_records["lithuania-mexico"]) if d)
    assert facts_view.document_datetime(seed_records["lithuania-mexico"]).year == latest
    naive = datetime.datetime(2026, 12, 3, 9, 30)
    context = type("Context", (), {"prepared": naive})()
    assert facts_view.build_datetime(context) == naive.replace(tzinfo=datetime.timezone.utc)
    aware = datetime.datetime(2026, 12, 3, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    context.prepared = aware
    assert facts_view.build_datetime(context) is aware


def test_a_visit_a_sentence_tells_is_one_timeline_row_at_the_sentences_precision():
    from reports.articles import load

    record = load(ROOT / "data" / "georgia-mexico.txt")
    rows = facts_view.timeline_rows(record)
    gilauri = [row for row in rows if "Gilauri" in row.text]
    assert len(gilauri) == 1 and gilauri[0].kind == "visit" and gilauri[0].date == "2010-09"
    assert gilauri[0].text.startswith("In September 2010")  # the article's sentence, not "office person"
    # Every visit and event is in one row or another: nothing dropped, nothing twice.
    assert len(rows) == len(record.events) + sum(1 for v in record.visits if v.date) - sum(
        1 for row in rows if row.kind == "visit" and row.text != facts_view.visit_label(row))
    assert [row.date for row in rows] == sorted((row.date for row in rows), key=facts_view.chronological)


def test_iso_dates_in_a_text_are_written_as_people_write_them(default_layout, spanish_layout):
    assert facts_view.dates_written("Ana Pérez, 2024-03, Chile → Ghana", default_layout) == \
        "Ana Pérez, March 2024, Chile → Ghana"
    assert facts_view.dates_written("1992-06-08", spanish_layout) == "8 de junio de 1992"
    assert facts_view.dates_written("in 2024 and 2024-13x", default_layout) == "in 2024 and 2024-13x"


def test_a_listed_visit_is_shown_at_the_month_the_history_tells(tmp_path):
    """Issue 26's class 2: the list says the year, a history sentence the month: every
    document shows the month; the record keeps the list's own date."""
    from reports.articles import load
    from reports.facts_view import told_dates

    article = tmp_path / "a-b.txt"
    article.write_text("= Chile–Kenya relations =\n\nChile and Kenya are friends.\n\n==History==\n"
                       "In March 2004, President Ana Ruiz paid a state visit to Kenya.\n"
                       "In May 2009, Minister Tom Oduya visited Chile.\n\n==High-level visits==\n"
                       "High-level visits from Chile to Kenya\n- President Ana Ruiz (2004)\n- Minister Luis Vera (2009)\n"
                       "High-level visits from Kenya to Chile\n- Minister Tom Oduya (2010)\n", "utf-8")
    record = load(article)
    listed = {v.person: v.date for v in record.visits if v.origin == "list"}
    assert listed["Ana Ruiz"] == "2004"
    shown = {(v.person, v.origin): v.date for v in told_dates(record)}
    assert shown["Ana Ruiz", "list"] == "2004-03"   # the sentence names her, in the same year
    assert shown["Luis Vera", "list"] == "2009"     # the 2009 sentence is another person's
    assert shown["Tom Oduya", "list"] == "2010"     # his sentence is of another year
    assert shown["Tom Oduya", "prose"] == "2009-05"
