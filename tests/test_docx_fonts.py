"""Every script in the dossier (exporters/_docx/fonts.py): names in Japanese, Hindi,
Arabic, Hebrew, Thai, Korean and Chinese are set in their Noto font, embedded as
obfuscated subsets that LibreOffice draws on a machine with no such font."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
from lxml import etree

from conftest import ROOT, needs, pdf_text, soffice_to_pdf
from reports.articles import load
from reports.exporters import _docx
from reports.exporters._docx.fonts import obfuscate

ARTICLE = ROOT / "tests" / "articles" / "india-japan-scripts.txt"
NAMES = {"Japanese": "安倍", "Hindi": "मोदी", "Arabic": "محمد", "Hebrew": "נתניהו",
         "Thai": "ประยุทธ์", "Korean": "문재인", "Chinese": "李克强"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@pytest.fixture(scope="module")
def dossier(tmp_path_factory, default_layout):
    path = tmp_path_factory.mktemp("scripts") / "india-japan.docx"
    warnings = _docx.export(load(ARTICLE), default_layout, path)
    return path, warnings


def _embedded(path) -> dict[str, bytes]:
    """Family name -> the font file, de-obfuscated with the key the font table gives."""
    from fontTools.ttLib import TTFont

    with zipfile.ZipFile(path) as archive:
        table = etree.fromstring(archive.read("word/fontTable.xml"))
        rels = etree.fromstring(archive.read("word/_rels/fontTable.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        fonts = {}
        for entry in table.iter(f"{W}font"):
            embed = entry.find(f"{W}embedRegular")
            if embed is None:
                continue
            blob = archive.read("word/" + targets[embed.get(f"{R}id")])
            data = obfuscate(blob, embed.get(f"{W}fontKey"))
            assert TTFont(io.BytesIO(data))["name"].getBestFamilyName() == entry.get(f"{W}name")
            fonts[entry.get(f"{W}name")] = data
    return fonts


def test_every_script_font_is_embedded_as_a_subset_of_the_names(dossier):
    from fontTools.ttLib import TTFont

    fonts = _embedded(dossier[0])
    assert {"Noto Sans JP", "Noto Sans Devanagari", "Noto Sans Arabic", "Noto Sans Hebrew",
            "Noto Sans Thai", "Noto Sans KR"} <= set(fonts)
    drawn = set()
    for data in fonts.values():
        assert len(data) < 40_000  # a subset, not the 10 MB font
        drawn |= set(TTFont(io.BytesIO(data)).getBestCmap())
    for name in NAMES.values():
        assert {ord(ch) for ch in name} <= drawn, name
    assert not dossier[1]


def test_the_runs_name_their_font_in_their_scripts_slot(dossier):
    with zipfile.ZipFile(dossier[0]) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        settings = archive.read("word/settings.xml").decode()
        table = archive.read("word/fontTable.xml").decode()
    slots = {}
    for run in body.iter(f"{W}r"):
        fonts = run.find(f"{W}rPr/{W}rFonts")
        if fonts is not None:
            slots["".join(t.text or "" for t in run.iter(f"{W}t"))] = dict(fonts.attrib)
    assert slots["安倍"][f"{W}eastAsia"] == "Noto Sans JP"
    assert slots["문재인"][f"{W}eastAsia"] == "Noto Sans KR"
    assert slots["नरेन्द्र"][f"{W}cs"] == "Noto Sans Devanagari"
    assert "<w:embedTrueTypeFonts/>" in settings and "<w:saveSubsetFonts/>" in settings
    # Word's own font for the script, should the embedded one be missing.
    assert re.search(r'w:name="Noto Sans JP"><w:altName w:val="Yu Gothic"/>', table)


def test_a_latin_dossier_embeds_nothing(tmp_path, default_layout):
    path = tmp_path / "georgia-mexico.docx"
    _docx.export(load(ROOT / "data" / "georgia-mexico.txt"), default_layout, path)
    with zipfile.ZipFile(path) as archive:
        assert not [name for name in archive.namelist() if name.startswith("word/fonts/")]
        assert b"embedTrueTypeFonts" not in archive.read("word/settings.xml")


def test_the_dossier_with_fonts_is_byte_identical_twice(dossier, tmp_path, default_layout):
    again = tmp_path / "again.docx"
    _docx.export(load(ARTICLE), default_layout, again)
    assert again.read_bytes() == dossier[0].read_bytes()


def test_obfuscation_is_its_own_inverse():
    data = bytes(range(64))
    key = "{12345678-9ABC-DEF0-1234-56789ABCDEF0}"
    hidden = obfuscate(data, key)
    assert hidden[:32] != data[:32] and hidden[32:] == data[32:]
    assert obfuscate(hidden, key) == data
    # ECMA-376: the key's last byte (F0) masks the first byte of the font.
    assert hidden[0] == data[0] ^ 0xF0


@needs("soffice", "pdffonts", "pdftotext")
def test_libreoffice_draws_every_name_with_the_embedded_fonts(dossier, tmp_path):
    pdf = soffice_to_pdf([dossier[0]], tmp_path)[dossier[0]]
    used = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    for family in ("NotoSansJP", "NotoSansDevanagari", "NotoSansThai", "NotoSansKR", "NotoSansArabic",
                   "NotoSansHebrew"):
        assert family in used, used
    text = pdf_text(pdf)
    for name in ("安倍", "मोदी", "문재인", "李克强", "ประยุทธ์"):
        assert name in text, name
