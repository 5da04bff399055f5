"""Agreements told in a sentence anywhere in the article.

"That same month, both nations signed an agreement on technical cooperation." ->
("Agreement on technical cooperation"). A sentence counts when an agreement noun
(agreement, treaty, memorandum, convention, protocol, accord) is signed or concluded
and nothing says it was with a third party ("... with the European Union") or only
negotiated, proposed or planned.
"""

from __future__ import annotations

import bisect
import re

from ..dates import find_dates
from .looks import has_any, lowered as _lowered
from ..places import demonyms
from .names import find_country

_NOUN = r"(?:agreements?|treat(?:y|ies)|memorand(?:um|a)|convention|protocol|accord|MoU|MOU)"
_SIGNED = r"(?:signed|concluded|ratified)"
# "to sign" counts only where a meeting was held for it (_MET_TO_SIGN; _NOT_SIGNED otherwise)
_SIGNING = r"(?:signed|concluded|ratified|agreed\s+on|(?<=to\s)sign|(?:signing|conclusion)\s+of)"
_DETERMINER = r"(?:(?:an?|the|two|three|several|various|a\s+number\s+of|new|bilateral|\d+)\s+)*"
# "signed an agreement on X", "signed a Treaty of Friendship and a Memorandum ..."
# Spans are bounded (a title has at most 25 words, see _title), so that a long sentence
# with many nouns or verbs costs time in proportion to its length, not to its square.
_ACTIVE = re.compile(rf"\b{_SIGNING}\s+(?:and\s+{_SIGNED}\s+)?(?:(?:on|in)\s+\S+\s+\d{{4}}\s+)?(?P<phrase>{_DETERMINER}"
                     rf"[^.;]{{0,300}}?\b{_NOUN}\b[^.;]{{0,1000}})", re.IGNORECASE)
# "a memorandum of understanding on X was signed": found from the verb's side (see
# _passive_phrase), as a pattern with two lazy spans would try every start of a long sentence.
# "agreements have been established between the two countries": in the passive only, as
# "established relations" is no agreement.
_PASSIVE_VERB = re.compile(rf"\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
                           rf"(?:{_SIGNED}|established)|(?:came|entered)\s+into\s+(?:effect|force))\b", re.IGNORECASE)
_NOUN_WORD_ALONE = re.compile(rf"\b{_NOUN}\b", re.IGNORECASE)
_STRETCH = re.compile(r"[^.;,]+")
_SEGMENT_END = re.compile(r"[.;]")
_WORD_START = re.compile(r"\w")
_LONGEST_PHRASE = 1300  # as _ACTIVE's spans: a few titles of at most 25 words
_NOT_SIGNED = re.compile(r"\b(?:negotiat\w*|propos\w*|plann\w*|expected|intend\w*|would|will|to\s+sign|"
                         r"sign\w*\s+(?:a|an)\s+letter|draft|discuss\w*|cancel\w*|failed|never|not)\b",
                         re.IGNORECASE)
# What an agreement says, after its title ("..., according to which an attack would be ..."):
# its words of the future are no plan of signing.
_WHAT_IT_SAYS = re.compile(r",\s+(?:according\s+to\s+which|under\s+which|by\s+which|whereby)\b", re.IGNORECASE)
# "the two ministers met in Ankara to sign an agreement": the meeting's purpose, done.
_MET_TO_SIGN = re.compile(r"\bmet\b[^.;]{0,120}\bto\s+sign\b(?![^.;]*\b(?:failed|never|not|cancel\w*)\b)",
                          re.IGNORECASE)
# Where a title stops: a date, a clause, a party, a place.
_END = re.compile(r"\s*(?:,|\(|\bin\s+(?:\d|[A-Z][a-z]+\s+\d|the\s+(?:city|capital))|\bon\s+\d|\bduring\b|"
                  r"\bwhich\b|\bthat\b|\bwhen\b|\bwhile\b|\bwith\b|\bbetween\b|\bby\b|\bat\b|\bin\s+[A-Z]|"
                  r"\bsuch\s+as\b|\bincluding\b|\.\s+(?=[^\w\s]|[A-Z])|\.$|"
                  r"\bwas\b|\bwere\b|\bfor\s+the\s+(?:first|second)\b|"
                  r"\bof\s+(?:both|the\s+two)\s+(?:countries|nations|states|sides)\b|$)")
# "Treaty of Friendship, Commerce and Navigation": a comma inside a capitalised title.
_TITLE_CONTINUES = re.compile(r"\s*[A-Z][\w-]*(?:,\s*[A-Z][\w-]*)*,?\s+and\s+[A-Z]")
# Before a title: articles and counts in any case, "new"/"bilateral" only in lower case
# ("a Bilateral Investment Treaty" is the treaty's name).
_LEADING = re.compile(r"^(?:(?i:an?|the|two|three|several|various|a\s+number\s+of)\s+|(?:new|bilateral|\d+)\s+)*")
_SPLIT = re.compile(r",?\s+and\s+(?=(?:an?|the|another)\s)|;\s*|,\s+(?=(?:an?|the)\s)", re.IGNORECASE)
# "Strategic Framework Agreement and Free Trade Agreement": "and" right after an agreement
# noun, before a capital, is between two titles ("Treaty of Friendship and Cooperation" is one).
_AND_AFTER_NOUN = re.compile(rf"\b(?:{_NOUN}|Understanding)(?P<join>\s+and\s+)(?=[A-Z])", re.IGNORECASE)
# A parenthesis holding only a date ("(1995)", "(signed on 3 May 1995)"): the title's own.
_OWN_DATE = re.compile(r"\s*\((?:signed\s+(?:in|on)\s+)?(?P<date>[^()]{1,30})\)")
# "several agreements, such as", "agreements ... between the two countries such as": examples
# of a plural noun ("an agreement on cooperation in areas such as tourism" names no examples).
_EXAMPLES = re.compile(r"\b(?:agreements|treaties|memoranda|conventions|protocols|accords|MoUs)\b[^.;:]{0,80}?"
                       r"(?:,?\s+(?:such\s+as|including|namely|among\s+them)\s+|:\s+)", re.IGNORECASE)
_WITH = re.compile(r"\bwith\s+(?:the\s+)?(?P<party>[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.-]*)*)")
_PAIR = re.compile(r"\b(?:both|the\s+two|each\s+other|bilateral)\b|^They\b", re.IGNORECASE)


# Words _SIGNING and _NOUN need, in lower case: a cheap first look at a paragraph.
_SIGN_WORDS = ("signed", "signing", "conclu", "ratified", "established", "agreed on", "into effect", "into force",
               "to sign")
_NOUN_WORDS = ("agreement", "treat", "memorand", "convention", "protocol", "accord", "mou")
_SIGNING_WORD = re.compile(_SIGNING, re.IGNORECASE)
_NOUN_WORD = re.compile(_NOUN, re.IGNORECASE)


def may_tell_an_agreement(text: str) -> bool:
    """Whether `text` has both a word of signing and an agreement noun (substring tests)."""
    lowered = _lowered(text)
    return has_any(lowered, _SIGN_WORDS) and has_any(lowered, _NOUN_WORDS)


def prose_agreement_titles(sentence: str, countries: tuple[str, ...]) -> list[str]:
    """The titles of agreements `sentence` says the two countries signed ([] if none)."""
    return [title for title, _ in told_agreements(sentence, countries)]


def told_agreements(sentence: str, countries: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(title, its own date) of each agreement `sentence` says the two countries signed:
    the own date is one in parentheses right after the title ("the Agreement on Tourism
    (1995) and the Extradition Treaty (2001)"), else None (the sentence's date applies)."""
    if not may_tell_an_agreement(sentence) or not _NOUN_WORD.search(sentence) \
            or not (_SIGNING_WORD.search(sentence) or _PASSIVE_VERB.search(sentence)):
        return []
    if _NOT_SIGNED.search(_WHAT_IT_SAYS.split(sentence, 1)[0]) and not _MET_TO_SIGN.search(sentence):
        return []
    participle = _PARTICIPLE.match(sentence)
    if participle and _between_the_pair(sentence, countries, passive=True):
        title = _title(participle["title"])
        return [(title, None)] if title else []
    active = _ACTIVE.search(sentence)
    phrase = active["phrase"] if active else _passive_phrase(sentence)
    if phrase is None or not _between_the_pair(sentence, countries, passive=not active):
        return []
    # "several agreements, such as the Agreement on X and the Agreement on Y": the examples
    # are the titles; "agreements have been signed, such as X": likewise after the verb.
    # (to the sentence's end: the examples may be separated by ";").
    start = active.start("phrase") if active else sentence.index(phrase)
    examples = _EXAMPLES.search(sentence, start)
    if examples and (not active or examples.end() <= start + len(phrase)):
        phrase = sentence[examples.end():].rstrip(". ")
    listed = _subject_list(phrase)
    if listed:
        return listed
    found: dict[str, str | None] = {}
    for piece in (part for piece in _SPLIT.split(phrase) for part in _titles_joined(piece)):
        title = _title(piece)
        if not title:
            continue
        own = _own_date(piece[piece.lower().find(title.lower()) + len(title):])
        for one in _one_per_subject(title):
            found.setdefault(one, own)
    return list(found.items())


# "agreements on cultural exchanges and on eliminating visa requirements": a plural noun
# with a preposition before each subject is an agreement per subject.
_PLURAL_SUBJECTS = re.compile(r"^(?P<noun>Agreements|Treaties|Memoranda|Conventions|Protocols|Accords)\s+"
                              r"(?P<prep>on|of|for|in)\s+(?P<first>.+?)\s+and\s+(?:on|of|for|in)\s+(?P<second>.+)$")
_SINGULAR = {"Agreements": "Agreement", "Treaties": "Treaty", "Memoranda": "Memorandum", "Conventions": "Convention",
             "Protocols": "Protocol", "Accords": "Accord"}


# "agreements on cultural cooperation (1989), technical cooperation (1979) and tourism (2005)":
# a plural noun before a list of subjects, by commas or each with its own date.
_SUBJECTS = re.compile(rf"^{_DETERMINER}(?P<noun>agreements|treaties|memoranda|conventions|protocols|accords)\s+"
                       r"(?P<prep>on|of|for|in)\s+(?P<subjects>[^;]+)$", re.IGNORECASE)
_SUBJECT_BREAK = re.compile(r",\s*(?:and\s+)?|\s+and\s+(?=[^,]*$)")  # commas, and the last "and"
_AFTER_PARENTHESIS = re.compile(r"(?<=\))\s*(?:,\s*(?:and\s+)?|\s+and\s+)")  # "x (1989), y (1979) and z"
_SUBJECT_END = re.compile(r"\s+(?:which|that|during|when|while|with|between|by|in\s+\d|on\s+\d|in\s+[A-Z])\b.*$")


def listed_subjects(sentence: str) -> list[tuple[str, str | None]]:
    """(title, own date) of each subject a sentence lists after a plural noun ("Both have
    signed agreements on culture (1989) and tourism (2005)"), or []."""
    verb = _SIGNING_WORD.search(sentence)
    return _subject_list(sentence[verb.end():]) if verb else []


def _subject_list(phrase: str) -> list[tuple[str, str | None]]:
    """(title, own date) for each subject of a plural noun's list, or [] if the phrase is none."""
    listed = _SUBJECTS.match(phrase.strip())
    if not listed:
        return []
    subjects = _SUBJECT_END.sub("", listed["subjects"].strip().rstrip(". "))
    if "," not in subjects and "(" not in subjects:
        return []
    # each with its own date: the breaks are after the parentheses
    parts = (_AFTER_PARENTHESIS if "(" in subjects else _SUBJECT_BREAK).split(subjects)
    noun = _SINGULAR[listed["noun"].capitalize()]
    found: dict[str, str | None] = {}
    for part in (part.strip() for part in parts):
        subject, own = part, None
        parenthesis = _OWN_DATE.search(part)
        if parenthesis and parenthesis.end() == len(part):
            subject, own = part[:parenthesis.start()].strip(), _own_date(part[parenthesis.start():])
        if subject and len(subject.split()) <= 12:
            found.setdefault(f"{noun} {listed['prep'].lower()} {subject}", own)
    return list(found.items()) if len(found) > 1 else []


def _one_per_subject(title: str) -> list[str]:
    plural = _PLURAL_SUBJECTS.match(title)
    if not plural:
        return [title]
    noun = _SINGULAR[plural["noun"]]
    return [f"{noun} {plural['prep']} {plural['first']}", f"{noun} {plural['prep']} {plural['second']}"]


# "The Japan–Peru Economic Partnership Agreement, signed in 2011, entered into force in 2012":
# a named agreement opening the sentence, then its signing.
_PARTICIPLE = re.compile(rf"^(?P<title>(?:The\s+)?[A-Z][^,;.]{{0,150}}?\b{_NOUN}\b[^,;.]{{0,80}}?),\s+(?:which\s+was\s+)?"
                         rf"{_SIGNED}\s+(?:in|on)\s+", re.IGNORECASE)


def _passive_phrase(sentence: str) -> str | None:
    """The words before "was/were signed" that name an agreement, or None.

    The phrase starts at the first word of the first stretch without [.;,] that holds an
    agreement noun, and ends before the first "was signed" after that noun in the same
    clause (no [.;] between). Verbs and clause ends are found once: linear in the sentence."""
    verbs = [verb.start() for verb in _PASSIVE_VERB.finditer(sentence)]
    if not verbs:
        return None
    ends = [end.start() for end in _SEGMENT_END.finditer(sentence)] + [len(sentence)]
    for stretch in _STRETCH.finditer(sentence):
        noun = _NOUN_WORD_ALONE.search(sentence, stretch.start(), stretch.end())
        if not noun:
            continue
        verb = bisect.bisect_left(verbs, noun.end())
        if verb < len(verbs) and verbs[verb] < ends[bisect.bisect_left(ends, noun.end())]:
            start = _WORD_START.search(sentence, stretch.start(), noun.start() + 1).start()
            if verbs[verb] - start <= _LONGEST_PHRASE:
                return sentence[start:verbs[verb]]
    return None


def _between_the_pair(sentence: str, countries: tuple[str, ...], passive: bool) -> bool:
    """Both countries are the parties: named, "both"/"the two", or unnamed in a passive
    sentence of the article on the pair; and no third party after "with"."""
    for party in _WITH.finditer(sentence):
        if not find_country(party["party"], countries) and not _PAIR.match(party["party"]):
            return False
    named = sum(1 for country in countries if find_country(sentence, (country,)) or any(
        re.search(rf"\b{re.escape(demonym)}\b", sentence) for demonym in demonyms(country)))
    return named == len(set(countries)) or bool(_PAIR.search(sentence)) or (
        named == 1 and bool(_WITH.search(sentence))) or (passive and named == 0)


def _own_date(after: str) -> str | None:
    """The date of a parenthesis right after a title that holds nothing but a date, else None."""
    own = _OWN_DATE.match(after)
    if not own:
        return None
    inside = own["date"].strip()
    dates = find_dates(inside)
    return dates[0].iso if len(dates) == 1 and (dates[0].start, dates[0].end) == (0, len(inside)) else None


def _titles_joined(piece: str) -> list[str]:
    """A piece cut at each "and" between two titles."""
    parts, start = [], 0
    for join in _AND_AFTER_NOUN.finditer(piece):
        parts.append(piece[start:join.start("join")])
        start = join.end()
    return parts + [piece[start:]]


# A word before an agreement noun that names no kind of agreement ("bilateral agreements").
_GENERIC = frozenset("bilateral several various other new important numerous some many further additional "
                     "two three four five six seven eight nine ten multiple different major key formal official "
                     "cooperation".split())
# "(MoU)" inside a title: its short form, no end of it ("a Memorandum of Understanding (MoU) on energy").
_SHORT_FORM = re.compile(r"\s*\([A-Z][A-Za-z]{1,9}\)(?=\s+[a-z])")


# A title in lower case whose noun is plural and names no subject of its own ("trade
# agreements", "agreements and treaties in many fields"; "agreements on X and on Y" is two).
_GENERIC_PLURAL = re.compile(r"\b(?:agreements|treaties|memoranda|conventions|protocols|accords)\b"
                             r"(?!\s+(?:on|of|for|to|concerning|regarding|about)\s)", re.IGNORECASE)
# Quotes around a title ("a 'Friendship Agreement'") are no part of it.
_QUOTED = re.compile(r"^['\"‘“](?P<title>[^'\"‘’“”]{3,200})['\"’”]")
# A title that stops at its preposition ("signed agreements on:" before a list the copy lost).
_OPEN_END = re.compile(r"\b(?:on|of|for|in|to|with|about|regarding|concerning)$", re.IGNORECASE)


def _title(piece: str) -> str | None:
    piece = _SHORT_FORM.sub("", _LEADING.sub("", piece.strip()))
    quoted = _QUOTED.match(piece)
    if quoted:
        piece = quoted["title"] + piece[quoted.end():]
    end = _END.search(piece)
    while end and end.group(0).startswith(",") and _TITLE_CONTINUES.match(piece, end.end()):
        end = _END.search(piece, end.end())
    title = piece[:end.start()].strip(" ,;:") if end else piece.strip()
    if not re.search(rf"\b{_NOUN}\b", title, re.IGNORECASE) or len(title.split()) > 25 or _OPEN_END.search(title):
        return None
    alone = re.fullmatch(rf"(?:(?P<word>\w+)\s+)?{_NOUN}", title, re.IGNORECASE)
    if alone and not title[0].isupper() and (
            not alone["word"] or alone["word"].lower() in _GENERIC or title.lower().endswith("s")):
        # "an agreement", "several agreements", "bilateral agreements": no title to name
        # ("an extradition treaty", "a trade agreement" name their kind)
        return None
    if not title[0].isupper() and re.match(rf"{_NOUN}\s+to\s", title, re.IGNORECASE):
        return None  # "a memorandum to establish a mechanism": what it is for, no name
    if not title[0].isupper() and _GENERIC_PLURAL.search(title):
        # "military cooperation agreements", "agreements and treaties in diverse areas": a
        # kind and a count of agreements, none named
        return None
    return title[0].upper() + title[1:]


# A verb of signing right before one agreement noun ("signed an agreement on ...", "signed
# the Treaty of ..."): a sentence that reads as telling an agreement signed.
_LOOKS_SIGNED = re.compile(r"\b(?:signed|concluded|ratified)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
                           r"(?:agreement|treaty|memorandum|convention|protocol|accord)\b(?!s)", re.IGNORECASE)


def looks_signed(sentence: str, countries: tuple[str, ...]) -> bool:
    """Whether a sentence reads as telling an agreement the two signed (done, between them):
    one that gave no title is worth a warning."""
    return bool(_LOOKS_SIGNED.search(sentence)) and not _NOT_SIGNED.search(sentence) \
        and _between_the_pair(sentence, countries, passive=False)
