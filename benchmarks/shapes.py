"""Large articles of different shapes, and how long the loader takes on each.

    python benchmarks/shapes.py [--sizes 1,2,4,5] [--shapes NAME,...]

A 5 MB article must load in under 2 s (plain text) or 10 s (wikitext, whatever its
shape), and time must grow linearly with size: the table prints each shape at 1, 2, 4
and 5 MB and the ratio of 4 MB to 1 MB (4 when linear, 16 when quadratic). Each load
runs in a fresh process through the public `reports.load`, after loading one small
article of the same form there (imports, place data and compiled patterns are paid
once per process, and a fresh process has no cached sentences of the shape).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the article generator lives with the tests
from generated_articles import generate_article  # noqa: E402

MB = 2**20
LIMIT = 120.0  # seconds a load may take before it is stopped (and counted as infinite): 12x the target
TITLE = "Peru–Japan relations"
HEAD = (f"= {TITLE} =\n"
        "The nations of '''[[Peru]]''' and '''[[Japan]]''' established diplomatic relations in 1873."
        "<ref>{{cite web|url=https://example.org/lead|title=Relations|publisher=Ministry}}</ref>\n\n")
TAIL = "== References ==\n{{Reflist}}\n"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# Small articles of each form that a timing process loads first.
WARM = {".txt": ROOT / "data" / "georgia-mexico.txt", ".wiki": ROOT / "data" / "wiki" / "mexico-slovenia.wiki"}


def _date(n: int) -> str:
    """A different date for each n below 42,000."""
    return f"{n // 1500 % 28 + 1} {MONTHS[n // 125 % 12]} {1900 + n % 125}"


def _paragraph(n: int) -> str:
    return ("In 1990, President [[Alberto Fujimori]] visited [[Tokyo]] to discuss trade worth "
            "{{US$|20 million}}.<ref>{{cite web|url=https://example.org/a|title=Visit|publisher=Ministry}}</ref> "
            "Both nations signed an [[Agreement on Economic Cooperation]] in 1991, and they consult on "
            "{{nowrap|regional matters}} every year.\n\n")


def _visit(n: int) -> str:
    return f"On {_date(n)}, Foreign Minister Ana Kowalczyk of Peru visited [[Tokyo]] for talks.\n\n"


def _list_item(n: int) -> str:
    return f"* Agreement on Cooperation in Field {n} ({1950 + n % 75})\n"


def _refs(n: int) -> str:
    reuse = f'<ref name="r{n - 1}" />' if n else ""
    return (f"Trade grew again in {1950 + n % 75}.<ref name=\"r{n}\">{{{{cite web|url=https://example.org/{n}"
            f"|title=Report {n}|publisher=Ministry|date={_date(n)}}}}}</ref>{reuse}"
            + ("\n\n" if n % 10 == 9 else " "))


def _section(n: int) -> str:
    marks = "=" * (2 + n % 5)  # levels 2 to 6, over and over
    return f"{marks} Part {n} {marks}\nIn {1900 + n % 125} both nations signed an agreement on trade.\n\n"


def _wikitext(heading: str, chunk: Callable[[int], str]) -> Callable[[int], str]:
    def page(size: int) -> str:
        return HEAD + heading + _filled(chunk, size - len((HEAD + heading + TAIL).encode())) + TAIL
    return page


def _filled(chunk: Callable[[int], str], size: int) -> str:
    """Chunks 0, 1, 2, ... until they hold at least `size` bytes."""
    parts, total = [], 0
    for n in _count():
        if total >= size:
            return "".join(parts)
        parts.append(chunk(n))
        total += len(parts[-1].encode())
    raise AssertionError("unreachable")


def _count() -> Iterator[int]:
    n = 0
    while True:
        yield n
        n += 1


def plain_article(size: int) -> str:
    """A generated plain article repeated until it holds `size` bytes (whole copies)."""
    article = generate_article(0)
    return article * max(1, size // len(article.encode()))


# name -> (file suffix, text of about `size` bytes)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "plain article repeated": (".txt", plain_article),
    "one paragraph repeated": (".wiki", _wikitext("== History ==\n", _paragraph)),
    "many visits of one person": (".wiki", _wikitext("== High-level visits ==\n", _visit)),
    "a very long list": (".wiki", _wikitext("== Bilateral agreements ==\n", _list_item)),
    "thousands of refs": (".wiki", _wikitext("== History ==\n", _refs)),
    "deep sections": (".wiki", _wikitext("", _section)),
}

_TIMER = """
import sys, time, reports
reports.load(sys.argv[2])
started = time.perf_counter()
reports.load(sys.argv[1])
print(time.perf_counter() - started)
"""


def write(folder: Path, shape: str, size: int) -> Path:
    """The article of `shape` at `size` bytes, as a file named for its title."""
    suffix, text = SHAPES[shape]
    path = Path(folder) / f"{TITLE}{suffix}"
    path.write_text(text(size), "utf-8")
    return path


def load_seconds(path: Path, limit: float | None = None) -> float:
    """Seconds `reports.load(path)` takes in a fresh process, after a small warm-up load;
    infinity when the process (start-up and warm-up included) runs over `limit` seconds
    (default LIMIT)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    try:
        result = subprocess.run([sys.executable, "-c", _TIMER, str(path), str(WARM[path.suffix])],
                                capture_output=True, text=True, env=env, timeout=limit or LIMIT)
    except subprocess.TimeoutExpired:
        return float("inf")
    if result.returncode:
        raise RuntimeError(f"loading {path.name} ({path.stat().st_size / MB:.1f} MB) failed: "
                           f"{result.stderr.strip().splitlines()[-1:]}")
    return float(result.stdout.split()[-1])


def shape_times(sizes_mb: list[float], shapes: list[str] | None = None) -> dict[str, dict[float, float]]:
    """{shape: {size in MB: seconds}} for every shape (or those named) at every size; a
    shape stopped at LIMIT is not tried at larger sizes (infinite there too)."""
    times: dict[str, dict[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for shape in shapes or SHAPES:
            row = times[shape] = {}
            for mb in sorted(sizes_mb):
                stopped = row and max(row.values()) == float("inf")
                row[mb] = float("inf") if stopped else load_seconds(write(Path(folder), shape, int(mb * MB)))
    return times


def growth(times: dict[float, float]) -> tuple[float, float] | None:
    """(time at the second-largest size / time at the smallest, that ratio if time grew
    linearly): 4 MB against 1 MB gives (about 4, 4) when linear, 16 when quadratic."""
    sizes = sorted(times)
    if len(sizes) < 2:
        return None
    small, large = sizes[0], sizes[-2] if len(sizes) > 2 else sizes[-1]
    return times[large] / times[small], large / small


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,5", help="sizes in MB (default 1,2,4,5)")
    parser.add_argument("--shapes", help=f"comma-separated, from: {', '.join(SHAPES)}")
    options = parser.parse_args()
    sizes = [float(s) for s in options.sizes.split(",")]
    times = shape_times(sizes, options.shapes.split(",") if options.shapes else None)
    print(f"{'shape':28}" + "".join(f"{f'{mb:g} MB':>9}" for mb in sizes) + f"{'growth':>9}")
    for shape, row in times.items():
        ratio = growth(row)
        print(f"{shape:28}" + "".join(f"{row[mb]:8.2f}s" for mb in sizes) + (f"{ratio[0]:9.1f}" if ratio else ""))
    if len(sizes) > 1:
        small, large = sorted(sizes)[0], sorted(sizes)[-2 if len(sizes) > 2 else -1]
        print(f"growth: time at {large:g} MB / time at {small:g} MB ({large / small:g} when linear)")


if __name__ == "__main__":
    main()
