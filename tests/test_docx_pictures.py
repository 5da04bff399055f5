"""The brief's timeline picture in the dossier (reports/exporters/_docx/pictures.py and
the shared exporters/_timeline/picture.py), read back with python-docx."""

from __future__ import annotations

import struct

import docx
import pytest
from docx.oxml.ns import qn

from conftest import write_article
from reports.exporters import _docx
from reports.exporters._docx.base import base_of
from reports.exporters._timeline.labels import labels
from reports.exporters._timeline.picture import DPI
from reports.facts_view import timeline_marks

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
EMU_PER_MM = 36000

UNDATED_ARTICLE = """\
= Chad–Uruguay relations =

Chad and Uruguay are both members of the United Nations and of the Group of 77.
"""


def _part_blocks(document, title: str) -> list:
    """The body's blocks from the heading `title` to the next top-level heading."""
    body = list(document.element.body)
    heads = [i for i, block in enumerate(body) if block.tag == qn("w:p")
             and docx.text.paragraph.Paragraph(block, document).style.name == "Heading 1"]
    start = next(i for i in heads if docx.text.paragraph.Paragraph(body[i], document).text == title)
    end = next((i for i in heads if i > start), len(body))
    return body[start:end]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def georgia(tmp_path_factory, seed_records, default_layout):
    path = tmp_path_factory.mktemp("pictures") / "georgia-mexico.docx"
    _docx.export(seed_records["georgia-mexico"], default_layout, path)
    return path


def test_the_timeline_part_holds_the_brief_picture_as_wide_as_the_text(georgia, seed_records, default_layout):
    document = docx.Document(str(georgia))
    timeline = _part_blocks(document, default_layout.label("timeline"))
    inlines = [inline for block in timeline for inline in block.iter(WP + "inline")]
    assert len(inlines) == 1
    assert timeline.index(next(b for b in timeline if b.tag == qn("w:tbl"))) > \
        timeline.index(next(b for b in timeline if list(b.iter(WP + "inline"))))  # above the table
    assert sum(1 for _ in document.element.body.iter(WP + "inline")) == 1  # nowhere else
    (shape,) = document.inline_shapes
    text_mm = base_of(default_layout).text_width_mm
    assert abs(shape.width - text_mm * EMU_PER_MM) <= 1
    blip = inlines[0].find(".//" + qn("a:blip"))
    png = document.part.related_parts[blip.get(qn("r:embed"))]
    assert png.content_type == "image/png"
    width_px, height_px = _png_size(png.blob)
    assert width_px == round(text_mm / 25.4 * DPI)
    assert abs(height_px / width_px - shape.height / shape.width) < 0.01  # not stretched
    alt = inlines[0].find(WP + "docPr").get("descr")
    found = labels(seed_records["georgia-mexico"], default_layout)
    assert found and alt.startswith(default_layout.label("timeline"))
    assert all(label.text in alt for label in found)  # every mark named, the visits too
    assert any(label.kind == "visit" for label in found)


def test_the_picture_is_the_same_bytes_on_every_build(georgia, seed_records, default_layout, tmp_path):
    again = tmp_path / "again.docx"
    _docx.export(seed_records["georgia-mexico"], default_layout, again)
    assert again.read_bytes() == georgia.read_bytes()


def test_a_record_without_dated_facts_gets_no_picture(tmp_path, default_layout):
    from reports.articles import load

    record = load(str(write_article(tmp_path, "chad-uruguay.txt", UNDATED_ARTICLE)))
    assert timeline_marks(record) == []
    path = tmp_path / "chad-uruguay.docx"
    _docx.export(record, default_layout, path)
    document = docx.Document(str(path))
    assert list(document.element.body.iter(WP + "inline")) == []
    assert not [p for p in document.part.package.iter_parts() if p.content_type.startswith("image/")]
    assert default_layout.label("timeline") not in [p.text for p in document.paragraphs]


def test_characters_the_body_font_lacks_are_set_in_their_noto_font():
    """The PDF canvas switches fonts run by run; a String drawn for the picture is split
    into runs instead, each in the font that has its glyphs, one after the other."""
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.exporters._reportlab_text.fonts import family
    from reports.exporters._timeline.picture import _set_in_runs

    font = family("DejaVu Sans").regular
    drawing = Drawing(300, 40)
    drawing.add(String(290, 10, "Lima 日本祭り", fontName=font, fontSize=9, textAnchor="end"))
    _set_in_runs(drawing)
    latin, cjk = drawing.contents
    assert (latin.text, latin.fontName) == ("Lima ", font)
    assert cjk.text == "日本祭り" and cjk.fontName.startswith("Noto")
    assert latin.x + stringWidth("Lima ", font, 9) == pytest.approx(cjk.x)
    assert cjk.x + stringWidth(cjk.text, cjk.fontName, 9) == pytest.approx(290)  # still ends at its anchor
