"""The one seam between the web page and `reports.fetch`, which gets pages named by
their titles from a wiki when this installation has it; without it the form says so."""

from __future__ import annotations

from pathlib import Path

import reports


def can_fetch() -> bool:
    """Whether this installation fetches pages by title (`reports.fetch`)."""
    return callable(getattr(reports, "fetch", None))


def fetch_titles(titles: list[str], folder: Path, wiki: str | None = None,
                 contact: str | None = None) -> tuple[list[Path], list[str]]:
    """Fetch the pages `titles` name into `folder`: (files written, one line per problem).
    The one place the web page meets `reports.fetch`, which writes each page as a file
    (with its revision) and returns the files, notes and errors."""
    fetch = getattr(reports, "fetch", None)
    if not callable(fetch):
        return [], ["fetching pages by title is not available in this installation of reports"]
    try:
        result = fetch(list(titles), folder, wiki=wiki, contact=contact)
    except reports.ReportsError as error:
        return [], [str(error)]
    files = getattr(result, "files", result) or []
    problems = [str(problem) for problem in getattr(result, "errors", ())]
    return [Path(file) for file in files], problems
