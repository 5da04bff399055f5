"""Property-based tests: whatever the text, the loader raises nothing but ArticleError,
articles generated from the format's grammar always load with their facts intact, and
hostile grammar articles (any script, markup, formula text, very long words) go through
every exporter and reopen in pypdf, python-docx, openpyxl (no formula cell) and json.

The default profile keeps the run short (the exporter test runs 25 examples, 10 in CI,
a few seconds); HYPOTHESIS_PROFILE=deep runs many more cases (200 through the exporters),
and EXPORT_EXAMPLES=N sets the exporter test's count directly.
"""

import json
import os
import unicodedata

import docx
import openpyxl
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports import exporters
from reports.errors import ArticleError, ReportsError
from reports.articles import read

pytestmark = pytest.mark.heavy  # several seconds: handed to a worker first (conftest)

# The profiles ("default", "ci": derandomized and database-free, "deep") are in conftest.py.

names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() and "–" not in s and "=" not in s and "\n" not in s)
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
months = st.sampled_from(["January", "May", "June", "December", "February"])
years = st.integers(900, 2150)
dates = st.one_of(years.map(str), st.tuples(months, years).map(lambda t: f"{t[0]} {t[1]}"),
                  st.tuples(st.integers(0, 40), months, years).map(lambda t: f"{t[0]} {t[1]} {t[2]}"))
amounts = st.tuples(st.decimals(0, 10**6, places=1, allow_nan=False), st.sampled_from(["million", "billion", ""])).map(
    lambda t: f"US${t[0]} {t[1]}".strip())


@st.composite
def articles(draw, countries=names, names=names, words=words):
    """(country a, country b, article text): `countries` name the two countries of the
    title, `names` fill people, places and headings, `words` the free text."""
    a, b = draw(countries), draw(countries)
    sections = draw(st.permutations([
        f"==History==\nIn {draw(dates)}, {draw(words)}. {draw(words)} on {draw(dates)}.",
        "==High-level visits==\nHigh-level visits from {a} to {b}\n".format(a=a, b=b)
        + "\n".join(f"- {draw(st.sampled_from(['President', 'Foreign Minister', 'Queen']))} {draw(names)} ({draw(dates)})"
                    for _ in range(draw(st.integers(0, 4)))),
        f"==Trade==\nIn {draw(dates)}, trade amounted to {draw(amounts)}. {a}'s exports to {b} include: "
        f"{draw(words)}, {draw(words)} and {draw(words)}.",
        f"==Agreements==\nBoth nations signed agreements such as an Agreement on {draw(names)} ({draw(dates)}); "
        f"a Treaty of {draw(names)} and a {draw(words)}",
        f"==Diplomatic missions==\n- {a} has an embassy in {draw(names)}.\n"
        f"- {b} is accredited to {a} from its embassy in {draw(names)}, {draw(names)}.",
        f"=={draw(names)}==\n{draw(words)}\n- {draw(words)}",
    ]))
    lead = f"The nations of {a} and {b} established diplomatic relations in {draw(dates)}."
    return a, b, f"= {a}–{b} relations =\n\n{lead}\n\n" + "\n\n".join(sections) + "\n"


@given(data=st.binary(max_size=400))
def test_any_bytes_load_or_fail_cleanly(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    try:
        read(path)
    except ArticleError as error:
        assert "\n" not in str(error)


@given(text=st.text(max_size=400))
def test_any_text_loads_or_fails_cleanly(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8", errors="surrogatepass")
    try:
        read(path)
    except ArticleError:
        pass


@given(article=articles())
def test_grammar_articles_load_with_their_countries(tmp_path, article):
    a, b, text = article
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8")
    record = read(path).record
    # The loader normalises the text to NFC (U+2F800, a compatibility ideograph, becomes U+4E3D).
    assert record.countries == tuple(unicodedata.normalize("NFC", name).strip() for name in (a, b))
    assert all(fact.line >= 1 for fact in (*record.events, *record.visits, *record.agreements, *record.trade,
                                            *record.missions))
    for fact in record.events:
        assert 1000 <= int(fact.date[:4]) <= 2099


# -- every exporter -----------------------------------------------------------------------
# Text users paste from anywhere: scripts of every kind, markup that reportlab or XML would
# interpret, text a spreadsheet would take for a formula, words too long for a line.
SCRIPTS = {
    "emoji": (0x1F300, 0x1FAFF), "cjk": (0x4E00, 0x9FFF), "arabic": (0x0600, 0x06FF),
    "cyrillic": (0x0400, 0x04FF), "hebrew": (0x0590, 0x05FF), "devanagari": (0x0900, 0x097F),
}
HOSTILE_PIECES = ["<b>", "</b>", "<i>x</i>", "<font name=x>", "<para>", "</para>", "&", "&amp;", "&#0;", "]]>",
                  "<![CDATA[", "=1+1", "+x", "-2", "@SUM(A1)", '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0",
                  "\t", "%s", "{0}", "\\", "\u200f", "\u202e", "\ufeff", "\x00", "\x0b", "\x1f", "\x7f",
                  "\ud7ff", "\U0001F1FA\U0001F1E6", "e\u0301", "\u00a0"]
script_text = st.sampled_from(sorted(SCRIPTS)).flatmap(
    lambda script: st.text(st.characters(min_codepoint=SCRIPTS[script][0], max_codepoint=SCRIPTS[script][1],
                                          blacklist_categories=("Cs", "Cn")), min_size=1, max_size=12))
long_words = st.integers(200, 3000).flatmap(
    lambda n: st.sampled_from(["Pneumono", "中国", "😀", "=", "Ж", "&<"]).map(lambda w: (w * n)[:n]))
hostile_fragments = st.one_of(st.sampled_from(HOSTILE_PIECES), script_text)
hostile_text = st.lists(st.one_of(hostile_fragments, st.text(max_size=8), st.just(" ")), min_size=1, max_size=6
                        ).map("".join)
# Countries must still make a title: no dash, no "=", no line break.
hostile_countries = st.one_of(names, hostile_text.filter(
    lambda s: s.strip() and not any(c in s for c in "–—-=\n\r\x00\x0b\x1f\x85\u2028\u2029")))
hostile_names = st.one_of(names, hostile_text, long_words).filter(lambda s: "\n" not in s)
hostile_words = st.one_of(words, hostile_text, long_words)


@pytest.fixture(scope="module")
def companion(seed_records):
    """A real record, so the combined workbook holds more than the generated one."""
    return seed_records["georgia-mexico"]


def _check_reopens(path):
    """The output opens in the library a reader would use for it."""
    suffix = path.suffix
    if suffix == ".pdf":
        reader = pypdf.PdfReader(str(path))
        assert len(reader.pages) >= 1
        for page in reader.pages:
            page.extract_text()
    elif suffix == ".docx":
        document = docx.Document(str(path))
        assert document.paragraphs or document.tables
    elif suffix == ".xlsx":
        workbook = openpyxl.load_workbook(str(path))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, sheet.title, cell.coordinate, cell.value)
    elif suffix == ".json":
        json.loads(path.read_text("utf-8"))
    else:
        raise AssertionError(f"no reader for {path.name}")


# About half a second per example (four exporters, the combined workbook, five rereads).
# CI (derandomized: the same examples every run) takes 10, a person's run 25 new ones,
# the deep profile a tenth of its count.
EXPORT_EXAMPLES = int(os.environ.get("EXPORT_EXAMPLES", 0)) or (
    settings.default.max_examples // 10 if settings.default.max_examples > 100
    else 10 if os.environ.get("CI") else 25)


@settings(max_examples=EXPORT_EXAMPLES)
@given(article=articles(countries=hostile_countries, names=hostile_names, words=hostile_words))
def test_grammar_articles_export_to_every_format_and_reopen(tmp_path, default_layout, companion, article):
    _, _, text = article
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    try:
        record = read(source).record
    except ArticleError as error:
        assert "\n" not in str(error)
        return
    outputs = []
    for name in exporters.names():
        exporter = exporters.get(name)
        path = tmp_path / f"out{exporter.EXTENSION}"
        path.unlink(missing_ok=True)
        try:
            warnings = exporter.export(record, default_layout, path)
        except ReportsError:
            continue
        assert all(isinstance(w, str) for w in warnings)
        outputs.append(path)
    combined = tmp_path / "combined.xlsx"
    combined.unlink(missing_ok=True)
    try:
        exporters.get("xlsx").export_many([companion, record], default_layout, combined)
        outputs.append(combined)
    except ReportsError:
        pass
    for path in outputs:
        _check_reopens(path)


EMPTY_HEADING = ("= Chile–Ghana relations =\n\n"
                 "The nations of Chile and Ghana established diplomatic relations in 1962.\n\n"
                 "==  ==\nSome text.\n")


def test_docx_exports_an_article_with_an_empty_section_heading(tmp_path, default_layout):
    source = tmp_path / "a.txt"
    source.write_text(EMPTY_HEADING, "utf-8")
    record = read(source).record
    assert [section.heading for section in record.sections] == [""]
    path = tmp_path / "a.docx"
    exporters.get("docx").export(record, default_layout, path)
    _check_reopens(path)
