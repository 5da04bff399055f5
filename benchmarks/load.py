"""Loader speed and memory: 1, 100 and 1,000 generated articles, on one core.

    python benchmarks/load.py

Also times the largest inputs: a 5 MB article and a 1 MB line without spaces.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from articles import write_articles  # noqa: E402

from reports.loader import read  # noqa: E402


def measure(paths) -> tuple[float, float]:
    """(articles per second, peak traced memory in MB) for loading `paths`."""
    tracemalloc.start()
    started = time.perf_counter()
    for path in paths:
        read(path)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return len(paths) / seconds, peak


def timed_load(path: Path) -> float:
    started = time.perf_counter()
    read(path)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = write_articles(Path(folder) / "articles", 1000)
        read(paths[0])  # warm up regular expressions
        print(f"{'articles':>9} {'per second':>11} {'peak MB':>8}")
        for count in (1, 100, 1000):
            # Timing without tracemalloc (it slows Python down), memory with it.
            started = time.perf_counter()
            for path in paths[:count]:
                read(path)
            rate = count / (time.perf_counter() - started)
            _, peak = measure(paths[:count])
            print(f"{count:>9} {rate:>11.0f} {peak:>8.1f}")

        big = Path(folder) / "big.txt"
        paragraph = Path(paths[0]).read_text("utf-8")
        big.write_text(paragraph * (5 * 2**20 // len(paragraph.encode())), "utf-8")
        print(f"5 MB article ({big.stat().st_size / 2**20:.1f} MB): {timed_load(big):.2f} s")
        line = Path(folder) / "line.txt"
        line.write_text("= A–B relations =\n\n==History==\n" + "x" * 2**20 + "\n", "utf-8")
        print(f"1 MB line without spaces: {timed_load(line):.2f} s")
        # Lines that made patterns backtrack before (each about 200 KB).
        worst = {
            "a heading of blanks": "==" + " " * 200_000 + "x",
            "many 'established' in a sentence": "The relations " + "were established in 1990 and " * 7000,
            "a caption of many 'from'": "==Visits==\n" + "from x " * 30_000 + "\n- President A B (2001)",
            "a month before blanks": "==History==\nIn May" + " " * 200_000 + "x 1999.",
            "an agreement list of blanks": "==Agreements==\nsuch as A" + " " * 200_000 + "b (1990).",
        }
        for name, body in worst.items():
            path = Path(folder) / "worst.txt"
            path.write_text("= A–B relations =\n\n" + body + "\n", "utf-8")
            print(f"{name}: {timed_load(path):.2f} s")


if __name__ == "__main__":
    main()
