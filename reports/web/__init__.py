"""`reports serve`: a web page that builds briefs, dossiers and workbooks, for one person on
their machine or a team on a server. A thin face over the public API in reports/__init__
(tests/test_architecture.py holds it to that), like the CLI:

    settings.py  what the server is told (address, token, limits, where builds live)
    app.py       routes, the token and the upload limit, one-line errors
    uploads.py   uploaded files and zips into a build folder under names made here
    store.py     build folders (random ids, status.json, expiry)
    jobs.py      the pool of build processes
    fetching.py  the seam to reports.fetch (pages by title), when installed
    worker.py    one build in a worker process: fetch, reports.build, previews, zip
    results.py   what the results page shows, read from the JSON records
"""

from __future__ import annotations

from .settings import ServeSettings, exposure_problem


def create_app(settings: ServeSettings | None = None):
    """The ASGI application (for uvicorn, or any ASGI server behind a proxy)."""
    from .app import create_app as _create_app

    return _create_app(settings or ServeSettings())


def serve(host: str = "127.0.0.1", port: int = 8000, **settings) -> None:
    """Serve the page with uvicorn until interrupted; `settings` are ServeSettings' fields.
    Raises ValueError when `host` is reachable from other machines without a token or --open."""
    import uvicorn

    chosen = ServeSettings(**settings)
    problem = exposure_problem(host, chosen)
    if problem:
        raise ValueError(problem)
    uvicorn.run(create_app(chosen), host=host, port=port, proxy_headers=True, server_header=False,
                log_level="info")
