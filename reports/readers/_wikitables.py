"""Wikitext tables (`{| … |}`) read as the page shows them: the caption, the header
cells, and one row per `|-` with rowspans and colspans filled in."""

from __future__ import annotations

import re

from ..document import Row, Table, Text


def read_table(page, node) -> Table | None:
    """The table of a `{| … |}` node (None for one with nothing in it). `page` is the
    wikitext reader's walk: its offset, lines, refs and cell text."""
    line = page.line_of(page.offset)
    caption, groups = _cell_groups(page, node)
    header: list[str] = []
    rows: list[Row] = []
    spans: dict[int, tuple[int, str]] = {}
    for cells, offset in groups:
        if not cells:
            continue
        all_header = all(str(cell.tag).lower() == "th" for cell, _ in cells)
        texts, refs, column = [], [], 0
        for cell, cell_offset in cells:
            column = _spanned(spans, column, texts)
            before = len(page.refs)
            value = page.cell_text(cell.contents, cell_offset)
            refs += [ref for ref, _ in page.refs[before:]]
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for _ in range(colspan):
                texts.append(value)
                if rowspan > 1:
                    spans[column] = (rowspan - 1, value)
                column += 1
        column = _spanned(spans, column, texts)
        if all_header and not rows and (not header or len(set(header)) == 1):
            if header and caption is None:
                # "! colspan=2 | Visits from A to B" above "! Year !! Visitor": a title row
                caption = Text(header[0], page.line_of(offset))
            header = [_one_line(text) for text in texts]
        elif any(texts):
            first = cells[0][1]  # the row's line is its first cell's, not the |- line above it
            first += len(page.source[first:]) - len(page.source[first:].lstrip())
            rows.append(Row(tuple(texts), page.line_of(first),
                            tuple((0, ref) for ref in dict.fromkeys(refs))))
    if caption is None and not header and not rows:
        return None
    return Table(caption if caption and caption.text else None, header, rows, line)


def _cell_groups(page, node) -> tuple[Text | None, list]:
    """The table's caption and its rows as (cells, offset) groups, each cell with its
    offset in the page's text."""
    start = page.offset
    caption = None
    loose: list = []  # cells before the first |- : the first row
    cursor = start + str(node).find(str(node.contents)) if node.contents is not None else start
    groups = []
    for child in (node.contents.nodes if node.contents is not None else []):
        child_offset = cursor
        cursor += len(str(child))
        if type(child).__name__ != "Tag":
            continue
        tag = str(child.tag).lower()
        if tag in ("td", "th") and not groups and str(child.contents or "").startswith("+"):
            caption_text = _one_line(page.cell_text(child.contents, child_offset))
            caption = Text(caption_text[1:].strip(), page.line_of(child_offset))
        elif tag in ("td", "th"):
            loose.append((child, child_offset))
        elif tag == "tr":
            if loose:
                groups.append((loose, loose[0][1]))
                loose = []
            offset = child_offset + str(child).find(str(child.contents)) if child.contents else child_offset
            cells = []
            for cell in (child.contents.nodes if child.contents is not None else []):
                if type(cell).__name__ == "Tag" and str(cell.tag).lower() in ("td", "th"):
                    cells.append((cell, offset))
                offset += len(str(cell))
            groups.append((cells, child_offset))
        elif tag == "caption":
            caption = Text(_one_line(page.cell_text(child.contents, child_offset)), page.line_of(child_offset))
    if loose:
        groups.append((loose, loose[0][1]))
    return caption, groups


def _one_line(text: str) -> str:
    """A caption or a header cell: its lines read as one."""
    return text.replace("\n", " ")
def _spanned(spans: dict[int, tuple[int, str]], column: int, texts: list[str]) -> int:
    """Fill in the cells that rowspans above reach into from `column` on; the next free column."""
    while column in spans:
        left, value = spans[column]
        texts.append(value)
        if left <= 1:
            del spans[column]
        else:
            spans[column] = (left - 1, value)
        column += 1
    return column


def _span(cell, name: str) -> int:
    for attribute in getattr(cell, "attributes", ()):
        if str(attribute.name).strip().lower() == name:
            digits = re.match(r"\s*\"?'?(\d+)", str(attribute.value))
            if digits:
                return max(1, min(int(digits.group(1)), 50))
    return 1
