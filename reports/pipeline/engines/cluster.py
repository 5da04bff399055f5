"""Dask distributed as the build's engine (`reports build … --scheduler ADDRESS`).

The engine interface of reports.pipeline.engines: called with [(task, export_article
arguments)], it yields (task, outcome) as each finishes.
The unit of work is one article. A worker needs no shared disk: it gets the record,
the carry plan and the article's previous documents (their bytes, for the analysts'
notes a rebuild carries), writes the new documents into a temporary folder of its own
and returns their bytes; the client writes them atomically into the output folder.
The manifest, the combined workbook, the build state and the summary stay the
client's (reports.pipeline.run). A worker that dies has its task rerun on another one by the
scheduler (up to `distributed.scheduler.allowed-failures` times).

`ADDRESS` is a running scheduler (`tcp://host:8786`), or `local:N` for a LocalCluster
of N single-threaded worker processes on the loopback interface, for one build.
Imported only with --scheduler: a build without it never imports dask.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import socket
import tempfile
import warnings
from contextlib import ExitStack
from pathlib import Path

from ...errors import ReportsError
from .. import article
from ..atomic import write_atomically

_LOCAL = re.compile(r"local:(\d{1,3})$")
_REMOTE = re.compile(r"(tcp|tls)://(\[[0-9a-fA-F:]+\]|[^:/\s\[\]]+):(\d{1,5})/?$")
_CONNECT_SECONDS = 10
# What the exporters read from the environment: a worker exports as the client would.
_SHIPPED_ENVIRONMENT = ("SOURCE_DATE_EPOCH",)


def engine(address: str, formats=()) -> "ClusterEngine":
    """The engine for `address`, after checking that distributed is installed and that
    a remote scheduler answers: a bad address fails before the build reads anything."""
    local = _LOCAL.match(address)
    remote = _REMOTE.match(address)
    if not (local and 0 < int(local.group(1)) <= 256) and not remote:
        raise ReportsError(f"--scheduler {address!r}: give a scheduler address (tcp://host:8786) "
                           "or local:N (N worker processes on this machine)")
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ReportsError("--scheduler needs Dask distributed, which is not installed: "
                           "pip install 'reports[dask]'") from None
    if remote:
        _reachable(remote.group(2).strip("[]"), int(remote.group(3)), address)
    return ClusterEngine(address, tuple(formats))


class ClusterEngine:
    """The cluster of one build: connected to (or, for local:N, started) in a thread of
    its own from the moment the engine is made, so that a LocalCluster's workers spawn
    and import the exporters of `formats` while the client reads the articles; called
    with the tasks once they are known; `close()` at the build's end, whatever happened."""

    def __init__(self, address: str, formats: tuple[str, ...] = ()):
        import threading

        self.address = address
        self._stack = ExitStack()
        self._client = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._start, args=(formats,), name="reports-dask-start", daemon=True)
        self._thread.start()

    def _start(self, formats: tuple[str, ...]) -> None:
        try:
            client = _connect(self.address, self._stack)
            client.run(_warm, formats)  # every worker there now imports the exporters before its first article
            self._client = client
        except BaseException as error:  # raised in the build's thread, when the cluster is wanted
            self._error = error

    def client(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._client

    def __call__(self, tasks):
        if tasks:
            yield from run(tasks, self.client())

    def close(self) -> None:
        self._thread.join()
        self._stack.close()


def _reachable(host: str, port: int, address: str) -> None:
    try:
        socket.create_connection((host, port), timeout=_CONNECT_SECONDS).close()
    except OSError as error:
        raise ReportsError(f"--scheduler {address}: no scheduler answers there "
                           f"({error.strerror or type(error).__name__})") from None


def _connect(address: str, stack: ExitStack):
    """A client of the scheduler at `address` (or of a LocalCluster started for
    local:N), closed with `stack`. Not the client's context manager: it is entered in
    one thread and left in another."""
    from distributed import Client, LocalCluster

    local = _LOCAL.match(address)
    if local:
        with warnings.catch_warnings():  # "port 8787 in use": its HTTP server takes another, no matter
            warnings.simplefilter("ignore")
            cluster = LocalCluster(n_workers=int(local.group(1)), processes=True, threads_per_worker=1,
                                   host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
        stack.callback(cluster.close)
        client = Client(cluster, set_as_default=False)
    else:
        try:
            client = Client(address, timeout=_CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise ReportsError(f"--scheduler {address}: cannot connect ({type(error).__name__}: {error})") from None
    stack.callback(client.close)
    return client


def run(tasks, client):
    """(task, outcome) for every task, in the order the cluster finishes them."""
    layout = _shipped_layout(tasks[0][1][4])
    environment = {name: os.environ.get(name) for name in _SHIPPED_ENVIRONMENT}
    futures = {}
    for task, args in tasks:
        record, stem, out, formats, _, verbose, build_id, carry = args
        previous = _previous(Path(out), stem, formats)
        future = client.submit(export_remote, record, stem, formats, layout, verbose, carry, previous, environment,
                               key=f"reports-export-{stem}-{build_id}-{os.urandom(4).hex()}", pure=False)
        futures[future] = (task, Path(out), build_id)
    try:
        yield from _finished(futures, client)
    finally:  # the build stopped early (strict mode, Ctrl-C): the rest is not wanted
        client.cancel(list(futures))


def _finished(futures, client):
    from distributed import as_completed

    for future in as_completed(futures, loop=client.loop):  # this client's, not a default one
        task, out, build_id = futures.pop(future)
        try:
            outcome, files = future.result()
        except Exception as error:  # the task failed on every worker it was given, or the cluster went away
            yield task, article.Outcome([], [], f"the Dask cluster could not build this article: "
                                                f"{type(error).__name__}: {str(error)[:200]}")
            continue
        yield task, _landed(outcome, files, out, build_id)


def _previous(out: Path, stem: str, formats) -> dict[str, bytes]:
    """The article's documents in the output folder, by file name: what a rebuild
    carries analysts' notes from (and backs up when they were edited)."""
    from ... import exporters

    found = {}
    for name in formats:
        path = out / f"{stem}{exporters.get(name).EXTENSION}"
        if path.is_file():
            found[path.name] = path.read_bytes()
    return found


def _landed(outcome, files: dict[str, bytes], out: Path, build_id: int):
    """Write a worker's documents into `out`, each atomically; the outcome's paths are
    then those in `out`."""
    for name, data in files.items():
        write_atomically(out / name, _writer(data), build_id)
    outcome.written = [str(out / Path(p).name) for p in outcome.written]
    outcome.backups = [str(out / Path(p).name) for p in outcome.backups]
    return outcome


def _writer(data: bytes):
    def write(path: Path) -> list[str]:
        path.write_bytes(data)
        return []
    return write


def _shipped_layout(reference: str | None):
    """The layout as workers can load it without our disk: a layout file's name and
    text; a built-in layout's name."""
    if reference:
        path = Path(reference)
        if not (path.suffix == ".toml" or path.is_file()):
            path = Path("layouts") / f"{reference}.toml"
        if path.is_file():
            return ("file", path.name, path.read_text("utf-8"))
    return ("name", reference)


# -- on a worker -------------------------------------------------------------------------


def _warm(formats: tuple[str, ...]) -> None:
    """Import what exporting these formats needs (reportlab, python-docx, openpyxl…): a
    spawned worker has none of the client's imports."""
    from ... import exporters

    for name in formats:
        exporters.get(name)


def export_remote(record, stem: str, formats, layout, verbose: bool, carry, previous: dict[str, bytes],
                  environment: dict[str, str | None]):
    """Export one record in a temporary folder; (outcome, {file name: bytes}) of the
    documents written and the backups kept."""
    for name, value in environment.items():  # the client's, for the same bytes as a local build
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    with tempfile.TemporaryDirectory(prefix="reports-dask-") as folder:
        here = Path(folder)
        for name, data in previous.items():
            (here / name).write_bytes(data)
        outcome = article.export_article(record, stem, folder, formats, _layout_reference(layout), verbose,
                                         os.getpid(), carry)
        files = {Path(p).name: Path(p).read_bytes() for p in outcome.backups + outcome.written}
    return outcome, files


def _layout_reference(layout) -> str | None:
    """A reference export_article loads: a shipped layout file is written once per
    worker, under a name given by its content."""
    if layout[0] == "name":
        return layout[1]
    _, name, text = layout
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"reports-layout-{digest}" / name
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{name}.{os.getpid()}.tmp")
        temporary.write_text(text, "utf-8")
        os.replace(temporary, path)
    return str(path)
