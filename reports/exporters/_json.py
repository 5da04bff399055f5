"""JSON: the record exactly as RECORD.md describes it."""

from __future__ import annotations

import json

NAME = "json"
EXTENSION = ".json"


def dumps(record) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"


def export(record, layout, path, context=None) -> list[str]:
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(dumps(record))
    return []
