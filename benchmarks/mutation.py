"""Mutation testing: how many one-line defects does the suite catch, per room of the package?

    python benchmarks/mutation.py                      # every room, every mutant (hours)
    python benchmarks/mutation.py --sample 30          # 30 mutants per room, evenly spread
    python benchmarks/mutation.py readers carry        # some rooms
    python benchmarks/mutation.py reports.facts_view   # or a module prefix of mutant names

mutmut mutates the whole package (pyproject.toml); this script runs it one room at a time
(results kept in mutants/ between runs, so a second call only runs what is not checked
yet), then prints a table per room: its modules, the mutants killed out of those checked,
the score, and a last line with the room's target (readers and carry 90 %, every other
room 85 %). --sample N checks an even spread of N mutants of each room instead of all (a
mutant takes ~5-10 s on these machines: the tests that reach its function run until one
fails). --show lists the survivors with their diffs, to judge which are equivalent. Slow:
not part of CI.
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
    """reports.dates.x_find_dates__mutmut_3 -> reports.dates"""
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


# The rooms of the package: the module prefixes each holds (a module belongs to the first
# room naming a prefix of it) and the share of their mutants the suite must kill.
ROOMS = {
    "readers": (("reports.readers", "reports.document", "reports.titles", "reports.articles"), 90),
    "carry": (("reports.carry", "reports.exporters._xlsx.carried", "reports.exporters._docx.notes"), 90),
    "loader": (("reports.loader", "reports.dates", "reports.places"), 85),
    "views": (("reports.facts_view", "reports.citations_view", "reports.changes_view", "reports.names",
               "reports.people", "reports.headline", "reports.dating", "reports.sections", "reports.text"), 85),
    "build": (("reports.pipeline", "reports.batch", "reports.diagnostics", "reports.errors"), 85),
    "exporters": (("reports.exporters",), 85),
    "faces": (("reports.cli", "reports.layout", "reports.model", "reports.context", "reports"), 85),
}


def room_of(module: str) -> str:
    """The room a module belongs to: the first whose prefixes hold it."""
    for room, (prefixes, _) in ROOMS.items():
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return room
    return "faces"


def _in_area(name: str, area: str) -> bool:
    module = module_of(name)
    return room_of(module) == area if area in ROOMS else module.startswith(area)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", help="rooms (readers, carry, loader, views, build, exporters, "
                                                 "faces) or module prefixes; default: every room")
    parser.add_argument("--sample", type=int, default=None,
                        help="check N mutants per area, evenly spread over its modules (so in proportion to their size)")
    parser.add_argument("--children", type=int, default=1, help="mutants run at once (mutmut --max-children)")
    parser.add_argument("--report", action="store_true", help="only print the figures of earlier runs")
    parser.add_argument("--show", action="store_true", help="print the survivors' diffs")
    args = parser.parse_args()
    areas = args.areas or list(ROOMS)

    found = statuses()
    if not found and not args.report:
        generate()
        found = statuses()
    by_area = {area: sorted((n for n in found if _in_area(n, area)), key=_order) for area in areas}
    if not args.report:
        for area, names in by_area.items():
            todo = [n for n in spread(names, args.sample) if found[n] not in CHECKED]
            if todo:
                print(f"{area}: running {len(todo)} mutants", file=sys.stderr, flush=True)
                subprocess.run([*MUTMUT, "run", "--max-children", str(args.children), *todo], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found = statuses()
    print(f"{'module':40} {'killed':>7} {'checked':>8} {'of':>6} {'score':>7}")
    for area, names in by_area.items():
        by_module: dict[str, list[str]] = defaultdict(list)
        for name in names:
            by_module[module_of(name)].append(name)
        for module, mutants in sorted(by_module.items()):
            killed, checked = _tally(mutants, found)
            if checked:
                print(f"{module:40} {killed:7} {checked:8} {len(mutants):6} {_score(killed, checked):>7}")
        killed, checked = _tally(names, found)
        target = ROOMS[area][1] if area in ROOMS else None
        verdict = "" if target is None or not checked else (
            f"  target {target} %: " + ("met" if 100 * killed >= target * checked else "NOT met"))
        print(f"{'= ' + area:40} {killed:7} {checked:8} {len(names):6} {_score(killed, checked):>7}{verdict}")
        if args.show:
            for name in names:
                if found[name] in CHECKED - KILLED:
                    diff = subprocess.run([*MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True)
                    print(diff.stdout)


def _tally(names: list[str], found: dict[str, str]) -> tuple[int, int]:
    checked = [n for n in names if found[n] in CHECKED]
    return sum(found[n] in KILLED for n in checked), len(checked)


def _score(killed: int, checked: int) -> str:
    return f"{100 * killed / checked:.0f} %" if checked else "-"


def _order(name: str):
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number)


if __name__ == "__main__":
    main()
