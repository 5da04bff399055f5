"""The batch pipeline: names, atomic writes, keep-going, incremental and parallel builds."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_article

from reports import build, exporters
from reports.pipeline import MANIFEST, assign_stems, safe_stem, write_atomically
from reports.cli import cli

ALL = tuple(exporters.names())


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST}


@pytest.fixture(scope="module")
def serial_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    return out, build(["data"], out, jobs=1)


def test_default_build_writes_every_format(serial_build):
    out, result = serial_build
    assert result.ok and result.built == 3 and result.skipped == 0
    expected = {f"{stem}{exporters.get(name).EXTENSION}" for stem in
                ("georgia-mexico", "lithuania-mexico", "mexico-slovenia") for name in ALL}
    if "xlsx" in ALL:
        expected.add("relationships.xlsx")
    assert set(files(out)) == expected


def test_parallel_output_is_identical_to_serial(serial_build, tmp_path):
    out, _ = serial_build
    result = build(["data"], tmp_path, jobs=2)
    assert result.ok
    assert files(tmp_path) == files(out)


def test_unchanged_articles_are_skipped(tmp_path):
    for name in ("georgia-mexico", "mexico-slovenia"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{name}.txt").write_bytes(Path(f"data/{name}.txt").read_bytes())
    first = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1)
    assert (first.built, first.skipped) == (2, 0)
    again = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1)
    assert (again.built, again.skipped) == (0, 2)
    article = tmp_path / "in" / "mexico-slovenia.txt"
    article.write_text(article.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    changed = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1)
    assert (changed.built, changed.skipped) == (1, 1)
    (tmp_path / "out" / "georgia-mexico.json").unlink()
    missing = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1)
    assert (missing.built, missing.skipped) == (1, 1)
    forced = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1, force=True)
    assert (forced.built, forced.skipped) == (2, 0)
    other_layout = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1, layout="es")
    assert other_layout.built == 2


def test_a_failing_article_does_not_stop_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, "a-good.txt", "= Chile–Ghana relations =\n\nLead.\n")
    write_article(folder, "b-bad.txt", "No title here.\n")
    write_article(folder, "c-good.txt", "= Peru–Kenya relations =\n\nLead.\n")
    (tmp_path / "out").mkdir()
    result = build([folder], tmp_path / "out", formats=["json"], jobs=2)
    assert result.built == 2 and result.failed == 1 and not result.ok
    assert [str(f) for f in result.failures] == [
        f"{(folder / 'b-bad.txt').as_posix()}:1: error: the first line is not a title of the form '= A–B relations ='"]
    assert set(files(tmp_path / "out")) == {"chile-ghana.json", "peru-kenya.json"}


def test_strict_stops_at_the_first_problem(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, "a.txt", "= Chile–Ghana relations =\n\n==Sport==\nFootball.\n")
    result = build([folder], tmp_path / "out", formats=["json"], strict=True)
    assert not result.ok and result.stopped_early and result.built == 0
    assert "unknown section" in result.failures[0].message


def test_cli_summary_and_exit_code(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, "good.txt", "= Chile–Ghana relations =\n\nLead.\n")
    (folder / "bad.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out"), "--format", "json"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].endswith("bad.txt: error: the article is empty")
    assert lines[-1].startswith("built 1, skipped 0, failed 1 in ")
    assert "Traceback" not in result.output


def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.json"
    target.write_text("old", "utf-8")

    def interrupted(path):
        path.write_text("half", "utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, interrupted)
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_an_exporter_bug_is_reported_not_raised(tmp_path, monkeypatch):
    json_exporter = exporters.get("json")

    def broken(record, layout, path, context=None):
        path.write_text("partial", "utf-8")
        raise RuntimeError("boom")

    monkeypatch.setattr(json_exporter, "export", broken)
    result = build(["data/georgia-mexico.txt"], tmp_path, formats=["json"], jobs=1)
    assert result.failed == 1
    assert "internal error while writing georgia-mexico.json: RuntimeError: boom" in result.failures[0].message
    assert "--verbose" in result.failures[0].message
    assert files(tmp_path) == {}


@pytest.mark.parametrize("record_id, stem", [
    ("georgia-mexico", "georgia-mexico"),
    ("../../etc-passwd", "etc-passwd"),
    ("con", "con-relations"),
    ("nul.txt", "nul.txt-relations"),
    ("a/b\\c", "a-b-c"),
    ("", "relationship"),
    ("..", "relationship"),
    ("x" * 400, "x" * 100),
    ("relationships", "relationships-relations"),
])
def test_safe_stems(record_id, stem):
    assert safe_stem(record_id) == stem


def test_colliding_ids_get_distinct_names(seed_records):
    record = seed_records["georgia-mexico"]
    stems, warnings = assign_stems([record, record, record])
    assert stems == ["georgia-mexico", "georgia-mexico-2", "georgia-mexico-3"]
    assert len(warnings) == 2 and "georgia-mexico-2" in warnings[0].message


def test_hostile_titles_stay_inside_the_output_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_article(folder, "a.txt", "= ../../etc–passwd relations =\n\nLead.\n")
    write_article(folder, "b.txt", "= CON–NUL relations =\n\nLead.\n")
    write_article(folder, "c.txt", "= " + "Ab" * 200 + "–Cd relations =\n\nLead.\n")
    out = tmp_path / "out"
    result = build([folder], out, formats=["json"])
    assert result.ok
    names = sorted(files(out))
    assert names == sorted(["etc-passwd.json", "con-nul.json", ("ab" * 200)[:100] + ".json"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert json.loads((out / "con-nul.json").read_text("utf-8"))["countries"] == ["CON", "NUL"]


def test_a_worker_that_dies_fails_its_articles_not_the_build(tmp_path, monkeypatch):
    import os

    def killed(record, layout, path, context=None):
        path.write_text("partial", "utf-8")
        os._exit(9)  # as the out-of-memory killer would

    monkeypatch.setattr(exporters.get("json"), "export", killed)
    result = build(["data"], tmp_path, formats=["json"], jobs=2)
    assert result.failed == 3 and result.built == 0
    assert all("worker process died" in f.message for f in result.failures)
    assert files(tmp_path) == {} and not list(tmp_path.glob(".*.tmp"))


def test_the_combined_workbook_is_rebuilt_only_when_a_record_changed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("georgia-mexico", "mexico-slovenia"):
        (folder / f"{name}.txt").write_bytes(Path(f"data/{name}.txt").read_bytes())
    combined = tmp_path / "out" / "relationships.xlsx"
    first = build([folder], tmp_path / "out", formats=["xlsx"], jobs=1)
    assert combined in first.written
    again = build([folder], tmp_path / "out", formats=["xlsx"], jobs=1)
    assert again.written == []
    article = folder / "georgia-mexico.txt"
    article.write_text(article.read_text("utf-8") + "\nMore.\n", "utf-8")
    changed = build([folder], tmp_path / "out", formats=["xlsx"], jobs=1)
    assert set(changed.written) == {tmp_path / "out" / "georgia-mexico.xlsx", combined}
