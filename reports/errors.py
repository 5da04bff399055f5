"""Problems with a place: the file, the line where there is one, and a level.

The loader raises `ArticleError` for input it cannot read at all and reports
`Diagnostic` warnings for things it saw but could not interpret. Both print as
`file:line: message`, one per line, like a compiler.
"""

from __future__ import annotations

from dataclasses import dataclass


def _place(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int | None
    level: str  # "warning" or "error"
    message: str

    def __str__(self) -> str:
        return f"{_place(self.path, self.line)}: {self.level}: {self.message}"


class ReportsError(Exception):
    """Base class of every error the tool reports to its user."""


class ArticleError(ReportsError):
    """An article that cannot be turned into a record."""

    def __init__(self, path: str, line: int | None, message: str):
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"{_place(self.path, self.line)}: {self.message}"

    def as_diagnostic(self) -> Diagnostic:
        return Diagnostic(self.path, self.line, "error", self.message)


class LayoutError(ReportsError):
    """A layout file that is missing or invalid."""
