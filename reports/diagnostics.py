"""What a user is told about warnings: once per kind and article, and which of them
lose information (what `check --strict` fails on).

A warning's kind is its message without the quoted text and numbers that vary
("visit without a date: '…'"), so the loader's messages need no codes.
"""

from __future__ import annotations

import re
from typing import Iterable

from .errors import Diagnostic

_VARYING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d[\d,.]*")

# Kinds that tell of something kept, only differently: nothing is missing from the
# documents. Every other warning left something out or changed what a reader sees.
_LOSSLESS = re.compile(r"^(?:unknown section|section without a heading|another article has the id"
                       r"|this article is gone)")


def kind_of(message: str) -> str:
    return _VARYING.sub("…", message)


def once_per_kind(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The first warning of each kind for each article, saying how many more there were;
    errors all stay."""
    firsts: dict[tuple[str, str], int] = {}
    counts: dict[int, int] = {}
    shown: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.level != "warning":
            shown.append(diagnostic)
            continue
        key = (diagnostic.path, kind_of(diagnostic.message))
        if key in firsts:
            counts[firsts[key]] += 1
            continue
        firsts[key] = len(shown)
        counts[len(shown)] = 0
        shown.append(diagnostic)
    for index, more in counts.items():
        if more:
            first = shown[index]
            shown[index] = Diagnostic(first.path, first.line, first.level,
                                      f"{first.message} (and {more} more like it)")
    return shown


def loses_information(diagnostic: Diagnostic) -> bool:
    return diagnostic.level == "error" or not _LOSSLESS.match(diagnostic.message)
