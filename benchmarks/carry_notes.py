"""The cost of carrying analysts' notes: rebuilding 100 dossiers that each carry notes,
against rebuilding the same 100 dossiers without notes (target: at most 1.3x).

    python benchmarks/carry_notes.py [COUNT] [ROUNDS]     (default 100 articles, 5 rounds)

Both runs do what a worker does for each article on a rebuild (pipeline.export_article:
check the old file against its manifest digest, write the new dossier carrying what the
old one holds, digest it); records are loaded before the clock starts. Each noted
dossier holds notes under three parts: formatted runs, a second paragraph, a bullet
and a small table. Rounds alternate plain and noted; the median of each is reported.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the article generator lives with the tests


def type_notes(path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    body = list(document.element.body)
    for index, element in enumerate(body):
        names = [m.get(qn("w:name")) or "" for m in element.iter(qn("w:bookmarkStart"))]
        part = next((n[len("rpt_notes_"):] for n in names if n.startswith("rpt_notes_")), None)
        if part not in ("summary", "visits", "trade"):
            continue
        paragraph = docx.text.paragraph.Paragraph(body[index + 1], document._body)
        paragraph.add_run(f"Note on {part}: ")
        paragraph.add_run("follow up before the meeting").bold = True
        paragraph.add_run(", see the last cable.").italic = True
        second = document.add_paragraph("Second thought: check the figures with the embassy.",
                                        style="Analyst Notes")
        paragraph._p.addnext(second._p)
        bullet = document.add_paragraph("Ask about the consulate", style="List Bullet")
        second._p.addnext(bullet._p)
        table = document.add_table(rows=2, cols=2)
        for row, (a, b) in zip(table.rows, (("Contact", "Ms. Ortega"), ("Phone", "+52 55 0000 0000"))):
            row.cells[0].text, row.cells[1].text = a, b
        bullet._p.addnext(table._tbl)
    document.save(str(path))


def rebuild_round(records, stems, out: Path, plans) -> float:
    from reports.pipeline.article import export_article

    gc.collect()
    start = time.perf_counter()
    for record, stem in zip(records, stems):
        outcome = export_article(record, stem, str(out), ("docx",), None, False, 1, plans[stem])
        assert outcome.error is None, outcome.error
    return time.perf_counter() - start


def main(count: int, rounds: int) -> None:
    from generated_articles import write_articles
    from reports.carry import documents
    from reports.carry.plan import CarryPlan
    from reports.articles import load
    from reports.pipeline.article import export_article
    from reports.pipeline.stems import assign_stems

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        records = [load(str(p)) for p in write_articles(folder / "articles", count)]
        stems, _ = assign_stems(records)  # generated articles may share an id
        outs = {"plain": folder / "plain", "noted": folder / "noted"}
        plans = {}
        for name, out in outs.items():
            out.mkdir()
            for record, stem in zip(records, stems):
                export_article(record, stem, str(out), ("docx",), None, False, 1)
                if name == "noted":
                    type_notes(out / f"{stem}.docx")
            plans[name] = {stem: CarryPlan({"docx": documents.record(out / f"{stem}.docx", "docx")})
                           for stem in stems}
        times = {"plain": [], "noted": []}
        for _ in range(rounds):
            for name, out in outs.items():
                times[name].append(rebuild_round(records, stems, out, plans[name]))
        carried = sum(_has_notes(outs["noted"] / f"{stem}.docx") for stem in stems)
        backups = len(list(outs["noted"].glob("*.edited-*")))
    plain, noted = statistics.median(times["plain"]), statistics.median(times["noted"])
    print(f"{count} dossiers, {rounds} rounds each (median), per-article rebuild work timed")
    print(f"plain rebuild : {plain:6.2f} s  ({1000 * plain / count:5.1f} ms/dossier)")
    print(f"with notes    : {noted:6.2f} s  ({1000 * noted / count:5.1f} ms/dossier)")
    print(f"ratio noted/plain: {noted / plain:.2f}x (target <= 1.3x); "
          f"{carried}/{count} dossiers still hold their notes, {backups} backups")


def _has_notes(path: Path) -> bool:
    from reports.exporters._docx.notes import read_notes

    return len(read_notes(path).notes) == 3


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
