"""The serial engine: every article in this process, one after another."""

from __future__ import annotations

from .. import article


class SerialEngine:
    """Exports each task's article here, in task order."""

    def __call__(self, tasks):
        for task, args in tasks:
            yield task, article.export_article(*args)

    def close(self) -> None:
        pass
