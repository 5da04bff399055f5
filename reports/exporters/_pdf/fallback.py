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

from functools import lru_cache

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
        pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def font_for(text: str) -> str | None:
    """The first fallback font that draws every character of `text`, or None."""
    return script_fonts.font_for(text, _cmap)


def split(text: str, covered) -> list[tuple[str | None, str]]:
    """`text` as runs (font, run), each in the font that draws it (script_fonts.split)."""
    return script_fonts.split(text, covered, _cmap)


def draws(font_name: str, code: int) -> bool:
    """Whether a fallback font draws a code point (for the substitute check)."""
    return code in _cmap(font_name)
