"""Builds in the background: a pool of worker processes, each running one build at a
time (worker.py), so a slow build never holds up the pages and a crash in one never
takes the server down."""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import threading
from pathlib import Path

from . import store

log = logging.getLogger("reports.web")
BUILDS_PER_WORKER = 50  # then a fresh process: python-docx leaves garbage behind over many documents


class Builder:
    """Runs builds in `workers` processes; those beyond wait their turn, and say so."""

    def __init__(self, workers: int, warm: bool = True):
        self.workers, self.warm = workers, warm
        self._lock = threading.Lock()
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    def _executor(self) -> concurrent.futures.ProcessPoolExecutor:
        from . import worker

        with self._lock:
            if self._pool is None:
                # spawn: a fresh interpreter, not a copy of a server that runs threads
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=worker.warm if self.warm else None, max_tasks_per_child=BUILDS_PER_WORKER)
            return self._pool

    def start(self) -> None:
        """Start every worker process now (each warming up), not when the first users come."""
        from . import worker

        if self.warm:
            pool = self._executor()
            for _ in range(self.workers):
                pool.submit(worker.ready)

    def submit(self, folder: Path, spec: dict) -> None:
        from . import worker

        store.update_status(folder, state="queued", message="waiting for a free worker")
        try:
            future = self._executor().submit(worker.run, str(folder), spec)
        except concurrent.futures.process.BrokenProcessPool:
            with self._lock:
                self._pool = None  # a worker died (out of memory?): the next build gets a new pool
            future = self._executor().submit(worker.run, str(folder), spec)
        future.add_done_callback(lambda done: self._finished(folder, done))

    def _finished(self, folder: Path, future: concurrent.futures.Future) -> None:
        error = future.exception()
        if error is None:
            return
        log.error("build %s: %s", folder.name, error)
        if isinstance(error, concurrent.futures.process.BrokenProcessPool):
            with self._lock:
                self._pool = None
        if store.read_status(folder).get("state") != "done":
            store.update_status(folder, state="failed",
                                message="the build's worker process stopped (out of memory?); try fewer articles")

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
