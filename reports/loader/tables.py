"""Tables the fact rules read as lists: a table of visits is a list of visits.

Wikipedia often gives high-level visits as a table (Year | Visitor | Office, or
Date | From | To | Guest) where the plain form has a list. The fact rules read lists;
this module gives them, for each table whose header names a person and a date, the
list it stands for: one item per row, `Office Person (date)`, captioned by the
table's caption or, where the table has from/to columns, by one caption per direction.
The record's sections keep the table itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Article, ItemList, Section, Table, Text

_PERSON = re.compile(r"visitor|guest|person|name|leader|official|dignitar|delegat|head|visit|who|traveller",
                     re.IGNORECASE)
_DATE = re.compile(r"\b(?:date|year|when|dates|period)\b", re.IGNORECASE)
_OFFICE = re.compile(r"\b(?:title|office|position|post|role)\b", re.IGNORECASE)
_FROM = re.compile(r"^\s*(?:from|origin|visiting country|guest country|country of origin)\s*$", re.IGNORECASE)
_DIRECTION_HEADER = re.compile(r"\b(?:from|to)\s+(?:the\s+)?[A-Z]")
_TO = re.compile(r"^\s*(?:to|destination|host|host country|country visited|place|location)\s*$", re.IGNORECASE)


def as_lists(article: Article) -> Article:
    """The article with each visits-shaped table of its sections seen as lists."""
    if not any(isinstance(block, Table) for section in article.sections for block in section.blocks):
        return article
    sections = [Section(section.heading, section.level, section.line,
                        [piece for block in section.blocks for piece in _as_lists(block)])
                for section in article.sections]
    return replace(article, sections=sections)


def _as_lists(block):
    if not isinstance(block, Table) or not block.header or not block.rows:
        return [block]
    columns = _columns(block.header)
    if columns is None:
        return _by_direction_columns(block)
    person, date, office, origin, destination = columns
    groups: dict[tuple[str, str] | None, list[Text]] = {}
    for row in block.rows:
        lines = list(row.cells) + [""] * (len(block.header) - len(row.cells))
        cells = [cell.replace("\n", " ") for cell in lines]
        key = (cells[origin] if origin is not None else None, cells[destination] if destination is not None else None)
        for who in _visitors(lines[person], lines[office] if office is not None else ""):
            item = f"{who} ({cells[date]})" if cells[date] else who
            groups.setdefault(key, []).append(Text(item, row.line, row.refs))
    lists = []
    for (visitor, host), items in groups.items():
        caption = block.caption
        if visitor and host:
            caption = Text(f"Visits from {visitor} to {host}", items[0].line)
        elif visitor:  # a visiting-country column alone: the host is the other country
            caption = Text(f"Visits from {visitor}", items[0].line)
        elif host:
            caption = Text(f"Visits to {host}", items[0].line)
        lists.append(ItemList(caption, items))
    return lists


def _visitors(people: str, offices: str) -> list[str]:
    """The visitors of one row, office first: a cell may list several on its own lines
    ("President A<br>Minister B"), with their offices in the office cell line for line."""
    people_lines, office_lines = _with_notes(people.split("\n")), offices.split("\n") if offices else []
    if len(office_lines) != len(people_lines):
        office_lines = [" ".join(office_lines)] * len(people_lines)
    return [" ".join(word for word in (office, who) if word) for office, who in zip(office_lines, people_lines)]


def _with_notes(lines: list[str]) -> list[str]:
    """A line that is only a note in parentheses ("President A<br>(APEC summit in Lima)")
    belongs to the line above it, not to another visitor."""
    joined: list[str] = []
    for line in lines:
        if joined and line.startswith("(") and line.endswith(")"):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def _by_direction_columns(table: Table):
    """A table whose columns are directions ("Chilean visits to Ghana" | "Ghanaian visits
    to Chile"), one visit per cell: one list per column, captioned by its header."""
    directions = [i for i, cell in enumerate(table.header) if _DIRECTION_HEADER.search(cell)]
    if not directions:
        return [table]
    lists = []
    for index in directions:
        items = [Text(visit, row.line, row.refs) for row in table.rows if index < len(row.cells)
                 for visit in row.cells[index].split("\n") if visit.strip()]
        if items:
            lists.append(ItemList(Text(table.header[index], table.line), items))
    return lists or [table]


def _columns(header: list[str]):
    def find(pattern, exclude=()):
        return next((i for i, cell in enumerate(header) if pattern.search(cell) and i not in exclude), None)

    date = find(_DATE)
    origin, destination = find(_FROM), find(_TO)
    office = find(_OFFICE, exclude={date})
    person = find(_PERSON, exclude={date, office, origin, destination})
    if person is None or date is None:
        return None
    return person, date, office, origin, destination
