"""Every script in the dossier: runs of CJK, Arabic, Hebrew, Indic, Thai ... text are
set in the Noto font of their script, and that font travels inside the .docx.

- Each such run names its Noto font in its script's slot (w:eastAsia for CJK, w:cs for
  complex scripts), the slot Word and LibreOffice both read for those characters.
- The Noto font is embedded: a subset of the characters used (fontTools), as Word's
  obfuscated `word/fonts/*.odttf` parts (ECMA-376 Part 1, 17.8.1), so Word and
  LibreOffice on a machine with no font for the script draw real glyphs from the file.
- The font table gives it, as its alternative name, the font Office installs have for
  the script ("Yu Gothic", "Nirmala UI"): Word's choice should the embedded font go.
  (A run naming the Office font instead leaves LibreOffice with empty boxes: it does
  not fall back to an embedded font the run does not name; tried with LibreOffice 7.4.)
- The font key of each embedded font is derived from its bytes: two builds of one
  record stay byte-identical.
"""

from __future__ import annotations

import copy
import hashlib
import io
import uuid
from functools import lru_cache

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from .. import script_fonts

ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_R_ID = qn("r:id")


class _OutsideScripts:
    """The characters the body font draws: everything no script font is tried for."""

    def __contains__(self, code: int) -> bool:
        return not script_fonts.candidates(code)


_LATIN = _OutsideScripts()


def set_script_fonts(document) -> list[str]:
    """Split the runs of every story by script, name each script's font, and embed
    the Noto subsets used. Returns warnings (characters no font draws)."""
    used: dict[str, set[str]] = {}
    missing: set[str] = set()
    stories = [document.element.body]
    for section in document.sections:
        stories += [section.header._element, section.footer._element]
    for story in stories:
        for run in list(story.iter(qn("w:r"))):
            _split_run(run, used, missing)
    if used:
        _embed(document, used)
    if not missing:
        return []
    sample = " ".join(f"U+{ord(ch):04X}" for ch in sorted(missing)[:8])
    return [f"{len(missing)} character(s) no embedded font of the dossier draws: {sample}"]


def _split_run(run, used, missing) -> None:
    texts = [child for child in run if child.tag != qn("w:rPr")]
    if len(texts) != 1 or texts[0].tag != qn("w:t") or not texts[0].text or texts[0].text.isascii():
        return
    text = texts[0].text
    runs = script_fonts.split(text, _LATIN)
    if all(font is None for font, _ in runs):
        missing.update(ch for ch in text if ord(ch) not in _LATIN)
        return
    for font_name, chunk in runs:
        piece = copy.deepcopy(run)
        piece.find(qn("w:t")).text = chunk
        if font_name:
            used.setdefault(font_name, set()).update(chunk)
            _name_font(piece, script_fonts.BY_NAME[font_name])
        else:
            missing.update(ch for ch in chunk if ord(ch) not in _LATIN)
        run.addprevious(piece)
    run.getparent().remove(run)


def _name_font(run, font) -> None:
    r_pr = run.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = run.makeelement(qn("w:rPr"), {})
        run.insert(0, r_pr)
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.makeelement(qn("w:rFonts"), {})
        style = r_pr.find(qn("w:rStyle"))
        r_pr.insert(1 if style is not None else 0, fonts)
    slots = ("ascii", "hAnsi") if font.slot == "hAnsi" else (font.slot,)
    for slot in slots:
        fonts.set(qn(f"w:{slot}"), font.family)
    if font.slot == "eastAsia":
        fonts.set(qn("w:hint"), "eastAsia")


# -- embedding ------------------------------------------------------------------------------


def _embed(document, used: dict[str, set[str]]) -> None:
    from lxml import etree

    table = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = etree.fromstring(table.blob)
    for number, name in enumerate(sorted(used), 1):
        font = script_fonts.BY_NAME[name]
        data = subset(name, "".join(sorted(used[name])))
        if data is None:
            continue
        key = "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"
        part = Part(PackURI(f"/word/fonts/font{number}.odttf"), ODTTF, obfuscate(data, key), document.part.package)
        r_id = table.relate_to(part, RT.FONT)
        _font_entry(root, font.family, font.office, r_id, key)
    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _set_embedding(document.settings.element)


def _font_entry(root, name: str, alternative: str | None, r_id: str | None, key: str | None) -> None:
    """A w:font of the font table (replacing one of that name): its alternative name, and
    the embedded regular face when `r_id` is given."""
    for old in root.findall(qn("w:font")):
        if old.get(qn("w:name")) == name:
            root.remove(old)
    entry = root.makeelement(qn("w:font"), {qn("w:name"): name})
    if alternative:
        entry.append(root.makeelement(qn("w:altName"), {qn("w:val"): alternative}))
    entry.append(root.makeelement(qn("w:charset"), {qn("w:val"): "00"}))
    entry.append(root.makeelement(qn("w:family"), {qn("w:val"): "swiss"}))
    entry.append(root.makeelement(qn("w:pitch"), {qn("w:val"): "variable"}))
    if r_id:
        entry.append(root.makeelement(qn("w:embedRegular"), {
            _R_ID: r_id, qn("w:fontKey"): key, qn("w:subsetted"): "1"}))
    root.append(entry)


# Elements w:embedTrueTypeFonts and w:saveSubsetFonts follow in w:settings (schema order).
_BEFORE_EMBED = {qn(f"w:{name}") for name in (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData")}


def _set_embedding(settings) -> None:
    """Word keeps the fonts embedded (as subsets) when an analyst saves the dossier."""
    for tag in ("w:embedTrueTypeFonts", "w:saveSubsetFonts"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    position = max((index + 1 for index, child in enumerate(settings) if child.tag in _BEFORE_EMBED), default=0)
    for offset, tag in enumerate(("w:embedTrueTypeFonts", "w:saveSubsetFonts")):
        settings.insert(position + offset, settings.makeelement(qn(tag), {}))


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376's font obfuscation: the first 32 bytes XORed with the key's 16 bytes,
    taken from the GUID's hex digits in reverse order. It is its own inverse."""
    digits = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ digits[index % 16] for index, byte in enumerate(data[:32]))
    return head + data[32:]


@lru_cache(maxsize=64)
def subset(name: str, characters: str) -> bytes | None:
    """The script font `name` cut down to `characters` (and what shaping them needs),
    its variable weight fixed at Regular; None when the font is not installed."""
    path = script_fonts.font_file(name)
    if path is None:
        return None
    from fontTools import subset as subsetter
    from fontTools.ttLib import TTFont

    options = subsetter.Options()
    options.layout_features = ["*"]  # joining, conjuncts, marks: Arabic and Indic need them
    options.hinting = False
    options.name_languages = ["*"]
    font = TTFont(str(path), recalcTimestamp=False, lazy=True)  # 0.4 s for a CJK font; 6 s read whole
    cutter = subsetter.Subsetter(options)
    cutter.populate(text=characters)
    cutter.subset(font)
    if "fvar" in font:
        from fontTools.varLib import instancer

        try:  # names the instance "Regular" (the file's default instance is Thin for CJK)
            font = instancer.instantiateVariableFont(font, {"wght": 400}, updateFontNames=True)
        except ValueError:
            font = instancer.instantiateVariableFont(font, {"wght": 400})
    stream = io.BytesIO()
    font.save(stream)
    return stream.getvalue()
