"""The PDF for every script (exporters/_reportlab_text/fonts.py, fallback.py, rtl.py; _pdf/textruns.py):
names in Japanese, Arabic, Hindi, Hebrew, Thai, Korean and Chinese are drawn in Noto
fonts embedded as subsets, right-to-left runs in visual order, and the text comes back."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, needs, pdf_text
from reports.exporters import _pdf
from reports.exporters._reportlab_text import fallback, rtl
from reports.exporters._reportlab_text.fonts import TextGate, coverage

ARTICLE = ROOT / "tests" / "articles" / "india-japan-scripts.txt"
NAMES = {
    "Japanese": "安倍 晋三", "Hindi": "नरेन्द्र मोदी", "Arabic": "محمد بن زايد آل نهيان",
    "Hebrew": "בנימין נתניהו", "Thai": "ประยุทธ์ จันทร์โอชา", "Korean": "문재인", "Chinese": "李克强",
}
# Directional marks pdftotext puts around right-to-left text.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def readable(text: str) -> str:
    """Extracted text compared as a reader would: NFKC (Arabic comes back as the joined
    presentation forms it is drawn with, and no-break spaces as such; NFKC gives the
    letters and spaces of the article), pdftotext's directional marks dropped."""
    return re.sub(r"\s+", " ", _BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text)))


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    from reports.articles import load
    from reports.layout import load_layout

    path = tmp_path_factory.mktemp("scripts") / "india-japan.pdf"
    warnings = _pdf.export(load(str(ARTICLE)), load_layout("tests/fixtures/whole-article.toml"), path)
    return path, warnings


@needs("pdftotext")
@pytest.mark.parametrize("script", sorted(NAMES))
def test_names_in_every_script_come_back_from_the_text(brief, script):
    path, _ = brief
    assert readable(NAMES[script]) in readable(pdf_text(path))


def test_no_character_is_substituted(brief):
    _, warnings = brief
    assert not [w for w in warnings if "outside the PDF fonts" in w]


@needs("pdffonts")
def test_noto_fonts_are_embedded_as_subsets(brief):
    path, _ = brief
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = {line.split()[0].split("+", 1)[-1]: line.split() for line in listing.splitlines()[2:]}
    for font in ("NotoSansJP", "NotoSansArabic", "NotoSansDevanagari", "NotoSansThai", "NotoSansKR"):
        name = next((n for n in rows if n.startswith(font)), None)
        assert name, (font, listing)
        row = rows[name]
        assert row[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, ToUnicode
        assert name.endswith("-Regular"), name  # every script at the text's weight, CJK not Thin
    assert all("+" in line.split()[0] for line in listing.splitlines()[2:])


@needs("pdftotext")
def test_table_cells_and_the_header_use_the_fallback_too(tmp_path, seed_records, default_layout):
    """Plain strings (table cells, the running header, the timeline) take no markup: the canvas
    switches fonts for them."""
    record = seed_records["georgia-mexico"]
    visit = dataclasses.replace(record.visits[0], person="Shinzō Abe (安倍 晋三)")
    event = dataclasses.replace(record.events[0], text="東京で会談")  # a timeline label
    record = dataclasses.replace(record, visits=(visit, *record.visits[1:]), events=(event, *record.events[1:]),
                                 title="日本–México relations")
    warnings = _pdf.export(record, default_layout, tmp_path / "cells.pdf")
    assert not [w for w in warnings if "outside the PDF fonts" in w]
    text = pdf_text(tmp_path / "cells.pdf")
    assert "Shinzō Abe (安倍 晋三)" in text and "日本–México relations" in text and "東京で会談" in text


def test_right_to_left_runs_are_put_in_visual_order():
    # Hebrew has no joining: the visual order is the run reversed, kept on one line.
    assert rtl.visual("Netanyahu (בנימין נתניהו) 2018") == "Netanyahu (והינתנ\u00a0ןימינב) 2018"
    arabic = rtl.visual("محمد")
    assert unicodedata.normalize("NFKC", arabic)[::-1] == "محمد"  # joined forms, reversed
    assert all(0xFE70 <= ord(ch) <= 0xFEFF for ch in arabic)


def test_markup_escapes_article_text_and_adds_only_font_tags():
    gate = TextGate(coverage("DejaVu Sans"), "\ufffd")
    marked = gate.markup("<b>安倍</b> & Co")
    assert marked == '&lt;b&gt;<font name="NotoSansJP">安倍</font>&lt;/b&gt; &amp; Co'


def test_a_run_takes_one_font_that_has_all_of_it():
    covered = coverage("DejaVu Sans")
    assert fallback.split("Abe 安倍晋三", covered) == [(None, "Abe "), ("NotoSansJP", "安倍晋三")]
    assert fallback.split("문재인", covered) == [("NotoSansKR", "문재인")]


def test_the_fonts_come_from_the_installed_packages():
    for name in ("NotoSansJP", "NotoSansArabic", "NotoSansDevanagari", "NotoSansThai"):
        path = fallback.font_file(name)
        assert path and Path(path).is_file()


def test_the_brief_is_byte_identical_from_another_process(brief, tmp_path):
    """Fallback fonts are registered as their scripts appear: the order, and so the
    bytes, depend on the article only, not on the process or its hash seed."""
    import os
    import sys

    path, _ = brief
    again = tmp_path / "again.pdf"
    script = ("import sys; from reports.articles import load; from reports.layout import load_layout; "
              "from reports.exporters import _pdf; _pdf.export(load(sys.argv[1]), load_layout('tests/fixtures/whole-article.toml'), sys.argv[2])")
    subprocess.run([sys.executable, "-c", script, str(ARTICLE), str(again)], check=True,
                   env=dict(os.environ, PYTHONHASHSEED="4242"))
    assert again.read_bytes() == Path(path).read_bytes()
