"""The record diff as a property: a fact added, removed, or with one field changed, in
any fact kind of any record, is reported as exactly that one change."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports.carry.diff import diff

# (kind, a fact of that kind, the fields a change of which is reported, values to change to)
FACTS = {
    "visits": ({"from": "Georgia", "to": "Mexico", "office": "President", "person": "Ana Ruiz", "date": "2010-05",
                "line": 7, "cites": [], "origin": "list", "also_lines": []},
               {"office": ["Foreign Minister", "Prime Minister", None]}),
    "agreements": ({"title": "Agreement on Tourism", "date": "2001", "line": 9, "cites": [], "origin": "section",
                    "also_lines": []},
                   {"date": ["2002", "2001-06", None]}),
    "trade": ({"year": 2019, "total_usd": 15700000, "text": "Trade was US$15.7 million.", "line": 12, "cites": [],
               "amount": None, "currency": None},
              {"total_usd": [15800000, 1, None], "currency": ["EUR", "MXN"]}),
    "missions": ({"country": "Mexico", "host": "Georgia", "kind": "embassy", "city": "Ankara",
                  "city_country": "Turkey", "resident": False, "line": 20, "cites": []},
                 {"kind": ["consulate", "honorary consulate"], "city": ["Tbilisi", "Baku"], "resident": [True]}),
    "exports": ({"from": "Georgia", "to": "Mexico", "products": ["wine", "nuts"], "line": 14, "cites": []},
                {"products": [["wine"], ["wine", "nuts", "tea"], []]}),
}


def _record(**facts) -> dict:
    with open("tests/fixtures/georgia-mexico.json", encoding="utf-8") as stream:
        record = json.load(stream)
    record.update({kind: [] for kind in FACTS})
    record.update(facts)
    return record


def _variant(fact: dict, number: int) -> dict:
    """Another fact of the same kind: a different key."""
    other = copy.deepcopy(fact)
    for key in ("person", "title", "country", "from"):
        if key in other:
            other[key] = f"{other[key]} {number}"
            return other
    other["year"] = other["year"] + number
    return other


kinds = st.sampled_from(sorted(FACTS))


def _shown(value):
    """A list field as the change shows it: its items joined."""
    return ", ".join(value) if isinstance(value, list) else value


@given(kinds, st.integers(0, 4), st.integers(0, 4), st.data())
def test_a_fact_added_is_one_change_named_added(kind, before, after, data):
    fact = FACTS[kind][0]
    others = [_variant(fact, n + 1) for n in range(before)]
    more = [_variant(fact, n + 10) for n in range(after)]
    old, new = _record(**{kind: others + more}), _record(**{kind: others + [fact] + more})
    changes = diff(old, new)
    assert [(c["kind"], c["change"]) for c in changes] == [(kind, "added")]
    assert changes[0]["line"] == fact["line"]
    assert [(c["kind"], c["change"]) for c in diff(new, old)] == [(kind, "removed")]


@given(kinds, st.data())
def test_one_field_changed_is_one_change_of_that_field(kind, data):
    fact, changeable = FACTS[kind]
    field = data.draw(st.sampled_from(sorted(changeable)))
    value = data.draw(st.sampled_from(changeable[field]))
    changed = {**fact, field: value}
    changes = diff(_record(**{kind: [fact]}), _record(**{kind: [changed]}))
    assert [(c["kind"], c["change"], c["field"]) for c in changes] == [(kind, "changed", field)]
    assert (changes[0]["old"], changes[0]["new"]) == (_shown(fact[field]), _shown(value))


@given(kinds, st.permutations(range(4)))
def test_facts_that_only_moved_or_changed_line_are_no_change(kind, order):
    fact = FACTS[kind][0]
    facts = [_variant(fact, n + 1) for n in range(4)]
    moved = [{**facts[i], "line": 100 + i} for i in order]
    assert diff(_record(**{kind: facts}), _record(**{kind: moved})) == []


@pytest.mark.parametrize("field", ["established", "reestablished"])
def test_a_changed_establishment_is_one_change(field):
    old, new = _record(), _record()
    new[field] = "1993-01"
    assert [(c["kind"], c["change"], c["field"], c["new"]) for c in diff(old, new)] == [
        ("established", "changed", field, "1993-01")]
