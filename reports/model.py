"""The relationship record: plain, immutable data that every exporter reads.

The shape is the JSON docs/record.md describes. `to_dict()` gives exactly that JSON and
`from_dict()` reads it back, so a record survives a round trip through JSON.
This module imports nothing but the standard library.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Union

# Python names that differ from their JSON keys.
_JSON_KEYS = {"from_": "from"}
Ids = tuple[str, ...]  # citation ids (Citation.id) of the refs that follow a text


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def _tuples(value: Any) -> Any:
    """JSON lists back to the tuples a record holds (nested ones too)."""
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


class _Record:
    """Mixin: dataclass -> dict with JSON key names, in field order."""

    def to_dict(self) -> dict[str, Any]:
        return {_JSON_KEYS.get(f.name, f.name): _plain(getattr(self, f.name)) for f in fields(self) if f.init}

    @classmethod
    def _kwargs(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Constructor arguments from JSON; a key the JSON lacks takes the field's default
        (records written before a field existed still read)."""
        kwargs = {}
        for f in fields(cls):
            key = _JSON_KEYS.get(f.name, f.name)
            if not f.init:
                continue
            if key in data:
                kwargs[f.name] = _tuples(data[key])
            elif f.default is MISSING and f.default_factory is MISSING:
                kwargs[f.name] = None
        return kwargs

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        return cls(**cls._kwargs(data))


@dataclass(frozen=True)
class Paragraph(_Record):
    text: str
    line: int
    cites: Ids = ()
    type: str = field(default="paragraph", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "line": self.line, "cites": list(self.cites)}


@dataclass(frozen=True)
class ListBlock(_Record):
    caption: str | None
    items: tuple[str, ...]
    line: int
    item_cites: tuple[Ids, ...] = ()  # one tuple per item (empty when the article has no refs)
    type: str = field(default="list", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "caption": self.caption, "items": list(self.items), "line": self.line,
                "item_cites": [list(ids) for ids in self.item_cites]}

    def cites_of(self, index: int) -> Ids:
        return self.item_cites[index] if index < len(self.item_cites) else ()


@dataclass(frozen=True)
class TableBlock(_Record):
    """A table of the article (a wikitable): a header row and rows of cell texts."""
    caption: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    row_lines: tuple[int, ...] = ()
    row_cites: tuple[Ids, ...] = ()
    type: str = field(default="table", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "caption": self.caption, "header": list(self.header),
                "rows": [list(row) for row in self.rows], "line": self.line,
                "row_lines": list(self.row_lines), "row_cites": [list(ids) for ids in self.row_cites]}


Block = Union[Paragraph, ListBlock, TableBlock]
_BLOCK_TYPES = {"paragraph": Paragraph, "list": ListBlock, "table": TableBlock}


def block_from_dict(data: dict[str, Any]) -> Block:
    return _BLOCK_TYPES.get(data.get("type"), Paragraph).from_dict(data)


@dataclass(frozen=True)
class Section(_Record):
    heading: str
    level: int
    line: int
    blocks: tuple[Block, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "level": self.level, "line": self.line,
                "blocks": [block.to_dict() for block in self.blocks]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(heading=data["heading"], level=data["level"], line=data["line"],
                   blocks=tuple(block_from_dict(b) for b in data["blocks"]))


@dataclass(frozen=True)
class Citation(_Record):
    """One reference of the article: `id` is the ref's name, else c1, c2... in order."""
    id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    accessed: str | None = None


@dataclass(frozen=True)
class Event(_Record):
    date: str
    text: str
    line: int
    cites: Ids = ()


# Where a visit or agreement was read: a list item, the agreements section's prose,
# or a sentence elsewhere in the article.
ORIGINS = ("list", "section", "prose")


@dataclass(frozen=True)
class Visit(_Record):
    from_: str | None
    to: str | None
    office: str | None
    person: str | None
    date: str | None
    line: int
    cites: Ids = ()
    origin: str = "list"
    also_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Agreement(_Record):
    title: str
    date: str | None
    line: int
    cites: Ids = ()
    origin: str = "section"
    also_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Trade(_Record):
    year: int
    total_usd: int | None  # None unless the text gives US dollars
    text: str
    line: int
    cites: Ids = ()
    amount: int | None = None    # as written, in `currency`
    currency: str | None = None  # ISO 4217


@dataclass(frozen=True)
class Export(_Record):
    from_: str
    to: str
    products: tuple[str, ...]
    line: int
    cites: Ids = ()


@dataclass(frozen=True)
class Mission(_Record):
    country: str
    host: str
    kind: str
    city: str
    city_country: str | None
    resident: bool
    line: int
    cites: Ids = ()


@dataclass(frozen=True)
class Source(_Record):
    path: str
    sha256: str
    line: int
    # A page of a MediaWiki dump: its title, revision id and time, and its address.
    page: str | None = None
    revision: str | None = None
    timestamp: str | None = None
    url: str | None = None

    @property
    def where(self) -> str:
        """How diagnostics name the article: its file, and for a dump's page its title."""
        return f"{self.path}[{self.page}]" if self.page else self.path

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in super().to_dict().items()
                if value is not None or key in ("path", "sha256", "line")}


@dataclass(frozen=True)
class Relationship(_Record):
    id: str
    title: str
    countries: tuple[str, str]
    summary: str
    established: str | None
    reestablished: str | None
    memberships: tuple[str, ...]
    sections: tuple[Section, ...]
    events: tuple[Event, ...]
    visits: tuple[Visit, ...]
    agreements: tuple[Agreement, ...]
    trade: tuple[Trade, ...]
    exports: tuple[Export, ...]
    missions: tuple[Mission, ...]
    see_also: tuple[str, ...]
    # Key/value pairs in article order; a tuple keeps the record immutable and hashable.
    infobox: tuple[tuple[str, str], ...]
    source: Source
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["infobox"] = dict(self.infobox)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relationship:
        def many(key, item_type):
            return tuple(item_type.from_dict(item) for item in data.get(key) or ())

        return cls(
            id=data["id"],
            title=data["title"],
            countries=tuple(data["countries"]),
            summary=data.get("summary") or "",
            established=data.get("established"),
            reestablished=data.get("reestablished"),
            memberships=tuple(data.get("memberships") or ()),
            sections=many("sections", Section),
            events=many("events", Event),
            visits=many("visits", Visit),
            agreements=many("agreements", Agreement),
            trade=many("trade", Trade),
            exports=many("exports", Export),
            missions=many("missions", Mission),
            see_also=tuple(data.get("see_also") or ()),
            infobox=tuple((data.get("infobox") or {}).items()),
            source=Source.from_dict(data["source"]),
            citations=many("citations", Citation),
        )
