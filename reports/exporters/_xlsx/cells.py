"""Cell styles made once from the layout (header, link, wrap, number formats), and the
cells written with them: text guarded against formula injection, numbers and dates with
their format, hyperlinks to web addresses and to other sheets."""

from __future__ import annotations

from .sheets import sheet_reference

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets may read as a formula


class Styles:
    """The few styles the workbook uses, made once from the layout."""

    def __init__(self, layout):
        from openpyxl.styles import Alignment, PatternFill
        from openpyxl.styles.fonts import DEFAULT_FONT

        colors = layout.colors
        options = layout.options("xlsx")
        self.date_format = options.get("date_format", "yyyy-mm-dd")
        self.month_format = options.get("month_format", "yyyy-mm")
        self.year_format = options.get("year_format", "0")
        primary, on_primary = _argb(colors["primary"]), _argb(colors["on_primary"])
        # Fonts derive from the workbook's body font, or LibreOffice falls back to a serif.
        self.header_font = _font_like(DEFAULT_FONT, b=True, color=on_primary)
        # A linked header gets a light fill: LibreOffice paints links in its own dark blue.
        self.header_link_font = _font_like(DEFAULT_FONT, b=True, color=primary, u="single")
        self.header_link_fill = PatternFill("solid", fgColor=_argb(colors["light"]))
        self.header_fill = PatternFill("solid", fgColor=primary)
        self.link_font = _font_like(DEFAULT_FONT, color=primary, u="single")
        self.wrap = Alignment(wrap_text=True)
        self.max_width = int(options.get("max_column_width", 60))

    def header_cell(self, ws, text: str, link_to: str | None):
        """A header cell, linked to the sheet `link_to` when given."""
        cell = _write_only_cell(ws, text)
        cell.quotePrefix = text.startswith(FORMULA_PREFIXES)
        cell.font = self.header_link_font if link_to else self.header_font
        cell.fill = self.header_link_fill if link_to else self.header_fill
        if link_to:
            _link(cell, link_to)
        return cell

    def text_cell(self, ws, text: str, wrap: bool):
        """Plain strings go in as they are (fast); a string that a spreadsheet could read
        as a formula is forced to a literal string with Excel's quote prefix, as if typed
        after an apostrophe; long text in a capped column wraps."""
        risky = text.startswith(FORMULA_PREFIXES)
        wrap = wrap and len(text) > self.max_width
        if not risky and not wrap:
            return text
        cell = _write_only_cell(ws, text)
        if risky:
            cell.data_type = "s"
            cell.quotePrefix = True
        if wrap:
            cell.alignment = self.wrap
        return cell

    def number_cell(self, ws, value, number_format: str):
        """A number or date shown in `number_format`."""
        cell = _write_only_cell(ws, value)
        cell.number_format = number_format
        return cell

    def url_cell(self, ws, text: str, target: str | None):
        """A web address: a hyperlink when `target` is given, else guarded text."""
        if target is None:
            return self.text_cell(ws, text, wrap=False)
        cell = _write_only_cell(ws, text)
        cell.quotePrefix = text.startswith(FORMULA_PREFIXES)
        cell.font = self.link_font
        from openpyxl.worksheet.hyperlink import Hyperlink
        cell.hyperlink = Hyperlink(ref="", target=target, display=text)
        return cell

    def link_cell(self, ws, inner, sheet: str):
        """A value (or a cell already made) linking to the sheet named `sheet`."""
        if inner is None:
            return None
        cell = inner if hasattr(inner, "data_type") else _write_only_cell(ws, inner)
        cell.font = self.link_font
        _link(cell, sheet)
        return cell


def _write_only_cell(ws, value):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _link(cell, sheet: str) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    # A location link stays inside the workbook (no external relationship).
    cell.hyperlink = Hyperlink(ref="", location=sheet_reference(sheet), display=str(cell.value))


def _font_like(font, **changes):
    from openpyxl.styles import Font

    attributes = {name: getattr(font, name) for name in ("name", "sz", "family", "scheme")}
    return Font(**attributes, **changes)


def _argb(colour: str) -> str:
    return "FF" + colour.lstrip("#").upper()

