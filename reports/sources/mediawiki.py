"""A client of a wiki's MediaWiki Action API (api.php) with the manners its operators ask
for: a User-Agent naming the tool, its version and a contact; `maxlag`, waiting and
asking again when the wiki says it lags; one request at a time; on 429 and 503 a
retry after the wait the wiki names (Retry-After, capped) or a growing one; a time-out;
and a limit on the size of an answer, read as a stream and abandoned past it.

httpx, not mwclient: mwclient has retries of its own (which would fight ours and
cannot be made not to sleep in tests) and no cache keyed by revision; the API is a
few GET requests, which httpx makes with time-outs, streaming and a pluggable
transport.

Every failure is a WikiError with a one-line message; the caller names the titles.
"""

from __future__ import annotations

import email.utils
import json
import time
from typing import Callable, Iterator

from .._version import __version__
from ..errors import ReportsError

DEFAULT_WIKI = "https://en.wikipedia.org/w/api.php"
BATCH = 50                        # titles or revision ids in one request (the API's limit without bot rights)
MAXLAG = 5                        # seconds of replication lag past which the wiki asks clients to wait
_RETRY_STATUS = {429, 502, 503, 504}
_MOST_CONTINUATIONS = 100         # a list longer than this many answers is cut: a wiki that never ends


class WikiError(ReportsError):
    """The wiki could not be asked or its answer could not be read."""


def api_address(wiki: str | None) -> str:
    """The api.php address of a wiki named by it, or by its site root ("https://de.wikipedia.org")."""
    wiki = (wiki or DEFAULT_WIKI).strip()
    if "://" not in wiki:
        wiki = "https://" + wiki
    return wiki if wiki.rstrip("/").endswith("api.php") else wiki.rstrip("/") + "/w/api.php"


def user_agent(contact: str | None) -> str:
    """What the wiki's operators see: the tool, its version, whom to write to."""
    import httpx

    reach = f"; {contact}" if contact else "; contact not set: --contact or REPORTS_CONTACT"
    return f"reports/{__version__} (bilateral relations briefs{reach}) httpx/{httpx.__version__}"


class Client:
    """One wiki's API, one request at a time. `sleep` is how it waits (tests pass one
    that does not); `requests` lists the parameters of every request it made."""

    def __init__(self, api: str, contact: str | None = None, timeout: float = 30.0,
                 max_bytes: int = 32 * 1024 * 1024, retries: int = 4, max_wait: float = 120.0,
                 sleep: Callable[[float], None] = time.sleep, transport=None):
        import httpx

        self.api = api
        self.max_bytes, self.retries, self.max_wait, self.sleep = max_bytes, retries, max_wait, sleep
        self.requests: list[dict] = []
        self.http = httpx.Client(headers={"User-Agent": user_agent(contact), "Accept": "application/json"},
                                 timeout=timeout, follow_redirects=True, transport=transport)

    def close(self) -> None:
        self.http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def query(self, **params) -> Iterator[dict]:
        """The `query` part of each answer to an action=query request, following
        `continue` until the wiki says the list is complete."""
        more: dict = {}
        for _ in range(_MOST_CONTINUATIONS):
            answer = self.get(action="query", **params, **more)
            yield answer.get("query") or {}
            if not isinstance(answer.get("continue"), dict):
                return
            more = answer["continue"]

    def get(self, **params) -> dict:
        """One API request's JSON answer, asked again after a wait when the wiki is busy."""
        params = {"format": "json", "formatversion": "2", "maxlag": str(MAXLAG), **params}
        last, wait = "no answer", 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(min(self.max_wait, wait))
            self.requests.append(dict(params))
            outcome = self._once(params)
            if isinstance(outcome, dict):
                return outcome
            last, wait = outcome
            wait = wait if wait is not None else min(self.max_wait, 2.0 ** attempt)
        raise WikiError(f"the wiki is busy or unreachable: gave up after {self.retries + 1} tries ({last})")

    def _once(self, params: dict) -> dict | tuple[str, float | None]:
        """The answer, or (why to ask again, how long the wiki asks us to wait)."""
        import httpx

        try:
            with self.http.stream("GET", self.api, params=params) as response:
                if response.status_code in _RETRY_STATUS:
                    return f"HTTP {response.status_code}", retry_after(response.headers.get("Retry-After"))
                if response.status_code != 200:
                    raise WikiError(f"the wiki answered HTTP {response.status_code} {response.reason_phrase}".strip())
                body = self._read(response)
        except httpx.TimeoutException:
            return "no answer within the time-out", None
        except httpx.TransportError as error:
            return f"cannot connect: {error}", None
        try:
            answer = json.loads(body)
        except ValueError:
            raise WikiError("the wiki's answer is not JSON (is --wiki the address of its api.php?)") from None
        if not isinstance(answer, dict):
            raise WikiError("the wiki's answer is not a JSON object")
        error = answer.get("error")
        if isinstance(error, dict):
            if error.get("code") == "maxlag":
                lag = error.get("lag")
                return "the wiki lags (maxlag)", retry_after(response.headers.get("Retry-After")) or (
                    float(lag) if isinstance(lag, (int, float)) and lag > 0 else float(MAXLAG))
            raise WikiError(f"the wiki refused the request: {error.get('code')}: {error.get('info')}")
        return answer

    def _read(self, response) -> bytes:
        """The body, read in pieces and abandoned once over the size limit."""
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise WikiError(f"the wiki's answer is {int(declared):,} bytes, over the limit of {self.max_bytes:,} bytes")
        pieces, size = [], 0
        for piece in response.iter_bytes():
            size += len(piece)
            if size > self.max_bytes:
                raise WikiError(f"the wiki's answer is over the limit of {self.max_bytes:,} bytes")
            pieces.append(piece)
        return b"".join(pieces)


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), None if none."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())
