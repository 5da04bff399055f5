"""The combined workbook at scale: time and peak RSS for 100, 1,000 and 10,000 records.

    python benchmarks/xlsx.py            # 100 1000 10000
    python benchmarks/xlsx.py 500 2000   # other sizes

Each size runs in a fresh child process, so that its peak RSS (ru_maxrss of that child)
is its own. The child generates that many articles with tests/generated_articles.py, loads
every one of them with the real loader, and gives each record a unique id (generated
country pairs repeat: there are only 703 of them) with dataclasses.replace. Reported:
load time, export_many time, rows written, peak RSS of the whole child (Python, the
records and the export), the RSS once the records are loaded (before the export: the
difference is what the workbook costs), and the file size. Targets (issue 5): 10,000 records under
60 s and under 400 MB peak RSS.

    python benchmarks/xlsx.py --per-record [COUNT]   # one workbook per record, against the floor

The floor is a bare openpyxl workbook (normal mode, no styles, tables, widths or fixed
zip) holding the same sheets and cell values, read back from ours. Each side runs in its
own process, writes one workbook before the clock starts, then `COUNT` (default 100);
only writing is timed. Target (issue 25): at most twice the floor's time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS, TARGET_MB = 60, 400
TARGET_RATIO = 2.0  # per-record workbook against the bare openpyxl one


def child(count: int, folder: Path) -> dict:
    """Runs inside the child process: build `count` records, write the workbook."""
    import dataclasses
    import resource

    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from generated_articles import write_articles
    from reports.exporters import _xlsx
    from reports.layout import load_layout
    from reports.articles import load

    started = time.perf_counter()
    paths = write_articles(folder / "articles", count)
    records = [dataclasses.replace(r, id=f"{r.id}-{n:05d}") for n, r in enumerate(map(load, paths))]
    loaded = time.perf_counter()
    records_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    path = folder / "relationships.xlsx"
    warnings = _xlsx.export_many(records, load_layout("default"), path)
    exported = time.perf_counter()
    rows = sum(len(r.visits) + len(r.agreements) + len(r.trade) + len(r.missions) + len(r.events)
               + sum(len(e.products) for e in r.exports) + 1 for r in records)
    return {"records": count, "rows": rows, "load_s": loaded - started, "export_s": exported - loaded,
            "records_rss_mb": records_rss, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "file_mb": path.stat().st_size / 1e6, "warnings": len(warnings)}


def measure(count: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        output = subprocess.run([sys.executable, __file__, "--child", str(count), folder],
                                capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(output.stdout.strip().splitlines()[-1])


def record_side(side: str, count: int, folder: Path) -> dict:
    """Runs inside a child: write `count` one-record workbooks, ours (into folder/ours,
    from generated articles) or the floor (into folder/floor, from folder/plans.pickle)."""
    import pickle

    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    out = folder / side
    out.mkdir(exist_ok=True)
    if side == "ours":
        import reports
        from generated_articles import write_articles
        from reports.exporters import get
        from reports.layout import load_layout

        export, layout = get("xlsx").export, load_layout("default")
        records = [reports.load(path) for path in write_articles(folder / "articles", count + 1)]
        export(records.pop(), layout, folder / "warm.xlsx")  # first use, outside the clock
        write = lambda index: export(records[index], layout, out / f"{index:05d}.xlsx")  # noqa: E731
    else:
        plans = pickle.loads((folder / "plans.pickle").read_bytes())
        bare_workbook(plans[0], folder / "warm.xlsx")
        write = lambda index: bare_workbook(plans[index], out / f"{index:05d}.xlsx")  # noqa: E731
    started = time.perf_counter()
    for index in range(count):
        write(index)
    return {"side": side, "count": count, "seconds": time.perf_counter() - started}


def bare_workbook(plan: dict, path: Path) -> None:
    """The floor: openpyxl's plainest workbook with these sheets of rows."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in plan.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def plan_of(path: Path) -> dict:
    """Sheet name -> rows of cell values of a workbook: what the floor writes."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
    finally:
        book.close()


def compare_per_record(count: int) -> dict:
    """Seconds for `count` one-record workbooks, ours and the floor: {"ours": s, "floor": s}."""
    import pickle

    def side(name: str, folder: str) -> float:
        output = subprocess.run([sys.executable, __file__, "--record-side", name, str(count), folder],
                                capture_output=True, text=True, check=True, cwd=ROOT)
        return json.loads(output.stdout.strip().splitlines()[-1])["seconds"]

    with tempfile.TemporaryDirectory() as folder:
        ours = side("ours", folder)
        plans = [plan_of(path) for path in sorted((Path(folder) / "ours").glob("*.xlsx"))]
        (Path(folder) / "plans.pickle").write_bytes(pickle.dumps(plans))
        floor = side("floor", folder)
    return {"ours": ours, "floor": floor}


def main_per_record(count: int) -> None:
    times = compare_per_record(count)
    print(f"{count} one-record workbooks (export only, one core)")
    for name, seconds in times.items():
        print(f"{name:6} {seconds / count * 1000:8.1f} ms/workbook")
    ratio = times["ours"] / times["floor"]
    print(f"ours / floor time: {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x)")


def main(sizes: list[int]) -> None:
    print(f"{'records':>8} {'rows':>8} {'load s':>7} {'export s':>9} {'peak RSS MB':>12} {'(records)':>10} {'file MB':>8}  target")
    for count in sizes:
        m = measure(count)
        ok = m["export_s"] < TARGET_SECONDS and m["peak_rss_mb"] < TARGET_MB
        print(f"{m['records']:>8,} {m['rows']:>8,} {m['load_s']:>7.1f} {m['export_s']:>9.1f} "
              f"{m['peak_rss_mb']:>12.0f} {m['records_rss_mb']:>10.0f} {m['file_mb']:>8.1f}  {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(int(sys.argv[2]), Path(sys.argv[3]))))
    elif sys.argv[1:2] == ["--record-side"]:
        print(json.dumps(record_side(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]))))
    elif sys.argv[1:2] == ["--per-record"]:
        main_per_record(int(sys.argv[2]) if len(sys.argv) > 2 else 100)
    else:
        main([int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000])
