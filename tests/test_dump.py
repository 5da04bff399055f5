"""MediaWiki XML dumps: relations pages read, others counted, broken or hostile XML refused."""

import bz2
import gzip
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from reports.batch import load_all
from reports.errors import ArticleError
from reports.articles import read_all
from reports.readers import choose

SAMPLE = (Path(__file__).parent / "wiki" / "sample.wiki").read_text("utf-8")
HEAD = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
        "<siteinfo><sitename>Wikipedia</sitename><base>https://en.wikipedia.org/wiki/Main_Page</base></siteinfo>\n")


def page(title, text, ns=0, revision=1001, redirect=False):
    return (f"<page><title>{escape(title)}</title><ns>{ns}</ns><id>7</id>"
            + ('<redirect title="X" />' if redirect else "")
            + f"<revision><id>{revision}</id><timestamp>2024-05-01T10:00:00Z</timestamp>"
            f'<text bytes="1" xml:space="preserve">{escape(text)}</text></revision></page>\n')


def dump(*pages):
    return (HEAD + "".join(pages) + "</mediawiki>\n").encode("utf-8")


DUMP = dump(
    page("Mexico", "'''Mexico''' is a country."),
    page("Latvia–Mexico relations", SAMPLE),
    page("Talk:Latvia–Mexico relations", "talk", ns=1),
    page("Mexico–Latvia relations", "#REDIRECT [[Latvia–Mexico relations]]", redirect=True),
    page("Peru–Japan relations", "'''Peru–Japan relations''' began in 1873.\n\n== History ==\n"
                                 "Relations were established on 21 August 1873.<ref>https://x.example/pj</ref>\n",
         revision=2002),
)


def records(path, **kwargs):
    return [r for r in read_all(path, **kwargs)]


@pytest.mark.parametrize("name, pack", [("d.xml", bytes), ("d.xml.bz2", bz2.compress), ("d.xml.gz", gzip.compress)])
def test_relations_pages_of_a_dump_in_every_compression(tmp_path, name, pack):
    path = tmp_path / name
    path.write_bytes(pack(DUMP))
    tally = {}
    results = list(read_all(path, tally=tally))
    assert [r.record.title for r in results] == ["Latvia–Mexico relations", "Peru–Japan relations"]
    assert tally == {"other pages": 1, "pages in other namespaces": 1, "redirects": 1}
    latvia, peru = (r.record for r in results)
    assert latvia.id == "latvia-mexico" and peru.id == "peru-japan"
    assert (latvia.source.page, latvia.source.revision, latvia.source.timestamp) == (
        "Latvia–Mexico relations", "1001", "2024-05-01T10:00:00Z")
    assert latvia.source.url == "https://en.wikipedia.org/wiki/Latvia%E2%80%93Mexico_relations?oldid=1001"
    assert latvia.source.where == f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path.as_posix()}[Latvia–Mexico relations]"
    assert peru.established == "1873-08-21"
    assert peru.events[0].cites == ("c1",) and peru.citations[0].url == "https://x.example/pj"
    # lines count within the page's text, as in the .wiki file
    assert [v.line for v in latvia.visits] == [18, 19, 25, 27]


def test_a_dump_is_recognised_by_content_under_another_name(tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes(DUMP)
    assert choose(path).NAME == "mediawiki-xml"


def test_xml_broken_half_way_keeps_the_pages_before_the_break(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_bytes(DUMP[: DUMP.index(b"<page><title>Peru") + 40])
    batch = load_all([path])
    assert [r.title for r in batch.records] == ["Latvia–Mexico relations"]
    assert len(batch.errors) == 1 and "the XML is broken" in batch.errors[0].message


def test_a_truncated_bz2_is_one_error_after_the_pages_it_held(tmp_path):
    path = tmp_path / "cut.xml.bz2"
    packed = bz2.compress(DUMP)
    path.write_bytes(packed[: len(packed) - 30])
    batch = load_all([path])
    assert len(batch.errors) == 1
    assert "truncated" in batch.errors[0].message or "broken" in batch.errors[0].message


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',  # expansion bomb
    '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>',                                # external entity
])
def test_a_dump_with_a_dtd_is_refused(tmp_path, doctype):
    path = tmp_path / "evil.xml"
    path.write_bytes(doctype.encode() + DUMP.replace(b"began in 1873", b"began &b; &x;"))
    with pytest.raises(ArticleError) as caught:
        list(read_all(path))
    assert "DTD" in caught.value.message
    assert "root:" not in str(caught.value)


def test_a_page_whose_title_names_no_two_countries_is_passed_over_and_counted(tmp_path):
    path = tmp_path / "d.xml"
    path.write_bytes(dump(page("A–B relations", "{{Infobox bilateral relations"),
                          page("Peru–Japan relations", "Lead.", revision=3)))
    batch = load_all([path])
    assert [r.title for r in batch.records] == ["Peru–Japan relations"]
    assert batch.errors == [] and batch.skipped == {"other pages": 1}


def test_a_page_whose_record_cannot_be_made_is_an_error_of_its_own(tmp_path, monkeypatch):
    import reports.loader as loader

    made = loader.read_facts

    def refuse_the_first(lists, countries, where):
        if "Austria" in countries:
            raise ArticleError(where, 4, "cannot be read")
        return made(lists, countries, where)

    monkeypatch.setattr(loader, "read_facts", refuse_the_first)
    path = tmp_path / "d.xml"
    path.write_bytes(dump(page("Austria–Peru relations", "Lead text."), page("Peru–Japan relations", "Lead.")))
    results = list(read_all(path))
    assert [(r.record, r.error.path, r.error.line, r.error.message) for r in results[:1]] == [
        (None, f"{path}[Austria–Peru relations]", 4, "cannot be read")]
    assert results[1].record.title == "Peru–Japan relations" and results[1].error is None


def test_a_page_over_the_size_limit_is_an_error_and_the_next_pages_still_come(tmp_path):
    path = tmp_path / "d.xml"
    path.write_bytes(dump(page("Austria–Peru relations", "Lead text. " * 200), page("Peru–Japan relations", "Lead.")))
    results = list(read_all(path, max_bytes=1000))
    assert results[0].record is None and "over the limit of 1,000 bytes" in results[0].error.message
    assert results[0].error.path.endswith("d.xml[Austria–Peru relations]")
    assert results[1].record.title == "Peru–Japan relations"


def test_a_hostile_page_title_never_reaches_a_path(tmp_path):
    from reports.pipeline import build

    path = tmp_path / "d.xml"
    path.write_bytes(dump(page("../../Etc–Passwd relations", "Lead text.")))
    result = build([path], tmp_path / "out", formats=("json",), combined=False)
    assert result.ok
    out = tmp_path / "out"
    # the build's own hidden files and folders (.reports-state/...) aside
    written = [p for p in out.rglob("*") if not any(part.startswith(".") for part in p.relative_to(out).parts)]
    assert sorted(p.name for p in written) == ["etc-passwd.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.xml", "out"]


def test_every_document_names_the_page_its_revision_and_address(tmp_path):
    import openpyxl
    import subprocess
    from docx import Document

    from reports.pipeline import build

    path = tmp_path / "d.xml"
    path.write_bytes(DUMP)
    result = build([path], tmp_path / "out", formats=("pdf", "docx", "xlsx"), combined=False, jobs=1)
    assert result.ok, result.failures
    url = "https://en.wikipedia.org/wiki/Latvia%E2%80%93Mexico_relations?oldid=1001"
    pdf = subprocess.run(["pdftotext", str(tmp_path / "out" / "latvia-mexico.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    assert "1001 of 1 May 2024" in pdf and url in pdf.replace("\n", "")
    cells = [c.text for t in Document(tmp_path / "out" / "latvia-mexico.docx").tables for r in t.rows for c in r.cells]
    assert "Latvia–Mexico relations" in cells and url in cells
    sheet = openpyxl.load_workbook(tmp_path / "out" / "latvia-mexico.xlsx").worksheets[0]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert values["Revision"] == "1001 (2024-05-01T10:00:00Z)" and values["Address"] == url
