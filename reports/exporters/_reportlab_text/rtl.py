"""Right-to-left text in visual order, for a PDF writer that draws left to right.

reportlab 5.1 can shape only with uharfbuzz and reorders only with rlbidi (not on
PyPI), and its shaper sets a whole word in the font of the word's first character, so
"(محمود" breaks. Instead, Arabic letters become their joined presentation forms
(arabic-reshaper, which the Noto Arabic font maps in its cmap, so text extraction gives
them back: NFKC turns them into the base letters) and every right-to-left run is put in
visual order by the Unicode bidirectional algorithm (python-bidi), in a left-to-right
paragraph. Spaces inside a short right-to-left run become no-break spaces, so a name is
never split over two lines, where its words would come out in the wrong order.
"""

from __future__ import annotations

import re

# Hebrew, Arabic, Syriac, Thaana, NKo ... and the presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff]")
_RTL_WORDS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?: [\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+)+")
_KEEP_TOGETHER = 40  # characters: a longer right-to-left passage may wrap


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def visual(text: str) -> str:
    """`text` (logical order) with its right-to-left runs shaped and in visual order."""
    if _ARABIC.search(text):
        import arabic_reshaper

        text = arabic_reshaper.reshape(text)
    text = _RTL_WORDS.sub(_glue, text)
    from bidi import get_display

    return get_display(text, base_dir="L")


def _glue(match: re.Match) -> str:
    run = match.group(0)
    return run.replace(" ", "\u00a0") if len(run) <= _KEEP_TOGETHER else run
