"""The brief's source notes: a dump page's revision, address and licence; the build's
warnings as data caveats; the local file and hash in a colophon."""

from pathlib import Path
from xml.sax.saxutils import escape

from reports.pipeline import build
from conftest import needs, pdf_text

SAMPLE = (Path(__file__).parent / "wiki" / "sample.wiki").read_text("utf-8")


def _dump(path: Path) -> Path:
    path.write_text(
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
        "<siteinfo><sitename>Wikipedia</sitename><base>https://en.wikipedia.org/wiki/Main_Page</base></siteinfo>\n"
        "<page><title>Latvia–Mexico relations</title><ns>0</ns><id>7</id>"
        "<revision><id>1001</id><timestamp>2024-05-01T10:00:00Z</timestamp>"
        f'<text bytes="1" xml:space="preserve">{escape(SAMPLE)}</text></revision></page>\n</mediawiki>\n',
        "utf-8")
    return path


@needs("pdftotext")
def test_a_dump_page_says_its_revision_date_address_and_licence(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")
    result = build([_dump(tmp_path / "d.xml")], tmp_path / "out", formats=("pdf",), combined=False)
    assert result.ok
    text = " ".join(pdf_text(tmp_path / "out" / "latvia-mexico.pdf").split())
    assert "Source as of 1 May 2024" in text and "Prepared on 3 December 2025" in text
    notes = text[text.index("Source notes"):]
    assert "https://en.wikipedia.org/wiki/Latvia%E2%80%93Mexico_relations?oldid=1001" in notes.replace(" ", "")
    assert "1001 of 1 May 2024" in notes
    assert "CC BY-SA 4.0" in notes and "creativecommons.org/licenses/by-sa/4.0" in notes.replace(" ", "")
    assert "Latvia–Mexico relations" in notes
    assert "SHA-256" in notes and "d.xml" in notes  # the colophon


@needs("pdftotext")
def test_the_builds_warnings_for_the_article_are_its_data_caveats(tmp_path):
    article = Path("tests/articles/every-check-warning.txt")
    result = build([article], tmp_path / "out", formats=("pdf",), combined=False)
    text = " ".join(pdf_text(next((tmp_path / "out").glob("*.pdf"))).split())
    caveats = text[text.index("Data caveats"):]
    assert "l. 11: visit without a date" in caveats
    assert "l. 4: infobox line without" in caveats
    assert caveats.index("l. 4:") < caveats.index("l. 11:")  # in the article's order
    assert len([w for w in result.warnings if w.path.endswith("every-check-warning.txt")]) >= 8


@needs("pdftotext")
def test_a_plain_file_has_no_licence_it_cannot_know(tmp_path):
    build([Path("data/georgia-mexico.txt")], tmp_path / "out", formats=("pdf",), combined=False)
    text = " ".join(pdf_text(tmp_path / "out" / "georgia-mexico.pdf").split())
    assert "CC BY-SA" not in text and "Data caveats" not in text
    assert "data/georgia-mexico.txt" in text[text.index("Source notes"):]
