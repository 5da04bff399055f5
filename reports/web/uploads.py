"""Uploaded files into a build folder, safely.

An uploaded name never becomes a path: each file is stored under a name made here from
its letters and digits (`Georgia–Mexico relations.wiki` -> `georgia-mexico-relations.wiki`)
with an extension from a fixed list, numbered when two collide. Zip archives are checked
before anything is taken out of them: how many entries, how large unpacked, no links,
and only the article files among them, each stored under a made name like any upload.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# The extensions the readers claim (reports.describe_inputs()); longest first.
ARTICLE_EXTENSIONS = (".xml.bz2", ".xml.gz", ".wikitext", ".mediawiki", ".wiki", ".xml", ".txt")
# An analyst's edited documents, carried into the rebuilt ones.
DOCUMENT_EXTENSIONS = (".docx", ".xlsx")
ARCHIVE_EXTENSIONS = (".zip",)
ACCEPTED = ARTICLE_EXTENSIONS + DOCUMENT_EXTENSIONS + ARCHIVE_EXTENSIONS
_SHOWN_ORDER = (".txt", ".wiki", ".wikitext", ".mediawiki", ".xml", ".xml.bz2", ".xml.gz", ".zip", ".docx", ".xlsx")
_COPY_NUMBER = re.compile(r"\s*\(\d+\)$")  # "georgia-mexico (1).docx", as browsers save a second download


class UploadError(ValueError):
    """A problem with what was sent, told to the user in one line."""


@dataclass
class Saved:
    articles: list[str] = field(default_factory=list)    # names under inputs/
    documents: list[str] = field(default_factory=list)   # names under out/
    shown: dict[str, str] = field(default_factory=dict)  # stored name -> the name the user gave


def extension_of(name: str) -> str | None:
    lowered = name.lower()
    return next((ext for ext in ACCEPTED if lowered.endswith(ext)), None)


def display_name(name: str) -> str:
    """The uploaded name for showing: its last part, printable characters only, 120 at most."""
    last = re.split(r"[\\/]", name or "")[-1]
    shown = "".join(c for c in last if unicodedata.category(c)[0] not in "CZ" or c == " ").strip()
    return shown[:120] or "unnamed file"


def slug(name: str, extension: str) -> str:
    """A safe stem from an uploaded name: ASCII letters, digits and hyphens, 60 at most."""
    shown = display_name(name)
    stem = shown[: -len(extension)] if shown.lower().endswith(extension) else shown
    stem = _COPY_NUMBER.sub("", stem)
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_stem).strip("-")[:60].strip("-") or "article"


def _free_name(folder: Path, stem: str, extension: str) -> Path:
    path, number = folder / f"{stem}{extension}", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}{extension}", number + 1
    return path


class Uploads:
    """Stores one form's files into a build folder, keeping count of files and bytes."""

    def __init__(self, folder: Path, max_files: int, max_bytes: int):
        self.folder, self.max_files, self.max_bytes = folder, max_files, max_bytes
        self.saved, self.files, self.bytes = Saved(), 0, 0

    def add(self, name: str, data: bytes, accepted: tuple[str, ...] = ACCEPTED) -> None:
        """One uploaded file: an article, an edited document or a zip of articles."""
        extension = extension_of(display_name(name))
        if extension is None or extension not in accepted:
            choices = [ext for ext in _SHOWN_ORDER if ext in accepted]
            raise UploadError(f"{display_name(name)}: not a file this page reads "
                              f"(choose {', '.join(choices[:-1])} or {choices[-1]})")
        if extension in ARCHIVE_EXTENSIONS:
            self._unzip(name, data)
        else:
            self._store(name, extension, data)

    def add_text(self, text: str) -> None:
        """Pasted text: an article in any text form, read by its content."""
        if text.strip():
            self._store("pasted text.txt", ".txt", text.replace("\r\n", "\n").encode("utf-8"))

    def _count(self, size: int) -> None:
        self.files += 1
        self.bytes += size
        if self.files > self.max_files:
            raise UploadError(f"too many files: at most {self.max_files} in one build")
        if self.bytes > self.max_bytes:
            raise UploadError(f"too large: at most {self.max_bytes // (1024 * 1024)} MB in one build")

    def _store(self, name: str, extension: str, data: bytes) -> None:
        self._count(len(data))
        document = extension in DOCUMENT_EXTENSIONS
        # A document keeps its stem's slug, replacing any of that name: it must meet the
        # article it was built from, where the build looks for the last documents.
        path = (self.folder / "out" / f"{slug(name, extension)}{extension}" if document
                else _free_name(self.folder / "inputs", slug(name, extension), extension))
        path.write_bytes(data)
        (self.saved.documents if document else self.saved.articles).append(path.name)
        self.saved.shown[path.name] = display_name(name)

    def _unzip(self, name: str, data: bytes) -> None:
        import io

        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            entries = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise UploadError(f"{display_name(name)}: not a readable zip archive") from None
        if len(entries) > self.max_files * 4:
            raise UploadError(f"{display_name(name)}: {len(entries)} entries; at most {self.max_files * 4}")
        if sum(entry.file_size for entry in entries) + self.bytes > self.max_bytes:
            raise UploadError(f"{display_name(name)}: too large unpacked: at most "
                              f"{self.max_bytes // (1024 * 1024)} MB in one build")
        taken = 0
        for entry in entries:
            link = (entry.external_attr >> 16) & 0o170000 == 0o120000
            extension = extension_of(entry.filename)
            if entry.is_dir() or link or extension is None or extension in ARCHIVE_EXTENSIONS:
                continue  # folders, links, nested archives and other files are passed over
            with archive.open(entry) as member:
                content = member.read(entry.file_size + 1)  # never more than the header declared
            if len(content) > entry.file_size:
                raise UploadError(f"{display_name(name)}: an entry is larger than the archive says")
            self._store(entry.filename, extension, content)
            taken += 1
        if not taken:
            raise UploadError(f"{display_name(name)}: no article files in the archive")
