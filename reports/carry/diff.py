"""The difference between two records, fact by fact.

Works on the records' JSON (docs/record.md's shape, `Relationship.to_dict()`), so two
record files compare as well as two loaded articles. Each fact list is matched by the
fact's key (a visit: from, to, person, date; a trade row: its year; an agreement: its
title ...), never by position: a fact that moved is not a change. A change is

    {"kind": "visits", "change": "added" | "removed" | "changed", "item": "who, when",
     "field": "office" | None, "old": ..., "new": ..., "line": N}

in order of importance: dates of relations first, then visits, trade, agreements,
missions, exports, memberships, infobox fields and sections.
"""

from __future__ import annotations

from typing import Any, Callable

KINDS = ("established", "visits", "trade", "agreements", "missions", "exports", "memberships", "infobox",
         "sections")


def diff(old: dict, new: dict) -> list[dict[str, Any]]:
    """The changes that turn record `old` into record `new` (both as JSON dicts)."""
    changes: list[dict[str, Any]] = []
    for field in ("established", "reestablished"):
        if old.get(field) != new.get(field):
            changes.append(_change("established", "changed", field, field, old.get(field), new.get(field),
                                   new.get("source", {}).get("line")))
    for kind, key, item, fields in _FACTS:
        changes += _facts(kind, old.get(kind) or [], new.get(kind) or [], key, item, fields)
    changes += _memberships(old.get("memberships") or [], new.get("memberships") or [])
    changes += _infobox(old.get("infobox") or {}, new.get("infobox") or {})
    changes += _sections(old.get("sections") or [], new.get("sections") or [])
    return changes


def _change(kind, change, item, field, old, new, line) -> dict[str, Any]:
    return {"kind": kind, "change": change, "item": item, "field": field, "old": old, "new": new, "line": line}


def _visit_item(v: dict) -> str:
    return ", ".join(x for x in (v.get("person") or v.get("office"), v.get("date"),
                                 f"{v.get('from') or '?'} → {v.get('to') or '?'}") if x)


def _agreement_item(a: dict) -> str:
    return a.get("title") or ""


def _trade_item(t: dict) -> str:
    return str(t.get("year"))


def _export_item(e: dict) -> str:
    return f"{e.get('from')} → {e.get('to')}"


def _mission_item(m: dict) -> str:
    return f"{m.get('country')} in {m.get('host')}"


# kind, key of a fact, its description, the fields compared when the key matches
_FACTS: tuple[tuple[str, Callable, Callable, tuple[str, ...]], ...] = (
    ("visits", lambda v: (v.get("from"), v.get("to"), v.get("person"), v.get("date")), _visit_item, ("office",)),
    ("trade", lambda t: (t.get("year"),), _trade_item, ("total_usd", "amount", "currency")),
    ("agreements", lambda a: ((a.get("title") or "").casefold(),), _agreement_item, ("date",)),
    ("missions", lambda m: (m.get("country"), m.get("host")), _mission_item, ("kind", "city", "resident")),
    ("exports", lambda e: (e.get("from"), e.get("to")), _export_item, ("products",)),
)


def _facts(kind, old: list, new: list, key, item, fields) -> list[dict]:
    """Facts matched by key (the n-th fact of a repeated key with the n-th one)."""
    old_by_key: dict[tuple, list[dict]] = {}
    for fact in old:
        old_by_key.setdefault(key(fact), []).append(fact)
    changes, removed = [], []
    for fact in new:
        previous = old_by_key.get(key(fact))
        if not previous:
            changes.append(_change(kind, "added", item(fact), None, None, item(fact), fact.get("line")))
            continue
        before = previous.pop(0)
        for field in fields:
            if before.get(field) != fact.get(field):
                changes.append(_change(kind, "changed", item(fact), field, _plain(before.get(field)),
                                       _plain(fact.get(field)), fact.get("line")))
    for facts in old_by_key.values():
        removed += [_change(kind, "removed", item(f), None, item(f), None, f.get("line")) for f in facts]
    return changes + removed


def _plain(value):
    return ", ".join(map(str, value)) if isinstance(value, list) else value


def _memberships(old: list, new: list) -> list[dict]:
    return ([_change("memberships", "added", m, None, None, m, None) for m in new if m not in old]
            + [_change("memberships", "removed", m, None, m, None, None) for m in old if m not in new])


def _infobox(old, new) -> list[dict]:
    before, after = _pairs(old), _pairs(new)
    changes = []
    for name, value in after.items():
        if name not in before:
            changes.append(_change("infobox", "added", name, name, None, value, None))
        elif before[name] != value:
            changes.append(_change("infobox", "changed", name, name, before[name], value, None))
    changes += [_change("infobox", "removed", name, name, value, None, None)
                for name, value in before.items() if name not in after]
    return changes


def _pairs(infobox) -> dict:
    """The JSON's {"Key": "value"} (or the model's key-value pairs)."""
    return dict(infobox.items() if isinstance(infobox, dict) else infobox)


def _section_text(section: dict) -> str:
    parts = []
    for block in section.get("blocks") or []:
        parts.append(block.get("text") or "")
        parts += block.get("items") or []
        parts += [" ".join(row) for row in block.get("rows") or []]
    return " ".join(" ".join(parts).split())


def _sections(old: list, new: list) -> list[dict]:
    before = {s.get("heading"): s for s in old}
    after = {s.get("heading"): s for s in new}
    changes = []
    for heading, section in after.items():
        if heading not in before:
            changes.append(_change("sections", "added", heading, None, None, heading, section.get("line")))
        elif _section_text(before[heading]) != _section_text(section):
            changes.append(_change("sections", "changed", heading, "text", None, None, section.get("line")))
    changes += [_change("sections", "removed", heading, None, heading, None, s.get("line"))
                for heading, s in before.items() if heading not in after]
    return changes
