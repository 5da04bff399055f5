"""JSON: the record exactly as docs/record.md describes it; after a rebuild whose article
changed, a `changes` list too (the difference from the last build's record)."""

from __future__ import annotations

import json

NAME = "json"
EXTENSION = ".json"


def dumps(record, changes=()) -> str:
    data = record.to_dict()
    if changes:
        data["changes"] = [dict(change) for change in changes]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export(record, layout, path, context=None) -> list[str]:
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(dumps(record, context.changes if context else ()))
    return []
