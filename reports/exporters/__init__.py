"""The exporter registry: format name -> the module that writes it.

Every exporter module has the same small surface:

    NAME = "pdf"                 # the --format name
    EXTENSION = ".pdf"
    def export(record, layout, path, context=None) -> list[str]        # warnings
    def export_many(records, layout, path, context=None) -> list[str]  # optional: combined output
    def check(layout) -> None    # optional: raise ReportsError for a layout it cannot use

`context` is a reports.context.ExportContext (the build's date, changes since the last
build, the document being replaced); None means a first build.

Modules are imported only when a format is used, so `reports --help` stays fast.
Adding a format is one module and one line in _MODULES.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import ReportsError

_MODULES = {
    "pdf": "_pdf",
    "docx": "_docx",
    "xlsx": "_xlsx",
    "json": "_json",
}
# What to install when a format's library is missing (import names differ: docx).
_DISTRIBUTIONS = {"reportlab": "reportlab", "docx": "python-docx", "openpyxl": "openpyxl",
                  "matplotlib": "matplotlib", "babel": "babel"}


def names() -> list[str]:
    """Every format name, in the registry's order."""
    return list(_MODULES)


def get(name: str) -> ModuleType:
    """The exporter module of a format."""
    if name not in _MODULES:
        raise ReportsError(f"unknown format {name!r}; choose from {', '.join(_MODULES)}")
    try:
        return importlib.import_module(f"{__name__}.{_MODULES[name]}")
    except ModuleNotFoundError as error:
        missing = (error.name or "").split(".")[0]
        if missing and missing != "reports":
            raise ReportsError(f"the {name} format needs the package {_DISTRIBUTIONS.get(missing, missing)!r}: "
                               f"pip install {_DISTRIBUTIONS.get(missing, missing)}") from None
        raise
