"""A wiki's Action API on 127.0.0.1, answering in the documented JSON shape
(formatversion=2), for the tests of `reports fetch`: no test reaches the internet.

It holds pages (title -> revision and text), redirects and categories, and answers
action=query with titles= or revids= (prop=revisions, rvprop=ids|timestamp[|content],
rvslots=main; prop=info with inprop=url; redirects=1; normalisation of the first
letter and underscores; missing pages) and list=categorymembers / allpages / search,
with `continue` when a list is longer than `page_size`. Before any of that it plays
the canned answers queued in `script` (a status, headers and a body, or HANG: no
answer until the server stops), which is how 429s, maxlag errors, broken JSON and
oversized answers are made. Every request's parameters and User-Agent are logged.
"""

from __future__ import annotations

import difflib
import json
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

HANG = "hang"


@dataclass
class WikiPage:
    pageid: int
    revid: int
    timestamp: str
    text: str


@dataclass
class FakeWiki:
    pages: dict[str, WikiPage] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    categories: dict[str, list[str]] = field(default_factory=dict)
    page_size: int = 500
    script: deque = field(default_factory=deque)
    log: list[dict] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    address: str = ""

    def add(self, title: str, text: str, revid: int, timestamp: str = "2024-03-01T12:00:00Z") -> None:
        self.pages[title] = WikiPage(len(self.pages) + 100, revid, timestamp, text)

    def content_requests(self) -> list[dict]:
        """The requests that asked for page text."""
        return [params for params in self.log if "content" in params.get("rvprop", "").split("|")]

    # -- answers ---------------------------------------------------------------------------

    def answer(self, params: dict) -> dict:
        if params.get("action") != "query" or params.get("format") != "json" or params.get("formatversion") != "2":
            return {"error": {"code": "badvalue", "info": "this wiki answers only action=query, JSON, formatversion=2"}}
        if "list" in params:
            return self.listing(params)
        if "revids" in params:
            return self.by_revision(params)
        return self.by_title(params)

    def by_title(self, params: dict) -> dict:
        query: dict = {}
        pages = []
        for asked in params["titles"].split("|"):
            title = asked.replace("_", " ").strip()
            title = title[:1].upper() + title[1:]
            if title != asked:
                query.setdefault("normalized", []).append({"fromencoded": False, "from": asked, "to": title})
            if params.get("redirects") and title in self.redirects:
                query.setdefault("redirects", []).append({"from": title, "to": self.redirects[title]})
                title = self.redirects[title]
            pages.append(self.page(title, params, content=False))
        query["pages"] = pages
        return {"batchcomplete": True, "query": query}

    def by_revision(self, params: dict) -> dict:
        wanted = {int(revid) for revid in params["revids"].split("|")}
        pages = [self.page(title, params, content=True) for title, page in self.pages.items() if page.revid in wanted]
        query: dict = {"pages": pages}
        known = {page.revid for page in self.pages.values()}
        if wanted - known:
            query["badrevids"] = {str(revid): {"revid": revid, "missing": True} for revid in sorted(wanted - known)}
        return {"batchcomplete": True, "query": query}

    def page(self, title: str, params: dict, content: bool) -> dict:
        if title not in self.pages:
            return {"ns": 0, "title": title, "missing": True}
        page = self.pages[title]
        answer: dict = {"pageid": page.pageid, "ns": 0, "title": title}
        if "revisions" in params.get("prop", "").split("|"):
            revision: dict = {"revid": page.revid, "parentid": page.revid - 1, "timestamp": page.timestamp}
            if content and "content" in params.get("rvprop", ""):
                revision["slots"] = {"main": {"contentmodel": "wikitext", "contentformat": "text/x-wiki",
                                              "content": page.text}}
            answer["revisions"] = [revision]
        if "url" in params.get("inprop", ""):
            url = f"{self.address}/wiki/{quote(title.replace(' ', '_'))}"
            answer.update(fullurl=url, editurl=f"{url}?action=edit", canonicalurl=url)
        return answer

    def listing(self, params: dict) -> dict:
        kind = params["list"]
        if kind == "categorymembers":
            members = [{"ns": 14 if title.startswith("Category:") else 0, "title": title}
                       for title in self.categories.get(params["cmtitle"], [])]
            return self.continued(params, "categorymembers", "cmcontinue", members)
        if kind == "allpages":
            found = [{"pageid": page.pageid, "ns": 0, "title": title} for title, page in sorted(self.pages.items())
                     if title.startswith(params.get("apprefix", ""))]
            return self.continued(params, "allpages", "apcontinue", found)
        if kind == "search":
            return self.continued(params, "search", "sroffset", self.search(params["srsearch"]), limit="srlimit")
        return {"error": {"code": "badvalue", "info": f"Unrecognized value for parameter \"list\": {kind}."}}

    def search(self, text: str) -> list[dict]:
        """Titles sharing words with the search, most shared first, then the closest in
        spelling (a stand-in for the wiki's search engine: intitle: and quotes are read
        as plain words)."""
        text = text.replace("intitle:", " ")
        words = set(_words(text))
        scored = [(len(words & set(_words(title))), difflib.SequenceMatcher(None, text, title).ratio(), title)
                  for title in self.pages]
        return [{"ns": 0, "title": title} for shared, _, title in sorted(scored, key=lambda s: (-s[0], -s[1], s[2]))
                if shared]

    def continued(self, params: dict, name: str, key: str, items: list, limit: str | None = None) -> dict:
        start = int(params.get(key, 0) or 0)
        size = self.page_size
        asked = params.get(limit or f"{key[:2]}limit", "max")
        if asked.isdigit():
            size = min(size, int(asked))
        answer: dict = {"batchcomplete": True, "query": {name: items[start:start + size]}}
        if start + size < len(items):
            answer["continue"] = {key: str(start + size), "continue": "-||"}
        return answer


def _words(text: str) -> list[str]:
    return [word.casefold() for word in re.split(r"[\s–—\-\"]+", text) if word]


class _Handler(BaseHTTPRequestHandler):
    wiki: FakeWiki

    def do_GET(self):  # noqa: N802 - the http.server name
        parts = urlsplit(self.path)
        params = dict(parse_qsl(parts.query))
        wiki = self.server.wiki
        wiki.log.append(params)
        wiki.agents.append(self.headers.get("User-Agent", ""))
        if wiki.script:
            canned = wiki.script.popleft()
            if canned == HANG:
                wiki.stop.wait(10)
                return
            status, headers, body = canned
            self.reply(status, headers, body)
            return
        if parts.path != "/w/api.php":
            self.reply(404, {}, b"not here")
            return
        self.reply(200, {"Content-Type": "application/json; charset=utf-8"},
                   json.dumps(wiki.answer(params), ensure_ascii=False).encode("utf-8"))

    def reply(self, status: int, headers: dict, body: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            if value is not None:  # None: leave the header out (a body that ends when the connection closes)
                self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: an answer over its limit

    def log_message(self, *args):
        pass


def serve(wiki: FakeWiki):
    """Start the wiki on a free port of 127.0.0.1; returns (api address, stop function)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.wiki = wiki
    host, port = server.server_address
    wiki.address = f"http://{host}:{port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()

    def stop():
        wiki.stop.set()
        server.shutdown()
        server.server_close()
    return f"{wiki.address}/w/api.php", stop


def relations_wiki(root) -> FakeWiki:
    """The three data/wiki pages as a wiki holds them, a redirect to one, and Mexico's
    category of bilateral relations (a page, a subcategory named as a page, an unrelated
    page and a subcategory with no page of its name)."""
    wiki = FakeWiki()
    folder = root / "data" / "wiki"
    wiki.add("Mexico–Slovenia relations", (folder / "mexico-slovenia.wiki").read_text("utf-8"), 1001,
             "2024-01-20T08:30:00Z")
    wiki.add("Lithuania–Mexico relations", (folder / "lithuania-mexico.wiki").read_text("utf-8"), 1002)
    wiki.add("Georgia–Mexico relations", (folder / "Georgia–Mexico relations.wiki").read_text("utf-8"), 1003)
    wiki.redirects["Slovenia–Mexico relations"] = "Mexico–Slovenia relations"
    wiki.categories["Category:Bilateral relations of Mexico"] = [
        "Lithuania–Mexico relations", "Category:Georgia–Mexico relations", "Foreign relations of Mexico",
        "Category:Mexico–Atlantis relations"]
    return wiki
