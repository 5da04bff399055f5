"""The sheets that carry a chart: visits per year (marks on a numeric year axis beside
its own table) and, in the combined workbook, the latest trade ranking (a bar chart
beside its own table, each bar named with its year); and the charts themselves."""

from __future__ import annotations

from ...facts_view import latest_trade
from .writer import SheetInfo


def visits_per_year(book, counts: list[tuple[int, int]]) -> None:
    """The (year, visits) table, and its column chart on the Visits sheet."""
    info = book.new_sheet("sheet_visits_per_year", [book.label("year"), book.label("visit_count")],
                          [None, None], lambda: iter(counts), "A2")
    if counts:
        chart = _year_chart(book, info, counts)
        # Beside its own small table, not beside the Visits table: printed, that table
        # keeps its size (a chart in a sheet's print range widens what is fitted to the page).
        info.worksheet.add_chart(chart, _anchor_below(info))


def latest_trade_ranking(book, records) -> None:
    """Latest trade total per relationship, largest first; a bar chart of the largest,
    its bars named by the relationships' titles. Only totals in US dollars compare: a
    latest total in another currency is left out of the ranking (its Trade rows show it)."""
    latest = ((r, latest_trade(r)) for r in records)
    ranking = sorted(((r.id, r.title, t.year, t.total_usd, f"{r.title} ({t.year})")
                      for r, t in latest if t and t.total_usd is not None), key=lambda row: (-row[3], row[0]))
    headers = [book.label("relationship"), book.label("title"), book.label("year"), book.label("total_usd"),
               book.label("chart_label")]
    info = book.new_sheet("sheet_latest_trade", headers,
                          [None, None, None, book.options.get("currency_format"), None], lambda: iter(ranking), "A2")
    if ranking:
        shown = min(len(ranking), int(book.options.get("chart_max_bars", 25)))
        chart = _bar_chart(book.label("latest_trade_by_relationship"), info, shown, book.layout)
        chart.x_axis.title = book.label("relationship")
        chart.y_axis.title = book.label("total_usd")
        info.worksheet.add_chart(chart, _anchor_below(info))


def _year_chart(book, data: SheetInfo, counts: list[tuple[int, int]]):
    """Visits per year as marks on a numeric year axis: 2010, 2011 and 2016 stand at
    their distances (a category axis would space them evenly)."""
    from openpyxl.chart import Reference, ScatterChart, Series

    chart = ScatterChart()
    chart.title = book.label("visits_per_year")
    chart.style = 13
    rows = len(counts)
    years = Reference(data.worksheet, min_col=1, min_row=2, max_row=rows + 1)
    values = Reference(data.worksheet, min_col=2, min_row=1, max_row=rows + 1)
    series = Series(values, years, title_from_data=True)
    colour = book.layout.colors["primary"].lstrip("#")
    series.marker.symbol = "circle"
    series.marker.size = 8
    series.marker.graphicalProperties.solidFill = colour
    series.marker.graphicalProperties.line.solidFill = colour
    series.graphicalProperties.line.noFill = True  # marks only: a line would invent the years between
    chart.series.append(series)
    chart.legend = None
    first, last = counts[0][0], counts[-1][0]
    chart.x_axis.scaling.min, chart.x_axis.scaling.max = first - 1, last + 1
    chart.x_axis.majorUnit = max(1, -(-(last - first + 2) // 12))
    chart.x_axis.number_format = "0"
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorUnit = max(1, -(-max(n for _, n in counts) // 8))  # whole visits, ~8 gridlines
    chart.y_axis.number_format = "0"
    chart.x_axis.title = book.label("year")
    chart.y_axis.title = book.label("visit_count")
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.width, chart.height = 16, 8
    return chart


def _bar_chart(title: str, data: SheetInfo, rows: int, layout):
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "bar"
    # Each bar named with its year: totals of different years compared say so.
    _fill_chart(chart, title, data, rows, value_column=4, layout=layout, category_column=5)
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


def _anchor_below(sheet: SheetInfo) -> str:
    """The first column, two rows below a sheet's table."""
    return f"A{sheet.rows + 4}"
