"""The relationship record: plain, immutable data that every exporter reads.

The shape is the JSON of RECORD.md. `to_dict()` gives exactly that JSON and
`from_dict()` reads it back, so a record survives a round trip through JSON.
This module imports nothing but the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Union

# Python names that differ from their JSON keys.
_JSON_KEYS = {"from_": "from"}


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


class _Record:
    """Mixin: dataclass -> dict with JSON key names, in field order."""

    def to_dict(self) -> dict[str, Any]:
        return {_JSON_KEYS.get(f.name, f.name): _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def _kwargs(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {f.name: data.get(_JSON_KEYS.get(f.name, f.name)) for f in fields(cls)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        return cls(**cls._kwargs(data))


@dataclass(frozen=True)
class Paragraph(_Record):
    text: str
    line: int
    type: str = field(default="paragraph", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "line": self.line}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paragraph:
        return cls(text=data["text"], line=data["line"])


@dataclass(frozen=True)
class ListBlock(_Record):
    caption: str | None
    items: tuple[str, ...]
    line: int
    type: str = field(default="list", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "caption": self.caption, "items": list(self.items), "line": self.line}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ListBlock:
        return cls(caption=data.get("caption"), items=tuple(data["items"]), line=data["line"])


Block = Union[Paragraph, ListBlock]


def block_from_dict(data: dict[str, Any]) -> Block:
    return ListBlock.from_dict(data) if data.get("type") == "list" else Paragraph.from_dict(data)


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
class Event(_Record):
    date: str
    text: str
    line: int


@dataclass(frozen=True)
class Visit(_Record):
    from_: str | None
    to: str | None
    office: str | None
    person: str | None
    date: str | None
    line: int


@dataclass(frozen=True)
class Agreement(_Record):
    title: str
    date: str | None
    line: int


@dataclass(frozen=True)
class Trade(_Record):
    year: int
    total_usd: int
    text: str
    line: int


@dataclass(frozen=True)
class Export(_Record):
    from_: str
    to: str
    products: tuple[str, ...]
    line: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Export:
        kwargs = cls._kwargs(data)
        kwargs["products"] = tuple(kwargs["products"])
        return cls(**kwargs)


@dataclass(frozen=True)
class Mission(_Record):
    country: str
    host: str
    kind: str
    city: str
    city_country: str | None
    resident: bool
    line: int


@dataclass(frozen=True)
class Source(_Record):
    path: str
    sha256: str
    line: int


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
        )
