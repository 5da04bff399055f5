"""The exporter registry."""

import builtins

import pytest

from reports import exporters
from reports.errors import ReportsError


def test_every_format_has_the_same_surface():
    for name in exporters.names():
        module = exporters.get(name)
        assert module.NAME == name and module.EXTENSION == f".{name}" and callable(module.export)
    assert callable(exporters.get("xlsx").export_many)


def test_unknown_format():
    with pytest.raises(ReportsError, match="^unknown format 'odt'; choose from pdf, docx, xlsx, json$"):
        exporters.get("odt")


def test_a_missing_library_names_the_package_to_install(monkeypatch):
    import sys

    monkeypatch.delitem(sys.modules, "reports.exporters._docx", raising=False)
    real_import = builtins.__import__

    def without_docx(name, *args, **kwargs):
        if name == "docx" or name.startswith("docx."):
            raise ModuleNotFoundError("No module named 'docx'", name="docx")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_docx)
    with pytest.raises(ReportsError, match="pip install python-docx"):
        exporters.get("docx")
