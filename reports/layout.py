"""Layouts: what a user may restyle without touching code, read from TOML.

A layout file needs only the keys it changes; everything else comes from the
built-in `default.toml`. `load_layout("es")` finds a built-in layout by name (or one
in ./layouts/), `load_layout("my.toml")` reads a file.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import LayoutError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
FONT_FAMILIES = ("DejaVu Sans", "DejaVu Serif")
SECTION_PARTS = ("key_facts", "summary", "timeline", "visits", "agreements", "trade",
                 "missions", "history", "other_sections", "see_also", "references", "sources")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_USER_FOLDER = Path("layouts")


@dataclass(frozen=True)
class Page:
    size: str
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float


@dataclass(frozen=True)
class Fonts:
    body: str
    headings: str
    size: float
    heading_size: float
    title_size: float
    small_size: float


@dataclass(frozen=True)
class Document:
    """Who a document is from: the footer's organisation and the author in every
    format's properties. Empty unless the layout names them (no ministry is assumed)."""
    organisation: str = ""
    author: str = ""


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    locale: str
    source: str  # where the layout was read from
    metadata: Mapping[str, str]
    document: Document
    page: Page
    fonts: Fonts
    colors: Mapping[str, str]
    order: tuple[str, ...]
    labels: Mapping[str, str]
    # Settings of one format ([pdf], [docx], [xlsx]); each exporter reads its own.
    formats: Mapping[str, Mapping[str, Any]]
    # [offices]: an office as the article writes it -> as the documents show it, keyed
    # by office_key ("foreign minister"); empty in English.
    offices: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def label(self, key: str, **values: Any) -> str:
        """The label `key`, with `{placeholders}` filled in."""
        text = self.labels[key]
        return text.format(**values) if values else text

    def options(self, format_name: str) -> Mapping[str, Any]:
        return self.formats.get(format_name, MappingProxyType({}))

    def fingerprint(self) -> str:
        """A stable text of every setting, for the build manifest."""
        return repr((self.locale, dict(self.metadata), self.document, self.page, self.fonts, dict(self.colors), self.order,
                     sorted(self.labels.items()), sorted((k, sorted(v.items())) for k, v in self.formats.items()))
                    + ((sorted(self.offices.items()),) if self.offices else ()))


def _builtin_folder():
    """The built-in layouts: ../layouts in a source checkout (first: an editable install
    may map the package data to another checkout's folder), else the package data."""
    checkout = Path(__file__).resolve().parent.parent / "layouts"
    if (checkout / "default.toml").is_file():
        return checkout
    try:
        return resources.files("reports.layouts")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "layouts"


def builtin_names() -> list[str]:
    return sorted(p.name[:-5] for p in _builtin_folder().iterdir() if p.name.endswith(".toml"))


@dataclass(frozen=True)
class Listed:
    """One line of `reports layouts`."""
    name: str
    description: str
    where: str
    page_size: str = ""   # as the layout sets it: "A4", "Letter"
    language: str = ""    # the documents' language tag, e.g. "es-ES"
    error: str = ""       # why a layout in ./layouts/ cannot be used


def available() -> list[Listed]:
    """Every layout: built-in ones and those in ./layouts/ (which win over a built-in
    of the same name, as --layout NAME does)."""
    found = {name: _listed(name, "built-in") for name in builtin_names()}
    if _USER_FOLDER.is_dir():
        for path in sorted(_USER_FOLDER.glob("*.toml")):
            found[path.stem] = _listed(str(path), str(path), path.stem)
    return sorted(found.values(), key=lambda listed: listed.name)


def _listed(reference: str, where: str, name: str | None = None) -> Listed:
    try:
        layout = load_layout(reference)
    except LayoutError as error:
        return Listed(name or reference, "", where, error=str(error))
    size = "Letter" if layout.page.size == "LETTER" else layout.page.size
    language = layout.metadata.get("language") or layout.locale
    return Listed(name or reference, layout.description, where, size, language)


def office_key(office: str) -> str:
    """How the [offices] table is matched: case, hyphens and spacing do not matter."""
    return " ".join(office.replace("-", " ").casefold().split())


def load_layout(name_or_path: str | None = None) -> Layout:
    """A layout by built-in name, by name in ./layouts/, or by file path."""
    name_or_path = name_or_path or "default"
    default = _read_builtin("default")
    if name_or_path == "default":
        return _validate(default, "built-in default")
    path = Path(name_or_path)
    # A file path, never a folder: a folder named like a layout does not hide it.
    if path.suffix == ".toml" or path.is_file():
        data, where = _read_file(path), str(path)
        _check_names(data, where)
    elif (_USER_FOLDER / f"{name_or_path}.toml").is_file():
        data, where = _read_file(_USER_FOLDER / f"{name_or_path}.toml"), str(_USER_FOLDER / f"{name_or_path}.toml")
        _check_names(data, where)
    elif name_or_path in builtin_names():
        data, where = _read_builtin(name_or_path), f"built-in {name_or_path}"
    else:
        raise LayoutError(f"no layout named {name_or_path!r} (available: {', '.join(builtin_names())})")
    return _validate(_merge(default, data), where)


def _known_names() -> dict[str, set[str] | None]:
    """Every top-level key of the built-in layouts, with the keys of a table (None for
    a plain value): what a user's layout may set."""
    known: dict[str, set[str] | None] = {}
    for name in builtin_names():
        for key, value in _read_builtin(name).items():
            if isinstance(value, dict):
                known[key] = (known.get(key) or set()) | set(value)
            else:
                known.setdefault(key, None)
    return known


def _check_names(data: dict, where: str) -> None:
    """A misspelt table or key is an error naming it, not a setting silently ignored."""
    known = _known_names()
    for key, value in data.items():
        if key not in known:
            kind = "table" if isinstance(value, dict) else "key"
            shown = f"[{key}]" if kind == "table" else key
            raise LayoutError(f"{where}: {shown}: unknown {kind}{_did_you_mean(key, known, kind == 'table')}")
        if isinstance(value, dict) and known[key] is not None and key not in _FREE_TABLES:
            for inner in value:
                if inner not in known[key]:
                    raise LayoutError(f"{where}: [{key}] {inner}: unknown key"
                                      f"{_did_you_mean(inner, known[key], False, key)}")


# Tables whose keys a user may name freely (any document property, any office).
_FREE_TABLES = {"metadata", "offices"}


def _did_you_mean(name: str, choices, table: bool, within: str | None = None) -> str:
    close = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.6)
    if not close:
        return ""
    suggestion = f"[{close[0]}]" if table else (f"[{within}] {close[0]}" if within else close[0])
    return f"; did you mean {suggestion}?"


def _read_builtin(name: str) -> dict:
    return tomllib.loads(_builtin_folder().joinpath(f"{name}.toml").read_text("utf-8"))


def _read_file(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise LayoutError(f"{path}: no such layout file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LayoutError(f"{path}: cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise LayoutError(f"{path}: invalid TOML: {error}") from None


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


def _document(data: dict, fail) -> Document:
    """[document] organisation and author; `[metadata] author / company`, where layouts
    written before [document] set them, still count when [document] leaves them empty."""
    table, metadata = data.get("document", {}), data.get("metadata", {})
    values = {}
    for key, legacy in (("organisation", "company"), ("author", "author")):
        value = table.get(key, "")
        if not isinstance(value, str):
            fail(f"document.{key} must be a string")
        if not value.strip() and isinstance(metadata.get(legacy), str):
            value = metadata[legacy]
        values[key] = " ".join(value.split())  # one line: a footer, a property
    return Document(**values)


def _validate(data: dict, where: str) -> Layout:
    def fail(message: str):
        raise LayoutError(f"{where}: {message}")

    page = data.get("page", {})
    size = str(page.get("size", "A4")).upper()
    if size not in PAGE_SIZES_MM:
        fail(f"page size {page.get('size')!r} is not one of A4, Letter")
    margins = {}
    for key in ("margin_top_mm", "margin_bottom_mm", "margin_left_mm", "margin_right_mm"):
        value = page.get(key)
        if not isinstance(value, (int, float)) or not 0 <= value <= 60:
            fail(f"page.{key} must be a number of millimetres between 0 and 60")
        margins[key] = float(value)
    fonts = data.get("fonts", {})
    for key in ("body", "headings"):
        if fonts.get(key) not in FONT_FAMILIES:
            fail(f"fonts.{key} must be one of {', '.join(FONT_FAMILIES)}")
    sizes = {}
    for key in ("size", "heading_size", "title_size", "small_size"):
        value = fonts.get(key)
        if not isinstance(value, (int, float)) or not 4 <= value <= 72:
            fail(f"fonts.{key} must be a point size between 4 and 72")
        sizes[key] = float(value)
    colors = data.get("colors", {})
    for key, value in colors.items():
        if not isinstance(value, str) or not _COLOUR.match(value):
            fail(f"colors.{key} must be a colour like '#1F3A5F'")
    order = data.get("sections", {}).get("order", [])
    unknown = [part for part in order if part not in SECTION_PARTS]
    if unknown:
        fail(f"sections.order has unknown parts {unknown}; known: {', '.join(SECTION_PARTS)}")
    labels = data.get("labels", {})
    if not all(isinstance(v, str) for v in labels.values()):
        fail("every label must be a string")
    offices = data.get("offices", {})
    if not isinstance(offices, dict) or not all(isinstance(v, str) and v.strip() for v in offices.values()):
        fail("every [offices] entry must be a non-empty string")
    document = _document(data, fail)
    # The Word exporter's app.xml and older code read these from the metadata.
    metadata = {**{k: str(v) for k, v in data.get("metadata", {}).items()},
                "author": document.author, "company": document.organisation}
    width, height = PAGE_SIZES_MM[size]
    return Layout(
        name=str(data.get("name", "custom")),
        description=str(data.get("description", "")),
        locale=str(data.get("locale", "en_GB")),
        source=where,
        metadata=MappingProxyType(metadata),
        document=document,
        page=Page(size, width, height, **margins),
        fonts=Fonts(fonts["body"], fonts["headings"], **sizes),
        colors=MappingProxyType(dict(colors)),
        order=tuple(order),
        labels=MappingProxyType(dict(labels)),
        formats=MappingProxyType({name: MappingProxyType(dict(data.get(name, {}))) for name in ("pdf", "docx", "xlsx")}),
        offices=MappingProxyType({office_key(k): v.strip() for k, v in offices.items()}),
    )
