"""The sheets that carry a chart: visits per year (a column chart beside the Visits
table) and, in the combined workbook, the latest trade ranking (a bar chart beside the
Trade table); and the charts themselves."""

from __future__ import annotations

from ...facts_view import latest_trade
from .writer import SheetInfo


def visits_per_year(book, counts: list[tuple[int, int]]) -> None:
    """The (year, visits) table, and its column chart on the Visits sheet."""
    info = book.new_sheet("sheet_visits_per_year", [book.label("year"), book.label("visit_count")],
                          [None, None], lambda: iter(counts), "A2")
    if counts:
        chart = _column_chart(book.label("visits_per_year"), info, len(counts), book.layout)
        # Whole visits on the value axis: at most ~8 gridlines, never a step below 1.
        chart.y_axis.majorUnit = max(1, -(-max(n for _, n in counts) // 8))
        chart.y_axis.number_format = "0"
        visits = book.sheets["sheet_visits"]
        visits.worksheet.add_chart(chart, _anchor_beside(visits))


def latest_trade_ranking(book, records) -> None:
    """Latest trade total per relationship, largest first; a bar chart of the largest,
    its bars named by the relationships' titles. Only totals in US dollars compare: a
    latest total in another currency is left out of the ranking (its Trade rows show it)."""
    latest = ((r, latest_trade(r)) for r in records)
    ranking = sorted(((r.id, r.title, t.year, t.total_usd) for r, t in latest if t and t.total_usd is not None),
                     key=lambda row: (-row[3], row[0]))
    headers = [book.label("relationship"), book.label("title"), book.label("year"), book.label("total_usd")]
    info = book.new_sheet("sheet_latest_trade", headers,
                          [None, None, None, book.options.get("currency_format")], lambda: iter(ranking), "A2")
    if ranking:
        shown = min(len(ranking), int(book.options.get("chart_max_bars", 25)))
        chart = _bar_chart(book.label("latest_trade_by_relationship"), info, shown, book.layout)
        trade = book.sheets["sheet_trade"]
        trade.worksheet.add_chart(chart, _anchor_beside(trade))


def _column_chart(title: str, data: SheetInfo, rows: int, layout):
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "col"
    _fill_chart(chart, title, data, rows, value_column=2, layout=layout)
    chart.width, chart.height = 18, 9
    return chart


def _bar_chart(title: str, data: SheetInfo, rows: int, layout):
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "bar"
    _fill_chart(chart, title, data, rows, value_column=4, layout=layout, category_column=2)
    options = layout.options("xlsx")
    chart.y_axis.number_format = options.get("chart_currency_format", options.get("currency_format", "#,##0"))
    # Largest at the top, as in the table; the value axis then has to cross at the
    # last category to stay at the bottom.
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.crosses = "max"
    chart.width, chart.height = 18, max(7, 0.6 * rows + 2)
    return chart


def _fill_chart(chart, title, data: SheetInfo, rows: int, value_column: int, layout,
                category_column: int = 1) -> None:
    from openpyxl.chart import Reference

    values = Reference(data.worksheet, min_col=value_column, min_row=1, max_row=rows + 1)
    categories = Reference(data.worksheet, min_col=category_column, min_row=2, max_row=rows + 1)
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(categories)
    chart.title = title
    chart.legend = None
    chart.series[0].graphicalProperties.solidFill = layout.colors["primary"].lstrip("#")
    # openpyxl 3.1 marks axes as deleted unless told otherwise: Excel would hide them.
    chart.x_axis.delete = chart.y_axis.delete = False


def _anchor_beside(sheet: SheetInfo) -> str:
    """The cell two columns right of a sheet's table, second row."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(sheet.columns + 2)}2"
