"""When diplomatic relations were established and re-established: the dates the verbs of
the article's sentences on its relations refer to ("Diplomatic relations were established
on 4 July 1960"), the lead's year refined by a more precise date told elsewhere.
"""

from __future__ import annotations

import bisect
import re

from ..dates import find_dates, relative_date
from ..document import texts
from ..places import country_code
from .context import Context
from .looks import lowered, may_match, search
from .names import bare, find_country
from .sentences import split_sentences


def read_establishment(context: Context) -> tuple[str | None, str | None]:
    """(established, reestablished): the dates the article gives, each in its most precise form."""
    established, reestablished, with_predecessor = [], [], []
    lead_units = len(list(texts(context.article.lead)))
    in_lead = []  # the establishment dates the lead gives
    for number, unit in enumerate(context.units):
        lower = lowered(unit.text)
        if "relation" not in lower and " ties" not in lower and not lower.startswith("ties"):
            continue  # a cheap first look (_RELATIONS needs one of them)
        told = False  # a sentence of the paragraph told relations: "They were re-established" follows it
        sentences = split_sentences(unit.text)
        for index, sentence in enumerate(sentences):
            pronoun = told and _THEY.match(sentence)
            if not search(_RELATIONS, _RELATIONS_WORDS, sentence) and not pronoun:
                continue
            # "celebrated 150 years of diplomatic relations, established in 1873": in a
            # sentence of an anniversary only a verb with its own date right after it counts
            anniversary = search(_ANNIVERSARY, _ANNIVERSARY_WORDS, sentence)
            told = True
            dates = _Dates(sentence, sentences[:index])
            # _ACTIVE, _PASSIVE and _PASSIVE_WITH all need a verb of _VERB.
            verbs = (*_ACTIVE.finditer(sentence), *_PASSIVE.finditer(sentence), *_PASSIVE_FIRST.finditer(sentence),
                     *_PASSIVE_WITH.finditer(sentence)) if may_match(sentence, _VERB_WORDS) else ()
            if ("diplomatic" in lowered(sentence) or "formally" in sentence or "officially" in sentence) and \
                    ("date" in sentence or "since" in sentence):
                verbs = (*verbs, *_DATE_BACK.finditer(sentence))
            for match in (*verbs, *((pronoun,) if pronoun else ())):
                if anniversary and not _DATE_RIGHT_AFTER.match(sentence, match.end("verb")):
                    continue
                if _BACK_REFERENCE.search(sentence, max(0, match.start() - 30), match.start()) \
                        and not _DATE_RIGHT_AFTER.match(sentence, match.end()):
                    continue  # "the first visit since the establishment of relations" dates the visit
                if _OTHER_RELATIONS.search(sentence, max(0, match.start() - 20), match.start()):
                    continue  # "trade relations resumed" is not diplomatic relations restored
                if match["verb"].lower().endswith("ing") and \
                        _NOT_YET.search(sentence, max(0, match.start() - 20), match.start()):
                    continue  # "prior to establishing relations, in 1872 ...": before, not then
                date = dates.near(match.start("verb"), match.end("verb"))
                rest = _own_clause(sentence[match.end():])
                if date and "that" in rest and not find_dates(rest):
                    # "In April 1975 ... established relations that same year": the year
                    # ("..., and in July of that year, both opened legations" is another event)
                    date = relative_date(rest, date) or date
                if not date or _clause_without_date(sentence, match):
                    continue
                party = match.groupdict().get("party")
                if party and find_country(party, context.countries) is None:
                    # "relations with the Austro-Hungarian Empire were established in 1901"
                    if _PREDECESSOR.match(" with " + party) and not match["again"]:
                        with_predecessor.append(date)
                    continue
                if _with_a_third_party(context.countries, sentence, match.end()) \
                        or _between_others(context.countries, sentence, match):
                    # a predecessor state or union: history, the date only if nothing better
                    if (_PREDECESSOR.search(sentence, match.end()) or _another_form(context.countries, sentence,
                                                                                      match.end())) \
                            and not match["again"]:
                        with_predecessor.append(date)
                    continue
                if match["again"]:
                    reestablished.append(date)
                    continue
                told_as = _strength(sentence, match)
                established.append((date, told_as))
                if number < lead_units:
                    in_lead.append((date, told_as))
    if not established:
        return _first_and_most_precise(with_predecessor), _first_and_most_precise(reestablished)
    return _refined(in_lead, established), _first_and_most_precise(reestablished)


def _between_others(countries: tuple[str, str], sentence: str, match: re.Match) -> bool:
    """Whether the relations are "between" two parties of which one is not of the pair
    ("relations between Mexico and Spain were established" in another pair's article)."""
    between = _BETWEEN.search(sentence, match.start(), match.end() + 120) or \
        _BETWEEN.search(sentence, max(0, match.start() - 120), match.start())
    if not between:
        return False
    parties = [between["first"], between["second"]]
    named = [find_country(party, countries) for party in parties]
    if all(named) and set(named) == set(countries):
        return False
    return any(named is None and country_code(bare(party)) for named, party in zip(named, parties))


def _with_a_third_party(countries: tuple[str, str], sentence: str, end: int) -> bool:
    """Whether the relations at `end` are "with" someone other than the two countries."""
    party = _WITH_PARTY.match(sentence, end)
    if not party:
        return False
    text = re.sub(r"^(?:the\s+)", "", party["party"], flags=re.IGNORECASE)
    if re.match(r"(?:each\s+other|one\s+another|both)\b", text, re.IGNORECASE) or _MEANS.match(text):
        return False
    named = find_country(text, countries)
    return named is None or not re.match(re.escape(bare(named)), text, re.IGNORECASE)


def _another_form(countries: tuple[str, str], sentence: str, end: int) -> bool:
    """Whether the party after "with" at `end` is another form of a country of the pair, a
    state whose name holds the country's ("with North Vietnam", "with the Democratic
    Republic of Vietnam" in an article on Vietnam)."""
    party = _WITH_PARTY.match(sentence, end)
    return bool(party) and any(
        re.match(rf"(?:the\s+)?(?:[A-Z][\w-]*\s+(?:of\s+(?:the\s+)?)?)+{re.escape(bare(country))}\b(?!['’])",
                 party["party"]) for country in countries)


_RELATIONS = re.compile(r"\b(?:relations|relationships?|ties)\b", re.IGNORECASE)
_RELATIONS_WORDS = ("relation", "ties")  # one of them is in each match (a first look: see looks.py)
_ANNIVERSARY = re.compile(r"\banniversar|\bcelebrat|\bcommemorat", re.IGNORECASE)
_ANNIVERSARY_WORDS = ("anniversar", "celebrat", "commemorat")
# "relations began/started in 1964" is an establishment; "relations began to improve" and
# "started warming" tell a change of relations that already existed.
_VERB = (r"(?P<verb>(?P<again>re-?\s?establish\w*|restor\w*|resum\w*)|(?<![-\w])(?:establish\w*|"
         r"(?:began|begun|started|commenced)(?!\s+to\s|\s+(?!during\b|following\b)\w+ing\b)))")
# One of them is in each match of _VERB.
_VERB_WORDS = ("establish", "restor", "resum", "began", "begun", "started", "commenced")
_RELATIONS_NOUN = r"(?:diplomatic\s+)?(?:relations|relationships?|ties)\b"
_OTHER_RELATIONS = re.compile(r"\b(?:trade|economic|commercial|cultural|friendly|military|business|sporting|"
                              r"consular)\s+$",
                              re.IGNORECASE)
# "established (formal) diplomatic relations", "the establishment of diplomatic relations"
_ACTIVE = re.compile(rf"\b{_VERB}\s+(?:of\s+)?(?:(?:formal|full|full-fledged|fully-fledged|full-scale|official|"
                     rf"normal|direct|bilateral|their|its)\s+){{0,2}}"
                     rf"{_RELATIONS_NOUN}", re.IGNORECASE)
# "diplomatic relations between A and B were (formally) established", and
# "relations were severed in 1942 and (were) re-established in 1952"
# "relations between A and B were (formally) established", "the relations of both countries have started".
_PASSIVE = re.compile(rf"\b{_RELATIONS_NOUN}(?:\s+(?:between|among)\s+(?:(?!relations\b)[^.;]){{1,120}}?|\s+of\s+(?:the\s+two|both)\s+"
                      rf"(?:countries|nations|states))?\s+"
                      rf"(?:(?:were|was|have\s+been|had\s+been)\s+[^.;]{{1,80}}?\s+and\s+)?"
                      rf"(?:were|was|have\s+been|had\s+been|has|have|had|being)?\s*(?:not\s+)?(?:\w+ly\s+)?{_VERB}",
                      re.IGNORECASE)
# "Diplomatic relations were established in 1873, suspended in 1942 and restored in 1952":
# the first verb of a chain (_PASSIVE takes the chain to its last verb).
_PASSIVE_FIRST = re.compile(rf"\b{_RELATIONS_NOUN}(?:\s+(?:between|among)\s+(?:(?!relations\b)[^.;]){{1,120}}?)?,?\s+"
                            rf"(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:not\s+)?(?:\w+ly\s+)?{_VERB}",
                            re.IGNORECASE)
# "Diplomatic relations between A and B date back to 1873", "have maintained diplomatic
# relations since 1873": the establishment's date after the verb.
_DATE_BACK = re.compile(r"(?P<again>\b\B)?\b(?:(?:diplomatic\s+)?(?:relations|ties)\b(?:\s*\([^()]{1,200}\))?"
                        r"(?:\s+between\s+[^.;]{1,120}?)?\s+(?=date)"
                        r"|(?:have|has|had)\s+(?:had|maintained|enjoyed|held)\s+(?:(?:formal|full|official)\s+)?"
                        r"diplomatic\s+(?:relations|ties)\s+(?=since))"
                        r"(?P<verb>date[sd]?\s+(?:(?:formally|officially)\s+)?(?:back\s+(?:(?:formally|officially)\s+)?to|from)"
                        r"|since)", re.IGNORECASE)
# "since the establishment of relations", "after establishing ties": an establishment
# referred back to, whose date the sentence gives only right after the verb.
_BACK_REFERENCE = re.compile(r"\b(?:since|after|following|upon)\s+(?:the\s+|their\s+)?$", re.IGNORECASE)
_DATE_RIGHT_AFTER = re.compile(r"\s+(?:in|on)\s+(?:\d|[A-Z][a-z]+\s+\d)")
# "diplomatic relations with the Austro-Hungarian Empire were established in 1901"
_PASSIVE_WITH = re.compile(rf"\b{_RELATIONS_NOUN}\s+with\s+(?:the\s+)?(?P<party>[A-Z][^.;,]{{0,80}}?)\s+"
                           rf"(?:were|was|have\s+been|had\s+been)\s+(?:\w+ly\s+)?{_VERB}", re.IGNORECASE)
# "They were re-established on 14 May 1974" after a sentence on the relations.
_THEY = re.compile(rf"^(?:They|These)\s+(?:were|had\s+been)\s+(?:\w+ly\s+)?{_VERB}")
# "Prior to establishing formal relations, ...": what comes before the establishment.
_NOT_YET = re.compile(r"\b(?:prior\s+to|before|ahead\s+of|without)\s+$", re.IGNORECASE)
# A verb in an opening clause of time ("When relations resumed, the envoy visited in 1925").
_OPENING_CLAUSE = re.compile(r"^\s*(?:When|Once|After|As|Since|Until|While)\b[^,]*$")
# "relations between A and B": the two parties the relations are of.
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?P<first>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+and\s+(?:the\s+)?"
                      r"(?P<second>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")
# Unions and predecessor states a country of a pair may have belonged to.
_PREDECESSOR = re.compile(r"\s*with\s+(?:the\s+)?(?:Soviet\s+Union|USSR|Union\s+of\s+Soviet|(?:Socialist\s+Federal\s+"
                          r"Republic\s+of\s+|Kingdom\s+of\s+)?Yugoslavia|Czechoslovakia|Gran\s+Colombia|"
                          r"United\s+Arab\s+Republic|Austria[-–]Hungary|Austro-Hungarian\s+Empire|Russian\s+Empire|Ottoman\s+Empire|"
                          r"Federal\s+Republic\s+of\s+Central\s+America|Serbia\s+and\s+Montenegro)\b", re.IGNORECASE)
# "relations with the Soviet Union", "with the government in exile of ...": a party after
# "with" that is not a country of the pair.
_WITH_PARTY = re.compile(r"\s*with\s+(?P<party>[^,.;]{1,60})", re.IGNORECASE)
# "established relations with the signing of the Treaty of ...", "with an exchange of notes",
# "with effect from 1 May": how or when, not with whom.
_MEANS = re.compile(r"(?:an?\s+)?(?:[a-z]+ing|exchange|signature|conclusion|ratification|effect|opening|"
                    r"appointment|accreditation|arrival|presentation|establishment|visit)\b")


# Between a verb and the next date: the date belongs to another clause ("In 1942, relations
# were restored and in 1959, embassies were established").
_NEXT_CLAUSE = re.compile(r";|,\s+and\b|\band\s+(?:in|on|by|from|since)\s|\bbut\b|\bwhile\b|\bwhereas\b")


class _Dates:
    """The dates of a sentence, found once, for the verbs in it that refer to one."""

    def __init__(self, sentence: str, before: list[str]):
        self.sentence = sentence
        self.before = before  # the paragraph's sentences before it
        self.dates = None

    def near(self, start: int, end: int) -> str | None:
        """The date a verb at [start, end) refers to: the first after it, else the last before;
        a date of another event named on the way ("after the independence on 27 August 1991")
        is passed over. Without a date, one told relative to the paragraph's ("The same day")."""
        if self.dates is None:
            self.dates = find_dates(self.sentence)
            self.starts = [d.start for d in self.dates]
            self.ends = [d.end for d in self.dates]
        if not self.dates:
            return self._relative()
        after = bisect.bisect_left(self.starts, end)
        before = bisect.bisect_right(self.ends, start)
        if after < len(self.dates) and not (
                before and _NEXT_CLAUSE.search(self.sentence, end, self.dates[after].start)):
            other = _OF_ANOTHER_EVENT.search(self.sentence, end, self.dates[after].start)
            if not other:
                return self.dates[after].iso
            # "established relations soon after the signing of a treaty in 1955": about then,
            # the year; "established before the war of 1941" gives no date
            return self.dates[after].iso[:4] if other["when"].lower() in _AFTER else None
        # "On 14 January 1992, a month after the dissolution of X in December 1991; A and B
        # established ...": the last date before the verb that is not another event's
        own = next((self.dates[i] for i in range(before - 1, -1, -1)
                    if not _OF_ANOTHER_EVENT.search(self.sentence, 0, self.dates[i].start)), None)
        return own.iso if own else self.dates[before - 1].iso if before else None

    def _relative(self) -> str | None:
        """"The same day, both established relations": the date of the paragraph's last dated sentence."""
        for sentence in reversed(self.before):
            dates = find_dates(sentence)
            if dates:
                return relative_date(self.sentence, dates[-1].iso)
        return None


# "after the independence from X on 27 August 1991", "a month after the dissolution of X in
# December 1991": a date in a phrase of time that names another event (no comma in between).
_OF_ANOTHER_EVENT = re.compile(r"\b(?P<when>after|before|following|prior\s+to|until|upon)\s+(?!(?:in|on)?\s*$)[^,;]*$",
                               re.IGNORECASE)

_AFTER = ("after", "following", "upon")


def _own_clause(text: str) -> str:
    """`text` up to the start of the next clause."""
    cut = _NEXT_CLAUSE.search(text)
    return text[:cut.start()] if cut else text


def _clause_without_date(sentence: str, match: re.Match) -> bool:
    """Whether the verb stands in an opening clause of time that gives no date of its own:
    the sentence's date after the clause is another event's."""
    if not _OPENING_CLAUSE.match(sentence[:match.start()]):
        return False
    comma = sentence.find(",", match.end())
    return comma >= 0 and not find_dates(sentence[:comma])


def _strength(sentence: str, match: re.Match) -> int:
    """How firmly a sentence tells the establishment: 0 for relations kept since or dating
    back to a date, 2 for relations said to be formally or officially established, else 1."""
    if match.re is _DATE_BACK:
        return 0
    return 2 if _FORMALLY.search(sentence, max(0, match.start() - 40), match.end() + 40) else 1


# "officially established", "formal diplomatic relations", "formalised"
_FORMALLY = re.compile(r"\b(?:official(?:ly)?|formal(?:ly)?|formalis|formaliz)", re.IGNORECASE)


def _refined(lead: list[tuple[str, int]], everywhere: list[tuple[str, int]]) -> str | None:
    """The establishment date, from the sentences that tell it most firmly (an establishment
    said to be formal outweighs one merely stated, which outweighs relations kept "since" a
    year): the lead's year, refined by a more precise date of the same year told anywhere
    (a date that disagrees does not replace it); without one in the lead, the earliest year
    named, in its most precise form."""
    firmest = max(strength for _, strength in everywhere)
    lead = [date for date, strength in lead if strength == firmest]
    year = _first_and_most_precise(lead or [date for date, strength in everywhere if strength == firmest])[:4]
    return _first_and_most_precise([date for date, _ in everywhere if date[:4] == year])


def _first_and_most_precise(dates: list[str]) -> str | None:
    """The earliest year named, in its most precise form (the first such, on a tie)."""
    if not dates:
        return None
    earliest = min(date[:4] for date in dates)
    same_year = [date for date in dates if date[:4] == earliest]
    return max(same_year, key=len)

