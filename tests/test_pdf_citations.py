"""The brief of a cited record: note numbers after facts, a References list with
clickable http(s) addresses, the article's tables; plain records' briefs unchanged."""

from __future__ import annotations

import pytest

from cited import CITATIONS, cited_record
from conftest import normalise, pdf_text
from reports.exporters import _pdf

pypdf = pytest.importorskip("pypdf")



@pytest.fixture(scope="session")
def default_layout():
    """This module renders whole articles: the default layout with nothing left to the dossier."""
    from reports.layout import load_layout
    return load_layout("tests/fixtures/whole-article.toml")

@pytest.fixture(scope="module")
def brief(seed_records, default_layout, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf-cited") / "cited.pdf"
    assert _pdf.export(cited_record(seed_records["georgia-mexico"]), default_layout, path) == []
    return path


def _links(path):
    """(URI targets, named destinations linked to) of every link annotation."""
    uris, internal = [], []
    for page in pypdf.PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if action and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
            elif annot.get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal.append(annot)
    return uris, internal


def test_references_list_is_numbered_and_in_the_source_notes_before_the_colophon(brief):
    text = normalise(pdf_text(brief))
    refs = text.index("References")
    assert text.index("Source notes") < refs < text.rindex("Made by reports")
    tail = text[refs:]
    for number, citation in enumerate(CITATIONS, 1):
        assert f"{number}." in tail
    # markup in article text is printed, never interpreted
    assert "Relaciones <b>bilaterales</b> & más" in tail
    assert "https://sre.gob.mx/relaciones?a=1&b=2'x" in tail.replace(" ", "")
    assert "Accessed 18 November 2021" in tail
    assert "javascript:alert(1)" in tail


def test_only_http_addresses_are_clickable(brief):
    uris, internal = _links(brief)
    assert "https://sre.gob.mx/relaciones?a=1&b=2'x" in uris
    assert "https://example.org/un" in uris
    assert all(uri.startswith(("http://", "https://")) for uri in uris)
    assert internal  # note numbers link to their references


def test_notes_follow_facts_in_tables_and_paragraphs(brief):
    text = normalise(pdf_text(brief))
    assert "l. 19 1" in text           # a visit's row: its line and note 1 (sre)
    assert "& more.2 l. 89" in text    # a paragraph: note 2 (c1), then its line
    assert "l. 93 3,4" in text         # a table row citing two references
    assert "Second item5" in text      # a list item's own note


def test_table_blocks_are_tables(brief):
    text = normalise(pdf_text(brief))
    assert "Visits <i>table</i>" in text
    assert "Senator A & B" in text and "Minister <C>" in text


def test_plain_briefs_have_no_references(seed_records, default_layout, tmp_path):
    _pdf.export(seed_records["lithuania-mexico"], default_layout, tmp_path / "plain.pdf")
    assert "References" not in pdf_text(tmp_path / "plain.pdf")
    assert _links(tmp_path / "plain.pdf")[0] == []


def test_spanish_heading(seed_records, spanish_layout, tmp_path):
    _pdf.export(cited_record(seed_records["georgia-mexico"]), spanish_layout, tmp_path / "es.pdf")
    assert "Referencias" in pdf_text(tmp_path / "es.pdf")


def test_wikitext_brief_cites_its_refs(default_layout, tmp_path):
    from reports.articles import load

    _pdf.export(load("tests/wiki/sample.wiki"), default_layout, tmp_path / "w.pdf")
    uris, _ = _links(tmp_path / "w.pdf")
    assert {"https://sre.gob.mx/x", "https://example.org/un", "https://a.lv/v"} <= set(uris)
