"""A workbook that fails halfway: one error for the caller, nothing else left behind."""

from __future__ import annotations

import gc
import sys
import tempfile

import pytest

from reports.exporters import _xlsx
from reports.exporters._xlsx import charts


@pytest.mark.parametrize("failing_step", ["visits_per_year", "latest_trade_ranking"])
def test_a_workbook_failing_halfway_leaves_no_stream_open_and_no_temporary_file(
        failing_step, seed_records, default_layout, tmp_path, monkeypatch):
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # openpyxl's sheet streams go here

    def fail(book, *args):
        raise RuntimeError("boom")

    monkeypatch.setattr(charts, failing_step, fail)
    records = list(seed_records.values())
    with pytest.raises(RuntimeError, match="boom"):
        _xlsx.export_many(records, default_layout, tmp_path / "all.xlsx")
    gc.collect()

    assert [str(u.exc_value) for u in unraisable] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # neither the workbook nor openpyxl.* streams
