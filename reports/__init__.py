"""reports: articles on the relations between two countries -> PDF briefs, Word
dossiers and Excel workbooks.

Public API (imports are lazy so that `reports --help` starts fast); the CLI and any
other face use only these names:

    load(path, form=None) -> Relationship
    load_all(paths, max_bytes=None, form=None, index=None, jobs=1) -> Batch
    build(paths, out, options=None, **settings) -> BuildResult   (settings: BuildOptions' fields)
    fetch(titles, out, country=None, wiki=None, contact=None, cache=None, **client) -> FetchResult
    diff(a, b) -> {article id: [change, ...]}   (articles, record JSON files or build folders)
    format_changes(changes) -> lines of text
    input_forms(), describe_inputs(), formats(), available_layouts()   what the registries offer
    serve(host, port, **settings)   the web page (needs pip install 'reports[web]'); settings: reports.web.ServeSettings
    BuildOptions, BuildResult, FetchResult, Diagnostic, ReportsError, ArticleError, LayoutError, WikiError
    assign_stems(records), once_per_kind(diagnostics), loses_information(diagnostic)
"""

from __future__ import annotations

import importlib

from ._version import __version__

# Names the API lends from the modules that define them, imported on first use.
_LENT = {
    "BuildOptions": "reports.pipeline.options", "BuildResult": "reports.pipeline.run",
    "assign_stems": "reports.pipeline.stems",
    "Diagnostic": "reports.errors", "ReportsError": "reports.errors", "ArticleError": "reports.errors",
    "LayoutError": "reports.errors",
    "once_per_kind": "reports.diagnostics", "loses_information": "reports.diagnostics",
    "format_changes": "reports.carry.compare",
    "FetchResult": "reports.sources.fetch", "WikiError": "reports.sources.mediawiki",
}
__all__ = ["__version__", "load", "load_all", "build", "fetch", "diff", "input_forms", "describe_inputs", "formats",
           "available_layouts", "serve", *_LENT]


def __getattr__(name: str):
    if name in _LENT:
        return getattr(importlib.import_module(_LENT[name]), name)
    raise AttributeError(f"module 'reports' has no attribute {name!r}")


def load(path, form=None):
    """The relationship record of one article (its reader chosen by its name and content,
    or the input form `form` names); raises ArticleError if unreadable."""
    from .articles import load as _load
    return _load(path, form=form)


def load_all(paths, max_bytes=None, form=None, index=None, jobs=1):
    """Records of many articles (files, folders, dumps); failures are collected, not raised."""
    from .batch import load_all as _load_all
    return _load_all(paths, max_bytes=max_bytes, form=form, index=index, jobs=jobs)


def build(paths, out="out", options=None, **settings):
    """Build every requested format for every article, as a BuildOptions value or its
    fields as keywords say; see reports.pipeline.build."""
    from .pipeline import build as _build
    return _build(paths, out, options, **settings)


def fetch(titles=(), out="pages", country=None, wiki=None, contact=None, cache=None, **client):
    """Fetch pages by title (and every relations page of `country`) from a wiki's API
    into OUT/<title>.wiki, each carrying its revision; see reports.sources.fetch."""
    from .sources.fetch import fetch as _fetch
    return _fetch(titles, out, country=country, wiki=wiki, contact=contact, cache=cache, **client)


def diff(a, b):
    """The changes from A to B, by article; see reports.carry.compare."""
    from .carry.compare import compare
    return compare(a, b)


def input_forms() -> list[str]:
    """The input forms a reader exists for (plain, wikitext, mediawiki-xml, browser)."""
    from .readers import names
    return names()


def describe_inputs() -> list[tuple[str, str, str]]:
    """(form, the file names it claims, one line on it) of every reader."""
    from .readers import describe
    return describe()


def formats() -> list[str]:
    """The output formats an exporter exists for (pdf, docx, xlsx, json)."""
    from .exporters import names
    return names()


def available_layouts():
    """The layouts --layout can name: built-in ones and those in ./layouts/."""
    from .layout import available
    return available()


def serve(host="127.0.0.1", port=8000, **settings):
    """Serve the web page that builds documents (`reports serve`); see reports.web.
    Raises ValueError when `host` is reachable from other machines without a token or `open`."""
    from .web import serve as _serve
    return _serve(host, port, **settings)
