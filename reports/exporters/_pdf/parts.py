"""The parts of the brief, in the order the layout gives: each part is a function
from the brief's context to flowables, and says whether the record has anything for it."""

from __future__ import annotations

from dataclasses import dataclass

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ...brief_view import (agreement_kind, agreements_in_order, bottom_line, brief_facts, fact_cites, trade_trend)
from ...facts_view import (date_label,
                           kind_label, mission_label, trade_money_label, visits_by_direction)
from . import references, timeline
from .flowables import TitleBand, data_table, heading
from .styles import CELL_PADDING, cell_font

# Parts that make page one; the detail starts on a new page after them.
FRONT_PARTS = ("key_facts", "summary", "timeline")  # after the title band and the bottom line


@dataclass
class Brief:
    """Everything a part needs: the record, the layout, styles, the text gate."""
    record: object
    layout: object
    styles: object
    gate: object
    width: float            # of the frame, in points
    parts: tuple = ()       # parts that will appear, for links
    context: object = None  # the build's ExportContext: dates, changes
    frame_height: float = 0.0  # of the frame, in points

    def t(self, text: str) -> str:
        """Article or label text made safe for a Paragraph."""
        return self.gate.markup(text)

    def label(self, key: str, **values) -> str:
        return self.t(self.layout.label(key, **values))

    def plain_label(self, key: str) -> str:
        """A label for a plain-string cell (no markup, so no escaping)."""
        return self.gate.plain(self.layout.label(key))

    def cite(self, line: int) -> str:
        """" l. 19" in small muted type, glued to the text it follows."""
        if not self.layout.options("pdf").get("show_line_citations", True):
            return ""
        s, c = self.styles, self.layout.colors
        text = self.label("line_cite", line=line).replace(" ", "&nbsp;")
        return f'&nbsp;<font size="{s.cite.fontSize}" color="{c["muted"]}">{text}</font>'

    def cite_cell(self, line: int) -> str:
        show = self.layout.options("pdf").get("show_line_citations", True)
        return self.gate.plain(self.layout.label("line_cite", line=line)) if show else ""

    def short(self, text: str) -> str:
        """A plain-string cell for short values (dates, years, amounts): a table draws
        it directly, without a Paragraph to parse and wrap."""
        return self.gate.plain(text)

    def cell(self, text: str, style=None) -> Paragraph:
        return Paragraph(self.t(text), style or self.styles.small)

    def fit(self, text: str, width: float):
        """A table cell: a plain string when it fits its column on one line (a table
        draws those directly, which is most of a brief's speed), else a Paragraph that wraps."""
        plain = self.gate.plain(text)
        s = self.styles.small
        if "\n" not in plain and self.gate.width(plain, s.fontName, s.fontSize) <= width - 2 * CELL_PADDING:
            return plain
        return Paragraph(escape(plain), s)

    def part_heading(self, part: str) -> Paragraph:
        title = self.layout.label(part)
        return heading(self.t(title), title, f"part-{part}", 0, self.styles.h1)

    def citing(self) -> bool:
        """Whether tables get their quiet last column: for line citations, or for note numbers."""
        return bool(self.layout.options("pdf").get("show_line_citations", True)) or bool(self.record.citations)

    def cite_width(self) -> float:
        return 12 * mm if self.citing() else 0.0

    def table(self, header: list, rows: list[list], widths: list[float]):
        """A data table whose last column is the line citation, dropped when the
        layout turns citations off."""
        if not self.citing():
            header, rows, widths = header[:-1], [row[:-1] for row in rows], widths[:-1]
        return data_table(header, rows, widths, self.styles, cite=self.citing())


# -- page one -------------------------------------------------------------------------------


def title_band(b: Brief, margins) -> TitleBand:
    s = b.styles
    first, second = b.record.countries
    paragraphs = [Paragraph(b.label("brief").upper(), s.kicker),
                  Paragraph(f"{b.t(first)} – {b.t(second)}", s.title),
                  Paragraph(b.label("relations"), s.subtitle)]
    from ...dating import dated_line
    dated = dated_line(b.layout, b.context)
    if dated:
        paragraphs.append(Paragraph(escape(dated), s.subtitle))
    left, right, top = margins
    return TitleBand(paragraphs, s.colour["primary"], left, right, top, pad=b.layout.fonts.size * 1.6)


def bottom_line_part(b: Brief) -> list:
    """Sentences made by rules from the record's facts, under the title band."""
    sentences = bottom_line(b.record, b.layout)
    if not sentences:
        return []
    text = " ".join(b.t(sentence) for sentence in sentences)
    return [Spacer(1, 4), Paragraph(f"<b>{b.label('bottom_line')}.</b> {text}", b.styles.lead)]


def key_facts_part(b: Brief) -> list:
    s = b.styles
    rows = []
    for fact in brief_facts(b.record, b.layout):
        value = b.t(fact.value) + references.notes(b, fact_cites(b.record, fact.part, fact.label, b.layout))
        if fact.part in b.parts:
            value = f'<a href="#part-{fact.part}" color="{b.layout.colors["primary"]}">{value}</a>'
        rows.append([Paragraph(b.t(fact.label), s.fact_label), Paragraph(value, s.small)])
    if not rows:
        return []
    table = Table(rows, colWidths=[b.width * 0.3, b.width * 0.7], splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(cell_font(s) + [
        ("BACKGROUND", (0, 0), (-1, -1), s.colour["light"]),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, s.colour["accent"]),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, s.colour["rule"]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return [b.part_heading("key_facts"), table]


def summary_part(b: Brief) -> list:
    paragraphs = [p.strip() for p in b.record.summary.split("\n\n") if p.strip()]
    return [b.part_heading("summary")] + [Paragraph(b.t(p), b.styles.text) for p in paragraphs]


def timeline_part(b: Brief) -> list:
    height = float(b.layout.options("pdf").get("timeline_height_mm", 62)) * mm
    found = timeline.timeline_flowables(b.record, b.width, height, b.styles, b.gate, b.layout)
    return [b.part_heading("timeline"), *found] if found else []


# -- the detail -----------------------------------------------------------------------------


def visits_part(b: Brief) -> list:
    out = [b.part_heading("visits")]
    widths = _widths(b, 0.2, 0.33)
    for direction, visits in visits_by_direction(b.record):
        caption = b.layout.label("visits_from_to", origin=direction.origin or "?",
                                 destination=direction.destination or "?")
        out.append(Paragraph(b.t(caption), b.styles.h2))
        rows = [[b.short(date_label(v.date, b.layout)), b.fit(v.office or "", widths[1]), b.fit(v.person or "", widths[2]),
                 references.cite_cell(b, v.line, v.cites)] for v in visits]
        header = [b.plain_label("date"), b.plain_label("office"), b.plain_label("person"), ""]
        out.append(b.table(header, rows, widths))
    return out


def agreements_part(b: Brief) -> list:
    w = _widths(b, 0.17, 0.15)
    rows = [[b.short(date_label(a.date, b.layout)), b.short(_kind(b, a.title)), b.fit(a.title, w[2]),
             references.cite_cell(b, a.line, a.cites)] for a in agreements_in_order(b.record)]
    header = [b.plain_label("date"), b.plain_label("agreement_kind_label"), b.plain_label("title"), ""]
    return [b.part_heading("agreements"), b.table(header, rows, w)]


def _kind(b: Brief, title: str) -> str:
    kind = agreement_kind(title)
    return kind_label(kind, b.layout) if kind else ""


def trade_part(b: Brief) -> list:
    out = [b.part_heading("trade")]
    if b.record.trade:
        rows = [[b.short(str(t.year)), b.short(trade_money_label(t, b.layout)),
                 references.cite_cell(b, t.line, t.cites)] for t in sorted(b.record.trade, key=lambda t: t.year)]
        header = [b.plain_label("year"), b.plain_label("trade_total"), ""]
        table = b.table(header, rows, _widths(b, 0.12, 0.3)[:1] + [b.width * 0.3, b.cite_width()])
        chart = trade_chart(b)
        if chart is not None:
            table = Table([[table, chart]], colWidths=[b.width * 0.45, b.width * 0.55], hAlign="LEFT",
                          style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 *cell_font(b.styles)])
        out.append(table)
        trend = trade_trend(b.record, b.layout)
        if trend:
            remark = trend.lstrip(", ")
            out.append(Paragraph(b.t(remark[:1].upper() + remark[1:] + "."), b.styles.small))
    if b.record.exports:
        out += [Paragraph(b.label("exports"), b.styles.h2), _exports_side_by_side(b)]
    return out


def trade_chart(b: Brief):
    """Bars of the trade totals in one currency, when two years or more are given."""
    rows = sorted((t for t in b.record.trade if t.total_usd is not None), key=lambda t: t.year)
    if len({t.year for t in rows}) < 2:
        return None
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    s = b.styles
    width, height = b.width * 0.5, 32 * mm
    d = Drawing(width, height)
    d.initialFontName, d.initialFontSize = s.body.regular, b.layout.fonts.small_size
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 8, 14, width - 16, height - 26
    chart.data = [[t.total_usd for t in rows]]
    chart.categoryAxis.categoryNames = [str(t.year) for t in rows]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = s.body.regular, b.layout.fonts.small_size
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor, chart.bars[0].strokeColor = s.colour["primary"], None
    chart.barLabelFormat = lambda value: trade_money_label(next(t for t in rows if t.total_usd == value), b.layout)
    chart.barLabels.fontName, chart.barLabels.fontSize = s.body.regular, b.layout.fonts.small_size - 1
    chart.barLabels.nudge = 6
    d.add(chart)
    d.add(String(8, height - 8, b.layout.label("trade_chart"), fontName=s.body.bold,
                 fontSize=b.layout.fonts.small_size, fillColor=s.colour["muted"]))
    return d


def _exports_side_by_side(b: Brief) -> Table:
    """One column per direction, two directions to a row."""
    s = b.styles
    cells = []
    for export in b.record.exports:
        caption = b.layout.label("exports_from_to", origin=export.from_, destination=export.to)
        marks = references.notes(b, export.cites)
        # The products in one paragraph: a list of single words is a column of white.
        cell = [Paragraph(f"<b>{b.t(caption)}</b>{marks}{b.cite(export.line)}", s.small), Spacer(1, 2),
                Paragraph(b.t("; ".join(export.products)), s.small)]
        cells.append(cell)
    rows = [cells[i:i + 2] + [[]] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
    gap = 4 * mm
    table = Table(rows, colWidths=[(b.width - gap) / 2, (b.width - gap) / 2], splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(cell_font(s) + [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, s.colour["accent"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), gap),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def missions_part(b: Brief) -> list:
    w = _widths(b, 0.2, 0.2)
    rows = [[b.fit(m.country, w[0]), b.fit(m.host, w[1]), b.fit(mission_label(m, b.layout), w[2]),
             references.cite_cell(b, m.line, m.cites)] for m in b.record.missions]
    header = [b.plain_label("country"), b.plain_label("host"), b.plain_label("missions"), ""]
    return [b.part_heading("missions"), b.table(header, rows, w)]


def _widths(b: Brief, *fractions: float) -> list[float]:
    """Columns at these fractions of the text width, the rest to the last text column,
    and a narrow citation column at the end."""
    cite = b.cite_width()
    fixed = [b.width * f for f in fractions]
    return fixed + [b.width - sum(fixed) - cite, cite]


def sections_part(b: Brief, part: str, sections) -> list:
    """Whole sections of the article (History, unknown ones): nothing is left out."""
    out = [b.part_heading(part)]
    for index, section in enumerate(sections):
        # The part's own heading stands for the first History section.
        if section.level > 2 or index > 0 or part != "history":
            key = f"{part}-{index}"
            out.append(heading(b.t(section.heading), section.heading, key, 1, b.styles.h2))
        out += blocks(b, section.blocks)
    return out


def blocks(b: Brief, items) -> list:
    s = b.styles
    out = []
    for block in items:
        if block.type == "list":
            if block.caption:
                out.append(Paragraph(f"<i>{b.t(block.caption)}</i>", s.text))
            # The record knows the line of the first item only; later items are not cited
            # rather than cited by a guess.
            out += [Paragraph(b.t(item) + references.notes(b, block.cites_of(i))
                              + (b.cite(block.line) if i == 0 else ""), s.bullet, bulletText="•")
                    for i, item in enumerate(block.items)]
        elif block.type == "table":
            out += references.table_block(b, block)
        else:
            out.append(Paragraph(b.t(block.text) + references.notes(b, block.cites) + b.cite(block.line), s.text))
    return out


def see_also_part(b: Brief) -> list:
    return [b.part_heading("see_also")] + [Paragraph(b.t(item), b.styles.bullet, bulletText="•")
                                           for item in b.record.see_also]
