"""The three data articles written as English Wikipedia holds them (data/wiki/) give the
records of their plain forms: the same facts, now with citations, and lines of the .wiki file."""

import re

import pytest

from conftest import DATA, SEED_IDS, comparable
from reports.articles import read

WIKI = DATA / "wiki"
# One title form each: the file name, the infobox's first parameter, the lead's bold names + slug.
WIKI_FILES = {
    "georgia-mexico": WIKI / "Georgia–Mexico relations.wiki",
    "lithuania-mexico": WIKI / "lithuania-mexico.wiki",
    "mexico-slovenia": WIKI / "mexico-slovenia.wiki",
}
FACTS = ["id", "title", "countries", "summary", "established", "reestablished", "memberships", "events",
         "visits", "agreements", "trade", "exports", "missions", "see_also"]
LINED = ["events", "visits", "agreements", "trade", "exports", "missions"]


def _without_lines(value):
    if isinstance(value, dict):
        return {key: _without_lines(item) for key, item in value.items() if key != "line"}
    if isinstance(value, list):
        return [_without_lines(item) for item in value]
    return value


@pytest.fixture(scope="module")
def pairs():
    return {record_id: (read(DATA / f"{record_id}.txt"), read(path)) for record_id, path in WIKI_FILES.items()}


def test_every_data_article_has_a_wiki_form():
    assert sorted(WIKI_FILES) == sorted(SEED_IDS)
    assert all(path.is_file() for path in WIKI_FILES.values())


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_the_wiki_form_gives_the_plain_forms_facts(pairs, record_id):
    plain, wiki = (result.record.to_dict() for result in pairs[record_id])
    for field in FACTS:
        assert _without_lines(comparable(wiki[field])) == _without_lines(comparable(plain[field])), field


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_the_body_sections_are_the_same_apart_from_apparatus(pairs, record_id):
    plain, wiki = (result.record for result in pairs[record_id])
    shown = [s.heading for s in wiki.sections if s.heading != "External links"]
    assert shown == [s.heading for s in plain.sections]


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_every_fact_line_is_the_wiki_files_line_that_holds_it(pairs, record_id):
    wiki = pairs[record_id][1].record
    lines = WIKI_FILES[record_id].read_text("utf-8").splitlines()
    for visit in wiki.visits:
        held = lines[visit.line - 1]
        assert visit.person in re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", held), (visit, held)
    for event in wiki.events:
        flat = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", lines[event.line - 1])
        assert event.text.split(",")[0][:25] in flat, (event.text, event.line)
    for mission in wiki.missions:
        assert mission.city in lines[mission.line - 1]


@pytest.mark.parametrize("record_id", SEED_IDS)
def test_every_ref_url_is_a_citation(pairs, record_id):
    text = WIKI_FILES[record_id].read_text("utf-8")
    refs = re.findall(r"<ref[^>/]*>(.*?)</ref>", text, re.DOTALL)
    urls = {url.rstrip("]") for ref in refs for url in re.findall(r"https?://[^\s|}\]<]+", ref)}
    assert urls
    record = pairs[record_id][1].record
    assert urls == {c.url for c in record.citations if c.url}
    used = {cite for fact in record.events + record.visits + record.agreements + record.trade + record.missions
            for cite in fact.cites}
    assert used <= {c.id for c in record.citations}


def test_no_warning_but_the_known_ones(pairs):
    for record_id, (_, wiki) in pairs.items():
        assert wiki.warnings == [], record_id


def test_facts_carry_the_refs_that_follow_them(pairs):
    georgia = pairs["georgia-mexico"][1].record
    by_id = {c.id: c for c in georgia.citations}
    assert georgia.events[0].cites == ("SRE-GE",)
    assert by_id["SRE-GE"].publisher == "Secretaría de Relaciones Exteriores"
    assert by_id["SRE-GE"].accessed == "2024-03-14"
    assert [v.cites for v in georgia.visits] == [(), ("cop16",), ("mfa2011",), ()]
    assert by_id["mfa2011"].url == "https://mfa.gov.ge/en/news/vashadze-mexico-2011"  # a bare URL
    assert georgia.trade[0].cites == ("economia",)
    assert [m.cites for m in georgia.missions] == [("c3",), ("SRE-GE",), ("SRE-GE",)]
    slovenia = pairs["mexico-slovenia"][1].record
    # "drnovsek" is used in the History before {{Reflist|refs=}} defines it; a table row cites it too.
    drnovsek = next(c for c in slovenia.citations if c.id == "drnovsek")
    assert drnovsek.url == "https://www.gov.si/en/drnovsek-mexico-1998"
    assert [v.cites for v in slovenia.visits] == [(), ("espinosa",), (), ("drnovsek",), ()]
    assert next(e for e in slovenia.events if e.date == "1998-10").cites == ("drnovsek",)
    lithuania = pairs["lithuania-mexico"][1].record
    assert lithuania.reestablished == "1991-11-05"
    assert next(e for e in lithuania.events if e.date == "1991-11-05").cites == ("urm",)
    book = next(c for c in lithuania.citations if c.title == "Los judíos en México")
    assert (book.url, book.date) == (None, "1987")


@pytest.mark.parametrize("record_id, line", [("georgia-mexico", 1), ("lithuania-mexico", 4),
                                             ("mexico-slovenia", 12)])
def test_each_title_form_names_its_line(pairs, record_id, line):
    assert pairs[record_id][1].record.source.line == line


def test_the_default_build_of_data_reads_each_article_once():
    from reports.batch import article_files

    found, problems = article_files(["data"])
    assert sorted(path.name for path in found) == [f"{record_id}.txt" for record_id in SEED_IDS]
    assert problems == []
    wiki, _ = article_files(["data/wiki"])
    assert sorted(found + wiki) == sorted([DATA / f"{i}.txt" for i in SEED_IDS] + list(WIKI_FILES.values())) \
        or len(wiki) == 3
