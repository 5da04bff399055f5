"""reports/sources/mediawiki.py: the API client's manners and limits, against a wiki
on 127.0.0.1 that answers as the API's documentation says (tests/wiki_server.py)."""

import json

import pytest
from wiki_server import HANG, FakeWiki, serve

from reports import __version__
from reports.sources.mediawiki import Client, WikiError, api_address, retry_after, user_agent


@pytest.fixture
def wiki():
    fake = FakeWiki()
    fake.add("Chile–Ghana relations", "Some text.", 7)
    api, stop = serve(fake)
    fake.api = api
    yield fake
    stop()


def client(wiki, sleeps=None, **settings):
    record = sleeps if sleeps is not None else []
    return Client(wiki.api, contact="desk@example.org", sleep=record.append, **settings)


def maxlag_error(lag=3):
    body = {"error": {"code": "maxlag", "info": f"Waiting for db1: {lag} seconds lagged.", "host": "db1", "lag": lag,
                      "type": "db"}, "servedby": "mw1"}
    return 200, {"Content-Type": "application/json", "X-Database-Lag": str(lag)}, json.dumps(body).encode()


def test_every_request_names_the_tool_its_version_and_contact_and_asks_with_maxlag(wiki):
    with client(wiki) as api:
        api.get(action="query", titles="Chile–Ghana relations")
    assert wiki.agents[0].startswith(f"reports/{__version__} (") and "desk@example.org" in wiki.agents[0]
    assert {"maxlag": "5", "format": "json", "formatversion": "2"}.items() <= wiki.log[0].items()
    assert "--contact" in user_agent(None)


def test_a_429_is_asked_again_after_the_wait_its_retry_after_names(wiki):
    wiki.script.append((429, {"Retry-After": "7"}, b"Too many requests"))
    sleeps = []
    with client(wiki, sleeps) as api:
        answer = api.get(action="query", titles="Chile–Ghana relations")
    assert answer["query"]["pages"][0]["title"] == "Chile–Ghana relations"
    assert sleeps == [7.0] and len(wiki.log) == 2


def test_a_long_retry_after_is_capped_and_a_503_without_one_backs_off(wiki):
    wiki.script.extend([(429, {"Retry-After": "86400"}, b""), (503, {}, b""), (503, {}, b"")])
    sleeps = []
    with client(wiki, sleeps, max_wait=30) as api:
        api.get(action="query", titles="Chile–Ghana relations")
    assert sleeps == [30.0, 2.0, 4.0]


def test_a_maxlag_error_waits_the_lag_and_asks_again(wiki):
    wiki.script.append(maxlag_error(lag=3))
    sleeps = []
    with client(wiki, sleeps) as api:
        answer = api.get(action="query", titles="Chile–Ghana relations", prop="revisions", rvprop="ids")
    assert sleeps == [3.0] and answer["query"]["pages"][0]["revisions"][0]["revid"] == 7


def test_a_wiki_that_stays_busy_is_given_up_in_one_line(wiki):
    wiki.script.extend([(503, {"Retry-After": "1"}, b"")] * 3)
    with client(wiki, retries=2) as api, pytest.raises(WikiError) as raised:
        api.get(action="query", titles="Chile–Ghana relations")
    assert str(raised.value) == "the wiki is busy or unreachable: gave up after 3 tries (HTTP 503)"
    assert len(wiki.log) == 3


def test_malformed_json_is_an_error_not_a_traceback(wiki):
    wiki.script.append((200, {"Content-Type": "application/json"}, b'{"query": {"pages": [}'))
    with client(wiki) as api, pytest.raises(WikiError, match="not JSON"):
        api.get(action="query", titles="Chile–Ghana relations")


def test_an_oversized_answer_is_abandoned_whether_or_not_its_length_is_declared(wiki):
    big = b'{"query": {"x": "' + b"a" * 200_000 + b'"}}'
    wiki.script.append((200, {"Content-Length": None}, big))
    wiki.script.append((200, {"Content-Length": "999999999999"}, b"{}"))
    with client(wiki, max_bytes=100_000) as api:
        with pytest.raises(WikiError, match="over the limit of 100,000 bytes"):
            api.get(action="query", titles="x")
        with pytest.raises(WikiError, match="999,999,999,999 bytes, over the limit of 100,000 bytes"):
            api.get(action="query", titles="x")


def test_a_wiki_that_never_answers_times_out(wiki):
    wiki.script.extend([HANG, HANG])
    sleeps = []
    with client(wiki, sleeps, timeout=0.3, retries=1) as api, pytest.raises(WikiError) as raised:
        api.get(action="query", titles="Chile–Ghana relations")
    assert "no answer within the time-out" in str(raised.value) and sleeps == [1.0]


def test_an_api_error_and_a_wrong_address_are_one_line(wiki):
    with client(wiki) as api:
        with pytest.raises(WikiError, match="refused the request: badvalue"):
            api.get(action="parse", page="x")
    wrong = Client(wiki.api.replace("/w/api.php", "/nowhere"), sleep=lambda s: None)
    with wrong, pytest.raises(WikiError, match="HTTP 404"):
        wrong.get(action="query", titles="x")


def test_nothing_listening_is_unreachable(wiki):
    with Client("http://127.0.0.1:9/w/api.php", sleep=lambda s: None, retries=1, timeout=1) as api:
        with pytest.raises(WikiError, match="cannot connect"):
            api.get(action="query", titles="x")


def test_a_list_is_followed_through_continue(wiki):
    wiki.page_size = 2
    wiki.categories["Category:C"] = [f"Page {n}" for n in range(5)]
    with client(wiki) as api:
        parts = list(api.query(list="categorymembers", cmtitle="Category:C", cmlimit="max"))
    assert [m["title"] for part in parts for m in part["categorymembers"]] == [f"Page {n}" for n in range(5)]
    assert [params.get("cmcontinue") for params in wiki.log] == [None, "2", "4"]


@pytest.mark.parametrize("given, address", [
    (None, "https://en.wikipedia.org/w/api.php"),
    ("https://de.wikipedia.org", "https://de.wikipedia.org/w/api.php"),
    ("fr.wikipedia.org/", "https://fr.wikipedia.org/w/api.php"),
    ("http://127.0.0.1:8080/w/api.php", "http://127.0.0.1:8080/w/api.php"),
])
def test_a_wiki_is_named_by_its_api_or_its_site(given, address):
    assert api_address(given) == address


def test_retry_after_reads_seconds_and_dates():
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a time past: no wait
    assert retry_after("soon") is None and retry_after(None) is None
