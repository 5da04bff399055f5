"""Loader speed and memory: 1, 100 and 1,000 generated articles, on one core.

    python benchmarks/load.py                    # this tree
    python benchmarks/load.py --against ../main  # this tree and another, side by side

Also times the largest inputs (a 5 MB article, a 1 MB line without spaces) and lines
that made patterns backtrack before; benchmarks/shapes.py times 1 to 5 MB articles of
several shapes (wikitext too), each in a fresh process. `--against` runs both trees in turns, at the same
moment, on the same generated articles and the data articles, and reports the best of
several rounds for each (a shared machine slows single rounds at random).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the article generator lives with the tests
from generated_articles import write_articles  # noqa: E402
from shapes import MB, plain_article  # noqa: E402

# Lines that made patterns backtrack before (each about 200 KB).
WORST = {
    "a heading of blanks": "==" + " " * 200_000 + "x",
    "many 'established' in a sentence": "The relations " + "were established in 1990 and " * 7000,
    "a caption of many 'from'": "==Visits==\n" + "from x " * 30_000 + "\n- President A B (2001)",
    "a month before blanks": "==History==\nIn May" + " " * 200_000 + "x 1999.",
    "an agreement list of blanks": "==Agreements==\nsuch as A" + " " * 200_000 + "b (1990).",
    "many agreement nouns, then 'was signed'": "==History==\nIn 1990 the " + "agreement " * 20_000 + "was signed.",
    "many 'signed an agreement'": "==History==\nIn 1990 both signed " + "an agreement and " * 12_000 + "x.",
    "many 'led by' in a visit": "==History==\nIn 1990 a delegation " + "led by " * 30_000 + "x visited Peru.",
    "many companions": "==History==\nIn 1990 President A B visited Peru accompanied by " + "Minister X and " * 15_000,
    "many capitalised places": "==History==\nIn 1990 President A B visited " + "Lima Lima, " * 20_000 + "x.",
}


ROUNDS = 3  # of each tree's turn in --against


def measure(read, paths) -> tuple[float, float]:
    """(articles per second, peak traced memory in MB) for loading `paths`."""
    tracemalloc.start()
    started = time.perf_counter()
    for path in paths:
        read(path)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return len(paths) / seconds, peak


def timed_load(read, path: Path) -> float:
    started = time.perf_counter()
    read(path)
    return time.perf_counter() - started


def best_rates(read, paths, data, rounds: int) -> tuple[float, float]:
    """Best articles/s over `rounds` rounds: generated articles (each round its own, so that
    no round reads sentences the loader's caches have seen), and the data articles (the
    same three each time: their rate counts what is cached within a process)."""
    generated = fixtures = 0.0
    for number in range(rounds):
        articles = paths[number::rounds]
        started = time.perf_counter()
        for path in articles:
            read(path)
        generated = max(generated, len(articles) / (time.perf_counter() - started))
        started = time.perf_counter()
        for _ in range(10):
            for path in data:
                read(path)
        fixtures = max(fixtures, 10 * len(data) / (time.perf_counter() - started))
    return generated, fixtures


def rates_main(tree: str, folder: str, rounds: int) -> None:
    """Child process of --against: load with the reports package of `tree`, print two rates."""
    sys.path.insert(0, tree)
    from reports.articles import read
    paths = sorted(Path(folder).glob("*.txt"))
    data = sorted((Path(tree) / "data").glob("*.txt"))
    read(paths[-1])  # warm up patterns and the place data
    print(*best_rates(read, paths[:-1], data, rounds))


def side_by_side(other: str, count: int, turns: int) -> None:
    trees = {"this tree": str(HERE.parent), "against": str(Path(other).resolve())}
    best = {name: [0.0, 0.0] for name in trees}
    with tempfile.TemporaryDirectory() as folder:
        write_articles(Path(folder), count * ROUNDS + 1)  # one more to warm up with
        for _ in range(turns):
            for name, tree in trees.items():
                out = subprocess.run([sys.executable, __file__, "--rates", tree, folder], check=True,
                                     capture_output=True, text=True).stdout.split()
                best[name] = [max(old, float(new)) for old, new in zip(best[name], out)]
    print(f"{'':10} {'generated/s':>12} {'data/s':>8}   (best of {turns} turns x {ROUNDS} rounds, {count} new articles each)")
    for name, (generated, fixtures) in best.items():
        print(f"{name:10} {generated:>12.0f} {fixtures:>8.0f}   {trees[name]}")


def main() -> None:
    from reports.articles import read

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
            _, peak = measure(read, paths[:count])
            print(f"{count:>9} {rate:>11.0f} {peak:>8.1f}")

        big = Path(folder) / "big.txt"
        big.write_text(plain_article(5 * MB), "utf-8")
        print(f"5 MB article ({big.stat().st_size / MB:.1f} MB): {timed_load(read, big):.2f} s")
        line = Path(folder) / "line.txt"
        line.write_text("= A–B relations =\n\n==History==\n" + "x" * 2**20 + "\n", "utf-8")
        print(f"1 MB line without spaces: {timed_load(read, line):.2f} s")
        for name, body in WORST.items():
            path = Path(folder) / "worst.txt"
            path.write_text("= Peru–Japan relations =\n\n" + body + "\n", "utf-8")
            print(f"{name}: {timed_load(read, path):.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="TREE", help="another source tree to time side by side")
    parser.add_argument("--articles", type=int, default=200, help="generated articles per round (--against)")
    parser.add_argument("--turns", type=int, default=3, help="turns of each tree (--against)")
    parser.add_argument("--rates", nargs=2, metavar=("TREE", "FOLDER"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.rates:
        rates_main(*options.rates, rounds=ROUNDS)
    elif options.against:
        side_by_side(options.against, options.articles, options.turns)
    else:
        sys.path.insert(0, str(HERE.parent))
        main()
