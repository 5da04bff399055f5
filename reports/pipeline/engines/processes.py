"""The process-pool engine (--jobs N): articles exported in N local worker processes."""

from __future__ import annotations

import concurrent.futures

from .. import article
from .serial import SerialEngine


class ProcessEngine:
    """Exports the tasks' articles in `jobs` worker processes; outcomes in task order.
    A single task is exported in this process: no pool to start for it."""

    def __init__(self, jobs: int):
        self.jobs = jobs

    def __call__(self, tasks):
        if len(tasks) <= 1:
            yield from SerialEngine()(tasks)
            return
        with concurrent.futures.ProcessPoolExecutor(max_workers=min(self.jobs, len(tasks))) as pool:
            # looked up when called, so a test's replacement of export_article is used
            futures = [pool.submit(article.export_article, *args) for _, args in tasks]
            try:
                for (task, _), future in zip(tasks, futures):
                    try:
                        yield task, future.result()
                    except concurrent.futures.process.BrokenProcessPool:
                        # A worker died (killed, out of memory): this article and the rest fail.
                        yield task, article.Outcome([], [], "a worker process died while building this article "
                                                            "(out of memory?); rerun with fewer --jobs")
            finally:
                for future in futures:
                    future.cancel()

    def close(self) -> None:
        pass
