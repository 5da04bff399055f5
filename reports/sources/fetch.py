"""Fetch pages by title (or every relations page of a country) into `.wiki` files that
carry their revision, as a dump's pages do.

    result = fetch(["Mexico Slovenia relations"], out="pages")
    result.files  -> [Path("pages/Mexico–Slovenia relations.wiki")]

The steps, each a few requests of up to 50 titles: list the country's pages (its
"Bilateral relations of X" category, titles starting "X–", titles ending "–X
relations"); ask which revision each title is at (`rvprop=ids|timestamp`, redirects
followed, every spelling a user may have meant asked at once); download the text only
of revisions not in the cache; write each page's file when it changed. A title that
cannot be fetched is one line in `errors`, and the other titles still come.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..document import Page
from ..readers.header import with_note
from ..readers.mediawiki_xml import is_relations_title
from . import titles as typed_titles
from .cache import RevisionCache
from .mediawiki import BATCH, Client, WikiError, api_address

ARTICLES, CATEGORIES = 0, 14  # the namespaces of articles and categories


@dataclass(frozen=True)
class Fetched:
    """One page written (or found current) in the output folder."""
    title: str
    path: Path
    revision: str
    timestamp: str | None
    how: str        # "downloaded", "from the cache" or "unchanged"


@dataclass
class FetchResult:
    pages: list[Fetched] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # redirects followed, titles read another way
    errors: list[str] = field(default_factory=list)    # one line each, naming the title
    requests: list[dict] = field(default_factory=list)  # the parameters of every request made

    @property
    def files(self) -> list[Path]:
        return [page.path for page in self.pages]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Revision:
    title: str
    revision: str
    timestamp: str | None
    url: str | None


def fetch(titles: Iterable[str] = (), out: str | os.PathLike = "pages", country: str | None = None,
          wiki: str | None = None, contact: str | None = None, cache: str | os.PathLike | None = None,
          **client_settings) -> FetchResult:
    """Fetch the pages `titles` name and, with `country`, every relations page of that
    country, into OUT/<title>.wiki. `client_settings` go to the API client (timeout,
    max_bytes, retries, max_wait, sleep, transport)."""
    api = api_address(wiki)
    result = FetchResult()
    contact = contact or os.environ.get("REPORTS_CONTACT") or None
    with Client(api, contact=contact, **client_settings) as client:
        try:
            wanted, listed = _wanted(client, list(titles), country, result)
            found = _revisions_of(client, wanted, listed, result)
            texts = _texts(client, found, RevisionCache(cache, api), result)
            _write(found, texts, Path(out), result)
        finally:
            result.requests = client.requests
    return result


def _wanted(client: Client, typed: list[str], country: str | None,
            result: FetchResult) -> tuple[dict[str, list[str]], set[str]]:
    """{what the user asked for: the titles it may be, most likely first}, and which of
    them a country's listing gave (not typed by the user)."""
    wanted: dict[str, list[str]] = {}
    listed: set[str] = set()
    for title in typed:
        found = typed_titles.candidates(title)
        if found:
            wanted[title] = found
        else:
            result.errors.append(f'cannot fetch "{title}": not a page title (empty, or holds one of # < > [ ] {{ }} |)')
    if country:
        try:
            for title in country_titles(client, country):
                if title not in wanted:
                    wanted[title] = [title]
                    listed.add(title)
        except WikiError as error:
            result.errors.append(f"cannot list the relations pages of {country}: {error}")
    return wanted, listed


def country_titles(client: Client, country: str) -> list[str]:
    """Every relations page of a country the wiki lists: the members (and the
    subcategories named as pages) of its "Bilateral relations of X" category, titles
    starting "X–", and titles ending "–X relations" that the wiki's search finds."""
    name = typed_titles.capitalised(typed_titles.tidy(country))
    found: list[str] = []
    for part in client.query(list="categorymembers", cmtitle=f"Category:Bilateral relations of {name}",
                             cmtype="page|subcat", cmlimit="max"):
        for member in part.get("categorymembers") or ():
            if member.get("ns") == ARTICLES:
                found.append(member["title"])
            elif member.get("ns") == CATEGORIES:  # "Category:A–B relations" gathers the page "A–B relations"
                found.append(member["title"].partition(":")[2])
    for part in client.query(list="allpages", apprefix=f"{name}–", apnamespace=str(ARTICLES),
                             apfilterredir="nonredirects", aplimit="max"):
        found += [page["title"] for page in part.get("allpages") or ()]
    search = client.get(action="query", list="search", srsearch=f'intitle:"{name} relations"',
                        srnamespace=str(ARTICLES), srlimit="max", srprop="")
    found += [hit["title"] for hit in (search.get("query") or {}).get("search") or ()]
    return sorted({title for title in found if _names_country(title, name)})


def _names_country(title: str, country: str) -> bool:
    if not isinstance(title, str) or not is_relations_title(title):
        return False
    pair = title[: -len(typed_titles.RELATIONS)]
    dash = next((d for d in "–—" if d in pair), "-")
    return country.casefold() in (part.strip().casefold() for part in pair.split(dash))


def _revisions_of(client: Client, wanted: dict[str, list[str]], listed: set[str],
                  result: FetchResult) -> dict[str, _Revision]:
    """{page title: its current revision} of every page asked for, each asked once."""
    asked = list(dict.fromkeys(title for spellings in wanted.values() for title in spellings))
    answers: dict[str, tuple[_Revision | None, str | None]] = {}
    failed: dict[str, str] = {}
    for chunk in _batches(asked):
        try:
            answers.update(_ask_revisions(client, chunk))
        except WikiError as error:
            failed.update(dict.fromkeys(chunk, str(error)))
    found: dict[str, _Revision] = {}
    for typed, spellings in wanted.items():
        spelling = next((s for s in spellings if answers.get(s, (None,))[0]), None)
        if spelling:
            hit, redirect = answers[spelling]
            if redirect:
                lead = f'"{redirect}"' if redirect == typed_titles.tidy(typed) else f'"{typed}" is "{redirect}", which'
                result.notes.append(f'{lead} redirects to "{hit.title}"')
            elif hit.title != typed_titles.tidy(typed):
                result.notes.append(f'"{typed}" is the page "{hit.title}"')
            found.setdefault(hit.title, hit)
        elif any(s in failed for s in spellings):
            result.errors.append(f'cannot fetch "{typed}": {failed[next(s for s in spellings if s in failed)]}')
        elif typed in listed:  # a category's name with no page of that name
            result.notes.append(f'no page "{typed}" (named by a category)')
        else:
            result.errors.append(_missing(client, typed, spellings[0]))
    return found


def _ask_revisions(client: Client, chunk: list[str]) -> dict[str, tuple[_Revision | None, str | None]]:
    """{title asked: (the page's current revision or None when there is no such page,
    the redirect followed to it or None)}."""
    normalized, redirects, pages = {}, {}, {}
    for part in client.query(titles="|".join(chunk), prop="revisions|info", rvprop="ids|timestamp",
                             inprop="url", redirects="1"):
        normalized.update({hop["from"]: hop["to"] for hop in part.get("normalized") or ()})
        redirects.update({hop["from"]: hop["to"] for hop in part.get("redirects") or ()})
        for page in part.get("pages") or ():
            pages.setdefault(page.get("title"), {}).update(page)
    answers = {}
    for title in chunk:
        target = normalized.get(title, title)
        redirect = target if target in redirects else None
        for _ in range(len(redirects) + 1):  # a redirect to a redirect: the API lists every hop
            if target not in redirects:
                break
            target = redirects[target]
        answers[title] = (_revision(pages.get(target)), redirect)
    return answers


def _revision(page: dict | None) -> _Revision | None:
    if not page or page.get("missing") or page.get("invalid") or not page.get("revisions"):
        return None
    latest = page["revisions"][-1]
    if "revid" not in latest:
        return None
    url = page.get("canonicalurl") or page.get("fullurl")
    if url:
        url = f"{url}{'&' if '?' in url else '?'}oldid={latest['revid']}"
    return _Revision(page["title"], str(latest["revid"]), latest.get("timestamp"), url)


def _missing(client: Client, typed: str, likeliest: str) -> str:
    """'no page "X"', with the first title the wiki's search finds for it."""
    try:
        answer = client.get(action="query", list="search", srsearch=likeliest, srnamespace=str(ARTICLES),
                            srlimit="1", srprop="")
        hits = (answer.get("query") or {}).get("search") or ()
    except WikiError:
        hits = ()
    suggestion = f' (did you mean "{hits[0]["title"]}"?)' if hits and hits[0].get("title") else ""
    return f'cannot fetch "{typed}": the wiki has no such page{suggestion}'


def _texts(client: Client, found: dict[str, _Revision], cache: RevisionCache, result: FetchResult) -> dict[str, tuple[str, str]]:
    """{revision: (text, how)}: from the cache, else downloaded (and cached)."""
    texts: dict[str, tuple[str, str]] = {}
    needed = []
    for revision in found.values():
        entry = cache.get(revision.revision)
        if entry:
            texts[revision.revision] = (entry["text"], "from the cache")
        else:
            needed.append(revision)
    for chunk in _batches(needed):
        try:
            for part in client.query(revids="|".join(r.revision for r in chunk), prop="revisions",
                                     rvprop="ids|timestamp|content", rvslots="main"):
                for page in part.get("pages") or ():
                    for revision in page.get("revisions") or ():
                        content = ((revision.get("slots") or {}).get("main") or {}).get("content")
                        if isinstance(content, str) and "revid" in revision:
                            texts[str(revision["revid"])] = (content, "downloaded")
                            cache.put(str(revision["revid"]), page.get("title", ""), revision.get("timestamp"), content)
        except WikiError as error:
            result.errors += [f'cannot fetch "{r.title}": {error}' for r in chunk]
            continue
        result.errors += [f'cannot fetch "{r.title}": the wiki gave no text for revision {r.revision} '
                          "(hidden or deleted)" for r in chunk if r.revision not in texts]
    return texts


def _write(found: dict[str, _Revision], texts: dict[str, tuple[str, str]], out: Path, result: FetchResult) -> None:
    """Each page's file with its note, written only when it changed."""
    for revision in found.values():
        if revision.revision not in texts:
            continue
        text, how = texts[revision.revision]
        path = out / f"{typed_titles.safe_file_name(revision.title)}.wiki"
        content = with_note(Page(revision.title, revision.revision, revision.timestamp, revision.url), text)
        try:
            if path.is_file() and path.read_text("utf-8") == content:
                how = "unchanged"
            else:
                _write_atomically(path, content)
        except (OSError, UnicodeDecodeError) as error:
            result.errors.append(f'cannot write "{revision.title}" to {path}: {getattr(error, "strerror", None) or error}')
            continue
        result.pages.append(Fetched(revision.title, path, revision.revision, revision.timestamp, how))


def _write_atomically(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _batches(items: list) -> Iterable[list]:
    for start in range(0, len(items), BATCH):
        yield items[start:start + BATCH]
