"""Imported before anything else of the package: openpyxl, imported without numpy.

openpyxl imports numpy whenever it is installed (matplotlib, which ships the PDF's fonts,
brings it) only to accept numpy numbers in cells, which we never write: 50 to 200 ms and
15 MB in every process. Imported first here, openpyxl finds no numpy; numpy stays
importable for anyone after.
"""

from __future__ import annotations

import sys


def import_openpyxl() -> None:
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # an import of it raises ImportError, which openpyxl expects
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


import_openpyxl()
