"""Never overwrite what cannot be carried: digests of generated documents, and
backups of documents edited outside the parts a rebuild carries over.

A digest covers what a rebuild regenerates and nothing it carries: for a dossier the
text of the body outside the analyst-notes boxes, the closing notes section and the
contents (which Word refills); for a workbook the cell values of the generated sheets
outside the Notes column; for a PDF or JSON file its bytes. Text, not XML: a dossier
that Word or LibreOffice merely re-saved digests the same, one whose table an
analyst edited does not.

Before a document is replaced, `prepare()` compares the file on disk with the digest
the manifest recorded when it was generated. An edited file, or one that is not a
valid document at all, is copied to `<name>.edited-<timestamp>.<ext>` beside the new
one, and a warning names the copy.
"""

from __future__ import annotations

import datetime
import hashlib
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Preparation:
    previous: str | None = None           # the file to carry analysts' work from
    backups: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def prepare(path: Path, format_name: str, recorded: dict | None, carry: bool = True,
            when: datetime.datetime | None = None) -> Preparation:
    """What to do with the document at `path` before it is replaced. `recorded` is what
    `record()` gave when the build wrote it. Without `carry` (--no-carry) any change
    to the file, notes included, is kept as a backup, since nothing is carried."""
    if not path.exists():
        return Preparation()
    try:
        current = record(path, format_name, recorded if isinstance(recorded, dict) else None)
    except ValueError as error:
        backup = keep_backup(path, when)
        return Preparation(None, [backup], [f"{path.name} is not a valid {path.suffix} file ({error}): "
                                            f"kept as {backup.name}"])
    result = Preparation(str(path) if carry else None)
    recorded = recorded if isinstance(recorded, dict) else {}
    compared = "content" if carry else "file"
    if recorded.get(compared) and current[compared] != recorded[compared]:
        backup = keep_backup(path, when)
        result.backups.append(backup)
        what = "outside the parts a rebuild carries over" if carry else "since it was built (--no-carry)"
        result.warnings.append(f"{path.name} was edited {what}: the edited file is kept as {backup.name}")
    return result


def record(path: Path, format_name: str, known: dict | None = None) -> dict[str, str]:
    """What the manifest keeps of a generated document: the digest of its regenerated
    content and the hash of the whole file. `known` is an earlier record of the
    document: when the file is byte for byte the one it was made from, its content
    digest is that record's (a digest depends on the bytes alone), not read again."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ValueError(error.strerror or str(error)) from None
    file_hash = hashlib.sha256(data).hexdigest()
    if known and known.get("file") == file_hash and isinstance(known.get("content"), str):
        return {"content": known["content"], "file": file_hash}
    return {"content": digest(path, format_name), "file": file_hash}


def keep_backup(path: Path, when: datetime.datetime | None = None) -> Path:
    """Copy `path` to `<stem>.edited-<timestamp><suffix>` (a free name) and return it."""
    stamp = (when or datetime.datetime.now()).strftime("%Y%m%dT%H%M%S")
    backup, number = path.with_name(f"{path.stem}.edited-{stamp}{path.suffix}"), 2
    while backup.exists():
        backup, number = path.with_name(f"{path.stem}.edited-{stamp}-{number}{path.suffix}"), number + 1
    shutil.copy2(path, backup)
    return backup


def digest(path: Path, format_name: str) -> str:
    """The digest of what a rebuild regenerates; ValueError when the file is not valid."""
    reader = {"docx": _dossier_text, "xlsx": _workbook_cells}.get(format_name)
    if reader:
        try:
            return _sha("\n".join(reader(path)))
        except ValueError:
            raise
        except Exception as error:  # a damaged part deep inside the zip
            raise ValueError(f"not a readable {Path(path).suffix}: {type(error).__name__}") from None
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ValueError(error.strerror or str(error)) from None
    if format_name == "pdf" and not data.startswith(b"%PDF-"):
        raise ValueError("no PDF header")
    return hashlib.sha256(data).hexdigest()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _dossier_text(path: Path):
    """The body's paragraphs from the first part heading on, minus what analysts own."""
    from lxml import etree

    from ..exporters._docx import notes

    try:
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise ValueError(f"not a readable .docx: {type(error).__name__}") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise ValueError("not a readable .docx: no body")
    counting = False
    for child in body:
        mark = _our_bookmark(child, notes.PREFIX)
        if mark:
            counting = mark.startswith(notes.PART) or mark == notes.CHANGES
        if not counting:
            continue
        for paragraph in child.iter(f"{_W}p"):
            yield " ".join("".join(t.text or "" for t in paragraph.iter(f"{_W}t")).split())


def _our_bookmark(element, prefix: str) -> str | None:
    for mark in element.iter(f"{_W}bookmarkStart"):
        name = mark.get(f"{_W}name", "")
        if name.startswith(prefix):
            return name
    return None


# LibreOffice saves a boolean cell as a formula.
_BOOLEAN_FORMULAS = {"=TRUE()": "True", "=FALSE()": "False"}




def _workbook_cells(path: Path):
    """Cell values of the generated sheets (named in the properties), minus the Notes
    column and the closing notes sheet: read fast when the workbook is in the form this
    tool writes it, else (saved by another application) by openpyxl."""
    from . import workbook_cells

    try:
        with zipfile.ZipFile(path) as archive:
            book = workbook_cells.Workbook(archive)
            return list(_generated_cells(book.properties, book.sheets, book.rows))
    except Exception:  # another form (workbook_cells.Unsupported), or damaged: openpyxl decides
        return list(_workbook_cells_by_openpyxl(path))


def _workbook_cells_by_openpyxl(path: Path):
    from ..exporters import _xlsx  # noqa: F401 (imports openpyxl its way first)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise ValueError(f"not a readable .xlsx: {type(error).__name__}") from None
    try:
        properties = {p.name: p.value for p in book.custom_doc_props}
        yield from _generated_cells(properties, book.sheetnames,
                                    lambda name: book[name].iter_rows(values_only=True))
    finally:
        book.close()


def _generated_cells(properties: dict, sheet_names, rows_of):
    """The lines a workbook digests: each generated sheet's name, then its rows' cell
    texts without the Notes column."""
    from ..exporters._xlsx.carried import EARLIER_KEY, NOTES_PROPERTY, PROPERTY_PREFIX, cell_text

    props = {name: value for name, value in properties.items() if name.startswith(PROPERTY_PREFIX)}
    notes_header = props.pop(NOTES_PROPERTY, None)
    generated = {value for name, value in props.items() if name != PROPERTY_PREFIX + EARLIER_KEY}
    for name in sheet_names:
        if name not in generated:
            continue
        yield f"[{name}]"
        rows = iter(rows_of(name))
        header = list(next(rows, ()))
        skip = len(header) - 1 - header[::-1].index(notes_header) if notes_header in header else None
        # Trailing empty cells are no content: a reader pads a row to the sheet's width
        # when the file states one (openpyxl's normal mode writes it), and ours do not.
        yield "\t".join(cell_text(v) for i, v in enumerate(header) if i != skip).rstrip("\t")
        for row in rows:
            texts = (cell_text(v) for i, v in enumerate(row) if i != skip)
            yield "\t".join(_BOOLEAN_FORMULAS.get(text, text) for text in texts).rstrip("\t")
