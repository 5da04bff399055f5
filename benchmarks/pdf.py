"""PDF briefs: ours next to the floor, on one core.

    python benchmarks/pdf.py [--count 1000]

The floor is a bare reportlab document holding the same text and tables (title,
summary, key facts, visits, agreements, trade, exports, missions, history, see also,
sources) with the same embedded DejaVu fonts, but none of our styling: no title band,
timeline, header/footer, page count, bookmarks, links or citations. Records are loaded
first; only the export is timed. Each side runs in its own process, so its peak RSS is
its own; peak traced memory is the largest tracemalloc peak of one brief (measured on a
sample in a second pass, since tracing slows everything down).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the article generator
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generated_articles import write_articles  # noqa: E402

TRACED_SAMPLE = 50
TARGET_RATIO = 2.0


def floor_export(record, layout, path) -> list[str]:
    """The same content as the brief, as plainly as reportlab allows."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from reports.exporters._reportlab_text.fonts import family
    from reports.facts_view import (amount_label, date_label, history_sections, key_facts,
                                    mission_label, other_sections)

    font = family(layout.fonts.body)
    text = ParagraphStyle("t", fontName=font.regular, fontSize=layout.fonts.size, bulletFontName=font.regular)
    head = ParagraphStyle("h", parent=text, fontName=font.bold, fontSize=layout.fonts.heading_size,
                          leading=layout.fonts.heading_size * 1.2)

    def para(value, style=text):
        return Paragraph(escape(value), style)

    def table(rows):
        return Table([[para(str(cell)) for cell in row] for row in rows], splitInRow=1, repeatRows=1)

    story = [para(record.title, head)]
    story += [table([(f.label, f.value) for f in key_facts(record, layout)]), para(record.summary)]
    story += [table([("date", "office", "person")] + [(date_label(v.date, layout), v.office or "", v.person or "")
                                                      for v in record.visits])] if record.visits else []
    story += [table([("year", "title")] + [(a.date or "", a.title) for a in record.agreements])] if record.agreements else []
    story += [table([("year", "total")] + [(t.year, amount_label(t.total_usd, layout)) for t in record.trade])] if record.trade else []
    story += [para(p, text) for e in record.exports for p in e.products]
    story += [table([(m.country, mission_label(m, layout))]) for m in record.missions]
    for section in history_sections(record) + other_sections(record):
        story.append(para(section.heading, head))
        for block in section.blocks:
            story += [para(block.text)] if block.type == "paragraph" else [para(i) for i in block.items]
    story += [para(item) for item in record.see_also]
    story += [para(record.source.path), para(record.source.sha256)]
    SimpleDocTemplate(str(path), invariant=1, initialFontName=font.regular).build(story)
    return []


def run_side(side: str, count: int) -> None:
    """Build `count` briefs with one exporter; print seconds, peak RSS, traced peak."""
    from reports.exporters import _pdf
    from reports.layout import load_layout
    from reports.articles import load

    export = _pdf.export if side == "ours" else floor_export
    layout = load_layout("default")
    with tempfile.TemporaryDirectory() as folder:
        records = [load(p) for p in write_articles(Path(folder) / "in", count)]
        out = Path(folder) / "out"
        out.mkdir()
        export(records[0], layout, out / "warm.pdf")  # font registration is once per process
        started = time.perf_counter()
        for i, record in enumerate(records):
            export(record, layout, out / f"{i}.pdf")
        seconds = time.perf_counter() - started
        traced = 0.0
        for i, record in enumerate(records[:TRACED_SAMPLE]):
            tracemalloc.start()
            export(record, layout, out / f"t{i}.pdf")
            traced = max(traced, tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(seconds, rss, traced)


def measure(side: str, count: int) -> tuple[float, float, float]:
    result = subprocess.run([sys.executable, __file__, "--side", side, "--count", str(count)],
                            capture_output=True, text=True, check=True)
    seconds, rss, traced = map(float, result.stdout.split())
    return seconds, rss, traced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--side", choices=("ours", "floor"))
    args = parser.parse_args()
    if args.side:
        return run_side(args.side, args.count)
    results = {side: measure(side, args.count) for side in ("floor", "ours")}
    print(f"{args.count} generated records to PDF (export only, one core)")
    print(f"{'':8} {'briefs/s':>9} {'ms/brief':>9} {'peak RSS MB':>12} {'peak traced MB/brief':>21}")
    for side, (seconds, rss, traced) in results.items():
        print(f"{side:8} {args.count / seconds:9.1f} {seconds / args.count * 1000:9.1f} {rss:12.0f} {traced:21.1f}")
    ratio = results["ours"][0] / results["floor"][0]
    verdict = "within" if ratio <= TARGET_RATIO else "over"
    print(f"ours / floor time: {ratio:.2f}x ({verdict} the {TARGET_RATIO:.0f}x target)")


if __name__ == "__main__":
    main()
