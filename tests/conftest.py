"""Shared test helpers: the seed records, and readers that take outputs back apart
(pdftotext, pypdf, python-docx, openpyxl, LibreOffice)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_IDS = ["georgia-mexico", "lithuania-mexico", "mexico-slovenia"]


# -- how the suite runs: the same on any machine ------------------------------------------


def _hypothesis_profiles() -> None:
    """"default" for people, "ci" (derandomized, no example database: the same examples
    on every run and machine) where CI is set, "deep" on request (HYPOTHESIS_PROFILE)."""
    from hypothesis import HealthCheck, settings

    common = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    settings.register_profile("default", max_examples=60, **common)
    settings.register_profile("ci", max_examples=60, derandomize=True, database=None, print_blob=True, **common)
    settings.register_profile("deep", max_examples=2000, **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))


_hypothesis_profiles()


def pytest_configure(config):
    """REPORTS_TEST_START_METHOD=spawn|forkserver|fork runs every process pool of the
    suite under that start method (Python 3.14 uses forkserver on Linux by default).
    Also registers the fixture-reach plugin for mutmut (above)."""
    config.pluginmanager.register(_FixtureReach(), "reports-fixture-reach")
    method = os.environ.get("REPORTS_TEST_START_METHOD")
    if method:
        import multiprocessing

        multiprocessing.set_start_method(method, force=True)


@pytest.hookimpl(trylast=True)  # after pytest-randomly's shuffle, which it keeps within each part
def pytest_collection_modifyitems(config, items):
    """The files marked `heavy` (several seconds each) first: pytest-xdist hands out whole
    files in this order (`--no-loadscope-reorder`), so the light ones fill in at the end
    and both workers finish together, where a heavy file handed out last ran alone."""
    heavy = [item for item in items if item.get_closest_marker("heavy")]
    if heavy:
        items[:] = heavy + [item for item in items if not item.get_closest_marker("heavy")]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """In CI (CI set) a skipped test is a failure: CI installs every tool a test needs."""
    skipped = terminalreporter.stats.get("skipped", [])
    if os.environ.get("CI") and skipped and exitstatus == 0:
        terminalreporter.write_line(f"CI: {len(skipped)} test(s) skipped; CI must run them all", red=True)
        terminalreporter._session.exitstatus = 1


def pytest_sessionstart(session):
    """The loader's per-text caches (dates, sentences, names, places) start empty. A
    session in a process forked from one that already ran the suite (mutmut forks one per
    mutant) would otherwise take cached answers, and a defect behind a cache go unseen."""
    for prefix in ("reports.loader", "reports.dates", "reports.places"):
        _clear_caches(prefix)


def _clear_caches(prefix: str = "reports") -> None:
    """Empty the functools caches of the modules under `prefix`, and the dossier's base
    packages (a plain dict) when the prefix covers them."""
    for name, module in list(sys.modules.items()):
        if name == prefix or name.startswith(prefix + "."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    bases = getattr(sys.modules.get("reports.exporters._docx.base"), "_BASES", None)
    if bases is not None and "reports.exporters._docx.base".startswith(prefix):
        bases.clear()


# -- mutation testing (benchmarks/mutation.py): which tests reach a mutated function -------
# mutmut runs, for each mutant, only the tests it saw reach the mutated function, and it
# credits a function to the test being set up when it ran. Work done once in a session or
# module fixture (the default build) would count for the first test that asked for it
# only, and a mutant of the exporters would never meet the tests that read the build back.
# While mutmut collects those stats, each fixture's reach is kept and credited to every
# test that uses the fixture. Outside mutmut nothing here runs.
_FIXTURE_REACH: dict = {}


def _mutmut_reached() -> set | None:
    """The mutated functions the current test reached, while mutmut collects its stats."""
    if os.environ.get("MUTANT_UNDER_TEST") != "stats":
        return None
    from mutmut.state import state

    return state()._stats


class _FixtureReach:
    """Registered as a plugin (pytest_configure), not as conftest hooks: pytest asks a
    session fixture's setup hook of the root's plugins only, never of tests/conftest.py."""

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        reached = _mutmut_reached()
        if reached is None or fixturedef.scope == "function":
            return (yield)
        before = set(reached)
        reached.clear()
        try:
            return (yield)
        finally:
            _FIXTURE_REACH[fixturedef] = set(reached)
            reached |= before

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item):
        """Per-process caches (the dossier's base package, fonts, loader texts) would
        credit their work to the first test that filled them: each test starts empty."""
        if _mutmut_reached() is not None:
            _clear_caches()

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_teardown(self, item, nextitem):
        reached = _mutmut_reached()
        if reached is None:
            return
        for name in item.fixturenames:
            for fixturedef in item._fixtureinfo.name2fixturedefs.get(name, ()):
                reached |= _FIXTURE_REACH.get(fixturedef, set())


@pytest.fixture(autouse=True)
def _run_from_project_root(monkeypatch):
    """Records name their source as data/<id>.txt, relative to the project root."""
    monkeypatch.chdir(ROOT)


def expected(record_id: str) -> dict:
    return json.loads((FIXTURES / f"{record_id}.json").read_text("utf-8"))


# Fields RECORD.md added for Wikipedia sources, prose facts and rebuilds: the fixtures
# predate them, and "tests may compare them without these keys".
ADDED_FIELDS = {"citations", "cites", "item_cites", "origin", "also_lines", "amount", "currency"}


def comparable(data):
    """A record's JSON without the added fields, to compare with the fixtures."""
    if isinstance(data, dict):
        return {key: comparable(value) for key, value in data.items() if key not in ADDED_FIELDS}
    if isinstance(data, list):
        return [comparable(item) for item in data]
    return data


@pytest.fixture(scope="session")
def seed_records():
    """The three records of data/, loaded once: {id: Relationship}."""
    from reports.articles import load

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return {record_id: load(f"data/{record_id}.txt") for record_id in SEED_IDS}
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="session")
def default_build(tmp_path_factory):
    """The default build of data/ (every format, one process), made once per session:
    (output folder, BuildResult). Tests that only read it share it; never write into it."""
    from reports import build

    out = tmp_path_factory.mktemp("default-build")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return out, build(["data"], out, jobs=1)
    finally:
        os.chdir(cwd)


NEW_VISIT = "- Foreign Minister Tanja Fajon (March 2024)\n"


def gain_a_visit_and_change_trade(path: Path) -> None:
    text = path.read_text("utf-8")
    text = text.replace("- Foreign Minister Dimitrij Rupel (May 2004)\n",
                        "- Foreign Minister Dimitrij Rupel (May 2004)\n" + NEW_VISIT)
    text = text.replace("amounted to US$241.8 million", "amounted to US$250.5 million")
    path.write_text(text, "utf-8")


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory):
    """A first build, then a rebuild after the article gained a visit and its trade changed:
    (changed article, output folder, {name: bytes} of the first build). Shared: never write into it."""
    from reports import build
    from reports.pipeline.manifest import MANIFEST

    root = tmp_path_factory.mktemp("changes")
    source = root / "in" / "mexico-slovenia.txt"
    source.parent.mkdir()
    shutil.copy(ROOT / "data/mexico-slovenia.txt", source)
    shutil.copy(ROOT / "data/georgia-mexico.txt", source.parent / "georgia-mexico.txt")
    out = root / "out"
    first = build([source.parent], out, jobs=1)
    assert first.ok
    first_files = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != MANIFEST}
    gain_a_visit_and_change_trade(source)
    assert build([source.parent], out, jobs=1).ok
    return source, out, first_files


def reader_facts(record, layout) -> list[str]:
    """Every text a reader of a brief or dossier must find, one per fact kind: the
    summary, each key fact (its label followed by its value), each trade sentence, each see-also item,
    the (re-)establishment dates as labelled, and every paragraph of the sections shown
    whole (History, unrecognised ones)."""
    from reports import facts_view

    wanted = [normalise(record.summary)] if record.summary else []
    for fact in facts_view.key_facts(record, layout):
        wanted.append(f"{normalise(fact.label)} {normalise(fact.value)}")  # a row: label, then its value
    wanted += [normalise(trade.text) for trade in record.trade]
    wanted += [normalise(item) for item in record.see_also]
    for iso in (record.established, record.reestablished):
        if iso:
            wanted.append(facts_view.date_label(iso, layout))
    for section in facts_view.history_sections(record) + facts_view.other_sections(record):
        wanted += [normalise(block.text) for block in section.blocks if block.type == "paragraph"]
    return wanted


@pytest.fixture(scope="session")
def default_layout():
    from reports.layout import load_layout

    return load_layout("default")


@pytest.fixture(scope="session")
def spanish_layout():
    from reports.layout import load_layout

    return load_layout("es")


def export_in_another_process(format_name: str, record_id: str, layout: str, path: Path) -> bytes:
    """One seed's document written by a fresh interpreter (another hash seed, same
    environment): equal bytes mean no dict-order, id() or clock surprise, which two
    exports in one process cannot show."""
    script = ("import sys; from reports.articles import load; from reports.layout import load_layout; "
              "from reports import exporters; "
              "exporters.get(sys.argv[1]).export(load(sys.argv[2]), load_layout(sys.argv[3]), sys.argv[4])")
    env = dict(os.environ, PYTHONHASHSEED="4242")
    subprocess.run([sys.executable, "-c", script, format_name, f"data/{record_id}.txt", layout, str(path)],
                   cwd=ROOT, env=env, check=True)
    return Path(path).read_bytes()


def write_article(folder: Path, name: str, text: str) -> Path:
    path = Path(folder) / name
    path.write_text(text, "utf-8")
    return path


def normalise(text: str) -> str:
    """Whitespace collapsed, for comparing text extracted from documents."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext extracts it, whitespace normalised."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return normalise(result.stdout.decode("utf-8"))


def needs(*programs: str):
    """Skip a test when a program is missing (CI installs them all; .ci/run checks)."""
    missing = [p for p in programs if shutil.which(p) is None]
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")


def soffice_to_pdf(paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert documents of any kinds to PDF in one LibreOffice call with a private profile
    (each call starts LibreOffice, about 1.5 s).

    Returns {document: pdf}. Each document is converted from a copy named after its whole
    name (a.docx -> a.docx.pdf), so that a.docx and a.xlsx do not both become a.pdf.
    """
    staged = out_dir / "in"
    staged.mkdir(parents=True, exist_ok=True)
    copies = {}
    for path in map(Path, paths):
        copy = staged / (path.name + path.suffix)
        shutil.copyfile(path, copy)
        copies[path] = copy
    profile = out_dir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), *map(str, copies.values())],
        capture_output=True, check=True, timeout=300,
    )
    return {path: out_dir / (path.name + ".pdf") for path in copies}


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx (body, headers and footers), normalised."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return normalise("\n".join(parts))


def xlsx_cells(path: Path):
    """(sheet title, cell) for every non-empty cell of a workbook."""
    import openpyxl

    workbook = openpyxl.load_workbook(str(path))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield sheet.title, cell


def document_text(path: Path) -> str:
    """The text a reader of this document sees, whitespace normalised."""
    suffix = Path(path).suffix
    if suffix == ".pdf":
        return pdf_text(path)
    if suffix == ".docx":
        return docx_text(path)
    if suffix == ".xlsx":
        return normalise("\n".join(str(cell.value) for _, cell in xlsx_cells(path)))
    return normalise("\n".join(_json_strings(json.loads(Path(path).read_text("utf-8")))))


def _json_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    else:
        yield str(value)
