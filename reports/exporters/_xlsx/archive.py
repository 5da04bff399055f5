"""The workbook's zip: every entry at the build's time (never the clock), and our own
docProps/app.xml (the layout's application and organisation) in place of openpyxl's."""

from __future__ import annotations

import datetime

from ...facts_view import xml_safe
from .._zipfile import FixedTimeZip


def save_workbook(workbook, path, when: datetime.datetime, layout) -> None:
    """Write `workbook` to `path` with every zip entry dated `when`."""
    from openpyxl.writer.excel import ExcelWriter

    # openpyxl's save_workbook() stamps `modified` with the clock and zipfile stamps
    # every entry with the time of writing: write through our own archive instead.
    archive = _BookArchive(path, when, _app_xml(layout))
    ExcelWriter(workbook, archive).save()


def _app_xml(layout) -> bytes:
    """docProps/app.xml naming the application and the layout's organisation
    (openpyxl writes its own name and cannot write a company)."""
    from xml.sax.saxutils import escape

    values = {"Application": layout.metadata.get("creator", "reports"),
              "Company": layout.document.organisation}
    inner = "".join(f"<{key}>{escape(xml_safe(value))}</{key}>" for key, value in values.items() if value)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
            f'"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">{inner}</Properties>'
            ).encode("utf-8")


class _BookArchive(FixedTimeZip):
    """The workbook's zip, with our docProps/app.xml in place of openpyxl's."""

    def __init__(self, path, when: datetime.datetime, app_xml: bytes):
        super().__init__(path, when)
        self._app_xml = app_xml

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):
        """Each entry as given, but docProps/app.xml as ours."""
        if zinfo_or_arcname == "docProps/app.xml":
            data = self._app_xml
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)

