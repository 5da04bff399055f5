"""Cheap first looks: substring tests that rule a text out before a pattern reads it.

A case-blind pattern (re.IGNORECASE) that starts with a word is tried at every position
of a text; a substring test on the text in lower case is many times cheaper. Several
rules look at the same paragraphs and sentences, so each text is lower-cased once.
"""

from __future__ import annotations

import functools

# The only characters beyond ASCII that a case-blind pattern matches to an ASCII letter
# (İ and ı to i, ſ to s, the Kelvin sign to k). Lower-casing turns no other character
# into an ASCII letter, so without these a match of a word is that word in lower case.
_FOLDING_TO_ASCII = ("İ", "ı", "ſ", "\u212a")


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` is in `text` (the loop runs in C: no generator step per word,
    which costs more than the substring test itself)."""
    return any(map(text.__contains__, words))


@functools.lru_cache(maxsize=8192)
def lowered(text: str) -> str:
    """`text.lower()`, computed once per text."""
    return text.lower()


def may_fold(text: str) -> bool:
    """Whether a case-blind pattern may match a word of `text` that is not that word in
    lower case (the text has one of the letters above)."""
    return not text.isascii() and has_any(text, _FOLDING_TO_ASCII)


def may_match(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern each of whose matches holds one of `words` (lower-case
    ASCII, no blanks that the pattern writes as `\\s`) may match `text`. Exact: False
    only when no match is possible."""
    lower = lowered(text)
    return has_any(lower, words) or may_fold(text)


def search(pattern, words: tuple[str, ...], text: str):
    """`pattern.search(text)` for a case-blind pattern each of whose matches holds one of
    `words` (see may_match), after the first look."""
    return pattern.search(text) if may_match(text, words) else None
