"""Article structure -> the facts of a relationship record.

Each kind of fact is read from the sections that hold it (recognised by meaning,
see sections.py) with the rules of RECORD.md, by the module of its kind; what they
share about the article is context.py. What the loader sees but cannot interpret
becomes a warning with its line, for `reports check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Article, texts
from ..errors import Diagnostic
from ..model import Agreement, Event, Export, Mission, Trade, Visit
from .. import sections as kinds
from .agreements import read_agreements
from .article_visits import read_visits
from .context import Context
from .establishment import read_establishment
from .events import read_events
from .memberships import read_memberships
from .missions import kind_by_content, read_missions
from .trade import read_trade

# A page's External links / Further reading section is links by design, shown as they are:
# not an unknown section to warn about.
_LINKS_HEADING = re.compile(r"^(?:external links?|further reading)$", re.IGNORECASE)


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


def read_facts(article: Article, countries: tuple[str, str], path: str) -> tuple[Facts, list[Diagnostic]]:
    """The facts of one article, each kind in turn, and the warnings about it in that order."""
    sections = [(section, kind_by_content(section, kind, countries))
                for section, kind in kinds.with_kinds(article.sections)]
    context = Context(article, countries, path, sections)
    _warn_of_sections(context)
    facts = Facts()
    facts.established, facts.reestablished = read_establishment(context)
    facts.memberships = read_memberships(context)
    facts.events = read_events(context)
    facts.visits = read_visits(context)
    facts.agreements = read_agreements(context)
    facts.trade, facts.exports = read_trade(context)
    facts.missions = read_missions(context)
    facts.see_also = [item.text for section in context.sections_of(kinds.SEE_ALSO)
                      for item in texts(section.blocks)]
    return facts, context.warnings


def _warn_of_sections(context: Context) -> None:
    """A section without a heading, or of no kind the loader reads facts from."""
    for section, kind in context.sections:
        if not section.heading.strip():
            context.warn(section.line, "section without a heading")
        elif kind is None and not kinds.is_ordinary(section.heading) \
                and not _LINKS_HEADING.match(section.heading.strip()):
            context.warn(section.line, f"unknown section {section.heading!r}: kept as text, no facts read from it")
