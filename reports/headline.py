"""A short label that summarises a sentence, for the page-one timeline; always whole.

Not the sentence's first words: the date phrase is dropped (the axis shows the
year), a leading subordinate phrase ("During World War II, ") gives way to the main
clause, and the label ends at a phrase boundary (before "after", "which", "in", a
comma ...) rather than in the middle of a phrase. Names of people are shortened as
people write them (reports.people).
"""

from __future__ import annotations

import re

# "In 2008, ", "Later that year in December 2010, ", "On 5 May 1921, ".
_LEADING_DATE = re.compile(r"^(?:[^,]{0,40}?\b\d{4},\s*|In \d{4}\s+(?=[a-z])(?!to\b|and\b))")
_LEADING_PHRASE = re.compile(r"^(?:During|After|Following|Since|Before|Under|Between|As part of|"
                             r"Later|Early|In the|To this end|However|Also|Additionally|Furthermore|"
                             r"Moreover|Thus|Therefore|Meanwhile)\b[^,]{0,60},\s*", re.IGNORECASE)
# Where a clause or phrase begins: a label may end just before one of these.
_BOUNDARY = re.compile(r"[,;:(]|\s(?:after|which|where|when|while|who|as|at|in|on|"
                       r"for|to|during|with|between|from|by|since|following|led|held|"
                       r"that)\s", re.IGNORECASE)
# Words a label must not end on.
_DANGLING = frozenset("a an the of and or to in on at by for with from his her their its soon "
                      "both between".split())
_DATE_WORDS = re.compile(r"\s+(?:on|in)\s+\d{1,2}?\s*(?:January|February|March|April|May|June|July|"
                         r"August|September|October|November|December)?\s*\d{4}\b")


_OFFICE = (r"(?:President|Minister|Secretary|Undersecretary|Senator|Ambassador|Chancellor|"
           r"Governor|Mayor|Speaker|Deputy|Premier)")
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:de|del|la|da|do|dos|van|von|der)?\s*[A-Z][\w'’.-]+){1,4}"
_OFFICE_PERSON = re.compile(rf"\b({_OFFICE}),?\s+({_NAME})")
# "between Chile and Ghana": the two countries of a brief go without saying.
_BETWEEN_PAIR = re.compile(r"\s+between\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+and\s+"
                           r"(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*")
_FILLER = re.compile(r"\b(?:newly|primarily|officially|formally)\s+", re.IGNORECASE)


def _shorten_people(text: str) -> str:
    from .people import short_name
    return _OFFICE_PERSON.sub(lambda m: f"{m.group(1)} {short_name(m.group(2))}", text)


def headline(sentence: str, limit: int) -> str:
    """At most `limit` characters that say what the sentence says."""
    text = _LEADING_DATE.sub("", sentence.strip()).rstrip(".")
    text = _FILLER.sub("", _BETWEEN_PAIR.sub("", _shorten_people(text)))
    main = _LEADING_DATE.sub("", _LEADING_PHRASE.sub("", text))
    if len(main) >= 12:
        text = main
    text = _DATE_WORDS.sub("", text).strip(" ,;")
    text = text[:1].upper() + text[1:]
    if len(text) <= limit:
        return text
    cut = 0
    for match in _BOUNDARY.finditer(text):
        if match.start() > limit:
            break
        if match.start() >= 8:
            cut = match.start()
    if not cut:
        # No phrase ends within the limit: the first one after it, else the whole
        # sentence; a label is never cut mid-phrase (a long one goes to the key).
        later = next((m.start() for m in _BOUNDARY.finditer(text) if m.start() > limit), len(text))
        return _trim(text[:later].split())
    return _trim(text[:cut].split())


def _trim(words: list[str]) -> str:
    while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:")
