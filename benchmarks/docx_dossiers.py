"""Word dossiers per second and peak memory, next to the floor: a bare python-docx
document with the same text and tables (no styles, fields, header, fixed zip).

    python benchmarks/docx_dossiers.py [COUNT]        (default 1,000 generated articles)

(Not named docx.py: Python puts a script's own folder, benchmarks/, first on sys.path,
where a docx.py would hide python-docx.)

Records are loaded before the clock starts, and each side writes one document before it
(first-use costs: templates, styles); only writing documents is timed. Each
run is its own process, so its peak RSS is its own; both collect garbage every 50
documents (python-docx leaves reference cycles behind).
"""

from __future__ import annotations

import gc
import io
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
TARGET_RATIO = 1.5  # issue 25: a dossier costs at most 1.5 times the bare document


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec; ru_maxrss on
    Linux may keep the parent's high-water mark from before the fork."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_dossiers(articles: Path, out: Path) -> dict:
    from reports.exporters import _docx
    from reports.layout import load_layout
    from reports.articles import load

    layout = load_layout("default")
    records = [load(str(path)) for path in sorted(articles.glob("*.txt"))]
    warm = out.parent / "warm-dossier.docx"  # not in `out`, whose files the floor copies
    _docx.export(records[0], layout, warm)  # first-use costs (styles, fonts) once, outside the clock
    warm.unlink()
    gc.collect()
    loaded_mb = _peak_rss_mb()
    start = time.perf_counter()
    for record in records:
        _docx.export(record, layout, out / f"{record.id}.docx")  # collects every 50 itself
    seconds = time.perf_counter() - start
    return {"count": len(records), "seconds": seconds, "loaded_mb": loaded_mb, "peak_mb": _peak_rss_mb()}


def run_floor(plans_file: Path, out: Path) -> dict:
    import docx

    plans = pickle.loads(plans_file.read_bytes())
    _bare_document(docx, plans[0]).save(io.BytesIO())  # python-docx reads its template once, outside the clock
    gc.collect()
    loaded_mb = _peak_rss_mb()
    start = time.perf_counter()
    for index, plan in enumerate(plans):
        _bare_document(docx, plan).save(out / f"{index:05d}.docx")
        if index % 50 == 49:
            gc.collect()
    seconds = time.perf_counter() - start
    return {"count": len(plans), "seconds": seconds, "loaded_mb": loaded_mb, "peak_mb": _peak_rss_mb()}


def _bare_document(docx, plan):
    document = docx.Document()
    for kind, content in plan:
        if kind == "heading":
            document.add_heading(content[1], content[0])
        elif kind == "paragraph":
            document.add_paragraph(content)
        else:
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for row, values in zip(table.rows, content):
                for cell, value in zip(row.cells, values):
                    cell.text = value
    return document


def plan_of(path: Path) -> list:
    """The text and tables of a dossier, in order: what the floor writes."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    plan = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            plan.append(("table", [[cell.text for cell in row.cells] for row in item.rows]))
        elif isinstance(item, Paragraph):
            style = item.style.name
            if style.startswith("Heading ") or style == "Title":
                plan.append(("heading", (0 if style == "Title" else int(style[-1]), item.text)))
            else:
                plan.append(("paragraph", item.text))
    return plan


def _child(mode: str, *args: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, f"--{mode}", *map(str, args)],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout)


def compare(count: int) -> tuple[dict, dict, list[float]]:
    """(dossier run, floor run, [KB per dossier, KB per floor document]) for `count`
    generated records; each run is a dict of count, seconds, loaded_mb and peak_mb."""
    sys.path.insert(0, str(ROOT / "tests"))
    from generated_articles import write_articles  # tests/generated_articles.py
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        write_articles(folder / "articles", count)
        (folder / "dossiers").mkdir()
        (folder / "floor").mkdir()
        dossier = _child("dossiers", folder / "articles", folder / "dossiers")
        plans = []
        for path in sorted((folder / "dossiers").glob("*.docx")):
            plans.append(plan_of(path))
            if len(plans) % 50 == 0:
                gc.collect()
        (folder / "plans.pickle").write_bytes(pickle.dumps(plans))
        floor = _child("floor", folder / "plans.pickle", folder / "floor")
        sizes = [sum(p.stat().st_size for p in (folder / name).glob("*.docx")) / count / 1024
                 for name in ("dossiers", "floor")]
    return dossier, floor, sizes


def main(count: int) -> None:
    dossier, floor, sizes = compare(count)
    print(f"{count} generated records, one process each run, export only timed")
    print(f"{'':18}{'docs/s':>9}{'ms/doc':>9}{'peak RSS MB':>13}{'(after load)':>14}{'KB/doc':>9}")
    for name, result, size in (("dossier (_docx)", dossier, sizes[0]), ("floor (bare)", floor, sizes[1])):
        rate = result["count"] / result["seconds"]
        print(f"{name:18}{rate:9.1f}{1000 / rate:9.1f}{result['peak_mb']:13.1f}"
              f"{result['loaded_mb']:14.1f}{size:9.1f}")
    ratio = dossier["seconds"] / floor["seconds"]
    print(f"time ratio dossier/floor: {ratio:.2f}x (target <= {TARGET_RATIO}x)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] in ("--dossiers", "--floor"):
        run = run_dossiers if sys.argv[1] == "--dossiers" else run_floor
        print(json.dumps(run(Path(sys.argv[2]), Path(sys.argv[3]))))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
