"""Python's cyclic garbage collector paused while a large structure is built.

Reading a page and applying the fact rules make hundreds of thousands of small objects
(parser nodes, texts, matches) that live until the record is made; the collector, run
every 700 allocations, walks them again and again: 40 % of the time of a 2 MB page,
and more the larger it is. They hold almost no reference cycles, so reference counting
frees them; the collector runs again as usual once the work is done.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (a nested pause leaves it to the outer)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
