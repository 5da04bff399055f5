"""Engines: where a build's articles are exported.

An engine is called with [(task, export_article arguments)] and yields (task, Outcome)
for every task, in any order, as each finishes; `close()` releases what it holds (a
cluster) at the build's end, whatever happened. A new engine is one module here and
one line in `engine_for`.

    serial.py     this process, one article after another
    processes.py  a local process pool (--jobs N)
    cluster.py    a Dask cluster (--scheduler ADDRESS), imported only when asked for
"""

from __future__ import annotations

from typing import Any, Iterator, Protocol

from ..article import Outcome


class Engine(Protocol):
    """What the build asks of an engine."""

    def __call__(self, tasks: list[tuple[Any, tuple]]) -> Iterator[tuple[Any, Outcome]]: ...

    def close(self) -> None: ...


def engine_for(scheduler: str | None, jobs: int, formats: tuple[str, ...] = ()) -> Engine:
    """The engine of a build: a Dask cluster when a scheduler is named, else `jobs`
    local processes (this process alone for one)."""
    if scheduler:
        from . import cluster

        return cluster.engine(scheduler, formats)
    if jobs == 1:
        from .serial import SerialEngine

        return SerialEngine()
    from .processes import ProcessEngine

    return ProcessEngine(jobs)
