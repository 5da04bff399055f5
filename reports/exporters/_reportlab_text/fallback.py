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

import os
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import script_fonts

# (font name, package, file in the package, code point ranges it is tried for), in the
# order tried; the table itself is shared with the Word dossier (exporters/script_fonts.py).
FALLBACKS = tuple((font.name, font.package, font.file, font.ranges) for font in script_fonts.FONTS)
font_file = script_fonts.font_file


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


def font_for(text: str) -> str | None:
    """The first fallback font that draws every character of `text`, or None."""
    return script_fonts.font_for(text, _cmap)


def split(text: str, covered) -> list[tuple[str | None, str]]:
    """`text` as runs (font, run), each in the font that draws it (script_fonts.split)."""
    return script_fonts.split(text, covered, _cmap)


def draws(font_name: str, code: int) -> bool:
    """Whether a fallback font draws a code point (for the substitute check)."""
    return code in _cmap(font_name)
