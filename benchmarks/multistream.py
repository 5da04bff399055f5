"""Multistream benchmark: building every relations article of a generated >= 1 GB
Wikipedia multistream dump with its index against without it; articles per second on
a Dask LocalCluster (`--scheduler local:2`) against the process pool (`--jobs 2`); the
client's peak memory.

    python benchmarks/multistream.py                      # 1 GB dump, cached between runs
    python benchmarks/multistream.py --size-mb 200 --engine-size-mb 20 --formats json,pdf
    python benchmarks/multistream.py --parts 1 --relations-share 0.0002   # Wikipedia's density only

Each build runs in a fresh process (`reports build`, as a user runs it) from an empty
output folder; the client's peak RSS is its own getrusage maximum (workers excluded).
Prints figures and the machine's load average; asserts nothing. Targets (issue 16):
>= 10x faster with the index, local:2 within 15 % of --jobs 2, client < 300 MB.
"""

from __future__ import annotations

import argparse
import bz2
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the dump generator lives with the tests
sys.path.insert(0, str(ROOT))

from multistream_dump import write_dump  # noqa: E402

DEFAULT_SHARE = 0.01  # the "~1 % relations pages" (0.9 % once redirects and categories are beside them)
# English Wikipedia: a few thousand "A–B relations" articles among the ~24 million pages of
# pages-articles-multistream (articles, redirects, other namespaces): about 0.02 %.
REALISTIC_SHARE = 0.0002

_CLIENT = """
import json, resource, sys, time
from reports.cli import cli
started = time.perf_counter()
try:
    cli(sys.argv[1:], standalone_mode=False)
finally:
    print(json.dumps({"seconds": time.perf_counter() - started,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stdout)
"""


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f} (1/5/15 min, {os.cpu_count()} CPUs)"


def dump(cache: Path, size_mb: int, seed: int, share: float = DEFAULT_SHARE):
    """The generated dump, written once per size, seed and relations share into the
    cache folder."""
    folder = cache / (f"multistream-{size_mb}mb-seed{seed}" + ("" if share == DEFAULT_SHARE else f"-share{share:g}"))
    stamp = folder / "dump.json"
    if stamp.exists():
        info = json.loads(stamp.read_text())
        print(f"dump: reusing {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        made = write_dump(folder, target_bytes=size_mb << 20, relations_share=share, seed=seed,
                          workers=os.cpu_count() or 1)
        info = {"path": str(made.path), "index": str(made.index), "relations": len(made.relations),
                "pages": made.pages, "xml_bytes": made.xml_bytes}
        stamp.write_text(json.dumps(info))
        print(f"dump: generated in {time.perf_counter() - started:.0f} s")
    path, index = Path(info["path"]), Path(info["index"])
    with bz2.open(index, "rt", encoding="utf-8") as lines:
        offsets = [line.split(":", 1)[0] for line in lines]
    with bz2.open(index, "rt", encoding="utf-8") as lines:
        wanted = {line.split(":", 1)[0] for line in lines if unescape(line.rstrip("\n").split(":", 2)[2]).endswith(" relations")}
    print(f"dump: {info['xml_bytes'] / 1e9:.2f} GB of XML, {path.stat().st_size / 1e6:.0f} MB bz2, "
          f"{info['pages']:,} pages, {info['relations']:,} relations articles "
          f"({info['relations'] / info['pages']:.2%}), streams with a relations title: "
          f"{len(wanted):,} of {len(set(offsets)):,}")
    return path, index, info


def build(path: Path, out: Path, *options: str) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CLIENT, "build", str(path), "--out", str(out), "--quiet",
                           *options], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    built = len(json.loads((out / ".reports-manifest.json").read_text("utf-8"))["articles"])
    return {**figures, "wall": wall, "built": built, "summary": summary}


def show(name: str, result: dict) -> None:
    print(f"  {name:<28} {result['wall']:8.1f} s  {result['built']:6,} articles  "
          f"{result['built'] / result['wall']:7.2f} articles/s  client peak RSS {result['rss_mb']:5.0f} MB   [{load()}]")


def index_against_whole(args, work: Path, share: float) -> list[dict]:
    """Every relations article of the dump at this relations share, with the index and
    without it (the index put aside, so the whole dump is streamed)."""
    path, index, info = dump(args.cache, args.size_mb, args.seed, share)
    folder = work / f"share{share:g}"
    indexed = build(path, folder / "indexed", "--format", args.formats, "--jobs", "2")
    show("with the index (beside it)", indexed)
    if args.skip_whole:
        return [indexed]
    aside = index.rename(index.with_name("aside-" + index.name))  # not found beside the dump
    try:
        whole = build(path, folder / "whole", "--format", args.formats, "--jobs", "2")
    finally:
        aside.rename(index)
    show("without the index", whole)
    same = sorted(p.name for p in (folder / "whole").iterdir()) == sorted(p.name for p in (folder / "indexed").iterdir()) \
        and all((folder / "whole" / p.name).read_bytes() == p.read_bytes()
                for p in (folder / "indexed").iterdir() if p.is_file() and p.name != ".reports-manifest.json")
    print(f"  -> {whole['wall'] / indexed['wall']:.1f}x faster with the index (target >= 10x); "
          f"same articles and documents: {same}")
    return [indexed, whole]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024, help="uncompressed XML of the dump (default 1024)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--relations-share", default=f"{REALISTIC_SHARE:g},{DEFAULT_SHARE:g}",
                        help="share of relations articles among the pages, one dump each, comma-separated "
                             f"(default {REALISTIC_SHARE:g} as in English Wikipedia, and the issue's {DEFAULT_SHARE:g})")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "reports-benchmarks")
    parser.add_argument("--formats", default="json", help="formats of the index/no-index builds (default json)")
    parser.add_argument("--engine-formats", default="pdf,docx,xlsx,json",
                        help="formats of the local:2 / --jobs 2 builds (default all)")
    parser.add_argument("--engine-size-mb", type=int, default=100,
                        help="the (smaller) dump of the local:2 / --jobs 2 builds (default 100)")
    parser.add_argument("--skip-whole", action="store_true", help="skip the builds without the index")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each engine in part 2 (default 2)")
    parser.add_argument("--parts", default="1,2", help="1: with the index vs without; 2: local:2 vs --jobs 2")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    print(f"start: {load()}")
    work = Path(tempfile.mkdtemp(prefix="reports-multistream-"))
    results = []
    try:
        if "1" in parts:
            for share in map(float, args.relations_share.split(",")):
                print(f"\n1. every relations article (share {share:g}), --format {args.formats} --jobs 2: "
                      "with the index vs without")
                results += index_against_whole(args, work, share)
        if "2" in parts:
            print(f"\n2. every relations article of a {args.engine_size_mb} MB dump, --format {args.engine_formats}: "
                  f"--jobs 2 vs --scheduler local:2, {args.repeat} times each, alternating")
            small, _, _ = dump(args.cache, args.engine_size_mb, args.seed)
            rates = []
            for _ in range(args.repeat):
                pool = build(small, work / "pool", "--format", args.engine_formats, "--jobs", "2")
                show("--jobs 2", pool)
                dask = build(small, work / "dask", "--format", args.engine_formats, "--scheduler", "local:2")
                show("--scheduler local:2", dask)
                rates.append((dask["built"] / dask["wall"]) / (pool["built"] / pool["wall"]))
                results += [pool, dask]
            print(f"  -> local:2 at {', '.join(f'{rate:.0%}' for rate in rates)} of --jobs 2's articles/s "
                  "(target: within 15 %)")
        peak = max(r["rss_mb"] for r in results) if results else 0
        print(f"\n3. client peak RSS over these builds: {peak:.0f} MB (target < 300 MB)")
        print(f"end: {load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
