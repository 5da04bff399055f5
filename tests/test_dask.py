"""Builds on a Dask cluster (a LocalCluster on the loopback, one per module): the same
bytes and manifest as serial and --jobs builds, a killed worker loses no article, and
no dask at all without --scheduler."""

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from multistream_dump import write_dump
from reports.errors import ReportsError
from reports.pipeline import MANIFEST, build

distributed = pytest.importorskip("distributed")  # the test extra brings it (pip install '.[test]')

FORMATS = ("pdf", "docx", "xlsx", "json")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as running:
        yield running


@pytest.fixture(scope="module")
def small_dump(tmp_path_factory):
    return write_dump(tmp_path_factory.mktemp("dump"), pages=300, relations_share=0.03, run=3, seed=5)


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote (the build state folder included), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("inputs", ["data", "dump"])
def test_serial_jobs_and_dask_give_the_same_bytes(inputs, cluster, small_dump, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    paths = ["data"] if inputs == "data" else [small_dump.path]
    engines = {"serial": dict(jobs=1), "jobs": dict(jobs=2),
               "dask": dict(scheduler="local:2" if inputs == "data" else cluster.scheduler_address)}
    results = {name: build(paths, tmp_path / name, formats=FORMATS, **options) for name, options in engines.items()}
    for name, result in results.items():
        assert result.ok, (name, result.failures)
    expected = outputs(tmp_path / "serial")
    assert MANIFEST in expected and any(name.endswith(".docx") for name in expected)
    built = len(small_dump.relations) if inputs == "dump" else 3
    assert sum(name.endswith(".pdf") for name in expected) == built
    for name in ("jobs", "dask"):
        assert results[name].built == built
        got = outputs(tmp_path / name)
        assert sorted(got) == sorted(expected), name
        assert [path for path in expected if got[path] != expected[path]] == [], name


def test_a_rebuild_on_the_cluster_carries_and_skips_like_a_local_one(cluster, tmp_path):
    address = cluster.scheduler_address
    first = build(["data"], tmp_path, formats=("docx", "json"), scheduler=address)
    again = build(["data"], tmp_path, formats=("docx", "json"), scheduler=address)
    assert (first.built, again.built, again.skipped) == (3, 0, 3)
    import docx

    dossier = tmp_path / "georgia-mexico.docx"
    document = docx.Document(str(dossier))
    document.paragraphs[-1].text += " An analyst's edit outside the notes."  # kept as a backup
    document.save(str(dossier))
    edited = dossier.read_bytes()
    forced = build(["data"], tmp_path, formats=("docx", "json"), scheduler=address, force=True)
    assert forced.built == 3 and [p.name[:len("georgia-mexico.edited-")] for p in forced.backups] == [
        "georgia-mexico.edited-"]
    assert all(p.parent == tmp_path and p.read_bytes() == edited for p in forced.backups)
    assert not list(tmp_path.glob(".*.tmp"))


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
    with distributed.Client(cluster) as client:
        client.register_plugin(KillOnce(str(marker)), name="kill-once")
        try:
            result = build(["data"], tmp_path / "out", formats=("json",), scheduler=cluster.scheduler_address)
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
    done = subprocess.run([sys.executable, "-m", "reports", "build", "data", "--out", str(tmp_path / "out"),
                           "--scheduler", f"tcp://127.0.0.1:{port}"], capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "no scheduler answers there" in done.stderr and not (tmp_path / "out" / MANIFEST).exists()
