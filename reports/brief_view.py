"""What the PDF brief's page one says, derived from a record by rules: the bottom line,
the key facts with their dates and citations, agreements by kind and date. Written next
to facts_view (whose labels, dates and groupings it uses), so any exporter may show it."""

from __future__ import annotations

import re

from .facts_view import (KeyFact, chronological, date_label, date_parts, latest_trade, mission_label,
                         trade_money_label, visit_label, visits_by_direction)
from .layout import Layout
from .model import Relationship

def _latest(items, date_of):
    """The item with the latest date (the last stated on a tie), or None."""
    dated = [item for item in items if date_of(item)]
    return max(reversed(dated), key=lambda item: chronological(date_of(item))[1:], default=None)


def trade_trend(record: Relationship, layout: Layout) -> str:
    """" (up from US$10 million in 2019)" when an earlier year is given in the same currency."""
    latest = latest_trade(record)
    earlier = [t for t in record.trade if t.year < latest.year and t.currency == latest.currency] if latest else []
    if not earlier:
        return ""
    before = max(earlier, key=lambda t: t.year)
    now, then = latest.total_usd or latest.amount or 0, before.total_usd or before.amount or 0
    key = "trend_up" if now > then else "trend_down" if now < then else "trend_same"
    return layout.label(key, amount=trade_money_label(before, layout), year=before.year)


def bottom_line(record: Relationship, layout: Layout) -> list[str]:
    """Short sentences made by rules from the record's facts (never the article's prose):
    since when relations exist, the latest visit each way, the agreements, the latest
    trade total and its trend, who is represented where. A fact the record lacks is left out."""
    first, second = record.countries
    out = []
    if record.established:
        since = layout.label("bl_since", first=first, second=second, date=date_label(record.established, layout))
        if record.reestablished:
            since += " " + layout.label("bl_again", date=date_label(record.reestablished, layout))
        out.append(since)
    visits = []
    for _, group in visits_by_direction(record):
        visit = _latest(group, lambda v: v.date)
        if visit and visit.to:
            visits.append(layout.label("bl_visit", visitor=visit_label(visit), destination=visit.to,
                                       date=date_label(visit.date, layout)))
    if visits:
        out.append(layout.label("bl_visits", visits="; ".join(visits)))
    latest = _latest(record.agreements, lambda a: a.date)
    if record.agreements:
        out.append(layout.label("bl_agreements", count=len(record.agreements)) + (
            " " + layout.label("bl_latest_agreement", title=latest.title, year=date_parts(latest.date)[0])
            if latest else ""))
    trade = latest_trade(record)
    if trade:
        out.append(layout.label("bl_trade", amount=trade_money_label(trade, layout), year=trade.year)
                   + trade_trend(record, layout) + ".")
    places = [layout.label("bl_mission", country=country, where=mission_label(mission, layout))
              for country, mission in _main_missions(record)]
    if places:
        out.append("; ".join(places) + ".")
    return out


def _main_missions(record: Relationship):
    """(country, mission) of each sending country's embassy (else its first mission):
    the bottom line names where each is represented, the missions table every post."""
    chosen: dict[str, object] = {}
    for mission in record.missions:
        if mission.country not in chosen or (mission.kind == "embassy" and chosen[mission.country].kind != "embassy"):
            chosen[mission.country] = mission
    return list(chosen.items())


def brief_facts(record: Relationship, layout: Layout) -> list[KeyFact]:
    """Page one's key facts: only what the record has, each with its date in the value."""
    facts = []
    if record.established:
        facts.append(KeyFact(layout.label("established"), date_label(record.established, layout), "history"))
    if record.reestablished:
        facts.append(KeyFact(layout.label("reestablished"), date_label(record.reestablished, layout), "history"))
    if record.memberships:
        facts.append(KeyFact(layout.label("memberships"), ", ".join(record.memberships), "summary"))
    visit = _latest(record.visits, lambda v: v.date)
    if visit:
        facts.append(KeyFact(layout.label("latest_visit"), layout.label(
            "bl_visit", visitor=visit_label(visit), destination=visit.to or "?", date=date_label(visit.date, layout)),
            "visits"))
    agreement = _latest(record.agreements, lambda a: a.date)
    if agreement:
        facts.append(KeyFact(layout.label("latest_agreement"),
                             f"{agreement.title} ({date_label(agreement.date, layout)})", "agreements"))
    trade = latest_trade(record)
    if trade:
        facts.append(KeyFact(layout.label("latest_trade"), f"{trade_money_label(trade, layout)} ({trade.year})",
                             "trade"))
    return facts  # representation: the bottom line says it, page two's missions table in full


def fact_cites(record: Relationship, fact_part: str, label: str, layout: Layout) -> tuple[str, ...]:
    """The citation ids behind a key fact, where the record ties it to a cited fact."""
    if fact_part == "history":
        date = record.established if label == layout.label("established") else record.reestablished
        return next((e.cites for e in record.events if e.date == date), ())
    if fact_part == "visits":
        visit = _latest(record.visits, lambda v: v.date)
        return visit.cites if visit else ()
    if fact_part == "agreements":
        agreement = _latest(record.agreements, lambda a: a.date)
        return agreement.cites if agreement else ()
    if fact_part == "trade":
        trade = latest_trade(record)
        return trade.cites if trade else ()
    if fact_part == "missions":
        return tuple(dict.fromkeys(c for m in record.missions if label.endswith(m.country) for c in m.cites))
    return ()


_KINDS = (("treaty", re.compile(r"\btreat(?:y|ies)\b", re.I)),
          ("memorandum", re.compile(r"\bmemorand(?:um|a)\b|\bMoU\b", re.I)),
          ("protocol", re.compile(r"\bprotocol\b", re.I)),
          ("convention", re.compile(r"\bconvention\b", re.I)),
          ("declaration", re.compile(r"\bdeclaration\b", re.I)),
          ("agreement", re.compile(r"\bagreements?\b|\baccord\b", re.I)))


def agreement_kind(title: str) -> str | None:
    """"treaty", "memorandum", "protocol", "convention", "declaration" or "agreement",
    from the agreement's title; None when the title names no kind."""
    return next((kind for kind, pattern in _KINDS if pattern.search(title)), None)


def agreements_in_order(record: Relationship):
    """Agreements by date, undated last, otherwise in the article's order."""
    return sorted(record.agreements, key=lambda a: chronological(a.date))
