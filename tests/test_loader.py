"""The loader as a whole: the seed records, structure, provenance and bad input."""

import json
import re

import pytest
from conftest import SEED_IDS, comparable, expected, write_article

from reports import load
from reports.errors import ArticleError
from reports.articles import read
from reports.titles import relationship_id, split_title
from reports.model import Relationship


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_seed_records_equal_the_fixtures(record_id):
    assert comparable(load(f"data/{record_id}.txt").to_dict()) == expected(record_id)


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_seed_articles_load_without_warnings(record_id):
    assert read(f"data/{record_id}.txt").warnings == []


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_record_round_trips_through_json(record_id):
    record = load(f"data/{record_id}.txt")
    again = Relationship.from_dict(json.loads(json.dumps(record.to_dict())))
    assert again == record


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_nothing_of_the_article_is_lost(record_id):
    """Every non-blank line but the title, headings and infobox appears in the record."""
    record = load(f"data/{record_id}.txt")
    kept = [record.summary]
    for section in record.sections:
        for block in section.blocks:
            kept += [block.text] if block.type == "paragraph" else [block.caption or "", *block.items]
    text = "\n".join(kept)
    lines = open(f"data/{record_id}.txt", encoding="utf-8").read().splitlines()
    body = [line.strip().removeprefix("- ") for line in lines
            if line.strip() and not line.startswith("=") and line.strip() != "Infobox"]
    missing = [line for line in body if line not in text and line not in dict(record.infobox)
               and not line.startswith(tuple(f"{k}:" for k, _ in record.infobox))]
    assert missing == []


def test_bom_and_crlf_parse_like_the_plain_file(tmp_path):
    plain = open("data/georgia-mexico.txt", encoding="utf-8").read()
    path = tmp_path / "georgia-mexico.txt"
    path.write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode("utf-8"))
    record, original = comparable(load(path).to_dict()), expected("georgia-mexico")
    for data in (record, original):
        data.pop("source")
    assert record == original


def test_no_break_spaces_give_the_same_facts(tmp_path):
    """Text copied from a page has no-break spaces inside dates and amounts ("8 June 1992",
    "in 2023"): the facts are the same, and the text keeps the article's characters."""
    plain = open("data/georgia-mexico.txt", encoding="utf-8").read()
    path = tmp_path / "georgia-mexico.txt"
    path.write_text(re.sub(r"(?<=\d) (?=[A-Z])|(?<=[a-z]) (?=\d)", "\u00a0", plain), "utf-8")
    assert path.read_text("utf-8").count("\u00a0") > 10
    spaced = json.loads(json.dumps(load(path).to_dict(), ensure_ascii=False).replace("\u00a0", " "))
    record, original = comparable(spaced), expected("georgia-mexico")
    for data in (record, original):
        data.pop("source")
    assert record == original


@pytest.mark.parametrize("content, line, message", [
    (b"", None, "empty"),
    (b"  \n\t\n  ", None, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", None, "binary"),
    ("= Espa\u00f1a-M\u00e9xico relations =\n\nLead.\n".encode("latin-1"), 1, "not UTF-8"),
    ("= A\u2013B relations =\n\nLead with caf\u00e9.\n".encode("utf-8")[:-3] + b"\xe9\n", 3, "not UTF-8"),
    (b"Just a paragraph without a title.\n", 1, "title"),
    (b"== History ==\nText.\n", 1, "title"),
    ("= Mexico relations =\n".encode(), 1, "two countries"),
    ("= \u2013Mexico relations =\n".encode(), 1, "two countries"),
])
def test_bad_input_is_one_clear_error(tmp_path, content, line, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        load(path)
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(str(caught.value.path))
    assert "\n" not in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="folder"):
        load(tmp_path)


def test_size_limit(tmp_path):
    path = write_article(tmp_path, "big.txt", "= A–B relations =\n\n" + "word " * 1000)
    with pytest.raises(ArticleError, match="over the limit"):
        read(path, max_bytes=1000)


def test_control_characters_are_removed_with_a_warning(tmp_path):
    path = write_article(tmp_path, "c.txt", "= Chile–Peru relations =\n\nLead\x00 with\x0b control\x1f.\n")
    result = read(path)
    assert result.record.summary == "Lead with control."
    assert [(w.line, w.message) for w in result.warnings] == [(3, "control characters removed")]


@pytest.mark.parametrize("title, countries", [
    ("Georgia–Mexico relations", ("Georgia", "Mexico")),
    ("Bosnia and Herzegovina–Mexico relations", ("Bosnia and Herzegovina", "Mexico")),
    ("Georgia—Mexico relations", ("Georgia", "Mexico")),
    ("Georgia-Mexico relations", ("Georgia", "Mexico")),
    ("Guinea-Bissau–Mexico relations", ("Guinea-Bissau", "Mexico")),
    ("Holy See–Mexico", ("Holy See", "Mexico")),
])
def test_titles(title, countries):
    assert split_title(title, "x.txt", 1) == countries


@pytest.mark.parametrize("countries, expected_id", [
    (("Georgia", "Mexico"), "georgia-mexico"),
    (("Bosnia and Herzegovina", "Mexico"), "bosnia-and-herzegovina-mexico"),
    (("Côte d'Ivoire", "Türkiye"), "cote-divoire-turkiye"),
    (("São Tomé and Príncipe", "Ōsaka"), "sao-tome-and-principe-osaka"),
])
def test_ids(countries, expected_id):
    assert relationship_id(countries) == expected_id


def test_structure_levels_captions_and_lines(tmp_path):
    path = write_article(tmp_path, "s.txt", "\n".join([
        "= A–B relations =",            # 1
        "",
        "Infobox",                       # 3
        "- Filetype: png",               # 4
        "- Caption: flags of A: left",   # 5 (the value holds a colon too)
        "",
        "Lead one.",                     # 7
        "",
        "Lead two.",                     # 9
        "== History ==",                 # 10
        "Paragraph.",                    # 11
        "===Early years===",             # 12
        "Caption line",                  # 13
        "",
        "- item one",                    # 15
        "",
        "- item two",                    # 17
        "==Culture==",                   # 18
        "- orphan item",                 # 19
    ]))
    record = load(path)
    assert record.infobox == (("Filetype", "png"), ("Caption", "flags of A: left"))
    assert record.summary == "Lead one.\n\nLead two."
    assert [(s.heading, s.level, s.line) for s in record.sections] == [
        ("History", 2, 10), ("Early years", 3, 12), ("Culture", 2, 18)]
    early = record.sections[1].blocks[0]
    assert (early.caption, early.items, early.line) == ("Caption line", ("item one", "item two"), 15)
    assert record.sections[2].blocks[0].caption is None


def test_utf16_gets_its_own_message(tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes("= Chile–Ghana relations =\n".encode("utf-16"))
    with pytest.raises(ArticleError, match="UTF-16"):
        load(path)


def test_names_without_an_ascii_folding_get_a_stable_id():
    first = relationship_id(("中国", "Україна"))
    assert first == relationship_id(("中国", "Україна"))
    assert first.startswith("x") and first.count("-") == 1 and first.isascii()
