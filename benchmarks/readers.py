"""Readers benchmark: wikitext pages per second against mwparserfromhell's bare parse,
dump throughput (plain XML and bz2) against the bare decoders, peak memory, and
building wikitext pages to PDF and Word against pandoc + LibreOffice.

    python benchmarks/readers.py                # all, with a 1 GB dump
    python benchmarks/readers.py --dump-mb 200 --skip-pandoc

Prints figures; asserts nothing. One core for the parse and scan figures.
"""

from __future__ import annotations

import argparse
import bz2
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = (ROOT / "tests" / "wiki" / "sample.wiki").read_text("utf-8")
FILLER = ("The two nations cooperate in [[education]], [[tourism]] and [[science]], and hold regular "
          "consultations on {{nowrap|regional matters}}.<ref name=\"f{n}\">{{{{cite web|url=https://example.org/{n}"
          "|title=Report {n}|publisher=Ministry|date=3 May 2020}}}}</ref> In {year}, a delegation visited "
          "[[Riga]] to discuss trade worth {{{{US$|{n}.5 million}}}}.<ref>https://example.org/b{n}</ref>\n\n")


def wikitext_page(rng: random.Random, size: int = 6500) -> str:
    body = [SAMPLE.split("== References ==")[0]]
    n = 0
    while sum(map(len, body)) < size:
        n += 1
        body.append(FILLER.format(n=rng.randrange(10**6), year=rng.randint(1992, 2024)))
    return "".join(body) + "== References ==\n{{Reflist}}\n"


def bench_pages(count: int) -> None:
    import mwparserfromhell

    from reports.loader import record_of
    from reports.document import Document
    from reports.readers import wikitext

    rng = random.Random(1)
    pages = [wikitext_page(rng) for _ in range(count)]
    size = sum(len(p.encode()) for p in pages) / count
    started = time.perf_counter()
    for text in pages:
        mwparserfromhell.parse(text, skip_style_tags=True)
    bare = (time.perf_counter() - started) / count
    started = time.perf_counter()
    for text in pages:
        article, warnings = wikitext.parse(text, "bench.wiki", title="Latvia–Mexico relations")
        record_of(Document(article, "0", warnings), "bench.wiki")
    ours = (time.perf_counter() - started) / count
    print(f"wikitext pages ({size / 1024:.1f} KB each, {count} pages, one core):")
    print(f"  mwparserfromhell bare parse   {bare * 1000:7.2f} ms/page")
    print(f"  reader + loader (record)      {ours * 1000:7.2f} ms/page = {1 / ours:6.0f} articles/s "
          f"({ours / bare:.2f}x the bare parse)")


def make_dump(path: Path, megabytes: int, relations_every: int = 50) -> int:
    """A dump of about `megabytes` MB where one page in `relations_every` is a relations page."""
    rng = random.Random(2)
    other = ("'''Somewhere''' is a place.<ref>https://example.org/x</ref> " * 40 + "\n\n== History ==\n" +
             "It has a [[long history|history]] of {{convert|100|km}} roads. " * 40)
    relations = SAMPLE
    written = pages = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">\n'
                  "<siteinfo><base>https://en.wikipedia.org/wiki/Main_Page</base></siteinfo>\n")
        while written < megabytes * 1_000_000:
            pages += 1
            if pages % relations_every == 0:
                title, text = f"Country{pages}–Mexico relations", relations
            else:
                title, text = f"Page {pages} {rng.randrange(10**6)}", other
            chunk = (f"<page><title>{escape(title)}</title><ns>0</ns><id>{pages}</id><revision><id>{pages}</id>"
                     f"<timestamp>2024-01-01T00:00:00Z</timestamp><text xml:space=\"preserve\">{escape(text)}"
                     "</text></revision></page>\n")
            out.write(chunk)
            written += len(chunk.encode())
        out.write("</mediawiki>\n")
    return pages


def _peak_mb_of(code: str) -> tuple[float, float]:
    """(seconds, peak resident MB) of running `code` in a fresh interpreter."""
    script = ("import resource, time, sys; sys.path.insert(0, %r); started = time.perf_counter()\n%s\n"
              "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
              % (str(ROOT), code))
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    seconds, peak = output.split()[-2:]
    return float(seconds), float(peak)


def bench_dump(megabytes: int, bz2_megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        xml = Path(folder) / "dump.xml"
        pages = make_dump(xml, megabytes)
        size = xml.stat().st_size / 1e6
        bare, _ = _peak_mb_of(f"import xml.etree.ElementTree as ET\nfor e, el in ET.iterparse({str(xml)!r}):\n"
                              "    el.clear()")
        ours, peak = _peak_mb_of(f"from reports.articles import read_all\nn = sum(1 for _ in read_all({str(xml)!r}))")
        print(f"dump: {size:,.0f} MB of XML, {pages:,} pages, one in 50 a relations page:")
        print(f"  bare iterparse scan           {size / bare:7.1f} MB/s")
        print(f"  reports (every relations page read to a record)  {size / ours:7.1f} MB/s, "
              f"peak memory {peak:.0f} MB")
        small = Path(folder) / "small.xml"
        make_dump(small, bz2_megabytes)
        packed = Path(folder) / "small.xml.bz2"
        with open(small, "rb") as source, bz2.open(packed, "wb", compresslevel=9) as target:
            shutil.copyfileobj(source, target, 1 << 20)
        size = small.stat().st_size / 1e6
        decode, _ = _peak_mb_of(f"import bz2\nwith bz2.open({str(packed)!r}) as f:\n"
                                "    while f.read(1 << 20): pass")
        ours, peak = _peak_mb_of(f"from reports.articles import read_all\nn = sum(1 for _ in read_all({str(packed)!r}))")
        print(f"  .bz2 of {size:,.0f} MB: bare bz2 decoding {size / decode:6.1f} MB/s; reports {size / ours:6.1f} MB/s "
              f"({decode / ours:.2f}x of the bare decoding speed), peak memory {peak:.0f} MB")


def bench_against_pandoc(count: int) -> None:
    if not (shutil.which("pandoc") and shutil.which("soffice")):
        print("pandoc or soffice missing: side-by-side comparison skipped")
        return
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as folder:
        pages = Path(folder) / "pages"
        pages.mkdir()
        for number in range(count):
            (pages / f"Country{number}–Mexico relations.wiki").write_text(wikitext_page(rng), "utf-8")
        started = time.perf_counter()
        docx = Path(folder) / "pandoc"
        docx.mkdir()
        for page in pages.iterdir():
            subprocess.run(["pandoc", "-f", "mediawiki", "-t", "docx", "-o", str(docx / (page.stem + ".docx")),
                            str(page)], check=True, capture_output=True)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf",
                        "--outdir", str(docx), *map(str, docx.glob("*.docx"))], check=True, capture_output=True)
        theirs = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reports.cli", "build", str(pages), "--out", f"{folder}/out",
                        "--format", "pdf,docx", "--no-combined", "--quiet"], check=True, cwd=ROOT,
                       capture_output=True)
        ours = time.perf_counter() - started
        print(f"{count} wikitext pages to PDF and Word:")
        print(f"  pandoc per page + one LibreOffice batch   {theirs:6.1f} s")
        print(f"  reports build --format pdf,docx           {ours:6.1f} s ({theirs / ours:.1f}x faster)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--dump-mb", type=int, default=1000)
    parser.add_argument("--bz2-mb", type=int, default=100)
    parser.add_argument("--pandoc-pages", type=int, default=20)
    parser.add_argument("--skip-pandoc", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    bench_pages(args.pages)
    bench_dump(args.dump_mb, args.bz2_mb)
    if not args.skip_pandoc:
        bench_against_pandoc(args.pandoc_pages)


if __name__ == "__main__":
    main()
