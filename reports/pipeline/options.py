"""What a build is asked to do: one value that every face (the CLI, the web page, the
Python API) makes once and hands to `build`, as pandoc's WriterOptions are."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class BuildOptions:
    """The settings of one build. Defaults are the CLI's."""
    formats: tuple[str, ...] | None = None    # None: every registered format
    layout: str | None = None                 # a built-in layout's name or a layout file
    jobs: int | None = None                   # worker processes; None: one per CPU
    combined: bool = True                     # write OUT/relationships.xlsx
    force: bool = False                       # rebuild articles the manifest calls current
    strict: bool = False                      # warnings are failures; stop at the first
    verbose: bool = False                     # tracebacks of internal errors in messages
    max_bytes: int | None = None              # the largest article read; None: the default
    carry: bool = True                        # carry analysts' notes and sheets into rebuilt documents
    form: str | None = None                   # the input form (reader) forced for every file
    prune: bool = False                       # remove outputs of articles that no longer exist
    index: str | os.PathLike | None = None    # the multistream index of a dump among the inputs
    scheduler: str | None = None              # a Dask scheduler (tcp://host:port or local:N)

    def __post_init__(self):
        if self.formats is not None:
            object.__setattr__(self, "formats", tuple(self.formats))

    @property
    def workers(self) -> int:
        """How many processes read and build: `jobs`, else one per CPU."""
        return max(1, self.jobs or os.cpu_count() or 1)
