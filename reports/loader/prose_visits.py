"""Visits told in a sentence: a named office-holder of one country travels to the other.

"In June 2009, Peruvian President Alan García paid an official visit to Japan" ->
Visit(Peru -> Japan, "President", "Alan García"). The destination is a country of
the pair, named, given by one of its cities ("held in Osaka") or as "the Peruvian
capital"; the traveller is the subject before the verb ("Presidents A and B" are two),
the one after "the visit of", the guest a host "received in Lima", or the subject after
an opening "During a visit to B,", plus anyone "accompanied by" them. A traveller named
without an office is the office-holder of that name the article names elsewhere
(`office_holders`). A meeting in a third country, an unnamed delegation, a traveller of
a third country, an ambassador's journey in the country he is posted to and a visit that
is only planned, invited or cancelled are not visits.
"""

from __future__ import annotations

import functools
import re

from ..model import Visit
from .names import find_country, other
from ..places import country_code, demonyms, place_country
from .offices import NOT_NATIONAL as _NOT_NATIONAL, is_title_word as _is_title_word, local_office_country
from .looks import has_any, lowered as _lowered, may_fold
from .visits import split_office
from .visit_wordings import PLACE_OF_A_CITY, capitalised_offices, city_of, followers, no_office

# A place of at most six capitalised words ("Rio de Janeiro", "Guadalajara, Mexico").
_PLACE = (r"(?P<place>(?:" + PLACE_OF_A_CITY + r"|the\s+)?[A-Z][\w'’.-]{0,40}(?:\s+(?:de\s+|del\s+|la\s+|of\s+)?[A-Z][\w'’.-]{0,40}){0,5}"
          r"(?:,\s+[A-Z][\w'’.-]{0,40}(?:\s+[A-Z][\w'’.-]{0,40}){0,3}|\s+capital(?:\s+city)?)?)")
# "visited the Peruvian capital": the country of the demonym.
_CAPITAL_OF = re.compile(r"^(?:the\s+)?(?P<demonym>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+capital(?:\s+city)?$")
_TRAVEL = re.compile(
    r"\b(?:(?:(?:paid|pay|pays|paying|made|make|makes|making|undertook|conducted|concluded|began|completed|"
    r"reciprocated|returned)\s+"
    r"(?:(?:a|an|the|his|her|their|several|two|three|four|many|numerous|multiple)\s+)?"  # "made state visits to"
    r"|(?:was\s+on|on|returned\s+on)\s+(?:a|an|the|his|her|their|several|two|three|four|many|numerous|multiple)\s+)"
    r"(?:[\w-]+\s+){0,3}?(?:visits?|trips?|tours?)\s+(?:to|in)"
    r"|['’]s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\s+to"  # "President X's state visit to B"
    r"|visits?\s+(?:of|by)\s+(?P<who>(?:[^,.;()]|(?<=\s[A-Z])\.){3,120}?)\s+to"  # "the visit of President X to B", initials too ("A. Name")
    # "President A hosted Japanese Foreign Minister X in Lima": the guest travelled
    r"|(?:hosted|received|welcomed)\s+(?P<guest>[A-Z][^,.;()]{2,120}?)\s+in"
    # "Peruvian President A met (with) Japanese Prime Minister B in Lima": the one of the other country travelled
    r"|(?:met|meets)\s+(?:with\s+)?(?:his\s+|her\s+)?(?P<met>[^,.;()]{2,120}?)\s+in"
    # "During a visit to B in 2016, Prime Minister X announced ...": the traveller after the comma
    r"|(?P<opening>^(?:During|On|While\s+on)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\s+to)"
    r"|visit(?:ed|s|ing)?|travel(?:l?ed|s|ling|ing)?\s+to|arrived?\s+(?:in|to)|(?:went|came|flew|returned)\s+(?:back\s+)?to|met\s+in"
    r"|attended\s+(?![^.;]{0,60}?\b(?:[Ss]chool|[Uu]niversity|[Cc]ollege|[Aa]cademy|[Ss]eminary|classes)\b)"
    r"(?:the\s+)?[^.;]{0,150}?\b(?:held\s+)?in)\s+(?:" + _PLACE +
    r"|(?P<context>the\s+(?:country|nation)\b))")
# "invited to visit" is a plan; "visited at the invitation of" is a visit.
_NOT_DONE = re.compile(r"\b(?:plann\w*|plans?\s+to|invit(?:ed|es|ing|e)\s+(?:\w+\s+){0,4}?to\b|"
                       r"invitations?\s+to\s+visit|cancel\w*|postpon\w*|will|would|was\s+to|were\s+to|"
                       r"expected|scheduled|intend\w*|propos\w*|hopes?\s+to|called\s+off)\b", re.IGNORECASE)
# Whose country is it: "Peruvian President X", "President of Peru X", "Peru's Foreign Minister X".
# A name's lower-case particles ("Daniel arap Moi", "Abdullah ibn Hussein", "Hosni al Sadr")
# count only before a capitalised word, so that "do" or "le" ending a name's run stays out.
_PARTICLE = r"(?:arap|al|el|ibn|bint|bin|dos|das|do|du|di|der|den|ter|le|y)(?=\s+[A-Z])"
# Capitals beyond ASCII start names too ("Đồng", "Óscar", "Štefan"): Latin-1, Extended-A/B, Vietnamese.
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"
_PERSON = re.compile(rf"(?:[{_CAPITAL}][\w'’.-]*|of|the|and|for|de|la|del|da|van|von|bin)(?:\s+(?:[{_CAPITAL}][\w'’.-]*|of|the|"
                     r"for|de|la|del|da|van|von|" + _PARTICLE + r"|-))*")
# Bounded spans: a long sentence costs time in proportion to its length, not its square.
_COMPANIONS = re.compile(r"\baccompanied\s+by\s+(?P<who>[^.;()]{1,300})")
_LED_BY = re.compile(r"\bled\s+by\s+(?P<who>[^.;()]{1,80}?)(?:,|\s+(?:paid|visited|travel))")
_LEADING_DATE = re.compile(r"^(?:[^,]{0,60}\d{4}[^,]{0,20}|(?:that|the)\s+(?:same|following|next)\s+\w+|"
                           r"later\s+that\s+\w+|[^,]{0,40}\b(?:later|then|afterwards))\s*,\s*", re.IGNORECASE)
_RANKS = frozenset("count countess baron baroness lord lady sir dame his her excellency former".split())
# "As President of Indonesia, X paid ...": the office stands before the name's comma.
_AS_OFFICE = re.compile(r"^As\s+(?:the\s+)?(?P<office>[A-Z][^,]{2,80}),\s+(?P<who>[A-Z].*)$")
# A clause of time or manner before the subject ("During his administration, X visited").
_ADVERBIAL = re.compile(r"^(?:During|After|Before|Following|While|When|Since|Shortly|Later|Subsequently|Meanwhile|"
                        r"Then|However|Also|On|In|At|By|Under|Over|Between|Amid|Upon|Earlier|Afterwards)\b")
# "During X's visit to B": the possessive subject without its preposition.
_POSSESSIVE_LEAD = re.compile(r"^(?:during|after|following|on|upon|before|since|in)\s+", re.IGNORECASE)
# Where a sentence's last clause starts: its subject is the traveller of the travel after it.
_CLAUSE = re.compile(r"\s+(?:while|whereas|but|and\s+then)\s+|;\s+", re.IGNORECASE)
# A state's long name after "of" in an appositive office ("... of the People's Republic of Hungary").
_STATE_FORM = r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}?(?:Republic|Kingdom|Federation|Commonwealth|Union|State|" \
              r"Emirates|Principality|Sultanate|Confederation)\s+of\s+(?:the\s+)?"
# "X became the first Japanese prime minister to visit B": the office stands after the name.
_FIRST_TO = re.compile(r"^(?P<who>[A-Z].*?)\s+(?:became|was|is)\s+the\s+first\s+(?:(?:sitting|serving|incumbent)\s+)?"
                       r"(?P<office>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,5}?)\s+(?:ever\s+)?to$")
_LOWER_JOINERS = frozenset({"of", "the", "for", "and", "de", "on"})
_VERB_BEFORE = re.compile(r"\s+(?:became|was|is|has|have|had|then|also|who|later|returned|made|paid|first)\b.*$")


# A word every travel pattern needs, in lower case. Substring tests are many times
# faster than a case-blind regex alternation, and most paragraphs have none of them.
_TRAVEL_WORDS = ("visit", "trip", "tour", "travel", "arriv", "went", "came", "flew", "attended", "hosted", "received",
                 "welcomed", " met ", "returned")


def may_tell_a_visit(text: str) -> bool:
    """A cheap first look: only texts with a word of travel are read further."""
    lowered = _lowered(text)
    return has_any(lowered, _TRAVEL_WORDS)


@functools.lru_cache(maxsize=4096)
def _travel(sentence: str) -> re.Match | None:
    """The sentence's verb of travel and its place, searched once (several rules ask of each sentence)."""
    return _TRAVEL.search(sentence)


def tells_travel(sentence: str) -> bool:
    """Whether a sentence has a verb of travel to a place ("paid an official visit to B")."""
    return may_tell_a_visit(sentence) and _travel(sentence) is not None


def goes_elsewhere(sentence: str, countries: tuple[str, str]) -> bool:
    """Whether the travel of a sentence is to a known place of neither country ("travelled to Madrid")."""
    travel = _travel(sentence)
    return bool(travel) and travel["place"] is not None and _destination(travel["place"], countries) is None \
        and place_country(travel["place"]) is not None


# A word _NOT_DONE needs, in lower case (a cheap first look), but for " to"...
_NOT_DONE_WORDS = ("plan", "invit", "cancel", "postpon", "will", "would", "expected", "scheduled", "intend",
                   "propos", "hope", "called off")
# ... which nearly every sentence has: without one of the words above, a match of _NOT_DONE
# can only be one of these (its alternatives that need none of them).
_WAS_TO = re.compile(r"\b(?:was\s+to|were\s+to|called\s+off)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def only_planned(sentence: str) -> bool:
    """Whether a sentence tells a visit only planned, invited, cancelled or postponed."""
    lowered = _lowered(sentence)
    if has_any(lowered, _NOT_DONE_WORDS):
        return _NOT_DONE.search(sentence) is not None
    if " to" not in lowered:
        return False
    if may_fold(sentence):  # a word of _NOT_DONE need not be in `lowered` (see looks.py)
        return _NOT_DONE.search(sentence) is not None
    return has_any(lowered, ("was", "were", "called")) and _WAS_TO.search(sentence) is not None


# Where a sentence joins two travels of different people ("A have made state visits to B
# while Prime Minister C visited A in 1995"): each clause is a visit with its own date.
_TRAVEL_CLAUSE = re.compile(r",?\s+(?:while|whereas)\s+|;\s+")


def travel_clauses(sentence: str, date_of) -> list[tuple[str, str | None]]:
    """(clause, date) for each clause of `sentence` that tells travel; the whole sentence with
    `date_of()` when it has one such clause. A clause's date is its own, else that of a clause
    before it; a clause before the only date, which a later clause gives, has none."""
    parts = _TRAVEL_CLAUSE.split(sentence) if (" while " in sentence or " whereas " in sentence
                                               or "; " in sentence) else [sentence]
    travelling = [part for part in parts if tells_travel(part)]
    if len(travelling) < 2:
        return [(sentence, date_of())]
    from ..dates import first_date

    found, date = [], None
    for part in parts:
        date = first_date(part) or date
        if part in travelling:
            found.append((part, date or (date_of() if not first_date(sentence) else None)))
    return found


def needs_context(sentence: str) -> bool:
    """Whether the sentence's travel is to "the country", which only its paragraph names."""
    travel = _travel(sentence)
    return bool(travel) and travel["context"] is not None


def prose_visits(sentence: str, date: str | None, line: int, countries: tuple[str, str],
                 destination: str | None = None, context: str | None = None) -> list[Visit]:
    """The visits a sentence tells (one per traveller), or []. `destination` (a list's
    caption) stands for a place the data do not know; a known third place is no visit.
    `context` is the country the paragraph named last before the sentence: the one a
    visit to "the country" goes to."""
    travel = _travel(sentence)
    if not travel or only_planned(sentence):
        return []
    if travel["context"]:
        found = context if context in countries else None
        if found is None:
            return []
        destination = found
        origin = other(destination, countries)
        subject = travel["who"] or travel["guest"] or travel["met"] or _subject(sentence, travel)
        return _visits_of(_travellers(subject, countries) + _companions(sentence), countries, origin, destination, date, line)
    found = _destination(travel["place"], countries)
    if found is None and (destination is None or place_country(travel["place"]) is not None):
        return []
    destination = found or destination
    origin = other(destination, countries)
    if travel["met"]:
        return _meeting_visit(_subject(sentence, travel), travel["met"], countries, origin, destination, date, line)
    subject = travel["who"] or travel["guest"] or _subject(sentence, travel)
    visits = _visits_of(_travellers(subject, countries) + _companions(sentence), countries, origin, destination,
                        date, line)
    return visits + _followers(sentence, visits, countries, origin, destination, line) if visits else visits


def _followers(sentence: str, visits: list[Visit], countries, origin, destination, line) -> list[Visit]:
    """", followed by President Y in 1974": the same journey, later, by another traveller."""
    from ..dates import first_date

    return [visit for who, when in followers(sentence) if first_date(when)
            for visit in _visits_of([who], countries, origin, destination, first_date(when), line)]


def _meeting_visit(subject: str, met: str, countries, origin, destination, date, line) -> list[Visit]:
    """"A met B in <a city of one of the two>": the one who is not of that country travelled
    (the other must be known to be its, or the traveller known to be of the other country)."""
    people = _travellers(subject, countries)[-1:] + [met]
    if len(people) != 2:
        return []
    owners = [_owner(_person_phrase(person), countries)[0] for person in people]
    if destination in owners:
        visitor = people[1 - owners.index(destination)]
    elif origin in owners:  # "Peruvian President A met businessmen in Tokyo"
        visitor = people[owners.index(origin)]
    else:
        return []  # neither is known to be of one country or the other: who travelled is not told
    return _visits_of([visitor], countries, origin, destination, date, line)


def _person_phrase(phrase: str) -> str:
    phrase = re.sub(r"^(?:the|then|former)\s+", "", phrase.strip(" ,"), flags=re.IGNORECASE)
    names = _PERSON.match(phrase)
    return names.group(0).strip() if names else phrase


# The capitalised words right before "'s state visit": the possessor is the traveller
# ("... the importance of President Sauli Niinistö's state visit to Mexico").
_POSSESSOR = re.compile(rf"(?:[{_CAPITAL}][\w'’.-]*\s+(?:(?:of|the|de|del|la|van|von|bin)\s+)*)*[{_CAPITAL}][\w.-]*$")


def _subject(sentence: str, travel: re.Match) -> str:
    """The words before the verb of travel that name the traveller (after the opening
    clause's comma when the sentence opens with the travel: "During a visit to B, X ...")."""
    if travel["opening"]:
        comma = sentence.find(",", travel.end())
        return sentence[comma + 1:].strip() if comma >= 0 else ""
    before = sentence[:travel.start()].strip()
    if travel.group(0)[:1] in "'’":
        possessor = _POSSESSOR.search(before[-300:])  # a name's run is short: bounded, linear
        if possessor:
            return possessor.group(0)
    return _LEADING_DATE.sub("", before)


# A traveller named without an office ("In July 2006, Chávez paid a two-day visit to Iran"):
# one to three capitalised words, the whole subject.
_BARE_NAME = re.compile(rf"^[{_CAPITAL}][\w'’.-]+(?:\s+(?:de\s+|da\s+|van\s+)?[{_CAPITAL}][\w'’.-]+){{0,2}}$")


def bare_traveller(sentence: str, countries: tuple[str, str]) -> tuple[str, str] | None:
    """(name, destination) when a sentence tells the travel of a person it names without an
    office to a country of the pair, else None: the article may name that person's office elsewhere."""
    travel = _travel(sentence)
    if not travel or travel["context"] or travel["who"] or travel["guest"] or travel["met"]:
        return None
    subject = _VERB_BEFORE.sub("", _subject(sentence, travel)).strip(" ,")
    subject = _CLAUSE.split(subject)[-1].split(",")[-1].strip()  # after the opening clauses of time
    if not _BARE_NAME.match(subject) or any(_is_title_word(word) for word in subject.split()) \
            or find_country(subject, countries) or any(subject.split()[0] in demonyms(c) for c in countries):
        return None
    destination = _destination(travel["place"], countries)
    if destination is None or only_planned(sentence):
        return None
    return subject, destination


def office_holders(text: str, surname: str, countries: tuple[str, str]) -> list[tuple[int, str, str, str | None]]:
    """(position, office, person, country or None) of each office-holder `text` names with
    `surname` last ("Venezuelan President Hugo Chávez", "Prime Minister Shinzō Abe"), in text
    order. Only the words before each place of the surname are read: linear in its places."""
    found = []
    for place in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", text):
        start = max(0, place.start() - 120)
        window = text[start:place.end()]
        run = next((run for run in _PERSON.finditer(window) if run.end() == len(window)), None)
        phrase = run.group(0).strip() if run else ""
        if len(phrase.split()) < 2 or not any(_is_title_word(word) for word in phrase.split()[:4]):
            continue
        owner, rest = _owner(phrase, countries)
        office, person = split_office(rest, countries)
        if office and person and person[:1].isupper() and not _is_title_word(person.split()[0]) \
                and not _NOT_NATIONAL.search(office) and person.split()[-1] == surname:
            found.append((start + run.start(), _without_of_country(office, countries), person,
                          owner if owner in countries else None))
    return found


def _visits_of(people: list[str], countries, origin, destination, date, line) -> list[Visit]:
    visits = []
    for phrase in people:
        found = _office_holder(phrase, countries, origin)
        if found:
            office, person = found
            visits.append(Visit(origin, destination, office, person, date, line, origin="prose"))
    return visits


def _destination(place: str, countries: tuple[str, str]) -> str | None:
    """The country of the pair `place` is in, or None (a third country, or unknown)."""
    in_city = city_of(place)
    if in_city:  # "the northern Peruvian city of Trujillo": the demonym's country, else the city's
        demonym, place = in_city
        named = next((country for country in countries if demonym in demonyms(country)), None)
        if named:
            return named
    capital = _CAPITAL_OF.match(place) if place.endswith(("capital", "city")) else None
    if capital:
        return next((country for country in countries if capital["demonym"] in demonyms(country)
                     or capital["demonym"] == country), None)
    named = find_country(place, countries)
    if named and place.casefold().endswith(named.casefold()):
        return named
    code = place_country(place)
    if code is None:
        return named
    for country in countries:
        if country_code(country) == code:
            return country
    return None


def _travellers(subject: str, countries: tuple[str, str] = ()) -> list[str]:
    """The people a subject names: "X and Foreign Minister Y" are two; "X, Head of State of
    A," is the office-holder X of A; "As President of A, X" likewise."""
    if re.search(r"\bdelegation\b", subject, re.IGNORECASE):
        led = _LED_BY.search(subject + " paid")
        return [led["who"]] if led else []
    subject = _CLAUSE.split(subject)[-1]
    plural = _plural_office(subject)
    if plural:
        return plural
    as_office = _AS_OFFICE.match(subject)
    if as_office:
        subject = f"{as_office['office']} {as_office['who']}"
    parts = [part.strip() for part in subject.split(",")]
    while len(parts) > 1 and (_ADVERBIAL.match(parts[0]) or parts[0].isdigit()):  # "On 4 August, 2017, X"
        parts.pop(0)
    subject = _POSSESSIVE_LEAD.sub("", parts[0]) if len(parts) == 1 else parts[0]
    if len(parts) > 1 and subject.split() and (_is_title_word(subject.split()[-1]) or subject.endswith(countries)) \
            and parts[1][:1].isupper() and not any(_is_title_word(word) for word in parts[1].split()):
        subject = f"{subject} {parts[1]}"  # "A's Foreign Undersecretary, X Y, visited"
    if len(parts) > 1 and parts[1] and _is_title_word(parts[1].split()[0]) \
            and not any(_is_title_word(word) for word in subject.split()):
        subject = _appositive(subject, parts[1], countries) or subject
    first = _FIRST_TO.match(subject)
    if first and not any(_is_title_word(word) for word in first["who"].split()):
        # the office written in lower case, as Wikipedia does after "the first"
        office = " ".join(word if word in _LOWER_JOINERS else word[:1].upper() + word[1:]
                          for word in first["office"].split())
        subject = f"{office} {first['who']}"
    subject = _VERB_BEFORE.sub("", subject)
    return [part for part in _AND_PERSON.split(subject) if part]


# "X and Foreign Minister Y", "King X and his wife Queen Y": "and" before another traveller.
_AND_PERSON = re.compile(r"\s+and\s+(?=[A-Z]|(?:his|her|their)\s+(?:wife|husband|spouse|consort)\b)")


# "Presidents Nkrumah, Hilla Limann and John Kufuor have made state visits": an office in
# the plural before the names of those who held it, each a traveller.
_PLURAL_OFFICE = re.compile(r"^(?P<office>(?:[A-Z][\w'’-]*\s+){0,3}?[A-Z][\w-]*?(?:ies|s))\s+(?P<names>[A-Z].*)$")
_NAME_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _plural_office(subject: str) -> list[str]:
    """["President Nkrumah", "President Hilla Limann", ...] for "Presidents Nkrumah, Hilla
    Limann and ...", or [] when the subject does not start with an office in the plural."""
    match = _PLURAL_OFFICE.match(subject)
    if not match:
        return []
    *before, last = match["office"].split()
    singular = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    if not _is_title_word(singular) or _is_title_word(match["names"].split()[0]) \
            or not all(_is_title_word(word) or index == 0 for index, word in enumerate(before)):
        return []  # "Foreign Affairs Minister X": a plural word inside an office
    office = " ".join([*before, singular])
    names = [_VERB_BEFORE.sub("", name).strip() for name in _NAME_LIST.split(match["names"])]
    if len(names) < 2 or not all(name[:1].isupper() for name in names):
        return []
    return [f"{office} {name}" for name in names]


def _appositive(name: str, office: str, countries: tuple[str, str]) -> str | None:
    """"Pál Kovács", "Head of the Council of the Republic of Hungary" -> "Head of the
    Council Pál Kovács of Hungary" (the form the office rules read), or None."""
    for country in countries:
        tail = re.search(r"\s+of\s+(?:" + _STATE_FORM + r")?(?:the\s+)?" + re.escape(country) + r"$", office)
        if tail:
            return f"{office[:tail.start()]} {name} of {country}"
    return f"{office} {name}" if not re.search(r"\bof\b", office) else None


def repeated_dates(sentence: str) -> list[str]:
    """The dates of a visit made more than once ("visited B in 2008 and again in 2012",
    "visited B twice, in May 2010 and June 2013"): [] unless the sentence chains two or more
    dates right after its travel."""
    travel = _travel(sentence)
    if not travel:
        return []
    from ..dates import find_dates

    after = sentence[travel.end():]
    dates = find_dates(after)
    if len(dates) < 2 or dates[0].start > 40:
        return []
    chained = [dates[0].iso]
    for before, date in zip(dates, dates[1:]):
        if not _DATE_JOIN.match(after[before.end:date.start]):
            break
        chained.append(date.iso)
    return chained if len(chained) > 1 else []


_DATE_JOIN = re.compile(r"^(?:\[\w\s]{1,20}\])*\s*,?\s*(?:and\s+)?(?:again\s+)?(?:(?:in|on)\s+)?$")


def _companions(sentence: str) -> list[str]:
    match = _COMPANIONS.search(sentence)
    if not match:
        return []
    who = re.split(r",\s+(?:where|who|and\s+(?:met|held))\b|\s+(?:to|in|on|where|who|during)\s", match["who"])[0]
    return [part for part in re.split(r"\s+and\s+(?=[A-Z])|,\s+(?=[A-Z])", who) if part]


def _office_holder(phrase: str, countries: tuple[str, str], origin: str | None) -> tuple[str, str] | None:
    """(office, person) when `phrase` names an office-holder of `origin`, else None."""
    phrase = capitalised_offices(phrase)
    phrase = re.sub(r"^(?:(?:the|then|former|incoming|outgoing|(?:newly|recently)[-\s](?:elected|appointed))\s+|"
                    r"(?:his|her|their)\s+(?:wife|husband|spouse|consort),?\s+)+", "",
                    phrase.strip(" ,"), flags=re.IGNORECASE)
    names = _PERSON.match(phrase)
    if not names:
        return None
    phrase = names.group(0).strip()
    owner, phrase = _owner(phrase, countries)
    if owner is not None and owner != origin:
        return None  # a traveller of the destination or of a third country
    office, person = split_office(phrase, countries)
    if not office or not person or not person[:1].isupper() or _NOT_NATIONAL.search(office):
        return None
    if all(word.lower() in _RANKS for word in office.split()) or no_office(office):
        return None  # "Count X", "General X": a rank of nobility, courtesy or arms, no office of a country
    if _RESIDENT_ENVOY.search(office):
        return None  # an ambassador lives in the host country: a journey there is no visit between the two
    # "President of Peru" tells the country as "Peruvian President" does: the office is "President".
    office = _without_of_country(office, countries)
    person = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w\s]*$", "", person).strip()
    if not person or _is_title_word(person.split()[0]):
        return None
    return office, re.sub(r"['’]s?$", "", person)


_RESIDENT_ENVOY = re.compile(r"\b(?:ambassadors?|chargés?\s+d['’]affaires|consuls?(?:[-\s]general)?)\b", re.IGNORECASE)
# " of (the) " right before a country's name at the end of an office.
_OF_BEFORE_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?\Z")


def _without_of_country(office: str, countries: tuple[str, str]) -> str:
    """`office` without a last " of <a country of the pair>" ("President of Peru" -> "President").
    String tests and one fixed pattern: a pattern made of the pair's names would be compiled
    again for nearly every article (pairs outnumber the regex cache)."""
    starts = [before.start() for country in countries if office.endswith(country)
              for before in [_OF_BEFORE_COUNTRY.search(office, 0, len(office) - len(country))] if before]
    return office[:min(starts)] if starts else office


def _owner(phrase: str, countries: tuple[str, str]) -> tuple[str | None, str]:
    """The country a phrase says the office belongs to, and the phrase without that word.

    "Peruvian President X" -> Peru; "Peru's President X" -> Peru; "President X of Peru" -> Peru;
    "Chilean President X" -> "third" (an owner that is not of the pair)."""
    first, _, rest = phrase.partition(" ")
    for country in countries:
        for demonym in demonyms(country):  # "Peruvian", "South Korean", "New Zealand"
            if phrase.startswith(demonym) and phrase[len(demonym):len(demonym) + 1] == " ":
                return country, phrase[len(demonym) + 1:]
        if first.rstrip("'’s") == country or phrase.startswith(country + "'s ") or phrase.startswith(country + "’s "):
            return country, phrase[len(country) + 3:] if phrase[len(country):len(country) + 2] in ("'s", "’s") else rest
    if " of " in phrase:
        local = local_office_country(phrase)  # "Mayor of Lima X" is Peru's, "Governor of Hokkaido X" Japan's
        if local:
            return next((country for country in countries if country_code(country) == local), "third"), phrase
    of_country = re.search(r"\bof\s+(?:the\s+)?(?P<country>[A-Z][\w\s]*)$", phrase)
    if of_country:
        named = find_country(of_country["country"], countries)
        if named:
            return named, phrase
        if country_code(of_country["country"]):
            return "third", phrase
    if first[:1].isupper() and not _is_title_word(first) and rest and _is_title_word(rest.split()[0]):
        return "third", rest  # "Chilean President X" in an article on two other countries
    return None, phrase
