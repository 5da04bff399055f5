"""What the fact readers share (reports/loader/context.py): finding where a title is first
named, and merging repeated tellings into one row, in time that grows with the article."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from reports.loader.context import TitleSearch, once

WORDS = ["Agreement", "on", "Trade", "and", "Investment", "of", "Field", "1", "12", "-", " ", "  ", ", ", "é", "_"]


def test_a_title_is_found_where_it_is_named_whole():
    text = "The Agreement on Trade and Investment came first. Later the Agreement on Trade was signed."
    search = TitleSearch(text)
    assert search.first("Agreement on Trade") == text.index("Agreement on Trade was")
    assert search.first("Agreement on Trade and Investment") == text.index("Agreement on Trade and")
    assert search.first("Treaty of Peace") is None
    assert search.first("ment on Trade was") == text.index("ment on Trade was")  # a title may start mid-word


@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_the_index_gives_what_a_search_from_the_start_gives(text_words, title_words):
    text, title = "".join(text_words), "".join(title_words)
    search = TitleSearch(text)
    assert search.first(title) == search.scan(title)
    if title in text:  # a title cut from the text itself
        start = text.index(title)
        for end in range(start + 1, len(text) + 1):
            assert search.first(text[start:end]) == search.scan(text[start:end])


@dataclasses.dataclass(frozen=True)
class Fact:
    key: str
    line: int
    origin: str = "prose"
    also_lines: tuple = ()


def test_repeated_tellings_become_one_row_with_every_line():
    facts = [Fact("a", 3, "list"), Fact("a", 5), Fact("b", 7), Fact("a", 9), Fact("a", 5), Fact("a", 3), Fact("b", 8)]
    rows = once(facts, lambda fact: fact.key)
    assert [(row.key, row.line, row.also_lines) for row in rows] == [("a", 3, (5, 9)), ("b", 7, (8,))]
