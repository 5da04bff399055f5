"""Article structure -> the facts of a relationship record.

Each kind of fact is read from the sections that hold it (recognised by meaning,
see sections.py) with the rules of RECORD.md. What the loader sees but cannot
interpret becomes a warning with its line, for `reports check`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..errors import Diagnostic
from ..model import Agreement, Event, Export, Mission, Trade, Visit
from .. import sections as kinds

# A page's External links / Further reading section is links by design, shown as they are:
# not an unknown section to warn about.
_LINKS_HEADING = re.compile(r"^(?:external links?|further reading)$", re.IGNORECASE)
from .agreements import agreement_items, parse_agreement
from .article_visits import read_visits
from .context import Context, agreement_key, clip, mission_key, once
from ..document import Article, ItemList, Section, texts
from ..dates import find_dates, first_date
from .establishment import read_establishment
from .events import read_events
from .looks import lowered
from .missions import parse_missions
from .names import find_country
from ..places import country_code, place_country
from .memberships import read_memberships
from .prose_agreements import listed_subjects, may_tell_an_agreement, told_agreements
from .sentences import split_sentences
from .trade import (PLAUSIBLE_MAXIMUM, export_rows, is_trade_sentence, mentions_money, other_currency,
                    trade_rows)


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

    def read(self) -> Facts:
        facts = Facts()
        for section, kind in self.sections:
            if not section.heading.strip():
                self.warn(section.line, "section without a heading")
            elif kind is None and not kinds.is_ordinary(section.heading) \
                    and not _LINKS_HEADING.match(section.heading.strip()):
                self.warn(section.line, f"unknown section {section.heading!r}: kept as text, no facts read from it")
        facts.established, facts.reestablished = read_establishment(self)
        facts.memberships = read_memberships(self)
        facts.events = read_events(self)
        facts.visits = read_visits(self)
        facts.agreements = self.agreements()
        facts.trade, facts.exports = self.trade_and_exports()
        facts.missions = self.missions()
        facts.see_also = [item.text for section in self.sections_of(kinds.SEE_ALSO)
                          for item in texts(section.blocks)]
        return facts

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


_WITH_NAME = re.compile(r"\bwith\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")
# A list's caption telling the agreements signed: its items are agreements, wherever it stands.
_SIGNED_LIST = re.compile(r"^(?=.*\b(?:agreements?|treat(?:y|ies)|memorand\w*|conventions?|accords?)\b)"
                          r"(?=.*\b(?:sign\w*|concluded|in\s+force)\b)", re.IGNORECASE)
# Two agreements in one item: "Agreement on Air Services (2005); Memorandum on Culture (2007)".
_ITEM_PARTS = re.compile(r"(?<=\))\s*;\s*(?=[A-Z])")


# A place named in running text: capitalised words, with the small words of names
# between them ("Rio de Janeiro"); "Singapore as well" is Singapore.
_PLACE_WORDS = re.compile(r"[A-Z][\w'’.-]*(?:,?\s+(?:(?:de|do|da|del|la|el|of|upon|am|an|der|sur)\s+)*"
                          r"[A-Z][\w'’.-]*)*")


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
