"""Mutation testing: how many one-line defects does the suite catch, per module?

    python benchmarks/mutation.py                      # every module of [tool.mutmut]
    python benchmarks/mutation.py reports.facts_view   # one module (a prefix of mutant names)
    python benchmarks/mutation.py reports.pipeline --sample 40

Runs mutmut (configured in pyproject.toml; results kept in mutants/ between runs, so a
second call only runs what is not checked yet) one module at a time, then prints, per
module, the mutants killed out of those checked and the score. --sample N checks an even
spread of N mutants of each module instead of all (a mutant takes ~5-10 s on these
machines: the tests that reach its function run until one fails). --show lists the
survivors with their diffs, to judge which are equivalent. Slow: not part of CI.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = [sys.executable, "-m", "mutmut"]
KILLED = {"killed", "timeout", "segfault"}  # a test run that did not pass: the defect was noticed
CHECKED = KILLED | {"survived", "suspicious"}
_LINE = re.compile(r"^\s*(?P<name>[\w.]+__mutmut_\d+): (?P<status>.+)$")


def statuses() -> dict[str, str]:
    """{mutant name: status} for every mutant mutmut generated ("not checked" included)."""
    out = subprocess.run([*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True)
    found = {}
    for line in out.stdout.splitlines():
        match = _LINE.match(line)
        if match:
            found[match["name"]] = match["status"].strip()
    return found


def module_of(name: str) -> str:
    """reports.loader.dates.x_find_dates__mutmut_3 -> reports.loader.dates"""
    return name.split(".x_")[0].split(".xǁ")[0]


def generate() -> None:
    """mutmut generates every mutant at the start of a run; a run of no existing name does only that."""
    subprocess.run([*MUTMUT, "run", "reports.no_such_module.x_none__mutmut_1"], cwd=ROOT,
                   capture_output=True, text=True)


def spread(names: list[str], count: int | None) -> list[str]:
    if not count or count >= len(names):
        return names
    step = len(names) / count
    return [names[int(i * step)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="module prefixes (default: all mutated modules)")
    parser.add_argument("--sample", type=int, default=None, help="check N mutants per module, evenly spread")
    parser.add_argument("--report", action="store_true", help="only print the figures of earlier runs")
    parser.add_argument("--show", action="store_true", help="print the survivors' diffs")
    args = parser.parse_args()

    found = statuses()
    if not found and not args.report:
        generate()
        found = statuses()
    by_module: dict[str, list[str]] = defaultdict(list)
    for name in found:
        by_module[module_of(name)].append(name)
    modules = sorted(m for m in by_module if not args.modules or any(m.startswith(p) for p in args.modules))
    if not args.report:
        for module in modules:
            todo = [n for n in spread(sorted(by_module[module], key=_order), args.sample)
                    if found[n] not in CHECKED]
            if todo:
                print(f"{module}: running {len(todo)} mutants", file=sys.stderr, flush=True)
                subprocess.run([*MUTMUT, "run", "--max-children", "1", *todo], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found = statuses()
    print(f"{'module':40} {'killed':>7} {'checked':>8} {'of':>6} {'score':>7}")
    total_killed = total_checked = 0
    for module in modules:
        names = by_module[module]
        checked = [n for n in names if found[n] in CHECKED]
        killed = [n for n in checked if found[n] in KILLED]
        total_killed, total_checked = total_killed + len(killed), total_checked + len(checked)
        score = f"{100 * len(killed) / len(checked):.0f} %" if checked else "-"
        print(f"{module:40} {len(killed):7} {len(checked):8} {len(names):6} {score:>7}")
        if args.show:
            for name in checked:
                if found[name] not in KILLED:
                    diff = subprocess.run([*MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True)
                    print(diff.stdout)
    if total_checked:
        print(f"{'all':40} {total_killed:7} {total_checked:8} {'':6} {100 * total_killed / total_checked:.0f} %")


def _order(name: str):
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number)


if __name__ == "__main__":
    main()
