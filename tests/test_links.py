"""Links inside the documents land where they say: every key fact of a brief links to
the heading of its part, every internal link of a dossier to a bookmark it has."""

from __future__ import annotations

import re
import zipfile

import pypdf
import pytest

from conftest import SEED_IDS
from reports import brief_view


def _outline(reader: pypdf.PdfReader) -> dict[str, tuple[int, float]]:
    found = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.setdefault(item.title, (reader.get_destination_page_number(item), round(float(item["/Top"]), 1)))
    walk(reader.outline)
    return found


def _page_one_links(reader: pypdf.PdfReader) -> list[tuple[int, float]]:
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    links = []
    for annotation in reader.pages[0].get("/Annots") or []:
        annotation = annotation.get_object()
        dest = annotation.get("/Dest")
        if annotation.get("/Subtype") == "/Link" and dest is not None:
            links.append((numbers[dest[0].idnum], round(float(dest[3]), 1)))
    return links


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_every_key_fact_links_to_the_heading_of_its_part(record_id, default_build, seed_records, default_layout):
    out, _ = default_build
    reader = pypdf.PdfReader(out / f"{record_id}.pdf")
    headings = _outline(reader)
    facts = brief_view.brief_facts(seed_records[record_id], default_layout)
    # A value that wraps is one link per line: compare where they land, not how many.
    # Facts whose detail is the dossier's (the history) link nowhere in the brief.
    linked = {headings[default_layout.label(f.part)] for f in facts if default_layout.label(f.part) in headings}
    assert linked and set(_page_one_links(reader)) == linked


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_every_internal_link_of_a_dossier_has_its_bookmark(record_id, default_build):
    out, _ = default_build
    xml = zipfile.ZipFile(out / f"{record_id}.docx").read("word/document.xml").decode("utf-8")
    bookmarks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', xml))
    anchors = re.findall(r'w:anchor="([^"]+)"', xml) + re.findall(r'REF (\S+)', xml) + re.findall(r'PAGEREF (\S+)', xml)
    assert bookmarks  # the parts' headings are bookmarks
    assert set(anchors) <= bookmarks
