"""Builds on a Dask cluster (LocalClusters on the loopback: one for the module, and
the one a local:2 build starts): the same bytes and manifest as serial and --jobs
builds, a killed worker loses no article, and no dask at all without --scheduler."""

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from multistream_dump import write_dump
from reports.cli import cli
from reports.errors import ReportsError
from reports.pipeline import build
from reports.pipeline.manifest import MANIFEST

pytestmark = pytest.mark.heavy  # several seconds: handed to a worker first (conftest)

distributed = pytest.importorskip("distributed")  # the test extra brings it (pip install '.[test]')

FORMATS = ("pdf", "docx", "xlsx", "json")


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of the builds' own engine for local:1, started (in the background,
    while the first tests build locally) once for the module; its scheduler's address."""
    from reports.pipeline.engines import cluster as dask_engine

    engine = dask_engine.engine("local:1", FORMATS)  # one worker: the killed one is restarted by its nanny
    try:
        yield lambda: engine.client().scheduler.address
    finally:
        engine.close()


@pytest.fixture(scope="module")
def small_dump(tmp_path_factory):
    return write_dump(tmp_path_factory.mktemp("dump"), pages=120, relations_share=0.03, run=3, seed=7)


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote (the build state folder included), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def same_outputs(folder: Path, expected: dict[str, bytes]) -> None:
    got = outputs(folder)
    assert sorted(got) == sorted(expected), folder.name
    assert [path for path in expected if got[path] != expected[path]] == [], folder.name


def test_data_built_serially_with_jobs_and_on_local_2_is_the_same_bytes(cluster, default_build, tmp_path):
    serial, result = default_build  # the session's serial build of data/, every format
    assert result.ok and result.built == 3
    engines = {"jobs": dict(jobs=2), "dask": dict(scheduler="local:2")}
    results = {name: build(["data"], tmp_path / name, **options) for name, options in engines.items()}
    assert all(result.ok and result.built == 3 for result in results.values()), results
    expected = outputs(serial)
    assert MANIFEST in expected and sum(name.endswith(".pdf") for name in expected) == 3
    assert {"georgia-mexico.docx", "georgia-mexico.json", "relationships.xlsx"} <= set(expected)
    same_outputs(tmp_path / "jobs", expected)
    same_outputs(tmp_path / "dask", expected)

    # rebuilt on another cluster: unchanged articles skipped; an edited dossier kept as a backup in --out
    again = build(["data"], tmp_path / "dask", formats=FORMATS, scheduler=cluster())
    assert (again.built, again.skipped) == (0, 3)
    import docx

    dossier = tmp_path / "dask" / "georgia-mexico.docx"
    document = docx.Document(str(dossier))
    document.paragraphs[-1].text += " An analyst's edit outside the notes."
    document.save(str(dossier))
    edited = dossier.read_bytes()
    forced = build(["data"], tmp_path / "dask", formats=("docx",), scheduler=cluster(), force=True)
    assert forced.built == 3 and [p.name[:len("georgia-mexico.edited-")] for p in forced.backups] == [
        "georgia-mexico.edited-"]
    assert all(p.parent == tmp_path / "dask" and p.read_bytes() == edited for p in forced.backups)
    assert not list((tmp_path / "dask").glob(".*.tmp"))


def test_a_dump_built_on_the_cluster_is_the_serial_bytes(cluster, small_dump, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # (--jobs against serial on dumps: test_multistream)
    serial = build([small_dump.path], tmp_path / "serial", formats=("json", "pdf"), jobs=1)
    dask = build([small_dump.path], tmp_path / "dask", formats=("json", "pdf"), scheduler=cluster())
    assert serial.ok and dask.ok, (serial.failures, dask.failures)
    assert dask.built == serial.built == len(small_dump.relations) >= 3
    same_outputs(tmp_path / "dask", outputs(tmp_path / "serial"))


class KillOnce(distributed.WorkerPlugin):
    """Kills the worker process that starts the first export task (once: the marker
    file says it happened)."""

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, *args, **kwargs):
        if finish == "executing" and str(key).startswith("reports-export-") and not os.path.exists(self.marker):
            Path(self.marker).write_text(f"{os.getpid()} {key}")
            os.kill(os.getpid(), signal.SIGKILL)


def test_a_killed_worker_loses_no_article(cluster, tmp_path):
    marker = tmp_path / "killed"
    with distributed.Client(cluster()) as client:
        client.register_plugin(KillOnce(str(marker)), name="kill-once")
        try:
            result = build(["data"], tmp_path / "out", formats=("json",), scheduler=cluster())
        finally:
            client.unregister_worker_plugin("kill-once")
    assert marker.exists()  # a worker did die mid-build
    assert result.ok and result.built == 3
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text("utf-8"))
    assert sorted(manifest["articles"]) == ["georgia-mexico", "lithuania-mexico", "mexico-slovenia"]
    assert sorted(p.name for p in (tmp_path / "out").glob("[!.]*.json")) == [
        "georgia-mexico.json", "lithuania-mexico.json", "mexico-slovenia.json"]


def test_without_a_scheduler_nothing_imports_dask(tmp_path):
    code = ("import sys; from reports.pipeline import build; "
            f"r = build(['data/georgia-mexico.txt'], {str(tmp_path)!r}, formats=['json'], jobs=2); "
            "assert r.ok; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'tornado')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_without_distributed_the_scheduler_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ReportsError, match=r"pip install 'reports\[dask\]'"):
        build(["data"], tmp_path, formats=("json",), scheduler="local:2")


@pytest.mark.parametrize("address", ["localhost", "local:0", "http://x:1", "tcp://host"])
def test_a_bad_scheduler_address_is_refused(address, tmp_path):
    with pytest.raises(ReportsError, match="--scheduler"):
        build(["data"], tmp_path, formats=("json",), scheduler=address)


def test_a_scheduler_nobody_runs_is_one_line_before_any_work(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = CliRunner().invoke(cli, ["build", "data", "--out", str(tmp_path / "out"),
                                    "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert done.exit_code == 2 and done.stderr.count("\n") == 1, done.output
    assert "no scheduler answers there" in done.stderr and not (tmp_path / "out" / MANIFEST).exists()
