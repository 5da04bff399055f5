"""One build, run in a worker process of the server's pool: fetch the titles asked for,
then `reports.build` the build folder's inputs into its out/ folder, exactly as
`reports build` does (the same pipeline, its `jobs` worker processes), then draw page
one of each brief and pack everything into one zip. It tells the server how far it got
by rewriting the folder's status.json, which the page polls.

The worker changes into the build's inputs/ folder, so the documents name their source
as the user's file (`georgia-mexico.txt`), never a path on the server.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import reports

from . import fetching, store

log = logging.getLogger("reports.web")
PREVIEW_DPI = 50


WARM_UP_ARTICLE = """= Aland–Borduria relations =

The two countries established diplomatic relations on 1 May 1990.

==Visits==
- President A. Person of Aland visited Borduria in 2001.
"""


def warm() -> None:
    """Pay once, when the worker process starts, what the first build of a process costs
    (imports, fonts, the places table: seconds), so a user's build does not."""
    import tempfile

    try:
        with tempfile.TemporaryDirectory() as folder:
            article = Path(folder) / "warm-up.txt"
            article.write_text(WARM_UP_ARTICLE, "utf-8")
            reports.build([str(article)], os.path.join(folder, "out"), reports.BuildOptions(jobs=1))
    except Exception:  # a worker that cannot warm up still builds, only slower the first time
        log.exception("warming up a build worker")


def ready() -> bool:
    """Nothing: submitted once per worker at start-up so every worker process starts (and warms)."""
    return True


def run(folder: str, spec: dict) -> None:
    """Build what `spec` asks for in `folder`; every outcome ends in status.json."""
    root = Path(folder)
    try:
        _run(root, spec)
    except Exception as error:  # the page gets one line, the log the traceback
        log.exception("build %s failed", root.name)
        store.update_status(root, state="failed", message=f"the build stopped: {type(error).__name__}")


def _run(root: Path, spec: dict) -> None:
    inputs, out = root / "inputs", root / "out"
    notes = list(spec.get("notes", ()))
    if spec.get("titles"):
        store.update_status(root, state="fetching", message="fetching pages")
        _, problems = fetching.fetch_titles(spec["titles"], inputs, wiki=spec.get("wiki"),
                                            contact=spec.get("contact"))
        notes += problems
    articles = sorted(entry.name for entry in os.scandir(inputs) if entry.is_file())
    if not articles:
        store.update_status(root, state="failed", message="nothing to build: " + ("; ".join(notes) or "no articles"))
        return
    store.update_status(root, state="reading", message=f"reading {len(articles)} file(s)")
    counts = {"planned": 0, "done": 0}

    def planned(total: int) -> None:
        counts["planned"] = total
        store.update_status(root, state="building", planned=total, done=0)

    def progress(step: int) -> None:
        counts["done"] += step
        store.update_status(root, state="building", planned=counts["planned"], done=counts["done"])

    options = reports.BuildOptions(formats=tuple(spec["formats"]), layout=spec.get("layout"), jobs=spec.get("jobs", 1),
                                   force=bool(spec.get("force")), max_bytes=spec.get("max_bytes"))
    os.chdir(inputs)
    try:
        result = reports.build(articles, os.path.join("..", "out"), options, progress=progress, planned=planned)
    except reports.ReportsError as error:
        store.update_status(root, state="failed", message=str(error))
        return
    finally:
        os.chdir(root.parent)
    # Every article's JSON record is written (the results page reads them): its articles.
    stems = sorted(name[:-5] for name in os.listdir(out) if name.endswith(".json") and not name.startswith("."))
    notes += _unmatched_documents(out, spec.get("documents", ()), stems)
    previews = _previews(out, root / "previews", stems) if "pdf" in spec["formats"] else {}
    _pack(out, root / "everything.zip")
    store.update_status(
        root, state="done", planned=counts["planned"], done=counts["done"], built=result.built,
        failures=[_line(d) for d in result.failures], warnings=[_line(d) for d in result.warnings],
        backups=[path.name for path in result.backups], notes=notes, stems=stems, previews=previews,
        seconds=round(result.seconds, 2),
        message=f"built {result.built}, failed {result.failed} in {result.seconds:.1f} s")


def _line(diagnostic) -> str:
    """A diagnostic as `reports build` prints it; paths are the user's file names already."""
    return str(diagnostic)


def _unmatched_documents(out: Path, documents, stems: list[str]) -> list[str]:
    known = set(stems) | {"relationships"}
    return [f"{name}: no article of this build has that name, so nothing was carried from it"
            for name in documents if Path(name).stem not in known]


def _previews(out: Path, folder: Path, stems: list[str]) -> dict[str, bool]:
    """Page one of each brief as PNG, when poppler's pdftoppm is installed."""
    tool = shutil.which("pdftoppm")
    made = {}
    for stem in stems:
        pdf = out / f"{stem}.pdf"
        if tool and pdf.exists():
            done = subprocess.run([tool, "-png", "-r", str(PREVIEW_DPI), "-f", "1", "-l", "1", "-singlefile",
                                   str(pdf), str(folder / stem)], check=False, capture_output=True, timeout=60)
            made[stem] = done.returncode == 0 and (folder / f"{stem}.png").exists()
        else:
            made[stem] = False
    return made


def _pack(out: Path, target: Path) -> None:
    """Every document of the build in one zip (the build's own bookkeeping left out)."""
    temporary = target.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in sorted(os.scandir(out), key=lambda e: e.name):
            if entry.is_file() and not entry.name.startswith("."):
                archive.write(entry.path, entry.name)
    os.replace(temporary, target)
