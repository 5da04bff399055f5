"""The batch pipeline: names, atomic writes, keep-going, incremental and parallel builds."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED_IDS, comparable, expected, write_article

from reports import build, exporters
from reports.pipeline.article import export_article
from reports.pipeline.atomic import write_atomically
from reports.pipeline.manifest import MANIFEST
from reports.pipeline.stems import assign_stems, safe_stem
from reports.cli import cli
from reports.errors import ReportsError

pytestmark = pytest.mark.heavy  # several seconds: handed to a worker first (conftest)

ALL = tuple(exporters.names())


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST}


def test_default_build_writes_every_format(default_build):
    out, result = default_build
    assert result.ok and result.built == 3 and result.skipped == 0
    expected = {f"{stem}{exporters.get(name).EXTENSION}" for stem in
                ("georgia-mexico", "lithuania-mexico", "mexico-slovenia") for name in ALL}
    if "xlsx" in ALL:
        expected.add("relationships.xlsx")
    assert set(files(out)) == expected


def test_parallel_output_is_identical_to_serial(default_build, tmp_path):
    out, _ = default_build
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
    write_article(folder, "a.txt", "= Chile–Ghana relations =\n\n==Curiosities==\nFootball.\n")
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


def _export_then_die(record, stem, out, formats, layout_reference, verbose, build_id, carry=None):
    """A worker killed mid-write, as the out-of-memory killer would. At module level, so
    that spawn and forkserver workers find it by name (a monkeypatched exporter is seen
    by forked workers only)."""
    def die(path):
        path.write_text("partial", "utf-8")
        os._exit(9)

    write_atomically(Path(out) / f"{stem}.json", die, build_id)


def test_a_worker_that_dies_fails_its_articles_not_the_build(tmp_path, monkeypatch):
    import reports.pipeline.article

    monkeypatch.setattr(reports.pipeline.article, "export_article", _export_then_die)
    result = build(["data"], tmp_path, formats=["json"], jobs=2)
    assert result.failed == 3 and result.built == 0
    assert all("worker process died" in f.message for f in result.failures)
    assert files(tmp_path) == {} and not list(tmp_path.glob(".*.tmp"))


def _export_with_a_dying_exporter(record, stem, out, formats, layout_reference, verbose, build_id, carry=None):
    """The real worker function, its JSON exporter killed mid-write (in the worker only)."""
    def die(record, layout, path, context=None):
        path.write_text("partial", "utf-8")
        os._exit(9)

    exporters.get("json").export = die
    return export_article(record, stem, out, formats, layout_reference, verbose, build_id, carry)


def test_a_worker_killed_mid_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    """Its temporary file carries the build's id, so the build removes it afterwards."""
    import reports.pipeline.article

    monkeypatch.setattr(reports.pipeline.article, "export_article", _export_with_a_dying_exporter)
    result = build(["data"], tmp_path, formats=["json"], jobs=2)  # in worker processes (one article: in this one)
    assert result.failed == 3 and not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.glob("[!.]*.json"))


def test_an_exporter_writes_to_a_temporary_file_named_by_the_build(tmp_path, monkeypatch):
    """In this process (so that mutation testing sees it): the name the build's cleanup looks for."""
    from reports.articles import load

    written = []

    def record_path(record, layout, path, context=None):
        written.append(path.name)
        path.write_text("{}", "utf-8")
        return []

    monkeypatch.setattr(exporters.get("json"), "export", record_path)
    outcome = export_article(load("data/georgia-mexico.txt"), "georgia-mexico", str(tmp_path), ("json",),
                             None, False, 4242)
    assert outcome.error is None and outcome.written == [str(tmp_path / "georgia-mexico.json")]
    assert written == [f".georgia-mexico.json.4242-{os.getpid()}.tmp"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_build_defaults_to_data_into_out_as_the_cli_does(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "georgia-mexico.txt").write_text(Path("data/georgia-mexico.txt").read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    from reports import pipeline

    assert pipeline.build(formats=["json"], jobs=1).built == 1  # (reports.build names its paths)
    assert [p.name for p in (tmp_path / "out").glob("[!.]*")] == ["georgia-mexico.json"]


def test_formats_built_earlier_from_the_same_input_stay_current(tmp_path):
    assert build(["data/georgia-mexico.txt"], tmp_path, formats=["xlsx"], jobs=1).built == 1
    assert build(["data/georgia-mexico.txt"], tmp_path, formats=["json"], jobs=1).built == 1
    manifest = json.loads((tmp_path / MANIFEST).read_text("utf-8"))
    assert manifest["articles"]["georgia-mexico"]["formats"] == ["json", "xlsx"]
    again = build(["data/georgia-mexico.txt"], tmp_path, formats=["xlsx", "json"], jobs=1)
    assert (again.built, again.skipped) == (0, 1)


def test_a_manifest_entry_without_its_formats_is_rebuilt_not_a_crash(tmp_path):
    assert build(["data/georgia-mexico.txt"], tmp_path, formats=["json"], jobs=1).ok
    manifest = json.loads((tmp_path / MANIFEST).read_text("utf-8"))
    del manifest["articles"]["georgia-mexico"]["formats"]  # damaged by hand, or an older tool's
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    again = build(["data/georgia-mexico.txt"], tmp_path, formats=["json"], jobs=1)
    assert again.ok and (again.built, again.skipped) == (1, 0)


def test_warnings_of_the_combined_workbook_name_it(tmp_path, monkeypatch):
    xlsx = exporters.get("xlsx")
    original = xlsx.export_many
    monkeypatch.setattr(xlsx, "export_many", lambda *args: original(*args) + ["a cell was cleaned"])
    result = build(["data"], tmp_path, formats=["xlsx"], jobs=1)
    assert result.ok
    assert [(Path(w.path).name, w.message) for w in result.warnings if "relationships" in w.path] == [
        ("relationships.xlsx", "a cell was cleaned")]


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


# -- the default build, read back ------------------------------------------------------------


def test_every_exported_json_equals_its_fixture_and_record(default_build, seed_records):
    out, result = default_build
    assert result.ok and result.built == len(SEED_IDS)
    for record_id in SEED_IDS:
        data = json.loads((out / f"{record_id}.json").read_text("utf-8"))
        assert comparable(data) == expected(record_id), record_id
        assert data == json.loads(json.dumps(seed_records[record_id].to_dict())), record_id


def test_the_manifest_depends_on_the_tool_version(tmp_path, monkeypatch):
    import reports.pipeline.run as pipeline

    first = build(["data/georgia-mexico.txt"], tmp_path, formats=["json"], jobs=1)
    assert (first.built, build(["data/georgia-mexico.txt"], tmp_path, formats=["json"], jobs=1).skipped) == (1, 1)
    monkeypatch.setattr(pipeline, "__version__", "0.0.0+another-version")
    again = build(["data/georgia-mexico.txt"], tmp_path, formats=["json"], jobs=1)
    assert (again.built, again.skipped) == (1, 0)
    assert json.loads((tmp_path / MANIFEST).read_text("utf-8"))["tool"] == "0.0.0+another-version"


def test_a_rewrite_replaces_the_file_never_writes_into_it(tmp_path):
    """A reader holding the old file (here a hard link to it) keeps the old content whole:
    the new file is renamed into place, not copied over the old one."""
    target = tmp_path / "a.json"
    target.write_text("old", "utf-8")
    reader = tmp_path / "reader-view"
    os.link(target, reader)

    def write(path):
        path.write_text("new", "utf-8")
        return ["a warning"]

    assert write_atomically(target, write) == ["a warning"]
    assert target.read_text("utf-8") == "new" and reader.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "reader-view"]


def _warning_json_exporter(monkeypatch):
    json_exporter = exporters.get("json")
    original = json_exporter.export

    def warns(record, layout, path, context=None):
        original(record, layout, path, context)
        return ["something odd in the export"]

    monkeypatch.setattr(json_exporter, "export", warns)


def test_strict_fails_on_export_warnings(tmp_path, monkeypatch):
    _warning_json_exporter(monkeypatch)
    lenient = build(["data/georgia-mexico.txt"], tmp_path / "lenient", formats=["json"], jobs=1)
    assert lenient.ok and [w.message for w in lenient.warnings] == ["something odd in the export"]
    strict = build(["data/georgia-mexico.txt"], tmp_path / "strict", formats=["json"], jobs=1, strict=True)
    assert not strict.ok and strict.stopped_early and strict.built == 0
    assert [f.message for f in strict.failures] == ["warnings in strict mode: something odd in the export"]


def test_verbose_and_strict_summaries(tmp_path, monkeypatch):
    _warning_json_exporter(monkeypatch)
    article = "data/georgia-mexico.txt"
    runner = CliRunner()
    args = ["build", article, "--format", "json", "--jobs", "1"]
    quiet = runner.invoke(cli, [*args, "--out", str(tmp_path / "a")])
    assert quiet.exit_code == 0
    assert quiet.stderr.splitlines()[-1].startswith("built 1, skipped 0, failed 0 in ")
    assert quiet.stderr.splitlines()[-1].endswith(" s (1 warning)")
    assert quiet.stderr.splitlines()[0] == f"{article}: warning: something odd in the export"
    verbose = runner.invoke(cli, [*args, "--out", str(tmp_path / "b"), "--verbose"])
    assert verbose.exit_code == 0
    assert verbose.stderr.splitlines()[:2] == [f"{article}: warning: something odd in the export",
                                               f"wrote {tmp_path / 'b' / 'georgia-mexico.json'}"]
    assert "--verbose shows" not in verbose.stderr
    strict = runner.invoke(cli, [*args, "--out", str(tmp_path / "c"), "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[0] == f"{article}: error: warnings in strict mode: something odd in the export"
    assert strict.stderr.splitlines()[-1].endswith(" (stopped at the first failure: --strict)")


# -- error paths -----------------------------------------------------------------------------


def test_an_output_folder_that_cannot_be_created_is_one_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    with pytest.raises(ReportsError, match=r"cannot create the output folder"):
        build(["data/georgia-mexico.txt"], blocker / "out", formats=["json"], jobs=1)
    result = CliRunner().invoke(cli, ["build", "data/georgia-mexico.txt", "--out", str(blocker / "out")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"reports: {blocker / 'out'}: cannot create the output folder")


def test_a_failing_combined_workbook_is_reported_and_not_marked_current(tmp_path, monkeypatch):
    xlsx = exporters.get("xlsx")
    working = xlsx.export_many

    def broken(records, layout, path, context=None):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(xlsx, "export_many", broken)
    result = build(["data/georgia-mexico.txt"], tmp_path, formats=["xlsx"], jobs=1)
    assert result.built == 1 and not result.ok
    assert [(f.level, f.message) for f in result.failures] == [
        ("error", "internal error while writing the combined workbook: RuntimeError: disk on fire")]
    assert not (tmp_path / "relationships.xlsx").exists()
    assert json.loads((tmp_path / MANIFEST).read_text("utf-8"))["combined"] is None
    monkeypatch.setattr(xlsx, "export_many", working)  # not undo(): that would undo the chdir too
    again = build(["data/georgia-mexico.txt"], tmp_path, formats=["xlsx"], jobs=1)
    assert again.ok and again.written == [tmp_path / "relationships.xlsx"]


def test_an_exporter_raising_a_reports_error_fails_its_article_only(tmp_path, monkeypatch):
    def refuses(record, layout, path, context=None):
        raise ReportsError("this record cannot be a JSON file")

    monkeypatch.setattr(exporters.get("json"), "export", refuses)
    result = build(["data/georgia-mexico.txt", "data/mexico-slovenia.txt"], tmp_path, formats=["json"], jobs=1)
    assert (result.built, result.failed) == (0, 2)
    assert {f.message for f in result.failures} == {"json: this record cannot be a JSON file"}


def test_an_empty_folder_and_a_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    empty = build([tmp_path / "empty"], tmp_path / "out", formats=["json"], jobs=1)
    assert not empty.ok and (empty.built, empty.skipped, empty.written) == (0, 0, [])
    assert [f.message for f in empty.failures] == [
        "no articles (*.mediawiki, *.txt, *.wiki, *.wikitext, *.xml, *.xml.bz2, *.xml.gz) in this folder"]
    missing = build([tmp_path / "nowhere"], tmp_path / "out", formats=["json"], jobs=1)
    assert not missing.ok and missing.built == 0
    assert [str(f) for f in missing.failures][0].startswith((tmp_path / "nowhere").as_posix())


# -- builds that never shrink what they did not touch ----------------------------------------


def _three_articles(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [write_article(folder, f"{name}.txt", Path(f"data/{name}.txt").read_text("utf-8"))
            for name in ("georgia-mexico", "lithuania-mexico", "mexico-slovenia")]


def _combined_titles(path: Path) -> list[str]:
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True)["Overview"]
    rows = list(sheet.iter_rows(values_only=True))
    return sorted(str(row[0]) for row in rows[1:] if row and row[0])


def test_building_one_article_keeps_every_relationship_of_the_folder(tmp_path):
    articles = _three_articles(tmp_path / "in")
    out = tmp_path / "out"
    assert build([tmp_path / "in"], out, formats=["xlsx", "json"], jobs=1).ok
    whole = _combined_titles(out / "relationships.xlsx")
    assert len(whole) == 3
    articles[0].write_text(articles[0].read_text("utf-8") + "\nOne more line.\n", "utf-8")
    one = build([articles[0]], out, formats=["xlsx", "json"], jobs=1)
    assert one.ok and one.built == 1 and not one.vanished
    assert _combined_titles(out / "relationships.xlsx") == whole
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert sorted(manifest["articles"]) == ["georgia-mexico", "lithuania-mexico", "mexico-slovenia"]
    # The next build of all three skips the two that one build did not touch.
    again = build([tmp_path / "in"], out, formats=["xlsx", "json"], jobs=1)
    assert (again.built, again.skipped) == (0, 3)


def test_a_deleted_article_is_reported_and_pruned(tmp_path):
    articles = _three_articles(tmp_path / "in")
    out = tmp_path / "out"
    assert build([tmp_path / "in"], out, formats=["xlsx", "json"], jobs=1).ok
    state = out / ".reports-state"
    # One copy of each last record: the build state's, no second folder of records.
    assert sorted(p.name for p in state.iterdir()) == [
        "georgia-mexico.json", "lithuania-mexico.json", "mexico-slovenia.json"]
    articles[2].unlink()
    kept = build([tmp_path / "in"], out, formats=["xlsx", "json"], jobs=1)
    assert kept.vanished == [articles[2].as_posix()] and not kept.pruned
    assert any("this article is gone" in w.message and "mexico-slovenia.json" in w.message for w in kept.warnings)
    assert (out / "mexico-slovenia.xlsx").exists() and len(_combined_titles(out / "relationships.xlsx")) == 3
    runner = CliRunner()
    pruned = runner.invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out), "--format", "xlsx,json",
                                 "-j", "1", "--prune"])
    assert pruned.exit_code == 0, pruned.output
    assert "removed 2 files of 1 article that no longer exist" in pruned.output
    assert not (out / "mexico-slovenia.xlsx").exists() and not (out / "mexico-slovenia.json").exists()
    assert len(_combined_titles(out / "relationships.xlsx")) == 2
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert sorted(manifest["articles"]) == ["georgia-mexico", "lithuania-mexico"]
    assert sorted(p.name for p in state.iterdir()) == ["georgia-mexico.json", "lithuania-mexico.json"]


def test_a_pruned_article_is_reported_by_its_source(tmp_path):
    articles = _three_articles(tmp_path / "in")
    assert build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1).ok
    articles[0].unlink()
    pruned = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1, prune=True)
    assert pruned.vanished == [articles[0].as_posix()]
    assert [p.name for p in pruned.pruned] == ["georgia-mexico.json"]


def test_a_folder_built_by_an_earlier_version_keeps_its_records(tmp_path):
    """Earlier versions kept each last record twice, the second copy in
    .reports-state/records/: a build of one article still makes the combined workbook
    from the others' copies there, and --prune removes a gone article's copy."""
    articles = _three_articles(tmp_path / "in")
    out = tmp_path / "out"
    assert build([tmp_path / "in"], out, formats=["xlsx", "json"], jobs=1).ok
    state = out / ".reports-state"
    (state / "records").mkdir()
    for path in sorted(state.glob("*.json")):  # the old layout: the record alone, in records/
        (state / "records" / path.name).write_text(json.dumps(json.loads(path.read_text("utf-8"))["record"]), "utf-8")
        if path.stem != articles[0].stem:
            path.unlink()
    articles[0].write_text(articles[0].read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert build([articles[0]], out, formats=["xlsx", "json"], jobs=1).built == 1
    assert len(_combined_titles(out / "relationships.xlsx")) == 3
    articles[2].unlink()
    assert build([tmp_path / "in"], out, formats=["xlsx", "json"], jobs=1, prune=True).ok
    assert len(_combined_titles(out / "relationships.xlsx")) == 2
    assert not (state / "records" / f"{articles[2].stem}.json").exists()


def test_the_same_file_given_twice_is_built_once(tmp_path):
    article = Path("data/georgia-mexico.txt")
    result = build([article, "./data/georgia-mexico.txt", "data"], tmp_path, formats=["json"], jobs=1)
    assert result.ok and result.built == 3 and not result.warnings
    assert sorted(p.name for p in tmp_path.glob("[!.]*.json")) == [
        "georgia-mexico.json", "lithuania-mexico.json", "mexico-slovenia.json"]


def test_progress_counts_one_per_article_built_against_the_number_planned(tmp_path):
    from reports import build

    planned, steps = [], []
    assert build(["data"], tmp_path / "out", formats=["json"], jobs=1, combined=False,
                 planned=planned.append, progress=steps.append).ok
    assert planned == [3] and steps == [1, 1, 1]
    planned.clear(), steps.clear()
    assert build(["data"], tmp_path / "out", formats=["json"], jobs=1, combined=False,
                 planned=planned.append, progress=steps.append).ok
    assert planned == [0] and steps == []  # nothing changed: nothing to build


def test_a_cut_stem_never_ends_in_punctuation():
    from reports.pipeline.stems import MAX_STEM, safe_stem

    stem = safe_stem("a" * (MAX_STEM - 1) + "-bcd")
    assert stem == "a" * (MAX_STEM - 1) and len(stem) <= MAX_STEM
    assert safe_stem("..-x-y-..") == "x-y"


def test_strict_keeps_the_articles_that_failed_as_well_as_the_warnings(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.txt").write_text("no title here\n", "utf-8")
    (folder / "warned.txt").write_text("= Chile–Ghana relations =\n\nLead.\n\n==High-level visits==\n"
                                       "High-level visits from Chile to Ghana\n- President Ana Ruiz\n", "utf-8")
    strict = build([folder], tmp_path / "out", formats=["json"], jobs=1, strict=True)
    assert not strict.ok
    messages = [f.message for f in strict.failures]
    assert any("broken.txt" in f.path for f in strict.failures), messages
    assert any("visit without a date" in m for m in messages), messages
