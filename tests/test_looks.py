"""The cheap first looks let through every text their pattern may match (reports/loader/looks.py)."""

import re

import pytest

from reports.loader.looks import lowered, may_fold, may_match, search
from reports.loader.prose_visits import _NOT_DONE, only_planned


def test_lowered_is_lower():
    assert lowered("Diplomatic RELATIONS") == "diplomatic relations"


@pytest.mark.parametrize("text", ["ſigned a treaty", "ınvited", "İNVITED", "\u212aing"])
def test_letters_that_fold_to_ascii_let_the_pattern_decide(text):
    pattern = re.compile(r"\b(?:signed|invited|king)\b", re.IGNORECASE)
    assert pattern.search(text)  # a case-blind pattern matches them...
    assert may_fold(text)  # ...so the first look does not rule them out
    assert may_match(text, ("signed", "invited", "king"))
    assert search(pattern, ("signed", "invited", "king"), text)


def test_a_text_without_the_words_is_ruled_out():
    pattern = re.compile(r"\brelations\b", re.IGNORECASE)
    assert not may_match("Trade grew in 2010 (Señor Núñez).", ("relations",))
    assert search(pattern, ("relations",), "Trade grew in 2010.") is None
    assert search(pattern, ("relations",), "RELATIONS were good.")


@pytest.mark.parametrize("sentence", [
    "The visit was followed by talks.",
    "The visit was\tto take place in May.",          # a blank other than a space
    "The trip was called\u00a0off.",
    "President Ana Ruiz ınvited him to visit Peru.",  # a dotless i: the case-blind pattern's i
    "President Ana Ruiz invited him to visit Peru.",
    "Foreign Minister X travelled to Lima to sign an agreement.",
    "A visit is PLANNED for 2025.",
    "Ministers were to meet in Lima.",
])
def test_only_planned_is_the_pattern_where_a_word_of_it_or_to_is_found(sentence):
    words = ("plan", "invit", "cancel", "postpon", "will", "would", " to", "expected", "scheduled", "intend",
             "propos", "hope", "called off")
    before = any(word in sentence.lower() for word in words) and _NOT_DONE.search(sentence) is not None
    assert only_planned(sentence) == before
