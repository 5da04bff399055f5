"""The Excel exporter (reports/exporters/_xlsx/), read back with openpyxl (LibreOffice
converts the workbooks once, in test_real_applications.py)."""

from __future__ import annotations

import dataclasses
import datetime
from types import MappingProxyType

import pytest
from openpyxl import load_workbook

from conftest import SEED_IDS, export_in_another_process
from reports import facts_view
from reports.exporters import _xlsx
from reports.exporters._xlsx.sheets import COMBINED_SHEET_KEYS, sheet_names
from reports.exporters._xlsx.writer import MAX_CELL_CHARS
from reports.model import Agreement, Event, Export, Mission, Visit

SHEETS = ["Overview", "Visits", "Agreements", "Trade", "Exports", "Missions", "Events", "Visits per year"]
FACT_SHEETS = ["Visits", "Agreements", "Trade", "Exports", "Missions", "Events"]
RISKY_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # written out: the exporter's own tuple could be wrong
HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "\t=1+1", "\r=2", "=1+1"]


def fact_count(record, sheet: str) -> int:
    """How many rows a sheet must hold for one record: one per fact (per product for exports)."""
    if sheet == "Exports":
        return sum(len(export.products) for export in record.exports)
    return len(getattr(record, sheet.lower()))


def data_rows(ws) -> list[tuple]:
    return list(ws.iter_rows(min_row=2, values_only=True))


@pytest.fixture(scope="module")
def workbook_paths(seed_records, default_layout, tmp_path_factory):
    """Every seed record's workbook and the combined one, written once: {id or 'combined': path}."""
    out = tmp_path_factory.mktemp("xlsx")
    paths = {}
    for record_id, record in seed_records.items():
        paths[record_id] = out / f"{record_id}.xlsx"
        assert _xlsx.export(record, default_layout, paths[record_id]) == []
    paths["combined"] = out / "relationships.xlsx"
    assert _xlsx.export_many(list(seed_records.values()), default_layout, paths["combined"]) == []
    return paths


@pytest.fixture(scope="module")
def books(workbook_paths):
    return {key: load_workbook(path) for key, path in workbook_paths.items()}


@pytest.fixture(scope="module")
def hostile(seed_records, default_layout, tmp_path_factory):
    """Workbooks of a record whose text tries to be formulas and holds control characters."""
    base = seed_records["georgia-mexico"]
    record = dataclasses.replace(
        base, id='=HYPERLINK("http://x","y")',
        title="=1+1 relations",
        visits=tuple(Visit(from_=text, to="@SUM(A1)", office="+1+1", person=text, date="2010-05-04", line=3)
                     for text in HOSTILE),
        agreements=(Agreement(title="-2 agreements\x07", date=None, line=4),),
        exports=(Export(from_="-2", to="=A1", products=("=1+1", "wine\x00", "@cmd"), line=5),),
        events=(Event(date="1992", text="\t=cmd|' /C calc'!A0", line=6),
                Event(date="1993", text="x" * 40_000, line=7)),
    )
    out = tmp_path_factory.mktemp("hostile")
    one, many = out / "one.xlsx", out / "many.xlsx"
    warnings = _xlsx.export(record, default_layout, one) + _xlsx.export_many([record, base], default_layout, many)
    return {"record": record, "paths": (one, many), "warnings": warnings,
            "books": (load_workbook(one), load_workbook(many))}


# -- structure --------------------------------------------------------------------------------


def test_sheet_names(books):
    for record_id in SEED_IDS:
        assert books[record_id].sheetnames == SHEETS + ["About"]
    assert books["combined"].sheetnames == SHEETS + ["Latest trade", "About"]


def test_spanish_layout_gives_spanish_sheet_names(seed_records, spanish_layout, tmp_path):
    _xlsx.export(seed_records["lithuania-mexico"], spanish_layout, tmp_path / "one.xlsx")
    _xlsx.export_many(list(seed_records.values()), spanish_layout, tmp_path / "many.xlsx")
    spanish = ["Resumen", "Visitas", "Acuerdos", "Comercio", "Exportaciones", "Misiones", "Acontecimientos",
               "Visitas por año"]
    assert load_workbook(tmp_path / "one.xlsx").sheetnames == spanish + ["Acerca de"]
    book = load_workbook(tmp_path / "many.xlsx")
    assert book.sheetnames == spanish + ["Comercio más reciente", "Acerca de"]
    assert book["Visitas"]["A1"].value == "Relación"


def test_one_row_per_fact_in_each_workbook(books, seed_records):
    for record_id, record in seed_records.items():
        for sheet in FACT_SHEETS:
            assert len(data_rows(books[record_id][sheet])) == fact_count(record, sheet), (record_id, sheet)


def test_one_row_per_fact_in_the_combined_workbook(books, seed_records):
    combined = books["combined"]
    for sheet in FACT_SHEETS:
        rows = data_rows(combined[sheet])
        assert len(rows) == sum(fact_count(r, sheet) for r in seed_records.values()), sheet
        # The Relationship column names each row's record, records in build order.
        expected_ids = [r.id for r in seed_records.values() for _ in range(fact_count(r, sheet))]
        assert [row[0] for row in rows] == expected_ids
    assert [row[0] for row in data_rows(combined["Overview"])] == SEED_IDS
    assert combined["Visits"]["A1"].value == "Relationship"


def test_visit_rows_hold_the_record_values(books, seed_records):
    record = seed_records["mexico-slovenia"]
    rows = data_rows(books["mexico-slovenia"]["Visits"])
    assert [c.value for c in books["mexico-slovenia"]["Visits"][1]] == [
        "From", "To", "Office", "Person", "Date", "Date precision", "Year", "Month", "Source line", "Notes"]
    assert len(rows) == len(record.visits)
    by_line = {visit.line: visit for visit in record.visits}
    for row in rows:
        visit = by_line[row[8]]
        assert row[:4] == (visit.from_, visit.to, visit.office, visit.person)
        assert row[5] == facts_view.date_precision(visit.date)
        assert row[6] == int(visit.date[:4])
        assert row[9] is None  # the analyst's, empty on a first build


def chronological_cells(date, precision) -> tuple:
    """A date column's cell and its precision, as a sort key read back from the sheet."""
    if date is None:
        return (1,)
    if precision == "year":
        return (0, date, 0, 0)
    return (0, date.year, date.month if precision in ("month", "day") else 0, date.day if precision == "day" else 0)


@pytest.mark.parametrize("book", [*SEED_IDS, "combined"])
def test_visits_sorted_by_date_within_each_direction(books, book):
    """Directions in order of first appearance, each run of rows ascending by date."""
    offset = 1 if book == "combined" else 0
    rows = data_rows(books[book]["Visits"])
    directions = []
    for row in rows:
        key = (row[0] if offset else None, row[offset], row[offset + 1])
        if not directions or directions[-1][0] != key:
            assert key not in [d for d, _ in directions], "a direction's visits are together"
            directions.append((key, []))
        directions[-1][1].append(chronological_cells(row[offset + 4], row[offset + 5]))
    assert len(directions) >= 2
    for key, dates in directions:
        assert dates == sorted(dates), key


def test_numbers_and_dates_are_typed(books, seed_records, default_layout):
    options = default_layout.options("xlsx")
    events = books["lithuania-mexico"]["Events"]
    seen = set()
    for event, row in zip(seed_records["lithuania-mexico"].events, events.iter_rows(min_row=2)):
        date, precision, year, month = row[0], row[1], row[2], row[3]
        assert isinstance(year.value, int) and year.value == int(event.date[:4])
        seen.add(precision.value)
        if len(event.date) == 10:  # day-precise: a real date with the layout's format
            assert precision.value == "day"
            assert date.value == datetime.datetime.fromisoformat(event.date)
            assert date.number_format == options["date_format"]
        elif len(event.date) == 7:  # a month: its first day, shown as year and month only
            assert precision.value == "month"
            assert date.value == datetime.datetime.fromisoformat(event.date + "-01")
            assert date.number_format == options["month_format"] == "yyyy-mm"
        else:  # a year: the year as a number
            assert precision.value == "year"
            assert date.value == int(event.date) and date.data_type == "n"
            assert date.number_format == options["year_format"]
        assert month.value == (int(event.date[5:7]) if len(event.date) >= 7 else None)
    assert seen == {"day", "month", "year"}  # the seed has all three: every branch above ran
    trade = books["combined"]["Trade"]
    for row in trade.iter_rows(min_row=2):
        assert isinstance(row[1].value, int) and isinstance(row[2].value, (int, float))
        assert row[2].number_format == options["currency_format"]
    assert trade["C2"].value == seed_records["georgia-mexico"].trade[0].total_usd


def test_tables_cover_the_data_with_filters_and_style(books, default_layout):
    for key, book in books.items():
        for ws in book.worksheets:
            if ws.max_row == 1:
                assert not ws.tables  # header only: no table (an Excel table needs a data row)
                continue
            (table,) = ws.tables.values()
            assert table.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", (key, ws.title)
            assert table.autoFilter.ref == table.ref
            assert table.tableStyleInfo.name == default_layout.options("xlsx")["table_style"]
            assert [c.name for c in table.tableColumns] == [c.value for c in ws[1]]


def test_header_row_frozen_and_columns_fitted(books):
    for key, book in books.items():
        for ws in book.worksheets:
            wanted = "B2" if key == "combined" and ws.title in ["Overview", *FACT_SHEETS] else "A2"
            assert ws.freeze_panes == wanted, (key, ws.title)
            assert not ws.merged_cells.ranges
            widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
            assert all(6 < width <= 61 for width in widths), (ws.title, widths)
    events = books["lithuania-mexico"]["Events"]
    text = events["E2"] if len(events["E2"].value) > 60 else next(
        row[4] for row in events.iter_rows(min_row=2) if len(row[4].value) > 60)
    assert text.alignment.wrap_text  # long text wraps in its capped column


def test_overview_links_to_the_other_sheets(books, seed_records):
    overview = books["lithuania-mexico"]["Overview"]
    links = {c.value: c.hyperlink.location for c in overview["A"] if c.hyperlink}
    for sheet in FACT_SHEETS:
        assert links[sheet] == f"'{sheet}'!A1"
    assert links["Latest trade total"] == "'Trade'!A1"
    fields = {row[0]: row[1] for row in data_rows(overview)}
    assert fields["Title"] == "Lithuania–Mexico relations"
    assert fields["Visits"] == len(seed_records["lithuania-mexico"].visits)
    headers = {c.value: c.hyperlink.location for c in books["combined"]["Overview"][1] if c.hyperlink}
    assert headers["Visits"] == "'Visits'!A1"


def test_charts(books, seed_records):
    combined = books["combined"]
    # Each chart on its own data's sheet, below the table: the fact tables print at full size.
    assert len(combined["Visits per year"]._charts) == 1 and not combined["Visits"]._charts
    assert len(combined["Latest trade"]._charts) == 1 and not combined["Trade"]._charts
    for record_id in SEED_IDS:
        (chart,) = books[record_id]["Visits per year"]._charts  # every seed has visits
        assert chart.tagname == "scatterChart"  # years on a numeric axis, at their distances
        assert chart.x_axis.title is not None and chart.y_axis.title is not None
        assert chart.anchor._from.col == 0 and chart.anchor._from.row > books[record_id]["Visits per year"].max_row
    per_year = dict(data_rows(combined["Visits per year"]))
    assert sum(per_year.values()) == sum(len(r.visits) for r in seed_records.values())
    ranking = data_rows(combined["Latest trade"])
    assert [row[3] for row in ranking] == sorted((row[3] for row in ranking), reverse=True)
    titles = {r.id: r.title for r in seed_records.values()}
    assert [row[1] for row in ranking] == [titles[row[0]] for row in ranking]


def test_combined_trade_chart_names_relationships_by_title(books, seed_records):
    """The bars' categories are the titles with the year of each total, not the ids."""
    (chart,) = books["combined"]["Latest trade"]._charts
    categories = chart.series[0].cat.strRef.f if chart.series[0].cat.strRef else chart.series[0].cat.numRef.f
    assert categories.startswith("'Latest trade'!$E$2")
    sheet = books["combined"]["Latest trade"]
    assert sheet["B1"].value == "Title"
    assert sheet["E2"].value == f"{sheet['B2'].value} ({sheet['C2'].value})"
    assert chart.series[0].val.numRef.f.startswith("'Latest trade'!$D$")


def test_no_column_mixes_text_and_dates(books):
    """A date column holds dates and year numbers only; its precision column says which."""
    for key, book in books.items():
        for ws in book.worksheets:
            for column in ws.iter_cols(min_row=2, values_only=True):
                kinds = {type(v).__name__ for v in column if v is not None}
                if "datetime" in kinds:
                    assert kinds <= {"datetime", "int"}, (key, ws.title, kinds)


def test_a_record_without_facts_keeps_headers_and_has_no_chart(seed_records, default_layout, tmp_path):
    empty = dataclasses.replace(seed_records["georgia-mexico"], visits=(), agreements=(), trade=(), exports=(),
                                missions=(), events=())
    _xlsx.export(empty, default_layout, tmp_path / "empty.xlsx")
    _xlsx.export_many([empty], default_layout, tmp_path / "many.xlsx")
    for path in (tmp_path / "empty.xlsx", tmp_path / "many.xlsx"):
        book = load_workbook(path)
        for sheet in FACT_SHEETS:
            assert book[sheet].max_row == 1 and not book[sheet].tables
            assert not book[sheet]._charts
        assert book["Overview"].tables


# -- safety -----------------------------------------------------------------------------------


def test_no_formula_cell_comes_from_article_text(hostile):
    for book in hostile["books"]:
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    one, many = hostile["books"]
    visits = data_rows(one["Visits"])
    assert [row[0] for row in visits] == HOSTILE
    assert [row[3] for row in visits] == HOSTILE
    assert {row[1] for row in visits} == {"@SUM(A1)"} and {row[2] for row in visits} == {"+1+1"}
    assert data_rows(many["Visits"])[0][0] == '=HYPERLINK("http://x","y")'
    assert one["Visits"]["A2"].quotePrefix  # Excel keeps it literal when the cell is edited


def test_control_characters_removed_with_a_warning(hostile):
    one, _ = hostile["books"]
    assert [row[2] for row in data_rows(one["Exports"])] == ["=1+1", "wine", "@cmd"]
    assert data_rows(one["Agreements"])[0][0] == "-2 agreements"
    assert any("control characters removed" in w for w in hostile["warnings"])


def test_a_cleaning_warning_names_the_sheet_and_row_of_the_cell(hostile):
    """Each warning points at the row that holds the cleaned cell, so a reader can find it."""
    one, _ = hostile["books"]
    for sheet, kept in (("Agreements", "-2 agreements"), ("Exports", "wine"), ("Events", "x" * MAX_CELL_CHARS)):
        rows = [cell.row for row in one[sheet].iter_rows(min_row=2) for cell in row if cell.value == kept]
        assert len(rows) == 1, (sheet, rows)
        assert any(w.startswith(f"{sheet} row {rows[0]}: ") for w in hostile["warnings"]), (sheet, rows, hostile["warnings"])


def test_text_over_excel_limit_truncated_with_a_warning(hostile):
    one, _ = hostile["books"]
    assert len(data_rows(one["Events"])[1][4]) == MAX_CELL_CHARS
    assert any("truncated" in w for w in hostile["warnings"])


def test_sheet_names_made_valid_and_unique(default_layout):
    labels = dict(default_layout.labels, sheet_visits="Visits: a/b [all]?", sheet_trade="visits: A/B [ALL]?",
                  sheet_events="'" + "E" * 40 + "'")
    layout = dataclasses.replace(default_layout, labels=MappingProxyType(labels))
    names, warnings = sheet_names(layout, COMBINED_SHEET_KEYS)
    assert names["sheet_visits"] == "Visits_ a_b _all__"
    assert names["sheet_trade"] == "visits_ A_B _ALL__ (2)"
    assert names["sheet_events"] == "E" * 31
    assert len({n.casefold() for n in names.values()}) == len(names)
    assert len(warnings) == 3


# -- determinism, other records, LibreOffice ----------------------------------------------------


def test_two_builds_are_byte_identical(workbook_paths, seed_records, default_layout, tmp_path):
    again = tmp_path / "again.xlsx"
    _xlsx.export_many(list(seed_records.values()), default_layout, again)
    assert again.read_bytes() == workbook_paths["combined"].read_bytes()
    _xlsx.export(seed_records["georgia-mexico"], default_layout, again)
    assert again.read_bytes() == workbook_paths["georgia-mexico"].read_bytes()
    elsewhere = export_in_another_process("xlsx", "georgia-mexico", "default", tmp_path / "elsewhere.xlsx")
    assert elsewhere == workbook_paths["georgia-mexico"].read_bytes()


def test_source_date_epoch_sets_the_document_dates(seed_records, default_layout, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _xlsx.export_many(list(seed_records.values()), default_layout, tmp_path / "many.xlsx")
    properties = load_workbook(tmp_path / "many.xlsx").properties
    assert properties.created == properties.modified == datetime.datetime(2023, 11, 14, 22, 13, 20)
    assert properties.creator == (default_layout.document.author or None)  # openpyxl reads "" as None


def test_generated_articles_with_variants(default_layout, tmp_path):
    from generated_articles import write_articles
    from reports.articles import load

    records = [dataclasses.replace(load(p), id=f"r{n}") for n, p in enumerate(write_articles(tmp_path / "a", 25))]
    assert _xlsx.export_many(records, default_layout, tmp_path / "many.xlsx") == []
    book = load_workbook(tmp_path / "many.xlsx", read_only=True)
    for sheet in FACT_SHEETS:
        rows = sum(1 for _ in book[sheet].iter_rows(min_row=2))
        assert rows == sum(fact_count(r, sheet) for r in records), sheet
    book.close()



# -- every column read back against the record ---------------------------------------------


def _excel_date(iso) -> tuple:
    """What openpyxl reads back for a record date and its precision column: a datetime
    when day-precise, the first of the month for a month, the year's number for a year."""
    if not iso:
        return None, None
    if len(iso) == 10:
        return datetime.datetime.fromisoformat(iso), "day"
    if len(iso) == 7:
        return datetime.datetime.fromisoformat(iso + "-01"), "month"
    return int(iso), "year"


def _sorted_visits(record) -> list:
    """Visits as every table lists them, written out here: directions in order of first
    appearance, each by (year, month, day) with a coarser date first and undated last,
    equal dates in the article's order."""
    from reports.facts_view import told_dates

    visits = told_dates(record)  # each at the most precise date the article gives it
    directions = list(dict.fromkeys((v.from_, v.to) for v in visits))

    def when(visit):
        if not visit.date:
            return (1,)
        parts = [int(p) for p in visit.date.split("-")] + [0, 0]
        return (0, *parts[:3])
    return [v for d in directions for v in sorted((v for v in visits if (v.from_, v.to) == d), key=when)]


def _month(iso):
    return int(iso[5:7]) if iso and len(iso) >= 7 else None


def _year(iso):
    return int(iso[:4]) if iso else None


def expected_rows(record, sheet: str, layout) -> list[tuple]:
    """The rows a fact sheet must hold, written out from the record independently of the
    exporter, each ending in the analyst's Notes cell (empty in a fresh build)."""
    return [(*row, None) for row in _fact_rows(record, sheet, layout)]


# The columns after a sheet's last key column (where notes are carried by) that may be left out.
_DROPPABLE_FROM = {"Visits": 6, "Agreements": 3, "Trade": 1, "Exports": 3, "Missions": 4, "Events": 5}


def without_empty_columns(rows: list[tuple], sheet: str, offset: int = 0) -> list[tuple]:
    """`rows` without the columns that are empty in every row (the Notes column, last, stays)."""
    if not rows:
        return rows
    first = _DROPPABLE_FROM[sheet] + offset
    keep = [i for i in range(len(rows[0]) - 1)
            if i < first or any(row[i] not in (None, "") for row in rows)] + [len(rows[0]) - 1]
    return [tuple(row[i] for i in keep) for row in rows]


def _fact_rows(record, sheet: str, layout) -> list[tuple]:
    from reports.facts_view import kind_label

    if sheet == "Visits":
        return [(v.from_, v.to, v.office, v.person, *_excel_date(v.date), _year(v.date), _month(v.date), v.line)
                for v in _sorted_visits(record)]
    if sheet == "Agreements":
        return [(a.title, *_excel_date(a.date), _year(a.date), a.line) for a in record.agreements]
    if sheet == "Trade":
        return [(t.year, t.total_usd, t.amount, t.currency, t.line) for t in record.trade]
    if sheet == "Exports":
        return [(e.from_, e.to, product, e.line) for e in record.exports for product in e.products]
    if sheet == "Missions":
        return [(m.country, m.host, kind_label(m.kind, layout), m.city, m.city_country,
                 layout.label("yes" if m.resident else "no"), m.line) for m in record.missions]
    assert sheet == "Events"
    return [(*_excel_date(e.date), _year(e.date), _month(e.date), e.text, e.line) for e in record.events]


@pytest.mark.parametrize("sheet", FACT_SHEETS)
def test_every_column_of_every_fact_sheet_holds_the_record(books, seed_records, default_layout, sheet):
    for record_id, record in seed_records.items():
        assert data_rows(books[record_id][sheet]) == without_empty_columns(
            expected_rows(record, sheet, default_layout), sheet), record_id
    combined = [(r.id, *row) for r in seed_records.values() for row in expected_rows(r, sheet, default_layout)]
    assert data_rows(books["combined"][sheet]) == without_empty_columns(combined, sheet, 1)
    assert any(expected_rows(r, sheet, default_layout) for r in seed_records.values())  # not vacuous


def test_overview_of_one_holds_title_key_facts_summary_and_counts(books, seed_records, default_layout):
    from reports.facts_view import key_facts

    for record_id, record in seed_records.items():
        rows = data_rows(books[record_id]["Overview"])
        wanted = [(default_layout.label("title"), record.title)]
        wanted += [(fact.label, fact.value) for fact in key_facts(record, default_layout)]
        wanted += [(default_layout.label("summary"), record.summary)]
        wanted += [(sheet, fact_count(record, sheet)) for sheet in FACT_SHEETS]
        wanted += [(default_layout.label("source_file"), record.source.path)]
        assert rows == wanted, record_id


def test_combined_overview_and_latest_trade_hold_the_record(books, seed_records, default_layout):
    from reports.facts_view import latest_trade, representation

    rows = data_rows(books["combined"]["Overview"])
    for row, record in zip(rows, seed_records.values(), strict=True):
        latest = latest_trade(record)
        assert row == (record.id, record.title, *_excel_date(record.established), *_excel_date(record.reestablished),
                       ", ".join(record.memberships), latest.year, latest.total_usd,
                       "; ".join(f"{c}: {w}" for c, w in representation(record, default_layout)),
                       *(fact_count(record, sheet) for sheet in FACT_SHEETS))
    ranking = sorted(((r.id, r.title, latest_trade(r).year, latest_trade(r).total_usd,
                       f"{r.title} ({latest_trade(r).year})") for r in seed_records.values()), key=lambda row: -row[3])
    assert data_rows(books["combined"]["Latest trade"]) == ranking


def test_every_risky_prefix_is_quoted_in_every_sheet(seed_records, default_layout, tmp_path):
    """Each of = + - @ tab CR, at the start of text in every text column of every sheet,
    is stored as a literal string with Excel's quote prefix (openpyxl itself treats only
    "=" as a formula, so a value check alone cannot see a missing guard)."""
    base = seed_records["georgia-mexico"]
    for prefix in RISKY_PREFIXES:
        text = f"{prefix}1+1"
        record = dataclasses.replace(
            base, id=f"{prefix}id", title=f"{prefix}title", summary=text, memberships=(text,),
            visits=(Visit(from_=text, to=text, office=text, person=text, date=None, line=3),),
            agreements=(Agreement(title=text, date=None, line=4),),
            exports=(Export(from_=text, to=text, products=(text,), line=5),),
            missions=(Mission(text, text, "embassy", text, text, False, 6),),
            events=(Event(date="1992", text=text, line=7),),
        )
        one, many = tmp_path / "one.xlsx", tmp_path / "many.xlsx"
        _xlsx.export(record, default_layout, one)
        _xlsx.export_many([record], default_layout, many)
        for path in (one, many):
            risky = {}
            for ws in load_workbook(path).worksheets:
                for row in ws.iter_rows(min_row=2):
                    for cell in row:
                        if isinstance(cell.value, str) and cell.value.startswith(prefix):
                            risky.setdefault(ws.title, []).append(cell)
            # Every sheet with article text has some: Overview, and each fact sheet but Trade.
            assert set(risky) >= {"Overview", *FACT_SHEETS} - {"Trade"}, (repr(prefix), path.name, set(risky))
            for title, cells in risky.items():
                for cell in cells:
                    assert cell.data_type == "s" and cell.quotePrefix, (repr(prefix), path.name, title, cell.coordinate)


def test_visits_per_year_sheet_counts_the_visits(books, seed_records):
    for record_id, record in seed_records.items():
        counts: dict[int, int] = {}
        for visit in record.visits:
            if visit.date:
                counts[int(visit.date[:4])] = counts.get(int(visit.date[:4]), 0) + 1
        assert data_rows(books[record_id]["Visits per year"]) == sorted(counts.items()), record_id
        assert counts  # every seed has dated visits


def test_a_total_in_another_currency_keeps_its_amount_and_currency(tmp_path, default_layout):
    from conftest import write_article
    from reports.articles import read

    path = write_article(tmp_path, "a.txt", "= Germany–Norway relations =\n\nLead.\n\n==Trade==\n"
                                            "In 2022, trade between both nations amounted to €45 million.\n")
    record = read(path).record
    out = tmp_path / "a.xlsx"
    _xlsx.export(record, default_layout, out)
    sheet = load_workbook(out)[default_layout.label("sheet_trade")]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c for c in sheet[2]]))
    assert default_layout.label("total_usd") not in row  # not dollars: the column would be empty
    amount = row[default_layout.label("amount")]
    assert (amount.value, amount.number_format) == (45_000_000, "#,##0")
    assert row[default_layout.label("currency")].value == "EUR"


def test_a_combined_workbook_with_a_latest_total_in_another_currency(tmp_path, seed_records, default_layout):
    from conftest import write_article
    from reports.articles import read

    path = write_article(tmp_path, "a.txt", "= Germany–Norway relations =\n\nLead.\n\n==Trade==\n"
                                            "In 2022, trade between both nations amounted to €45 million.\n")
    euros = read(path).record
    out = tmp_path / "combined.xlsx"
    assert _xlsx.export_many([euros, seed_records["georgia-mexico"]], default_layout, out) == []
    ranking = load_workbook(out)[default_layout.label("sheet_latest_trade")]
    assert [row[0] for row in ranking.iter_rows(min_row=2, values_only=True)] == ["georgia-mexico"]
