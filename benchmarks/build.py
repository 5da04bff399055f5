"""The whole `reports build` on generated articles, and a peer pipeline for scale.

    python benchmarks/build.py [--sizes 1,100,1000] [--no-peer]

For each size: all formats with --jobs 1 and --jobs 2 (articles per second, peak RSS
of the build process); then PDF+DOCX only, next to the peer a user might otherwise
run: pandoc once per article to .docx, then LibreOffice converting every .docx to
PDF in one call. Last, how long `reports --help` takes to answer.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the article generator lives with the tests
from generated_articles import write_articles  # noqa: E402

REPORTS = [sys.executable, "-m", "reports"]
# `python -m reports` must run this tree's package, not one installed elsewhere (an editable
# install of another checkout would otherwise be timed).
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def run(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of a command run in a child process."""
    code = ("import resource, subprocess, sys, json; "
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *command], cwd=cwd, capture_output=True, text=True,
                            env=CHILD_ENV)
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}")
    return seconds, int(result.stdout.strip()) / 1024


def ours(folder: Path, out: Path, formats: str, jobs: int) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    return run([*REPORTS, "build", str(folder), "--out", str(out), "--format", formats,
                "--jobs", str(jobs), "--quiet"])


def peer(folder: Path, out: Path, pattern: str = "*.txt", reader: str = "markdown",
         profile: Path | None = None) -> float:
    """pandoc per article to .docx, then one LibreOffice call for all PDFs. `reader` is
    pandoc's -f (mediawiki for .wiki pages); `profile` a LibreOffice user folder to reuse
    (one made up front and warmed by `warm_libreoffice` times the conversions, not
    LibreOffice's first start), by default a fresh one inside `out`."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    started = time.perf_counter()
    for article in sorted(folder.glob(pattern)):
        subprocess.run(["pandoc", "-f", reader, "-t", "docx", str(article), "-o",
                        str(out / f"{article.stem}.docx")], check=True, capture_output=True)
    libreoffice(sorted(out.glob("*.docx")), out, profile or out / "profile")
    return time.perf_counter() - started


def libreoffice(documents: list[Path], out: Path, profile: Path) -> None:
    """One LibreOffice call converting `documents` to PDF in `out`; its own user profile,
    since two soffice processes sharing one lose conversions silently."""
    subprocess.run(["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)],
                   check=True, capture_output=True)


def warm_libreoffice(profile: Path, scratch: Path) -> None:
    """Create and warm a LibreOffice profile with one untimed conversion of a small .docx."""
    scratch.mkdir(parents=True, exist_ok=True)
    article = write_articles(scratch, 1)[0]
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", str(article), "-o", str(scratch / "warm.docx")],
                   check=True, capture_output=True)
    libreoffice([scratch / "warm.docx"], scratch, profile)


def help_seconds(repeats: int = 5) -> list[float]:
    """Wall time of each of `repeats` runs of `reports --help`."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run([*REPORTS, "--help"], stdout=subprocess.DEVNULL, check=True, env=CHILD_ENV)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--no-peer", action="store_true")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print(f"{'articles':>8} {'formats':>8} {'jobs':>4} {'seconds':>8} {'art/s':>7} {'peak MB':>8}")
        for size in sizes:
            folder = tmp / f"in-{size}"
            write_articles(folder, size)
            for jobs in (1, 2):
                seconds, peak = ours(folder, tmp / "out", "pdf,docx,xlsx,json", jobs)
                print(f"{size:>8} {'all':>8} {jobs:>4} {seconds:>8.2f} {size / seconds:>7.1f} {peak:>8.0f}")
        if not options.no_peer and shutil.which("pandoc") and shutil.which("soffice"):
            size = min(100, max(sizes))
            folder = tmp / f"in-{size}"
            seconds, _ = ours(folder, tmp / "out", "pdf,docx", 2)
            warm_libreoffice(tmp / "lo-profile", tmp / "warm")
            peer_seconds = peer(folder, tmp / "peer", profile=tmp / "lo-profile")
            print(f"\npdf+docx for {size} articles: reports build {seconds:.1f} s, "
                  f"pandoc + LibreOffice {peer_seconds:.1f} s: the peer is {peer_seconds / seconds:.1f}x slower")
        times = help_seconds(5)
        print(f"\nreports --help: {sum(times) / len(times):.2f} s (best {min(times):.2f} s)")


if __name__ == "__main__":
    main()
