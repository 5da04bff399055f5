"""Article structure -> the facts of a relationship record.

Each kind of fact is read from the sections that hold it (recognised by meaning,
see sections.py) with the rules of RECORD.md. What the loader sees but cannot
interpret becomes a warning with its line, for `reports check`.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from dataclasses import dataclass, field

from ..errors import Diagnostic
from ..model import Agreement, Event, Export, Mission, Trade, Visit
from .. import sections as kinds

# A page's External links / Further reading section is links by design, shown as they are:
# not an unknown section to warn about.
_LINKS_HEADING = re.compile(r"^(?:external links?|further reading)$", re.IGNORECASE)
from .agreements import agreement_items, parse_agreement
from .context import Context, agreement_key, clip, mission_key, once, visit_key
from ..document import Article, ItemList, Section, texts
from ..dates import find_dates, first_date, relative_date
from .looks import lowered, may_match, search
from .missions import parse_missions
from .names import bare, find_country, last_named, other
from ..places import country_code, place_country
from .prose_agreements import listed_subjects, may_tell_an_agreement, told_agreements
from .prose_visits import (bare_traveller, goes_elsewhere, may_tell_a_visit, needs_context, office_holders,
                           only_planned, prose_visits, repeated_dates, tells_travel, travel_clauses)
from .sentences import split_sentences
from .trade import (PLAUSIBLE_MAXIMUM, export_rows, is_trade_sentence, mentions_money, other_currency,
                    trade_rows)
from .visits import parse_visits, unnamed_delegation, visit_direction


@dataclass
class Facts:
    established: str | None = None
    reestablished: str | None = None
    memberships: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    trade: list[Trade] = field(default_factory=list)
    exports: list[Export] = field(default_factory=list)
    missions: list[Mission] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)


class _Reader(Context):
    """Reads the facts of one article and collects warnings about it."""

    def __init__(self, article: Article, countries: tuple[str, str], path: str):
        sections = [(section, _kind_by_content(section, kind, countries))
                    for section, kind in kinds.with_kinds(article.sections)]
        super().__init__(article, countries, path, sections)
        # last name -> [(position, office, person, country)] in text order, found when first asked
        self._office_holders: dict[str, list] = {}

    def read(self) -> Facts:
        facts = Facts()
        for section, kind in self.sections:
            if not section.heading.strip():
                self.warn(section.line, "section without a heading")
            elif kind is None and not kinds.is_ordinary(section.heading) \
                    and not _LINKS_HEADING.match(section.heading.strip()):
                self.warn(section.line, f"unknown section {section.heading!r}: kept as text, no facts read from it")
        facts.established, facts.reestablished = self.establishment()
        facts.memberships = self.memberships()
        facts.events = self.events()
        facts.visits = self.visits()
        facts.agreements = self.agreements()
        facts.trade, facts.exports = self.trade_and_exports()
        facts.missions = self.missions()
        facts.see_also = [item.text for section in self.sections_of(kinds.SEE_ALSO)
                          for item in texts(section.blocks)]
        return facts

    # -- relations and memberships ------------------------------------------------

    def establishment(self) -> tuple[str | None, str | None]:
        established, reestablished, with_predecessor = [], [], []
        lead_units = len(list(texts(self.article.lead)))
        in_lead = []  # the establishment dates the lead gives
        for number, unit in enumerate(self.units):
            lower = lowered(unit.text)
            if "relations" not in lower and " ties" not in lower and not lower.startswith("ties"):
                continue  # a cheap first look (_RELATIONS needs one of them)
            told = False  # a sentence of the paragraph told relations: "They were re-established" follows it
            for sentence in split_sentences(unit.text):
                pronoun = told and _THEY.match(sentence)
                if not search(_RELATIONS, _RELATIONS_WORDS, sentence) and not pronoun:
                    continue
                # "celebrated 150 years of diplomatic relations, established in 1873": in a
                # sentence of an anniversary only a verb with its own date right after it counts
                anniversary = search(_ANNIVERSARY, _ANNIVERSARY_WORDS, sentence)
                told = True
                dates = _Dates(sentence)
                # _ACTIVE, _PASSIVE and _PASSIVE_WITH all need a verb of _VERB.
                verbs = (*_ACTIVE.finditer(sentence), *_PASSIVE.finditer(sentence), *_PASSIVE_FIRST.finditer(sentence),
                         *_PASSIVE_WITH.finditer(sentence)) if may_match(sentence, _VERB_WORDS) else ()
                if "diplomatic" in lowered(sentence) and ("date" in sentence or "since" in sentence):
                    verbs = (*verbs, *_DATE_BACK.finditer(sentence))
                for match in (*verbs, *((pronoun,) if pronoun else ())):
                    if anniversary and not _DATE_RIGHT_AFTER.match(sentence, match.end("verb")):
                        continue
                    if _OTHER_RELATIONS.search(sentence, max(0, match.start() - 20), match.start()):
                        continue  # "trade relations resumed" is not diplomatic relations restored
                    if match["verb"].lower().endswith("ing") and \
                            _NOT_YET.search(sentence, max(0, match.start() - 20), match.start()):
                        continue  # "prior to establishing relations, in 1872 ...": before, not then
                    date = dates.near(match.start("verb"), match.end("verb"))
                    if date and "that" in sentence[match.end():] and not find_dates(sentence[match.end():]):
                        # "In April 1975 ... established relations that same year": the year
                        date = relative_date(sentence[match.end():], date) or date
                    if not date or _clause_without_date(sentence, match):
                        continue
                    party = match.groupdict().get("party")
                    if party and find_country(party, self.countries) is None:
                        # "relations with the Austro-Hungarian Empire were established in 1901"
                        if _PREDECESSOR.match(" with " + party) and not match["again"]:
                            with_predecessor.append(date)
                        continue
                    if self.with_a_third_party(sentence, match.end()) or self.between_others(sentence, match):
                        # a predecessor state or union: history, the date only if nothing better
                        if _PREDECESSOR.search(sentence, match.end()) and not match["again"]:
                            with_predecessor.append(date)
                        continue
                    (reestablished if match["again"] else established).append(date)
                    if number < lead_units and not match["again"]:
                        in_lead.append(date)
        established = established or with_predecessor
        return _refined(in_lead, established), _first_and_most_precise(reestablished)

    def between_others(self, sentence: str, match: re.Match) -> bool:
        """Whether the relations are "between" two parties of which one is not of the pair
        ("relations between Mexico and Spain were established" in another pair's article)."""
        between = _BETWEEN.search(sentence, match.start(), match.end() + 120) or \
            _BETWEEN.search(sentence, max(0, match.start() - 120), match.start())
        if not between:
            return False
        parties = [between["first"], between["second"]]
        named = [find_country(party, self.countries) for party in parties]
        if all(named) and set(named) == set(self.countries):
            return False
        return any(named is None and country_code(bare(party)) for named, party in zip(named, parties))

    def with_a_third_party(self, sentence: str, end: int) -> bool:
        """Whether the relations at `end` are "with" someone other than the two countries."""
        party = _WITH_PARTY.match(sentence, end)
        if not party:
            return False
        text = re.sub(r"^(?:the\s+)", "", party["party"], flags=re.IGNORECASE)
        if re.match(r"(?:each\s+other|one\s+another|both)\b", text, re.IGNORECASE) or _MEANS.match(text):
            return False
        named = find_country(text, self.countries)
        return named is None or not re.match(re.escape(bare(named)), text, re.IGNORECASE)

    def memberships(self) -> list[str]:
        """The organisations of the lead's sentence saying both are members, else of the
        first such sentence elsewhere in the running text."""
        for unit in texts(self.article.lead):
            found = _members_in(unit.text, self.countries)
            if found:
                return found
        for unit, sentence, _ in self.prose_sentences(_may_tell_members, skip=(kinds.SEE_ALSO,)):
            if unit.line >= self.first_section_line:
                found = _members_in(sentence, self.countries)
                if found:
                    return found
        return []

    # -- history ----------------------------------------------------------------------

    def events(self) -> list[Event]:
        events = []
        for section in self.sections_of(kinds.HISTORY):
            for unit in texts(section.blocks):
                for sentence in split_sentences(unit.text):
                    dates = find_dates(sentence)
                    if dates:
                        events.append(Event(dates[0].iso, sentence, unit.line))
        return events

    # -- visits -----------------------------------------------------------------------

    def visits(self) -> list[Visit]:
        visits = []
        for section in self.sections_of(kinds.VISITS):
            for block in section.blocks:
                if not isinstance(block, ItemList):
                    continue
                # A subsection may name the direction instead ("===From A to B===").
                caption = block.caption.text if block.caption else section.heading
                direction = visit_direction(caption, self.countries)
                if None in direction:
                    self.warn(block.items[0].line, "visits list without a direction: its caption should say "
                                                   "'from A to B'")
                for item in block.items:
                    found = self.list_item_visits(item, direction)
                    if not found:
                        continue
                    if found[0].date is None:
                        self.warn(item.line, f"visit without a date: {clip(item.text)!r}")
                    if found[0].person is None:
                        self.warn(item.line, f"visit without a person's name: {clip(item.text)!r}")
                    visits.extend(found)
        return once(visits + self.prose_visits(), visit_key)

    def list_item_visits(self, item, direction: tuple[str | None, str | None]) -> list[Visit]:
        """The visits of a list item: `Office Person (dates)`, or a whole sentence ("Foreign
        Minister X of A paid an official visit to B from 3–5 May 2011"), one row per date.
        An item about an unnamed delegation or a visit only planned gives none."""
        text = item.text
        if tells_travel(text):
            dates = [match.iso for match in find_dates(text)] or [None]
            visits = [dataclasses.replace(visit, origin="list")
                      for date in dates for visit in prose_visits(text, date, item.line, self.countries, direction[1])]
            if visits or only_planned(text) or unnamed_delegation(text) or goes_elsewhere(text, self.countries):
                return visits
        elif only_planned(text) or unnamed_delegation(text):
            return []
        return parse_visits(text, item.line, direction, self.countries)

    def prose_visits(self) -> list[Visit]:
        """Visits told in sentences (anywhere but the visits lists)."""
        found = []
        for unit, sentence, date_of in self.prose_sentences(may_tell_a_visit, skip_lists=(kinds.VISITS,)):
            if not tells_travel(sentence):
                continue  # no verb of travel: no visit and no warning, so no date to find
            for clause, date in travel_clauses(sentence, date_of):
                found += self.clause_visits(unit, sentence, clause, date)
        return found

    def clause_visits(self, unit, sentence: str, clause: str, date: str | None) -> list[Visit]:
        """The visits one clause of travel tells (a row per date of a repeated visit), a
        traveller named by surname alone given the full name the article gives him."""
        context = None
        if needs_context(clause):  # "visited the country": the one the paragraph named last
            context = last_named(unit.text[:unit.text.find(sentence)], self.countries)
            if context is None and any(prose_visits(clause, None, unit.line, self.countries, context=country)
                                       for country in self.countries):
                self.warn(unit.line, f"visit told in prose to a country not named: {clip(sentence)!r}")
        # A visit made more than once ("in 2008 and again in 2012") is a row per date.
        visits = [visit for when in repeated_dates(clause) or [date]
                  for visit in prose_visits(clause, when, unit.line, self.countries, context=context)]
        if not visits:
            visits = self.visits_by_name(unit, sentence, clause, date)
        visits = [self.full_name(visit, unit, sentence) if visit.person and " " not in visit.person else visit
                  for visit in visits]
        if visits and date is None:
            self.warn(unit.line, f"visit told in prose without a date: {clip(sentence)!r}")
        return visits

    def holder_named(self, name: str, country: str | None, unit, sentence: str, office: str | None = None):
        """The article's office-holder whose name holds `name`'s words and ends as it does, of
        `country` or of none told (and of `office`, if given): the one named last before the
        sentence, else the first after it; None if there is none. Found once per last name, from
        its places in the article only, so that a long article costs time in proportion to its length."""
        surname = name.split()[-1]
        if surname not in self._office_holders:
            self._office_holders[surname] = office_holders(self.full_text, surname, self.countries)
        holders = self._office_holders[surname]
        if not holders:
            return None
        here = self.position_of(unit, sentence)
        words = set(name.split())

        def fits(holder) -> bool:
            return words <= set(holder[2].split()) and holder[3] in (country, None) and office in (None, holder[1])

        split = bisect.bisect_left(holders, here, key=lambda holder: holder[0])
        order = itertools.chain(range(split - 1, -1, -1), range(split, len(holders)))  # before, nearest first; then after
        return next((holders[index] for index in order if fits(holders[index])), None)

    def full_name(self, visit: Visit, unit, sentence: str) -> Visit:
        """"President García" -> "Alan García", when the article names an office-holder so, of
        the same office."""
        holder = self.holder_named(visit.person, visit.from_, unit, sentence, office=visit.office)
        return dataclasses.replace(visit, person=holder[2]) if holder and holder[2] != visit.person else visit

    def visits_by_name(self, unit, sentence: str, clause: str, date: str | None) -> list[Visit]:
        """"In July 2006, Chávez paid a visit to Iran": the office-holder of that name the
        article named last before (else first after), when of the country the visit comes from."""
        traveller = bare_traveller(clause, self.countries)
        if traveller is None:
            return []
        name, destination = traveller
        origin = other(destination, self.countries)
        holder = self.holder_named(name, origin, unit, sentence)
        if holder is None:
            return []
        _, office, person, _ = holder
        return [Visit(origin, destination, office, person, date, unit.line, origin="prose")]

    # -- agreements -------------------------------------------------------------------

    def agreements(self) -> list[Agreement]:
        agreements = []
        for section in self.sections_of(kinds.AGREEMENTS):
            for block in section.blocks:
                if isinstance(block, ItemList):  # an item may hold two: "X (2005); Y (2007)"
                    agreements += self.section_agreements([(part, item.line) for item in block.items
                                                           for part in _ITEM_PARTS.split(item.text) if part.strip()])
                    continue
                for sentence in split_sentences(block.text.text):
                    subjects = listed_subjects(sentence)  # "agreements on culture (1989) and tourism (2005)"
                    agreements += [Agreement(title, date, self.first_line_naming(title, block.text.line))
                                   for title, date in subjects] or self.section_agreements(
                        [(phrase, block.text.line) for phrase in agreement_items(sentence)])
        return once(agreements + self.listed_agreements() + self.prose_agreements(), agreement_key)

    def section_agreements(self, phrases: list[tuple[str, int]]) -> list[Agreement]:
        """The agreements of the agreements section's items or phrases ("an Agreement on X (1996)")."""
        agreements = []
        for phrase, line in phrases:
            parsed = parse_agreement(phrase)
            if parsed is None:
                self.warn(line, f"agreement not understood: {clip(phrase)!r}")
                continue
            title, date = parsed
            agreements.append(Agreement(title, date, self.first_line_naming(title, line)))
        return agreements

    def listed_agreements(self) -> list[Agreement]:
        """The items of a list elsewhere whose caption tells the two signed them ("Both
        nations have also signed agreements on:", "Agreements signed between both nations")."""
        found = []
        blocks = list(self.article.lead) + [block for section, kind in self.sections if kind != kinds.AGREEMENTS
                                            for block in section.blocks]
        for block in blocks:
            if not isinstance(block, ItemList) or block.caption is None or not _SIGNED_LIST.search(block.caption.text):
                continue
            party = _WITH_NAME.search(block.caption.text)
            if party and find_country(party["name"], self.countries) is None:
                continue  # "agreements signed with the European Union": a third party's
            signed = first_date(block.caption.text)  # "In 2013, ... both nations signed agreements on:"
            for item in block.items:
                parsed = parse_agreement(item.text)
                if parsed:
                    found.append(Agreement(parsed[0], parsed[1] or signed, item.line, origin="list"))
        return found

    def prose_agreements(self) -> list[Agreement]:
        """Agreements told in sentences outside the agreements section."""
        found = []
        for unit, sentence, date_of in self.prose_sentences(may_tell_an_agreement, skip=(kinds.AGREEMENTS,)):
            for title, own_date in told_agreements(sentence, self.countries):
                found.append(Agreement(title, own_date or date_of(), unit.line, origin="prose"))
        return found

    # -- trade and exports ------------------------------------------------------------

    def trade_and_exports(self) -> tuple[list[Trade], list[Export]]:
        trade, exports = [], []
        for section in self.sections_of(kinds.TRADE):
            for unit in texts(section.blocks):
                for sentence in split_sentences(unit.text):
                    totals = trade_rows(sentence, self.countries)
                    for year, amount, currency in totals:
                        if amount > PLAUSIBLE_MAXIMUM:
                            sign = "US$" if currency == "USD" else currency
                            self.warn(unit.line, f"trade figure of {amount:,} {sign} is not plausible: left out")
                            continue
                        # Dollars are total_usd; another currency keeps its amount as written.
                        dollars = currency == "USD"
                        trade.append(Trade(year, amount if dollars else None, sentence, unit.line,
                                           amount=None if dollars else amount, currency=None if dollars else currency))
                    if not totals and is_trade_sentence(sentence) and other_currency(sentence):
                        self.warn(unit.line, f"trade figure in a currency other than US dollars not read: "
                                             f"{clip(sentence)!r}")
                    elif not totals and is_trade_sentence(sentence) and mentions_money(sentence):
                        self.warn(unit.line, f"trade sentence with an amount or year that could not be read: "
                                             f"{clip(sentence)!r}")
                    for origin, destination, products in export_rows(sentence, self.countries):
                        exports.append(Export(origin, destination, tuple(products), unit.line))
        return trade, exports

    # -- missions ---------------------------------------------------------------------

    def missions(self) -> list[Mission]:
        missions = []
        for section in self.sections_of(kinds.MISSIONS):
            for unit in texts(section.blocks, captions=False):
                found = [m for sentence in split_sentences(unit.text)
                         for m in parse_missions(sentence, unit.line, self.countries)]
                if not found:
                    self.warn(unit.line, f"no diplomatic mission understood in {clip(unit.text)!r}")
                missions.extend(found)
        seen = {mission_key(mission) for mission in missions}
        for mission in self.prose_missions():
            if mission_key(mission) not in seen:  # one fact once: the section's row stands
                seen.add(mission_key(mission))
                missions.append(mission)
        return missions

    def prose_missions(self) -> list[Mission]:
        """Missions the lead or another section says exist ("Norway has an embassy in Jakarta"):
        between the two countries, in a city of the host unless accredited from a third country."""
        found = []
        for unit, sentence, _ in self.prose_sentences(_may_tell_a_mission, skip=(kinds.MISSIONS, kinds.SEE_ALSO)):
            for mission in parse_missions(sentence, unit.line, self.countries, existing_only=True):
                if mission.host not in self.countries or mission.country not in self.countries \
                        or mission.host == mission.country:
                    continue
                city = _PLACE_WORDS.match(mission.city)
                if not city:
                    continue
                mission = dataclasses.replace(mission, city=city.group(0))
                if mission.resident and not _city_of(mission.city, mission.host):
                    continue  # "Norway has an embassy in Singapore" in a Norway–Indonesia article
                found.append(mission)
        return found


_RELATIONS = re.compile(r"\b(?:relations|ties)\b", re.IGNORECASE)
_RELATIONS_WORDS = ("relations", "ties")  # one of them is in each match (a first look: see looks.py)
_WITH_NAME = re.compile(r"\bwith\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")
# A list's caption telling the agreements signed: its items are agreements, wherever it stands.
_SIGNED_LIST = re.compile(r"^(?=.*\b(?:agreements?|treat(?:y|ies)|memorand\w*|conventions?|accords?)\b)"
                          r"(?=.*\b(?:sign\w*|concluded|in\s+force)\b)", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"\banniversar|\bcelebrat|\bcommemorat", re.IGNORECASE)
_ANNIVERSARY_WORDS = ("anniversar", "celebrat", "commemorat")
# "relations began/started in 1964" is an establishment; "relations began to improve" and
# "started warming" tell a change of relations that already existed.
_VERB = (r"(?P<verb>(?P<again>re-?\s?establish\w*|restor\w*|resum\w*)|(?<![-\w])(?:establish\w*|"
         r"(?:began|begun|started|commenced)(?!\s+to\s|\s+(?!during\b|following\b)\w+ing\b)))")
# One of them is in each match of _VERB.
_VERB_WORDS = ("establish", "restor", "resum", "began", "begun", "started", "commenced")
_RELATIONS_NOUN = r"(?:diplomatic\s+)?(?:relations|ties)\b"
_OTHER_RELATIONS = re.compile(r"\b(?:trade|economic|commercial|cultural|friendly|military|business|sporting)\s+$",
                              re.IGNORECASE)
# "established (formal) diplomatic relations", "the establishment of diplomatic relations"
_ACTIVE = re.compile(rf"\b{_VERB}\s+(?:of\s+)?(?:(?:formal|full|full-fledged|fully-fledged|full-scale|official|"
                     rf"normal|direct|bilateral|their|its)\s+){{0,2}}"
                     rf"{_RELATIONS_NOUN}", re.IGNORECASE)
# "diplomatic relations between A and B were (formally) established", and
# "relations were severed in 1942 and (were) re-established in 1952"
# "relations between A and B were (formally) established", "the relations of both countries have started".
_PASSIVE = re.compile(rf"\b{_RELATIONS_NOUN}(?:\s+between\s+[^.;]{{1,120}}?|\s+of\s+(?:the\s+two|both)\s+"
                      rf"(?:countries|nations|states))?\s+"
                      rf"(?:(?:were|was|have\s+been|had\s+been)\s+[^.;]{{1,80}}?\s+and\s+)?"
                      rf"(?:were|was|have\s+been|had\s+been|has|have|had)?\s*(?:not\s+)?(?:\w+ly\s+)?{_VERB}",
                      re.IGNORECASE)
# "Diplomatic relations were established in 1873, suspended in 1942 and restored in 1952":
# the first verb of a chain (_PASSIVE takes the chain to its last verb).
_PASSIVE_FIRST = re.compile(rf"\b{_RELATIONS_NOUN}(?:\s+between\s+[^.;]{{1,120}}?)?,?\s+"
                            rf"(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:not\s+)?(?:\w+ly\s+)?{_VERB}",
                            re.IGNORECASE)
# "Diplomatic relations between A and B date back to 1873", "have maintained diplomatic
# relations since 1873": the establishment's date after the verb.
_DATE_BACK = re.compile(r"(?P<again>\b\B)?\b(?:diplomatic\s+(?:relations|ties)\b(?:\s+between\s+[^.;]{1,120}?)?\s+(?=date)"
                        r"|(?:have|has|had)\s+(?:had|maintained|enjoyed|held)\s+(?:(?:formal|full|official)\s+)?"
                        r"diplomatic\s+(?:relations|ties)\s+(?=since))"
                        r"(?P<verb>date[sd]?\s+(?:back\s+to|from)|since)", re.IGNORECASE)
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
# "Both nations are (full) members of", "Both are members of", "The two countries are
# founding members of", "A and B are both members of", "Both are member states of",
# "Both nations belong to", "Both countries are part of".
_MEMBERS = re.compile(
    r"(?:\b(?:both|the\s+two)(?:\s+(?:nations|countries|states|governments|republics)|\s+[^,.;]{1,80}?\s+and\s+"
    r"[^,.;]{1,80}?)?(?:\s+are|(?=\s+(?:also\s+)?belong\b))|\bare\s+both"
    r"|^(?P<first>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+and\s+(?:the\s+)?"
    r"(?P<second>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:\s+are|(?=\s+(?:both\s+)?belong\b)))"
    r"\s+(?:also\s+|both\s+)?(?:the\s+)?(?:(?:full|founding|mutual|active|permanent)\s+"
    r"(?:and\s+\w+\s+)?)?(?P<predicate>members\s+of|member\s+(?:states|countries|nations)\s+of|belong\s+to|part\s+of|"
    r"partners\s+in\s+(?:multilateral\s+|international\s+)?"
    r"(?:organi[sz]ations|forums|fora|bodies)(?:,?\s+(?:such\s+as|including|like))?)\s+(?P<orgs>.+?)\.?$",
    re.IGNORECASE,
)
# Two agreements in one item: "Agreement on Air Services (2005); Memorandum on Culture (2007)".
_ITEM_PARTS = re.compile(r"(?<=\))\s*;\s*(?=[A-Z])")
# "..., and both nations are members of ...": a second list in the same sentence.
_MORE_MEMBERS = re.compile(r",?\s*(?:and|while)\s+(?:(?:both|the two)\s+\w+\s+)?are\s+(?:\w+\s+){0,2}?members\s+"
                           r"of\s+",
                           re.IGNORECASE)
_LIST_OPENER = re.compile(r"^.*?\b(?:such as|including|namely)\s+", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z0-9&-]{2,}$")
# The last word of a whole organisation's name: "... Organization", "... Movement".
_ORGANISATION_END = re.compile(r"\b(?:Organi[sz]ation|Union|Nations|Group|Forum|Community|Movement|Bank|Council|"
                               r"Association|Alliance|Commonwealth|Conference|Cooperation|Co-operation|Agency|"
                               r"Partnership|Fund|Court|Treaty|Pact|Bloc)$")


# Between a verb and the next date: the date belongs to another clause ("In 1942, relations
# were restored and in 1959, embassies were established").
_NEXT_CLAUSE = re.compile(r";|,\s+and\b|\band\s+(?:in|on|by|from|since)\s|\bbut\b|\bwhile\b|\bwhereas\b")


class _Dates:
    """The dates of a sentence, found once, for the verbs in it that refer to one."""

    def __init__(self, sentence: str):
        self.sentence = sentence
        self.dates = None

    def near(self, start: int, end: int) -> str | None:
        """The date a verb at [start, end) refers to: the first after it, else the last before."""
        if self.dates is None:
            self.dates = find_dates(self.sentence)
            self.starts = [d.start for d in self.dates]
            self.ends = [d.end for d in self.dates]
        after = bisect.bisect_left(self.starts, end)
        before = bisect.bisect_right(self.ends, start)
        if after < len(self.dates) and not (
                before and _NEXT_CLAUSE.search(self.sentence, end, self.dates[after].start)):
            return self.dates[after].iso
        return self.dates[before - 1].iso if before else None


def _clause_without_date(sentence: str, match: re.Match) -> bool:
    """Whether the verb stands in an opening clause of time that gives no date of its own:
    the sentence's date after the clause is another event's."""
    if not _OPENING_CLAUSE.match(sentence[:match.start()]):
        return False
    comma = sentence.find(",", match.end())
    return comma >= 0 and not find_dates(sentence[:comma])


def _refined(lead: list[str], everywhere: list[str]) -> str | None:
    """The establishment date: the lead's year, refined by a more precise date of the same
    year told elsewhere (a date that disagrees does not replace it); without one in the
    lead, the earliest year named, in its most precise form."""
    if not lead:
        return _first_and_most_precise(everywhere)
    year = _first_and_most_precise(lead)[:4]
    return _first_and_most_precise([date for date in everywhere if date[:4] == year])


def _first_and_most_precise(dates: list[str]) -> str | None:
    """The earliest year named, in its most precise form (the first such, on a tie)."""
    if not dates:
        return None
    earliest = min(date[:4] for date in dates)
    same_year = [date for date in dates if date[:4] == earliest]
    return max(same_year, key=len)


_ORGANISATION_SEPARATOR = re.compile(r",?\s+as\s+well\s+as\s+(?:the\s+)?|,\s*(?:and\s+)?(?:of\s+)?(?:the\s+)?|"
                                     r"(?<!\s)\s+and\s+(?:of\s+)?(?=the\s)")
# "the United Nations and its specialized agencies": the agencies are no organisation's name.
_ITS_AGENCIES = re.compile(r"\s+and\s+(?:its|their)\s+[^,]*$")
_LEADING_THE_OR_AND = re.compile(r"^(?:the|and)\s+", re.IGNORECASE)


def split_organisations(text: str) -> list[str]:
    """`the United Nations and the World Trade Organization` -> two names.

    Splits on commas and on "and the"; a bare "and" joins parts of one name ("Food
    and Agriculture Organization") unless it joins two whole names ("NATO and OSCE"); a
    lost comma before "the" after a whole name ("... Cooperation the Organisation for ...")
    separates too.
    """
    names = []
    for part_list in _MORE_MEMBERS.split(text.strip().rstrip(".")):
        part_list = _LIST_OPENER.sub("", part_list)
        parts = [piece for part in _ORGANISATION_SEPARATOR.split(_ITS_AGENCIES.sub("", part_list))
                 for piece in _lost_comma(part)]
        for part in parts:
            part = _LEADING_THE_OR_AND.sub("", part.strip())
            left, sep, right = part.partition(" and ")
            if sep and _whole_organisation(left) and (_whole_organisation(right) or _NUMBERED.match(right)):
                names += [_without_alias(left), _without_alias(right)]
            elif part:
                names.append(_without_alias(part))
    return names


# "G-20 major economies", "G20", "Group of 15": a group named by its number.
_NUMBERED = re.compile(r"^(?:G-?\d+|Group\s+of\s+\d+)\b")


_THE_INSIDE = re.compile(r"\s+the\s+(?=[A-Z])")


def _lost_comma(part: str) -> list[str]:
    """"Forum of ... Cooperation the Organisation for ..." -> the two names."""
    if " the " not in part:
        return [part]
    pieces, start = [], 0
    for the in _THE_INSIDE.finditer(part):
        if _whole_organisation(part[start:the.start()]):
            pieces.append(part[start:the.start()])
            start = the.start()
    return pieces + [part[start:]]


def _whole_organisation(name: str) -> bool:
    """Whether `name` is an organisation's whole name by its form ("NATO", "... Cooperation"):
    "and" between two such is a list's ("Food and Agriculture Organization" is one name)."""
    return bool(_ACRONYM.match(name) or _ORGANISATION_END.search(name))


# "World Trade Organization (WTO)": the short name in parentheses after the name is no part of
# it, so that one organisation is one name in every record ("Group of 20 (G20)", "(Mercosur)").
_ALIAS = re.compile(r"(?<=\S)\s*\(\s*[A-Z][\w&.+-]{1,14}\s*\)$")


def _without_alias(name: str) -> str:
    return _ALIAS.sub("", name) if name.endswith(")") else name


# A place named in running text: capitalised words, with the small words of names
# between them ("Rio de Janeiro"); "Singapore as well" is Singapore.
_PLACE_WORDS = re.compile(r"[A-Z][\w'’.-]*(?:,?\s+(?:(?:de|do|da|del|la|el|of|upon|am|an|der|sur)\s+)*"
                          r"[A-Z][\w'’.-]*)*")


def _may_tell_members(text: str) -> bool:
    text = lowered(text)
    return "member" in text or "partners in" in text or "belong" in text or "part of" in text


def _members_in(text: str, countries: tuple[str, str]) -> list[str]:
    if not _may_tell_members(text):
        return []
    for sentence in split_sentences(text):
        match = _MEMBERS.search(sentence)
        if match and match["first"] and {find_country(match["first"], countries),
                                          find_country(match["second"], countries)} != set(countries):
            continue  # "A and B are members of": only the two of the pair
        if match:
            names = split_organisations(match["orgs"])
            if match["predicate"].lower().startswith(("belong", "part")) and not all(
                    _whole_organisation(name) or _NUMBERED.match(name) for name in names):
                continue  # "both are part of the same region": no organisation by its name's form
            return names
    return []


def _may_tell_a_mission(text: str) -> bool:
    lower = lowered(text)
    return "embass" in lower or "consulate" in lower or "high commission" in lower


def _kind_by_content(section: Section, kind: str | None, countries: tuple[str, str]) -> str | None:
    """A section is a missions section by what it says, not by its heading's words:
    one headed "Attack on the embassy" that tells no mission that exists is history,
    and one under any other heading that tells nothing but missions is a missions one."""
    if kind not in (kinds.MISSIONS, None):
        return kind
    units = list(texts(section.blocks, captions=False))
    if not units or (kind is None and not all(map(_may_tell_a_mission, (unit.text for unit in units)))):
        return kind
    telling = (any(parse_missions(sentence, unit.line, countries, existing_only=True)
                   for sentence in split_sentences(unit.text)) for unit in units)
    if kind == kinds.MISSIONS:
        # History: events about missions ("protesters stormed the embassy in 2012"); a
        # section that tells neither stays one whose missions were not understood.
        if any(telling):
            return kind
        tells_events = any(find_dates(unit.text) or _may_tell_a_mission(unit.text) for unit in units)
        return kinds.HISTORY if tells_events else kind
    return kinds.MISSIONS if all(telling) else kind


def _city_of(city: str, country: str) -> bool:
    """Whether `city` may be in `country`: it is, or the place data do not know it."""
    found = place_country(city)
    return found is None or found == country_code(country)


def read_facts(article: Article, countries: tuple[str, str], path: str) -> tuple[Facts, list[Diagnostic]]:
    reader = _Reader(article, countries, path)
    facts = reader.read()
    return facts, reader.warnings
