"""The DejaVu TrueType families shipped by matplotlib, registered with reportlab once
per process, and the one gate every article string passes before it is drawn (with
the Noto fonts of fallback.py for the scripts DejaVu lacks).

The fonts come from a pip dependency (never a system folder, never a download);
matplotlib itself is not imported (0.36 s), only its data folder is located.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Layout family name -> file stem and the suffixes of its four styles.
_FILES = {
    "DejaVu Sans": ("DejaVuSans", {"": "", "b": "-Bold", "i": "-Oblique", "bi": "-BoldOblique"}),
    "DejaVu Serif": ("DejaVuSerif", {"": "", "b": "-Bold", "i": "-Italic", "bi": "-BoldItalic"}),
}


@dataclass(frozen=True)
class Family:
    regular: str
    bold: str
    italic: str
    bold_italic: str


def font_folder() -> Path:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the PDF fonts come from matplotlib: pip install matplotlib")
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"


@lru_cache(maxsize=None)
def family(name: str) -> Family:
    """Register the four styles of a family (once) and name them for reportlab."""
    stem, suffixes = _FILES[name]
    names = {}
    for style, suffix in suffixes.items():
        font_name = stem + suffix
        if font_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font_name, str(font_folder() / f"{font_name}.ttf")))
        names[style] = font_name
    pdfmetrics.registerFontFamily(names[""], normal=names[""], bold=names["b"],
                                  italic=names["i"], boldItalic=names["bi"])
    return Family(names[""], names["b"], names["i"], names["bi"])


@lru_cache(maxsize=None)
def coverage(*family_names: str) -> frozenset[int]:
    """Code points every style of these families can draw: a character bold lacks
    would be a box in a heading, so only what all styles share counts as covered."""
    covered = None
    for fam in map(family, family_names):
        for font_name in (fam.regular, fam.bold, fam.italic, fam.bold_italic):
            chars = set(pdfmetrics.getFont(font_name).face.charToGlyph)
            covered = chars if covered is None else covered & chars
    # Beyond U+FFFF (most emoji) reportlab 5.1 writes a wrong ToUnicode map: the glyph
    # shows but copied or extracted text is another character, so substitute those too.
    # Line breaks and tabs are layout, not glyphs.
    return frozenset({code for code in covered if code <= 0xFFFF} | {9, 10, 13})


@dataclass
class TextGate:
    """Article text -> text the fonts can draw. Runs in a script the body font lacks
    are set in the matching Noto font (fallback.py), right-to-left runs in visual order
    (rtl.py); characters no font has become a visible substitute (and are remembered,
    for one warning per article)."""
    covered: frozenset[int]
    substitute: str
    missing: set[str] = field(default_factory=set)

    def runs(self, text: str) -> list[tuple[str | None, str]]:
        """(font, text) runs: font None for the body font, else a fallback's name."""
        if text.isascii():
            return [(None, text)]  # the common case, checked at C speed
        from . import fallback, rtl

        if rtl.has_rtl(text):
            text = rtl.visual(text)
        if self.covered.issuperset(map(ord, text)):
            return [(None, text)]
        return [(font, chunk if font else self._substituted(chunk))
                for font, chunk in fallback.split(text, self.covered)]

    def _substituted(self, chunk: str) -> str:
        out = []
        for ch in chunk:
            if ord(ch) in self.covered:
                out.append(ch)
            else:
                self.missing.add(ch)
                out.append(self.substitute)
        return "".join(out)

    def plain(self, text: str) -> str:
        """For canvas strings (header, timeline, table cells), which take no markup: the
        canvas (textruns.py) switches to the fallback font for characters the body lacks."""
        runs = self.runs(text)
        return runs[0][1] if len(runs) == 1 else "".join(chunk for _, chunk in runs)

    def markup(self, text: str) -> str:
        """For Paragraphs: escaped run by run, so `<b>` or `&` print literally, and only
        our own `<font>` tags name the fallback fonts (so widths and line breaks are right)."""
        return "".join(escape(chunk) if font is None else f'<font name="{font}">{escape(chunk)}</font>'
                       for font, chunk in self.runs(text))

    def width(self, text: str, font_name: str, size: float) -> float:
        """The drawn width of a plain() string, its fallback runs measured in their font."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        if text.isascii():
            return stringWidth(text, font_name, size)
        from . import fallback

        cmap = pdfmetrics.getFont(font_name).face.charToGlyph
        return sum(stringWidth(chunk, name or font_name, size) for name, chunk in fallback.split(text, cmap))

    def warnings(self) -> list[str]:
        if not self.missing:
            return []
        sample = " ".join(f"U+{ord(ch):04X}" for ch in sorted(self.missing)[:8])
        more = "…" if len(self.missing) > 8 else ""
        return [f"{len(self.missing)} character(s) outside the PDF fonts shown as "
                f"{self.substitute!r}: {sample}{more}"]
