"""Which font draws which script, for every exporter: the Noto fonts shipped by two pip
dependencies for the scripts the body font (DejaVu) lacks, the font Office installs
have for the same script, and text split into runs by the font that draws them.

The PDF (reportlab, no font fallback) sets each run in its Noto font; the Word dossier
embeds subsets of the same Noto files and names the Office font in the run's East Asian
or complex-script slot. The fonts come from pip dependencies found without importing
them: `manimgx-fonts` (one small Noto Sans file per script, 7 MB) and
`justmytype-intl-cjk` (Noto Sans JP, KR, SC, TC as TrueType). A missing package only
means its scripts are drawn by no font (the exporters' substitute, with a warning).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

_SCRIPTS = "manimgx_fonts"
_CJK = "justmytype_intl_cjk"

_HAN = ((0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3190, 0x31FF), (0x3200, 0x33FF), (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF))
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))


@dataclass(frozen=True)
class ScriptFont:
    name: str           # the font's PostScript-like key ("NotoSansJP"), reportlab's name for it
    family: str         # its family name ("Noto Sans JP"), as Word's font table names it
    package: str        # the pip package that ships it
    file: str           # the file inside the package
    ranges: tuple[tuple[int, int], ...]  # code points it is tried for
    office: str         # the font Windows/Office installs have for the same script
    slot: str           # Word's font slot for the script: "eastAsia", "cs" or "hAnsi"


def _noto(script: str, ranges, office: str, slot: str = "cs") -> ScriptFont:
    words = "".join(" " + ch if ch.isupper() else ch for ch in script).strip()
    return ScriptFont(f"NotoSans{script}", f"Noto Sans {words}", _SCRIPTS, f"NotoSans{script}[wght].ttf",
                      ranges, office, slot)


def _cjk(code: str, ranges, office: str) -> ScriptFont:
    return ScriptFont(f"NotoSans{code}", f"Noto Sans {code}", _CJK,
                      f"fonts/ofl/notosans{code.lower()}/NotoSans{code}[wght].ttf", ranges, office, "eastAsia")


# In the order tried. For Han characters Japanese comes first, then Simplified and
# Traditional Chinese, then Korean: a run takes the first font that has every character.
FONTS: tuple[ScriptFont, ...] = (
    _noto("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
          "Arial"),
    _noto("Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), "Arial"),
    _noto("Devanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF)), "Nirmala UI"),
    _noto("Thai", ((0x0E00, 0x0E7F),), "Leelawadee UI"),
    _noto("Bengali", ((0x0980, 0x09FF),), "Nirmala UI"),
    _noto("Gurmukhi", ((0x0A00, 0x0A7F),), "Nirmala UI"),
    _noto("Gujarati", ((0x0A80, 0x0AFF),), "Nirmala UI"),
    _noto("Oriya", ((0x0B00, 0x0B7F),), "Nirmala UI"),
    _noto("Tamil", ((0x0B80, 0x0BFF),), "Nirmala UI"),
    _noto("Telugu", ((0x0C00, 0x0C7F),), "Nirmala UI"),
    _noto("Kannada", ((0x0C80, 0x0CFF),), "Nirmala UI"),
    _noto("Malayalam", ((0x0D00, 0x0D7F),), "Nirmala UI"),
    _noto("Sinhala", ((0x0D80, 0x0DFF),), "Nirmala UI"),
    _noto("Lao", ((0x0E80, 0x0EFF),), "Leelawadee UI"),
    _noto("Myanmar", ((0x1000, 0x109F), (0xA9E0, 0xA9FF)), "Myanmar Text"),
    _noto("Georgian", ((0x10A0, 0x10FF), (0x1C90, 0x1CBF)), "Sylfaen", "hAnsi"),
    _noto("Armenian", ((0x0530, 0x058F),), "Sylfaen", "hAnsi"),
    _noto("Ethiopic", ((0x1200, 0x139F), (0x2D80, 0x2DDF)), "Ebrima", "hAnsi"),
    _noto("Khmer", ((0x1780, 0x17FF), (0x19E0, 0x19FF)), "Leelawadee UI"),
    _cjk("JP", _HAN + _KANA, "Yu Gothic"),
    _cjk("SC", _HAN, "Microsoft YaHei"),
    _cjk("TC", _HAN, "Microsoft JhengHei"),
    _cjk("KR", _HAN + _HANGUL, "Malgun Gothic"),
)
BY_NAME = {font.name: font for font in FONTS}


def _package_folder(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=None)
def font_file(name: str) -> Path | None:
    """The file of a script font, or None when its package is not installed."""
    font = BY_NAME[name]
    folder = _package_folder(font.package)
    path = folder / font.file if folder else None
    return path if path and path.is_file() else None


@lru_cache(maxsize=8192)
def candidates(code: int) -> tuple[str, ...]:
    """The script fonts tried for a code point, in order (asked for every character of
    every run: remembered, a document has few distinct characters)."""
    return tuple(font.name for font in FONTS if any(lo <= code <= hi for lo, hi in font.ranges))


@lru_cache(maxsize=None)
def cmap(name: str) -> frozenset[int]:
    """The code points a script font draws, read with fontTools (empty when absent)."""
    path = font_file(name)
    if path is None:
        return frozenset()
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


Cmap = Callable[[str], Iterable[int]]


def font_for(text: str, cmap_of: Cmap = cmap) -> str | None:
    """The first script font that draws every character of `text`, or None."""
    codes = set(map(ord, text))
    for name in candidates(ord(text[0])):
        if codes <= cmap_of(name):
            return name
    return None


def split(text: str, covered, cmap_of: Cmap = cmap) -> list[tuple[str | None, str]]:
    """`text` as runs (font, run): font None for characters in `covered` (the body
    font's) and for characters no font has, else the script font's name. A run of
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
            whole = font_for(chunk, cmap_of)
            runs.extend([(whole, chunk)] if whole else [(font_for(ch, cmap_of), ch) for ch in chunk])
        i = j
    out: list[tuple[str | None, str]] = []
    for font, chunk in runs:
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + chunk)
        else:
            out.append((font, chunk))
    return out
