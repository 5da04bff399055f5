"""A zip archive that repeats exactly: the .docx and .xlsx containers.

python-docx and openpyxl stamp every zip entry with the clock; this archive gives
each entry one fixed time (from SOURCE_DATE_EPOCH or the record), fixed
permissions and deflate compression, so two builds of the same record are
byte-identical.
"""

from __future__ import annotations

import datetime
import shutil
import zipfile


class FixedTimeZip(zipfile.ZipFile):
    """A ZipFile for writing whose entries all carry the time `when`."""

    def __init__(self, path, when: datetime.datetime):
        super().__init__(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._date_time = max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0))

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0o600 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):
        """Copy a file in without its modification time (openpyxl streams sheets to files)."""
        with open(filename, "rb") as source, self.open(self._info(arcname or str(filename)), "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)
