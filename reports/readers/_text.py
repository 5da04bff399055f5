"""What every reader of a text file shares: reading its bytes within the size limit and
decoding them (UTF-8, a BOM and CRLF fine, XML-illegal characters removed with a warning).
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from ..errors import ArticleError, Diagnostic
from ..text import XML_ILLEGAL

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    """The file's bytes; a file over `max_bytes`, missing or unreadable is an ArticleError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(shown, None, f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(shown, None, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(shown, None, "is a folder, not an article") from None
    except OSError as error:
        raise ArticleError(shown, None, f"cannot be read: {error.strerror or error}") from None


def read_text(path: Path, shown: str, max_bytes: int) -> tuple[str, str, list[Diagnostic]]:
    """(text, sha256 of the bytes, warnings) of one article file: what a one-article
    reader starts from."""
    data = read_bytes(path, shown, max_bytes)
    text, warnings = decode(data, shown)
    return text, hashlib.sha256(data).hexdigest(), warnings


def decode(data: bytes, shown: str) -> tuple[str, list[Diagnostic]]:
    """UTF-8 (a BOM and CRLF line ends are fine) -> NFC text with XML-illegal characters removed."""
    if not data.strip():
        raise ArticleError(shown, None, "the article is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ArticleError(shown, None, "the text is UTF-16, not UTF-8; save the article as UTF-8")
    if looks_binary(data[:8192]):
        raise ArticleError(shown, None, "this is a binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ArticleError(shown, line, f"the text is not UTF-8 (byte 0x{data[error.start]:02x}); "
                                        "save the article as UTF-8") from None
    return clean(text, shown)


def clean(text: str, shown: str, first_line: int = 1) -> tuple[str, list[Diagnostic]]:
    """Text with one kind of line end, NFC, and no XML-illegal characters (each line that
    had some is a warning, numbered from `first_line`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    warnings = []
    if XML_ILLEGAL.search(text):
        lines = text.split("\n")
        for number, line in enumerate(lines, start=first_line):
            if XML_ILLEGAL.search(line):
                warnings.append(Diagnostic(shown, number, "warning", "control characters removed"))
                lines[number - first_line] = XML_ILLEGAL.sub("", line)
        text = "\n".join(lines)
    return text, warnings


def looks_binary(sample: bytes) -> bool:
    """Over a tenth control bytes: an image, an archive, not text with a stray \\x00."""
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 10 + 2
