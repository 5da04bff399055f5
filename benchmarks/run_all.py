"""Every speed figure of issue 25 in one run, printed as one Markdown table.

    python benchmarks/run_all.py                       # everything, side by side (12 min on 2 busy cores)
    python benchmarks/run_all.py --quick               # small sizes, one repeat: a smoke run
    python benchmarks/run_all.py --only help,one-page  # some figures (names: --list)

Prints a table of figure, value, target and whether it is met (✓/✗) to paste into a
note, and a line saying where it was measured; progress goes to stderr. The figures come
from the other scripts here (build.py, pdf.py, docx_dossiers.py, xlsx.py, shapes.py),
imported, and from `reports build` run as a user runs it (`python -m reports`, with this
tree first on PYTHONPATH). The peers need pandoc and LibreOffice (soffice); without them
their rows say so. Exits 1 when a figure could not be measured (an error row), not when a
target is missed.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WIKI_PAGES = 9
LINEAR_SLACK = 1.25  # growth within 25 % of linear counts as linear (a shared machine is noisy)


@dataclass(frozen=True)
class Sizes:
    articles: int             # generated articles for the builds and the exporters
    wiki_runs: int            # fresh builds of the wikitext pages
    repeats: int              # of the one-page build (best taken)
    help_repeats: int         # of `reports --help` (best taken)
    big_mb: tuple[float, ...]  # sizes of the large articles; the last is the one with a target


FULL = Sizes(articles=100, wiki_runs=5, repeats=3, help_repeats=5, big_mb=(1, 2, 4, 5))
QUICK = Sizes(articles=10, wiki_runs=1, repeats=1, help_repeats=2, big_mb=(0.05, 0.1, 0.2, 0.25))


@dataclass(frozen=True)
class Row:
    figure: str
    value: str
    target: str
    met: bool | None  # None: not measured (skipped, or an error)


class Skipped(Exception):
    """A figure that cannot be measured here (a peer's tool is missing): its row says why."""

    def __init__(self, row: Row):
        super().__init__(row.value)
        self.row = row


# -- the other benchmark scripts, imported by path (benchmarks/ is not a package) ----------

_SCRIPTS: dict[str, ModuleType] = {}


def script(name: str) -> ModuleType:
    if name not in _SCRIPTS:
        spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", HERE / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _SCRIPTS[name] = module
    return _SCRIPTS[name]


class Workspace:
    """The run's scratch folder, and what several figures share: generated articles, a
    warmed LibreOffice profile."""

    def __init__(self, folder: Path, sizes: Sizes):
        self.folder, self.sizes = folder, sizes
        self._articles: Path | None = None
        self._profile: Path | None = None

    def articles(self) -> Path:
        if self._articles is None:
            self._articles = self.folder / "articles"
            script("build").write_articles(self._articles, self.sizes.articles)
        return self._articles

    def libreoffice_profile(self) -> Path:
        if self._profile is None:
            self._profile = self.folder / "libreoffice-profile"
            script("build").warm_libreoffice(self._profile, self.folder / "libreoffice-warm")
        return self._profile


def needs_peers(figure: str, target: str) -> None:
    for tool, name in (("pandoc", "pandoc"), ("soffice", "LibreOffice (soffice)")):
        if not shutil.which(tool):
            raise Skipped(Row(figure, f"skipped: {name} not installed", target, None))


def build_seconds(paths: list[Path], out: Path, formats: str, jobs: int, *extra: str) -> tuple[float, float]:
    """(wall seconds, peak RSS MB of the build's processes) of one `reports build`."""
    build = script("build")
    return build.run([*build.REPORTS, "build", *map(str, paths), "--out", str(out), "--format", formats,
                      "--jobs", str(jobs), "--quiet", *extra])


def speed_up(ours: float, theirs: float) -> str:
    return f"{ours:.1f} s vs {theirs:.1f} s: {theirs / ours:.1f}x"


def count(folder: Path, pattern: str, expected: int, who: str) -> None:
    """A build or peer that wrote fewer files than asked would look faster than it is."""
    found = len(list(folder.glob(pattern)))
    if found != expected:
        raise RuntimeError(f"{who} wrote {found} {pattern} files, not {expected}")


# -- the figures ----------------------------------------------------------------------------


def plain_against_peer(work: Workspace) -> list[Row]:
    n = work.sizes.articles
    figure = f"{n} plain articles → PDF + Word, `--jobs 2`, against pandoc + one LibreOffice batch"
    target = "≥ 4x"
    needs_peers(figure, target)
    articles, out, peer_out = work.articles(), work.folder / "plain-out", work.folder / "plain-peer"
    shutil.rmtree(out, ignore_errors=True)
    ours, _ = build_seconds([articles], out, "pdf,docx", 2)
    count(out, "*.pdf", n, "reports build")
    theirs = script("build").peer(articles, peer_out, profile=work.libreoffice_profile())
    count(peer_out, "*.pdf", n, "LibreOffice")
    return [Row(figure, speed_up(ours, theirs), target, theirs / ours >= 4)]


def wiki_pages(folder: Path, count_: int) -> Path:
    """`count_` wikitext pages: data/wiki's and tests/wiki's, then copies of data/wiki's
    under distinct titles (a `= Title (copy N) =` first line) to make up the number."""
    sys.path.insert(0, str(ROOT))
    import reports

    folder.mkdir(parents=True, exist_ok=True)
    originals = sorted((ROOT / "data" / "wiki").glob("*.wiki"))
    pages = originals + sorted((ROOT / "tests" / "wiki").glob("*.wiki"))
    for page in pages[:count_]:
        shutil.copy(page, folder / page.name)
    for number in range(count_ - len(pages)):
        page = originals[number % len(originals)]
        copy = number // len(originals) + 2
        title = f"{reports.load(page).title} (copy {copy})"
        (folder / f"{page.stem} (copy {copy}).wiki").write_text(f"= {title} =\n" + page.read_text("utf-8"), "utf-8")
    return folder


def wiki_against_peer(work: Workspace) -> list[Row]:
    runs = work.sizes.wiki_runs
    figure = (f"{WIKI_PAGES} wikitext pages → PDF + Word, {runs} fresh `reports build --force` run{'s' * (runs > 1)}, "
              f"against `pandoc -f mediawiki` + one LibreOffice batch per run ({WIKI_PAGES * runs} pages)")
    target = "≥ 3x"
    needs_peers(figure, target)
    pages = wiki_pages(work.folder / "wiki", WIKI_PAGES)
    out, peer_out = work.folder / "wiki-out", work.folder / "wiki-peer"
    profile = work.libreoffice_profile()
    ours = theirs = 0.0
    for _ in range(runs):  # in turns, so that both meet the same moments of a shared machine
        ours += build_seconds([pages], out, "pdf,docx", 2, "--force")[0]
        count(out, "*.pdf", WIKI_PAGES, "reports build")
        theirs += script("build").peer(pages, peer_out, "*.wiki", "mediawiki", profile=profile)
        count(peer_out, "*.pdf", WIKI_PAGES, "LibreOffice")
    return [Row(figure, speed_up(ours, theirs), target, theirs / ours >= 3)]


def one_page(work: Workspace) -> list[Row]:
    page = ROOT / "data" / "wiki" / "Georgia–Mexico relations.wiki"
    repeats = work.sizes.repeats
    figure = f"one wikitext page → all four formats, one `reports build` from start-up (best of {repeats})"
    best = float("inf")
    for _ in range(repeats):
        out = work.folder / "one-page"
        shutil.rmtree(out, ignore_errors=True)
        best = min(best, build_seconds([page], out, "pdf,docx,xlsx,json", 1)[0])
        count(out, "[!.]*", 5, "reports build")  # four formats and the combined workbook
    return [Row(figure, f"{best:.2f} s", "≤ 1 s", best <= 1)]


def throughput(work: Workspace) -> list[Row]:
    n = work.sizes.articles
    figure = f"{n} articles → all four formats + relationships.xlsx, `--jobs 2`"
    out = work.folder / "all-out"
    shutil.rmtree(out, ignore_errors=True)
    seconds, _ = build_seconds([work.articles()], out, "pdf,docx,xlsx,json", 2)
    count(out, "relationships.xlsx", 1, "reports build")
    return [Row(figure, f"{n / seconds:.1f} articles/s ({seconds:.1f} s)", "≥ 20 articles/s", n / seconds >= 20)]


def memory(work: Workspace) -> list[Row]:
    n = work.sizes.articles
    figure = f"peak RSS of a process building {n} articles (all formats, `--jobs 1`)"
    out = work.folder / "memory-out"
    shutil.rmtree(out, ignore_errors=True)
    _, peak = build_seconds([work.articles()], out, "pdf,docx,xlsx,json", 1)
    return [Row(figure, f"{peak:.0f} MB", "≤ 150 MB", peak <= 150)]


def ratio_row(what: str, n: int, ours: float, floor: float, limit: float) -> Row:
    figure = f"{what} per article, one warm core ({n} articles), against the bare document"
    value = f"{ours / n * 1000:.0f} ms vs {floor / n * 1000:.0f} ms: {ours / floor:.2f}x"
    return Row(figure, value, f"≤ {limit:g}x", ours / floor <= limit)


def pdf_ratio(work: Workspace) -> list[Row]:
    pdf, n = script("pdf"), work.sizes.articles
    floor, ours = (pdf.measure(side, n)[0] for side in ("floor", "ours"))
    return [ratio_row("PDF brief (reportlab)", n, ours, floor, pdf.TARGET_RATIO)]


def docx_ratio(work: Workspace) -> list[Row]:
    docx, n = script("docx_dossiers"), work.sizes.articles
    dossier, floor, _ = docx.compare(n)
    return [ratio_row("Word dossier (python-docx)", n, dossier["seconds"], floor["seconds"], docx.TARGET_RATIO)]


def xlsx_ratio(work: Workspace) -> list[Row]:
    xlsx, n = script("xlsx"), work.sizes.articles
    times = xlsx.compare_per_record(n)
    return [ratio_row("Excel workbook (openpyxl)", n, times["ours"], times["floor"], xlsx.TARGET_RATIO)]


def big_plain(work: Workspace) -> list[Row]:
    shapes, sizes = script("shapes"), work.sizes.big_mb
    times = shapes.shape_times(list(sizes), ["plain article repeated"])["plain article repeated"]
    return [Row(f"{sizes[-1]:g} MB plain article: `reports.load`", f"{_s(times[sizes[-1]])} ({_series(times)})",
                "< 2 s", times[sizes[-1]] < 2)]


def big_wiki(work: Workspace) -> list[Row]:
    shapes, sizes = script("shapes"), work.sizes.big_mb
    largest = sizes[-1]
    names = [name for name, (suffix, _) in shapes.SHAPES.items() if suffix == ".wiki"]
    times = shapes.shape_times(list(sizes), names)
    rows = [Row(f"{largest:g} MB of wikitext, {name}: `reports.load`", f"{_s(row[largest])} ({_series(row)})",
                "< 10 s", row[largest] < 10) for name, row in times.items()]
    worst = max(times, key=lambda name: times[name][largest])
    rows.append(Row(f"{largest:g} MB of wikitext, worst shape", f"{_s(times[worst][largest])} ({worst})",
                    "< 10 s", times[worst][largest] < 10))
    growths = {name: shapes.growth(row) for name, row in times.items()}
    steepest = max(growths, key=lambda name: growths[name][0])
    ratio, linear = growths[steepest]
    small, large = sizes[0], sizes[-2]
    rows.append(Row(f"growth of wikitext load time, {large:g} MB / {small:g} MB, steepest shape",
                    f"{'unknown: a load was stopped' if math.isinf(ratio) else f'{ratio:.1f}'} ({steepest})",
                    f"≤ {linear * LINEAR_SLACK:g} (linear ≈ {linear:g})",
                    ratio <= linear * LINEAR_SLACK))
    return rows


def _s(seconds: float) -> str:
    """Seconds of a load; one stopped at shapes.LIMIT is shown as over it."""
    return f"> {script('shapes').LIMIT:g} s (stopped)" if math.isinf(seconds) else f"{seconds:.2f} s"


def _series(times: dict[float, float]) -> str:
    """'1/2/4 MB: 0.30/0.60/1.20 s': the smaller sizes, to show how time grows."""
    smaller = sorted(times)[:-1]
    return (f"{'/'.join(f'{mb:g}' for mb in smaller)} MB: "
            f"{'/'.join('>' + format(script('shapes').LIMIT, 'g') if math.isinf(times[mb]) else f'{times[mb]:.2f}' for mb in smaller)} s")


def help_time(work: Workspace) -> list[Row]:
    repeats = work.sizes.help_repeats
    best = min(script("build").help_seconds(repeats))
    return [Row(f"`reports --help` (best of {repeats})", f"{best:.2f} s", "< 0.3 s", best < 0.3)]


# name -> figure, in the order
FIGURES: dict[str, Callable[[Workspace], list[Row]]] = {
    "plain-peer": plain_against_peer,
    "wiki-peer": wiki_against_peer,
    "one-page": one_page,
    "throughput": throughput,
    "pdf": pdf_ratio,
    "docx": docx_ratio,
    "xlsx": xlsx_ratio,
    "big-plain": big_plain,
    "big-wiki": big_wiki,
    "memory": memory,
    "help": help_time,
}


# -- the table ------------------------------------------------------------------------------


def measure(names: list[str], sizes: Sizes) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="reports-bench-") as folder:
        work = Workspace(Path(folder), sizes)
        for number, name in enumerate(names, 1):
            print(f"[{number}/{len(names)}] {name} ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            try:
                rows += FIGURES[name](work)
            except Skipped as skipped:
                rows.append(skipped.row)
            except Exception as error:  # one figure failing must not cost the others
                rows.append(Row(name, f"error: {type(error).__name__}: {error}".replace("\n", " "), "", None))
            print(f"      {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return rows


def table(rows: list[Row]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| figure | value | target | met |", "|---|---|---|---|"]
    for row in rows:
        met = "–" if row.met is None else "✓" if row.met else "✗"
        lines.append(f"| {cell(row.figure)} | {cell(row.value)} | {cell(row.target)} | {met} |")
    return "\n".join(lines)


def setting(quick: bool, seconds: float) -> str:
    """Where and how the table was measured, for the line under it."""
    one, five, _ = os.getloadavg()
    tools = []
    for tool, words in (("pandoc", 2), ("soffice", 2)):  # "pandoc 2.17.1.1", "LibreOffice 7.4.7.2"
        if shutil.which(tool):
            version = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout.split()
            tools += [" ".join(version[:words])] if version else []
    return (f"{'Quick run (small sizes, one repeat)' if quick else 'Measured'} in {seconds:.0f} s on "
            f"{os.cpu_count()} CPUs (load average {one:.1f} over 1 min, {five:.1f} over 5 min), Python "
            f"{sys.version.split()[0]}" + (f", {', '.join(tools)}" if tools else "") +
            "; the package's bytecode compiled first, as an installed copy has it.")


def compile_bytecode() -> None:
    """Compile the package's bytecode first, as `pip install` does: a checkout run with
    PYTHONDONTWRITEBYTECODE (or a fresh one) would otherwise compile every module in every
    timed process, 0.15 s that no installed copy pays."""
    import compileall

    compileall.compile_dir(ROOT / "reports", quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and one repeat: a smoke run")
    parser.add_argument("--only", metavar="NAME[,NAME]", help="run only these figures (see --list)")
    parser.add_argument("--list", action="store_true", help="print the figures' names and exit")
    options = parser.parse_args(argv)
    if options.list:
        print("\n".join(FIGURES))
        return 0
    wanted = set(options.only.split(",")) if options.only else set(FIGURES)
    unknown = sorted(wanted - set(FIGURES))
    if unknown:
        parser.error(f"unknown figure {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    names = [name for name in FIGURES if name in wanted]  # the table's order is always the issue's
    # Every child (reports build, the scripts' own children) runs this tree's package.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    compile_bytecode()
    started = time.perf_counter()
    rows = measure(names, QUICK if options.quick else FULL)
    print(table(rows))
    print()
    print(setting(options.quick, time.perf_counter() - started))
    return 1 if any(row.value.startswith("error:") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
