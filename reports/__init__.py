"""reports: articles on the relations between two countries -> PDF briefs, Word
dossiers and Excel workbooks.

Public API (imports are lazy so that `reports --help` starts fast):

    load(path, form=None) -> Relationship
    load_all(paths) -> Batch
    build(paths, out, formats=..., layout=..., jobs=...) -> BuildResult
    (or build(paths, out, reports.pipeline.BuildOptions(...)))
    diff(a, b) -> {article id: [change, ...]}   (articles, record JSON files or build folders)
"""

from __future__ import annotations

from ._version import __version__
__all__ = ["__version__", "load", "load_all", "build", "diff"]


def load(path, form=None):
    """The relationship record of one article (its reader chosen by its name and content,
    or the input form `form` names); raises ArticleError if unreadable."""
    from .articles import load as _load
    return _load(path, form=form)


def load_all(paths):
    """Records of many articles (files or folders); failures are collected, not raised."""
    from .batch import load_all as _load_all
    return _load_all(paths)


def build(paths, out="out", options=None, **settings):
    """Build every requested format for every article, as a BuildOptions value or its
    fields as keywords say; see reports.pipeline.build."""
    from .pipeline import build as _build
    return _build(paths, out, options, **settings)


def diff(a, b):
    """The changes from A to B, by article; see reports.carry.compare."""
    from .carry.compare import compare
    return compare(a, b)
