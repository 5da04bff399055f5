"""The About sheet: where the data comes from (page, address, revision and its date),
when the workbook was built, in what units and currencies, under what licence and with
what attribution, and what each sheet of the workbook holds."""

from __future__ import annotations

from ..._version import __version__
from ...facts_view import date_label, source_rows
from .sheets import ABOUT_KEY
from .values import Url


def about(book, records, when) -> None:
    """Field/value rows, in the layout's words; a record's address as a link."""
    label = book.layout.label

    def make_rows():
        yield label("generated_by", version=__version__).rstrip("."), None
        for record in records:
            if len(records) > 1:
                yield label("relationship"), record.title
            for field, value in source_rows(record, book.layout):
                yield field, Url(value) if value.startswith(("http://", "https://")) else value
        yield label("build_date"), date_label(when.date().isoformat(), book.layout)
        yield label("units"), label("units_text")
        yield label("licence"), label("licence_text")
        for record in records:
            text = label("attribution_text", title=record.source.page or record.title, address=record.source.url or "")
            yield label("attribution"), text.rstrip(", ")  # a local file's path is no address to credit
        names = {key: info.name for key, info in book.sheets.items() if key != ABOUT_KEY}
        for key, name in [*names.items(), (ABOUT_KEY, book.names[ABOUT_KEY])]:
            yield f"{label('sheet')}: {name}", label(f"about_{key}")
    book.new_sheet(ABOUT_KEY, [label("field"), label("value")], [None, None], make_rows, "A2")
