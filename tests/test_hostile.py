"""The hostile corpus (tests/hostile/): every file either builds, with its tricky text
appearing literally and safely in every format, or is rejected with a one-line error
while the rest of the batch is still built."""

import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, document_text, needs, xlsx_cells

from reports import build, exporters
from reports.titles import relationship_id
from reports.pipeline.stems import safe_stem

pytestmark = pytest.mark.heavy  # several seconds: handed to a worker first (conftest)

HOSTILE = ROOT / "tests" / "hostile"
FORMATS = tuple(exporters.names())

REJECTED = {
    "empty.txt": (None, "the article is empty"),
    "whitespace-only.txt": (None, "the article is empty"),
    "binary.txt": (None, "this is a binary file"),
    "latin-1.txt": (3, "the text is not UTF-8 (byte 0xe9)"),
    "no-title.txt": (1, "the first line is not a title"),
    "one-country.txt": (1, "does not name two countries"),
}
# Strings each built file must show literally: in the facts (every format) and in the
# article text (formats that carry the text: not the workbook).
FACTS = {
    "markup.txt": ["<b>Ana</b> & Ruiz]]>", "<font name=x>Kofi</font> Mensah", "<i>Trade</i> & Tariffs",
                   "<b>wine</b>", "copper & tin", "]]>fruit"],
    "formulas.txt": ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "=1+1", "+SUM(A1)"],
    "long-word.txt": ["Pneumono" * 1250],
    "scripts.txt": ["中国", "Україна", "王毅", "Дмитро Кулеба"],
    "duplicate-sections.txt": ["5000000", "6000000"],
    "unclosed-parenthesis.txt": ["Ana Ruiz", "Kofi Mensah"],
    "impossible-dates.txt": ["Ana Ruiz"],
}
TEXT = {
    "markup.txt": ["the <para> tag was never closed & the ]]> marker appeared; AT&T and x <y> z printed"],
    "control-characters.txt": ["The nations of Chile and Ghana established relations in 1962."],
    "path-traversal-title.txt": ["../../etc–passwd relations"],
    "reserved-names-title.txt": ["CON–NUL relations"],
    "scripts.txt": ["وزير الخارجية"],
}
STEMS = {
    "path-traversal-title.txt": "etc-passwd",
    "reserved-names-title.txt": "con-nul",
    "scripts.txt": safe_stem(relationship_id(("中国", "Україна"))),
    "long-title.txt": ("republic-of-very-long-name-" * 4)[:100].rstrip("-"),
}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-out")
    return out, build([HOSTILE], out, formats=FORMATS, jobs=2)


def test_rejected_files_are_one_line_errors_with_their_place(hostile_build):
    _, result = hostile_build
    failures = {Path(f.path).name: f for f in result.failures}
    assert set(failures) == set(REJECTED)
    for name, (line, message) in REJECTED.items():
        assert failures[name].line == line
        assert message in failures[name].message
        assert "\n" not in str(failures[name])


def test_everything_else_is_built(hostile_build):
    out, result = hostile_build
    built = len(list(HOSTILE.glob("*.txt"))) - len(REJECTED)
    assert result.built == built
    assert not list(out.glob(".*.tmp"))
    for stem in STEMS.values():
        for name in FORMATS:
            assert (out / f"{stem}{exporters.get(name).EXTENSION}").is_file()


@pytest.fixture(scope="module")
def texts_by_article(tmp_path_factory):
    """Each parsed hostile article built on its own: {article: {format: text}}."""
    texts = {}
    for article in sorted(set(FACTS) | set(TEXT)):
        out = tmp_path_factory.mktemp(article.replace(".", "-"))
        # The whole article in every format: the brief's layout keeps its history too.
        result = build([HOSTILE / article], out, formats=FORMATS, jobs=1, combined=False,
                       layout="tests/fixtures/whole-article.toml")
        assert result.ok, result.failures
        texts[article] = {path.suffix: document_text(path) for path in out.iterdir()
                          if path.is_file() and not path.name.startswith(".")}
    return texts


@needs("pdftotext")
@pytest.mark.parametrize("article", sorted(FACTS))
def test_facts_appear_literally_in_every_format(texts_by_article, article):
    for suffix, text in texts_by_article[article].items():
        # Whitespace and thousands separators vary by format (a cell, a wrapped line, 5,000,000).
        squeezed = re.sub(r"(?<=\d),(?=\d{3})", "", re.sub(r"\s+", "", text))
        for expected in FACTS[article]:
            if suffix == ".pdf" and article == "scripts.txt" and not expected.isascii():
                continue  # CJK has no glyph in the embedded font: checked in test_pdf
            if suffix == ".pdf" and expected.isdigit() and len(expected) > 6:
                continue  # the brief writes amounts for reading ("US$5 million"); exact in the others
            if suffix == ".pdf" and len(expected) > 1000:
                # Split across pages, with running headers between the pieces.
                assert squeezed.count(expected[:8]) >= len(expected) // 8, suffix
                continue
            assert re.sub(r"\s+", "", expected) in squeezed, (suffix, expected)


@needs("pdftotext")
@pytest.mark.parametrize("article", sorted(TEXT))
def test_article_text_appears_literally(texts_by_article, article):
    for suffix, text in texts_by_article[article].items():
        if suffix == ".xlsx":
            continue
        if suffix == ".pdf" and article == "scripts.txt":
            continue
        for expected in TEXT[article]:
            assert re.sub(r"\s+", "", expected) in re.sub(r"\s+", "", text), (suffix, expected)


@pytest.mark.skipif("xlsx" not in FORMATS, reason="no xlsx exporter")
def test_no_article_text_becomes_a_formula(hostile_build):
    out, _ = hostile_build
    for workbook in out.glob("*.xlsx"):
        for sheet, cell in xlsx_cells(workbook):
            if cell.data_type == "f":
                assert not str(cell.value).startswith(('=HYPERLINK("http://x"', "=1+1", "+", "-", "@")), \
                    (workbook.name, sheet, cell.coordinate, cell.value)


@needs("qpdf")
@pytest.mark.skipif("pdf" not in FORMATS, reason="no pdf exporter")
def test_every_hostile_pdf_is_valid(hostile_build):
    out, _ = hostile_build
    for pdf in out.glob("*.pdf"):
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0, (pdf.name, check.stdout[-500:])


def test_a_five_megabyte_article_builds(tmp_path):
    article = (ROOT / "data" / "lithuania-mexico.txt").read_text("utf-8")
    head, body = article.split("\n", 1)
    copies = 5 * 2**20 // len(body.encode()) + 1
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(head + "\n" + body * copies, "utf-8")
    result = build([tmp_path / "in"], tmp_path / "out", formats=["json"], jobs=1)
    assert result.ok and result.built == 1
