"""Changes since the last build (reports/carry/diff.py, state.py, changes_view.py):
computed fact by fact, and named by every document of a rebuild."""

from __future__ import annotations

import json
import shutil

import docx
import openpyxl

from conftest import pdf_text, normalise
from reports import build
from reports.carry.diff import diff
from reports.pipeline.manifest import MANIFEST

def test_the_record_diff_names_the_visit_and_the_trade_total(seed_records):
    old = seed_records["mexico-slovenia"].to_dict()
    new = json.loads(json.dumps(old))
    new["visits"].append({**new["visits"][-1], "person": "Tanja Fajon", "date": "2024-03", "line": 26})
    new["trade"][-1]["total_usd"] = 250_500_000
    changes = diff(old, new)
    assert [(c["kind"], c["change"], c["field"]) for c in changes] == [
        ("visits", "added", None), ("trade", "changed", "total_usd")]
    assert changes[1]["old"] == old["trade"][-1]["total_usd"] and changes[1]["new"] == 250_500_000
    assert "Tanja Fajon" in changes[0]["item"] and changes[0]["line"] == 26
    assert diff(old, old) == []


def test_facts_that_only_moved_are_no_change(seed_records):
    old = seed_records["mexico-slovenia"].to_dict()
    new = json.loads(json.dumps(old))
    new["visits"].reverse()
    assert diff(old, new) == []


def test_a_first_build_shows_no_changes(tmp_path):
    assert build(["data/mexico-slovenia.txt"], tmp_path, formats=["json", "xlsx"], jobs=1).ok
    assert "changes" not in json.loads((tmp_path / "mexico-slovenia.json").read_text("utf-8"))
    assert "Changes" not in openpyxl.load_workbook(tmp_path / "mexico-slovenia.xlsx").sheetnames


def test_every_document_names_both_changes(rebuilt):
    _, out, _ = rebuilt
    brief = normalise(pdf_text(out / "mexico-slovenia.pdf").split("\f")[0])
    assert "Changes since the last build on" in brief
    assert "Tanja Fajon" in brief and "250,500,000" in brief
    document = docx.Document(str(out / "mexico-slovenia.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings.index(next(h for h in headings if h.startswith("Changes since"))) == \
        headings.index("Summary") + 1
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Tanja Fajon" in cells and "250,500,000" in cells
    for workbook, article in ((out / "mexico-slovenia.xlsx", "mexico-slovenia"),
                              (out / "relationships.xlsx", "mexico-slovenia")):
        sheet = openpyxl.load_workbook(workbook)["Changes"]
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert {r[0] for r in rows} == {article}
        # The facts first; the sections whose text changed with them after.
        assert [r[1] for r in rows] == ["Visit", "Trade", "Section", "Section"]
        assert any("Tanja Fajon" in r[3] for r in rows) and any(r[6] == "250,500,000" for r in rows)
        assert sheet.tables  # a native table
    data = json.loads((out / "mexico-slovenia.json").read_text("utf-8"))
    assert [(c["kind"], c["change"]) for c in data["changes"]] == [
        ("visits", "added"), ("trade", "changed"), ("sections", "changed"), ("sections", "changed")]
    # The unchanged article shows none.
    assert "changes" not in json.loads((out / "georgia-mexico.json").read_text("utf-8"))


def test_force_with_unchanged_articles_repeats_the_same_bytes(rebuilt, tmp_path):
    source, shared, _ = rebuilt
    out = tmp_path / "out"
    shutil.copytree(shared, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != MANIFEST}
    assert build([source.parent], out, jobs=1, force=True).ok
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != MANIFEST}
    assert after == before


def test_changes_are_labelled_in_spanish(rebuilt, tmp_path):
    source, out, _ = rebuilt
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    assert build([source.parent], copy, formats=["xlsx", "docx"], layout="es", jobs=1).ok
    book = openpyxl.load_workbook(copy / "mexico-slovenia.xlsx")
    rows = list(book["Cambios"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Artículo", "Tipo", "Cambio")
    assert {r[1] for r in rows[1:]} == {"Visita", "Comercio", "Sección"}
    headings = [p.text for p in docx.Document(str(copy / "mexico-slovenia.docx")).paragraphs
                if p.style.name == "Heading 1"]
    assert any(h.startswith("Cambios desde la edición del") for h in headings)

