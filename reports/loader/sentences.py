"""Split a paragraph into sentences without being fooled by abbreviations.

A full stop ends a sentence when the next word starts with a capital, a digit or a
quote, except after:
- titles and other abbreviations that always precede a word (`Mr.`, `St.`, `Gen.`);
- single initials (`J. Smith`);
- initialisms and shortenings that may end a sentence (`D.C.`, `U.S.`, `Inc.`): there
  the sentence ends only when a word that typically opens one follows
  (`Washington, D.C. In 1925 ...` is two sentences, `U.S. President ...` is one).
"""

from __future__ import annotations

import functools
import re

# Reference markers a plain copy keeps after the full stop ("relations.[2] In 1981 ...",
# "relations. [1] Both ...") belong to the sentence they close.
_MARKER = r"\[[^\[\]\n]{1,25}\]"
_BOUNDARY = re.compile(rf"[.!?](?:{_MARKER})*[\"'”’)\]]*(?:\s?{_MARKER})*\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")

_ALWAYS_BEFORE_A_WORD = {
    "mr", "mrs", "ms", "dr", "st", "ste", "prof", "gen", "lt", "col", "capt", "cpt", "sgt",
    "maj", "adm", "cmdr", "rev", "fr", "hon", "gov", "sen", "rep", "pres", "amb", "mt",
    "no", "nos", "vs", "v", "cf", "approx", "ca", "c", "fig", "vol", "art", "sec", "ch",
}
_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_MAY_END_A_SENTENCE = {"jr", "sr", "inc", "ltd", "co", "corp", "etc", "bros", "plc", *_MONTH_ABBREVIATIONS}
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_SENTENCE_OPENERS = {
    "a", "an", "the", "in", "on", "at", "by", "for", "from", "during", "after", "before",
    "since", "until", "when", "while", "although", "though", "however", "both", "this",
    "that", "these", "those", "it", "its", "he", "she", "they", "his", "her", "their",
    "there", "as", "following", "later", "today", "then", "also", "under", "with",
    "between", "according", "each", "many", "several", "some", "one", "two", "three",
}


def _last_word(text: str, end: int) -> str:
    start = text.rfind(" ", 0, end) + 1
    return text[start:end + 1].lstrip("(\"'“‘")


_WORD = re.compile(r"[\"'“‘(\[]?([\w-]+)")


def _next_word(text: str, start: int) -> str:
    match = _WORD.match(text[start:start + 40])
    return match.group(1) if match else ""


def _ends_sentence(text: str, stop: int, next_start: int) -> bool:
    """Whether the mark at `stop` ends a sentence, given the next word at `next_start`."""
    if text[stop] != ".":
        return True
    word = _last_word(text, stop)
    bare = word.rstrip(".").lower()
    if bare in _ALWAYS_BEFORE_A_WORD:
        return False
    if bare in _MONTH_ABBREVIATIONS and text[next_start].isdigit():
        return False  # "13 Jun. 1939"
    if len(bare) == 1 and bare.isalpha() and word[0].isupper():
        # An initial ("J. Smith"), or the end of "World War I. In 1920 ...".
        return _next_word(text, next_start).lower() in _SENTENCE_OPENERS
    if bare in _MAY_END_A_SENTENCE or _INITIALISM.match(word):
        return _next_word(text, next_start).lower() in _SENTENCE_OPENERS or text[next_start].isdigit()
    return True


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, in order."""
    # Several fact rules read the same paragraphs: split each once.
    return list(_split(text))


@functools.lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _ends_sentence(text, match.start(), match.end()):
            sentences.append(text[start:match.end()].strip())
            start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return tuple(sentences)
