"""`reports diff A B`: what changed between two articles, two record JSON files or
two build folders, grouped by article.

An article file is loaded; a .json file is a record as `reports inspect --json` or
the JSON export writes it (its `changes` list is ignored); a build folder gives the
last record of each article from its build state, else its JSON exports.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ReportsError
from . import state
from .diff import diff


def compare(a, b) -> dict[str, list[dict]]:
    """{article id: its changes from A to B}, articles in B's order, then those only in A."""
    old, new = _records(Path(a)), _records(Path(b))
    if Path(a).is_dir() != Path(b).is_dir():
        raise ReportsError(f"compare two folders or two files, not {a} and {b}")
    if not Path(a).is_dir():  # two files: one article, whatever their ids
        old_record, (new_id, new_record) = next(iter(old.values())), next(iter(new.items()))
        return {new_id: diff(old_record, new_record)}
    result = {}
    for name, record in new.items():
        before = old.get(name)
        result[name] = diff(before, record) if before else [_whole("added", name)]
    for name in old:
        if name not in new:
            result[name] = [_whole("removed", name)]
    return result


def _whole(change: str, name: str) -> dict:
    return {"kind": "article", "change": change, "item": name, "field": None,
            "old": name if change == "removed" else None, "new": name if change == "added" else None,
            "line": None}


def _records(path: Path) -> dict[str, dict]:
    if path.is_dir():
        return _folder_records(path)
    if not path.is_file():
        raise ReportsError(f"{path}: no such file or folder")
    if path.suffix.lower() == ".json":
        record = _json_record(path)
        return {record.get("id") or path.stem: record}
    from ..articles import load

    record = load(str(path)).to_dict()
    return {record["id"]: record}


def _json_record(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise ReportsError(f"{path}: not a record JSON file ({type(error).__name__})") from None
    if not isinstance(data, dict) or "id" not in data:
        raise ReportsError(f"{path}: not a record JSON file (no \"id\")")
    data.pop("changes", None)
    return data


def _folder_records(folder: Path) -> dict[str, dict]:
    records = {}
    for path in sorted((folder / state.FOLDER).glob("*.json")):
        found = state.read(folder, path.stem)
        if found:
            records[path.stem] = found.record
    if not records:
        for path in sorted(folder.glob("*.json")):
            if not path.name.startswith("."):
                try:
                    records[path.stem] = _json_record(path)
                except ReportsError:
                    continue
    if not records:
        raise ReportsError(f"{folder}: no records (neither a build folder's state nor JSON exports)")
    return records


def format_changes(result: dict[str, list[dict]]) -> list[str]:
    """Text lines: an article, then its changes grouped by kind."""
    lines = []
    for article, changes in result.items():
        if not changes:
            continue
        lines.append(f"{article}:")
        kinds: dict[str, list[dict]] = {}
        for change in changes:
            kinds.setdefault(change["kind"], []).append(change)
        for kind, group in kinds.items():
            lines.append(f"  {kind}:")
            for change in group:
                text = f"    {change['change']} {change.get('item') or ''}".rstrip()
                if change.get("field") and change["change"] == "changed" and (change["old"] or change["new"]):
                    text += f" ({change['field']}: {change['old']} → {change['new']})"
                if change.get("line"):
                    text += f" [l. {change['line']}]"
                lines.append(text)
    return lines
