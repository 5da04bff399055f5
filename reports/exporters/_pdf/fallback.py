"""Noto fonts for the scripts the body font lacks, and text split into runs by the font
that draws them: reportlab has no font fallback, so a name in Japanese, Arabic, Hindi
or Thai is set in the matching Noto font, run by run.

The fonts come from two pip dependencies, found without importing them:
`manimgx-fonts` (one small Noto Sans file per script: Arabic, Hebrew, Devanagari,
Thai and fifteen more, 7 MB) and `justmytype-intl-cjk` (Noto Sans JP, KR, SC, TC as
TrueType; reportlab cannot embed the CFF outlines of Noto Sans CJK's .otf files, which
rules out Debian's fonts-noto-cjk). A font is read only when a character of its script
first appears, so a Latin-only brief pays nothing. A missing package only means its
scripts fall back to the substitute, with the usual warning.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_SCRIPTS = "manimgx_fonts"
_CJK = "justmytype_intl_cjk"

_HAN = ((0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3190, 0x31FF), (0x3200, 0x33FF), (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF))
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))


def _cjk(code: str) -> str:
    return f"fonts/ofl/notosans{code.lower()}/NotoSans{code}[wght].ttf"


# (font name, package, file in the package, code point ranges it is tried for), in the
# order tried. For Han characters Japanese comes first, then Simplified and Traditional
# Chinese: a run takes the first font that has every character of it.
FALLBACKS: tuple[tuple[str, str, str, tuple[tuple[int, int], ...]], ...] = (
    ("NotoSansArabic", _SCRIPTS, "NotoSansArabic[wght].ttf",
     ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("NotoSansHebrew", _SCRIPTS, "NotoSansHebrew[wght].ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    ("NotoSansDevanagari", _SCRIPTS, "NotoSansDevanagari[wght].ttf",
     ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))),
    ("NotoSansThai", _SCRIPTS, "NotoSansThai[wght].ttf", ((0x0E00, 0x0E7F),)),
    ("NotoSansBengali", _SCRIPTS, "NotoSansBengali[wght].ttf", ((0x0980, 0x09FF),)),
    ("NotoSansGurmukhi", _SCRIPTS, "NotoSansGurmukhi[wght].ttf", ((0x0A00, 0x0A7F),)),
    ("NotoSansGujarati", _SCRIPTS, "NotoSansGujarati[wght].ttf", ((0x0A80, 0x0AFF),)),
    ("NotoSansOriya", _SCRIPTS, "NotoSansOriya[wght].ttf", ((0x0B00, 0x0B7F),)),
    ("NotoSansTamil", _SCRIPTS, "NotoSansTamil[wght].ttf", ((0x0B80, 0x0BFF),)),
    ("NotoSansTelugu", _SCRIPTS, "NotoSansTelugu[wght].ttf", ((0x0C00, 0x0C7F),)),
    ("NotoSansKannada", _SCRIPTS, "NotoSansKannada[wght].ttf", ((0x0C80, 0x0CFF),)),
    ("NotoSansMalayalam", _SCRIPTS, "NotoSansMalayalam[wght].ttf", ((0x0D00, 0x0D7F),)),
    ("NotoSansSinhala", _SCRIPTS, "NotoSansSinhala[wght].ttf", ((0x0D80, 0x0DFF),)),
    ("NotoSansLao", _SCRIPTS, "NotoSansLao[wght].ttf", ((0x0E80, 0x0EFF),)),
    ("NotoSansMyanmar", _SCRIPTS, "NotoSansMyanmar[wght].ttf", ((0x1000, 0x109F), (0xA9E0, 0xA9FF))),
    ("NotoSansGeorgian", _SCRIPTS, "NotoSansGeorgian[wght].ttf", ((0x10A0, 0x10FF), (0x1C90, 0x1CBF))),
    ("NotoSansArmenian", _SCRIPTS, "NotoSansArmenian[wght].ttf", ((0x0530, 0x058F),)),
    ("NotoSansEthiopic", _SCRIPTS, "NotoSansEthiopic[wght].ttf", ((0x1200, 0x139F), (0x2D80, 0x2DDF))),
    ("NotoSansKhmer", _SCRIPTS, "NotoSansKhmer[wght].ttf", ((0x1780, 0x17FF), (0x19E0, 0x19FF))),
    ("NotoSansJP", _CJK, _cjk("JP"), _HAN + _KANA),
    ("NotoSansSC", _CJK, _cjk("SC"), _HAN),
    ("NotoSansTC", _CJK, _cjk("TC"), _HAN),
    ("NotoSansKR", _CJK, _cjk("KR"), _HAN + _HANGUL),
)


def _package_folder(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=None)
def font_file(name: str) -> Path | None:
    """The file of a fallback font, or None when its package is not installed."""
    for font_name, package, relative, _ in FALLBACKS:
        if font_name == name:
            folder = _package_folder(package)
            path = folder / relative if folder else None
            return path if path and path.is_file() else None
    raise KeyError(name)


@lru_cache(maxsize=None)
def _cmap(name: str) -> frozenset[int]:
    """Register a fallback font (once; every style is the one face, so <b> inside a
    run does not fail) and return the code points it draws."""
    path = font_file(name)
    if path is None:
        return frozenset()
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(regular(path))))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


REGULAR = 400  # the weight of the body text (DejaVu Sans Book)


def regular(path: Path) -> Path:
    """The font at the regular weight: a variable font whose default instance is lighter
    (Noto Sans CJK's is Thin, faint beside the text) is instantiated at 400 once and kept
    in the user's cache; any other font is used as it is."""
    from fontTools.ttLib import TTFont as Font

    with Font(str(path), lazy=True) as font:
        axes = {axis.axisTag: axis for axis in font["fvar"].axes} if "fvar" in font else {}
    weight = axes.get("wght")
    if weight is None or weight.defaultValue == REGULAR or not weight.minValue <= REGULAR <= weight.maxValue:
        return path
    stat = path.stat()
    cached = _cache_folder() / f"{path.stem}-{stat.st_size}-{REGULAR}.ttf"
    if not cached.is_file():
        from fontTools.varLib.instancer import instantiateVariableFont
        with Font(str(path)) as font:
            instance = instantiateVariableFont(font, {"wght": REGULAR}, updateFontNames=True)
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.part")
            instance.save(str(partial))
            os.replace(partial, cached)  # atomic: parallel builds may make it at once
    return cached


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reports" / "fonts"


def _candidates(code: int) -> list[str]:
    return [name for name, _, _, ranges in FALLBACKS if any(lo <= code <= hi for lo, hi in ranges)]


def font_for(text: str) -> str | None:
    """The first fallback font that draws every character of `text`, or None."""
    codes = set(map(ord, text))
    for name in _candidates(ord(text[0])):
        if codes <= _cmap(name):
            return name
    return None


def split(text: str, covered) -> list[tuple[str | None, str]]:
    """`text` as runs (font, run): font None for characters in `covered` (the body
    font's) and for characters no font has, else the fallback font's name. A run of
    uncovered characters takes one font when one has all of them, so a name is not set
    in two designs; otherwise each character takes the first font that has it."""
    runs: list[tuple[str | None, str]] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        inside = ord(text[i]) in covered
        while j < n and (ord(text[j]) in covered) == inside:
            j += 1
        chunk = text[i:j]
        if inside:
            runs.append((None, chunk))
        else:
            whole = font_for(chunk)
            runs.extend([(whole, chunk)] if whole else [(font_for(ch), ch) for ch in chunk])
        i = j
    return _merged(runs)


def _merged(runs):
    out: list[tuple[str | None, str]] = []
    for font, chunk in runs:
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + chunk)
        else:
            out.append((font, chunk))
    return out


def draws(font_name: str, code: int) -> bool:
    """Whether a fallback font draws a code point (for the substitute check)."""
    return code in _cmap(font_name)
