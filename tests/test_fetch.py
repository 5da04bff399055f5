"""reports/sources/fetch.py and `reports fetch` / `reports build --fetch`: pages fetched
from a wiki on 127.0.0.1 (tests/wiki_server.py) give the records their files give, with
the revision as their source; a rebuild asks only for revision ids."""

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT, pdf_text
from wiki_server import HANG, relations_wiki, serve

import reports
from reports.cli import cli

NO_SLEEP = {"sleep": lambda seconds: None}


@pytest.fixture
def wiki():
    fake = relations_wiki(ROOT)
    api, stop = serve(fake)
    fake.api = api
    yield fake
    stop()


def fetch(wiki, tmp_path, *titles, **settings):
    settings = {"out": tmp_path / "pages", "wiki": wiki.api, "cache": tmp_path / "cache", **NO_SLEEP, **settings}
    return reports.fetch(titles, **settings)


def facts(record) -> dict:
    data = record.to_dict()
    data.pop("source")
    return data


def test_a_fetched_page_gives_the_record_of_its_file_with_the_revision_as_its_source(wiki, tmp_path):
    result = fetch(wiki, tmp_path, "Mexico–Slovenia relations")
    assert result.ok and [page.how for page in result.pages] == ["downloaded"]
    fetched = reports.load(result.files[0])
    assert facts(fetched) == facts(reports.load(ROOT / "data" / "wiki" / "mexico-slovenia.wiki"))
    source = fetched.source
    assert (source.page, source.revision, source.timestamp) == ("Mexico–Slovenia relations", "1001",
                                                                "2024-01-20T08:30:00Z")
    assert source.url == f"{wiki.address}/wiki/Mexico%E2%80%93Slovenia_relations?oldid=1001"
    assert result.files[0].name == "Mexico–Slovenia relations.wiki"


def test_titles_as_users_type_them_are_found_and_redirects_reported(wiki, tmp_path):
    result = fetch(wiki, tmp_path, "mexico slovenia relations", "Lithuania-Mexico relations", "Mexico Georgia",
                   "Slovenia–Mexico relations", "slovenia-mexico")
    assert sorted(page.title for page in result.pages) == [
        "Georgia–Mexico relations", "Lithuania–Mexico relations", "Mexico–Slovenia relations"]
    assert '"Slovenia–Mexico relations" redirects to "Mexico–Slovenia relations"' in result.notes
    assert '"slovenia-mexico" is "Slovenia–Mexico relations", which redirects to "Mexico–Slovenia relations"' \
        in result.notes
    assert '"mexico slovenia relations" is the page "Mexico–Slovenia relations"' in result.notes
    assert '"Mexico Georgia" is the page "Georgia–Mexico relations"' in result.notes
    assert len(wiki.log) == 2  # one request for every spelling's revision, one for the texts


def test_a_missing_page_is_named_with_the_wikis_suggestion_and_the_others_still_come(wiki, tmp_path):
    result = fetch(wiki, tmp_path, "Mexico–Slovania relations", "Lithuania–Mexico relations")
    assert result.errors == ['cannot fetch "Mexico–Slovania relations": the wiki has no such page '
                             '(did you mean "Mexico–Slovenia relations"?)']
    assert [page.title for page in result.pages] == ["Lithuania–Mexico relations"]
    search = [params for params in wiki.log if params.get("list") == "search"]
    assert search and search[0]["srlimit"] == "1"


def test_a_country_brings_every_relations_page_the_wiki_lists_and_a_second_run_only_asks_revisions(wiki, tmp_path):
    wiki.page_size = 2  # the category's members come in two answers
    first = fetch(wiki, tmp_path, country="Mexico")
    assert sorted(page.title for page in first.pages) == [
        "Georgia–Mexico relations", "Lithuania–Mexico relations", "Mexico–Slovenia relations"]
    assert 'no page "Mexico–Atlantis relations" (named by a category)' in first.notes
    assert first.ok and {page.how for page in first.pages} == {"downloaded"}
    assert len(wiki.content_requests()) == 1
    second = fetch(wiki, tmp_path, country="Mexico")
    assert {page.how for page in second.pages} == {"unchanged"}
    assert len(wiki.content_requests()) == 1  # nothing new downloaded: only revision ids asked
    asked = [params for params in second.requests if "titles" in params]
    assert asked and all(params["rvprop"] == "ids|timestamp" for params in asked)


def test_a_new_revision_is_downloaded_and_the_rest_come_from_the_cache(wiki, tmp_path):
    fetch(wiki, tmp_path, "Mexico–Slovenia relations", "Lithuania–Mexico relations", out=tmp_path / "a")
    page = wiki.pages["Lithuania–Mexico relations"]
    page.revid, page.text = 2002, page.text + "\n[[Category:Added]]\n"
    result = fetch(wiki, tmp_path, "Mexico–Slovenia relations", "Lithuania–Mexico relations", out=tmp_path / "b")
    assert {p.title: p.how for p in result.pages} == {"Mexico–Slovenia relations": "from the cache",
                                                      "Lithuania–Mexico relations": "downloaded"}
    assert wiki.content_requests()[-1]["revids"] == "2002"
    assert reports.load(tmp_path / "b" / "Lithuania–Mexico relations.wiki").source.revision == "2002"


def test_a_network_error_names_the_titles_and_is_no_traceback(wiki, tmp_path):
    wiki.script.extend([HANG, HANG])
    result = fetch(wiki, tmp_path, "Mexico–Slovenia relations", timeout=0.3, retries=1)
    assert result.files == []
    assert result.errors == ['cannot fetch "Mexico–Slovenia relations": the wiki is busy or unreachable: '
                             'gave up after 2 tries (no answer within the time-out)']


def test_a_busy_wiki_is_waited_for(wiki, tmp_path):
    waits = []
    wiki.script.append((429, {"Retry-After": "2"}, b""))
    result = fetch(wiki, tmp_path, "Mexico–Slovenia relations", sleep=waits.append)
    assert result.ok and waits == [2.0]


def test_an_edited_fetched_file_no_longer_claims_its_revision(wiki, tmp_path):
    path = fetch(wiki, tmp_path, "Mexico–Slovenia relations").files[0]
    path.write_text(path.read_text("utf-8") + "\nAn analyst's line.\n", "utf-8")
    result = reports.load_all([path])
    record = result.records[0]
    assert record.source.page == "Mexico–Slovenia relations" and record.source.revision is None
    assert record.source.url == f"{wiki.address}/wiki/Mexico%E2%80%93Slovenia_relations"
    assert any("edited after revision 1001 was fetched" in w.message for w in result.warnings)


# -- the command line ---------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_reports_build_fetch_makes_the_documents_of_the_page_with_its_revision(wiki, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--fetch", "Mexico–Slovenia relations", "--wiki", wiki.api, "--out", str(out),
                 "--cache", str(tmp_path / "cache"), "--contact", "desk@example.org", "--format", "json,pdf",
                 "--jobs", "1", "--no-combined")
    assert result.exit_code == 0, result.output
    assert "fetched 1 page into" in result.output and "built 1" in result.output
    record = json.loads((out / "mexico-slovenia.json").read_text("utf-8"))
    expected = reports.load(ROOT / "data" / "wiki" / "mexico-slovenia.wiki").to_dict()
    assert {k: v for k, v in record.items() if k != "source"} == {k: v for k, v in expected.items() if k != "source"}
    assert record["source"]["revision"] == "1001" and record["source"]["timestamp"] == "2024-01-20T08:30:00Z"
    brief = " ".join(pdf_text(out / "mexico-slovenia.pdf").split())
    assert "Source as of 20 January 2024" in brief and "Revision 1001 of 20 January 2024" in brief
    assert "desk@example.org" in wiki.agents[0]


def test_reports_fetch_country_then_again_fetches_nothing_new(wiki, tmp_path):
    args = ("fetch", "--country", "Mexico", "--wiki", wiki.api, "--out", str(tmp_path / "pages"),
            "--cache", str(tmp_path / "cache"))
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert "fetched 3 pages into" in first.output and "3 downloaded" in first.output
    assert "--contact" in first.output  # the note asking for a contact
    second = run(*args, "--quiet")
    assert second.exit_code == 0 and "0 downloaded, 0 from the cache, 3 unchanged" in second.output
    assert len(wiki.content_requests()) == 1


def test_reports_fetch_says_what_failed_in_one_line_and_exits_1(wiki, tmp_path):
    wiki.script.append((200, {"Content-Type": "application/json"}, b"<html>not json"))
    result = run("fetch", "Mexico–Slovenia relations", "--wiki", wiki.api, "--out", str(tmp_path / "p"),
                 "--cache", str(tmp_path / "c"), "-q")
    assert result.exit_code == 1
    assert ('reports: cannot fetch "Mexico–Slovenia relations": the wiki\'s answer is not JSON '
            "(is --wiki the address of its api.php?)") in result.output
    assert "Traceback" not in result.output


def test_reports_fetch_needs_something_to_fetch():
    result = run("fetch")
    assert result.exit_code == 2 and "name the pages to fetch" in result.output
