"""What a results page shows of one article, read from its JSON record (the record is
the contract: docs/record.md), and the files to download."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

# The order of downloads on the page; other files the build wrote come after.
FORMAT_ORDER = (".pdf", ".docx", ".xlsx", ".json")
KIND = {".pdf": "PDF brief", ".docx": "Word dossier", ".xlsx": "Excel workbook", ".json": "JSON record"}
COMBINED = "relationships.xlsx"


@dataclass
class Article:
    stem: str
    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    visits: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)  # (file name, what it is)
    preview: bool = False
    source: str = ""


def _join(values) -> str:
    return ", ".join(str(v) for v in values if v)


def key_facts(record: dict) -> list[tuple[str, str]]:
    """(label, value) pairs a reader checks first, each shown only when the record has it."""
    trade = [t for t in record.get("trade") or [] if t.get("year")]
    latest = max(trade, key=lambda t: t["year"]) if trade else None
    missions = [f"{m.get('country')}: {m.get('kind')} in {m.get('city')}" for m in record.get("missions") or []]
    source = record.get("source") or {}
    pairs = [("Countries", _join(record.get("countries") or [])),
             ("Relations established", record.get("established") or ""),
             ("Re-established", record.get("reestablished") or ""),
             ("Both members of", _join(record.get("memberships") or [])),
             ("Latest trade", _trade(latest) if latest else ""),
             ("Missions", "; ".join(missions)),
             ("Visits", str(len(record.get("visits") or []))),
             ("Agreements", str(len(record.get("agreements") or []))),
             ("Source revision", _join([source.get("revision"), source.get("timestamp")]))]
    return [(label, value) for label, value in pairs if value]


def _trade(trade: dict) -> str:
    if trade.get("total_usd") is not None:
        return f"{trade['year']}: US${trade['total_usd']:,}"
    return f"{trade['year']}: {trade.get('amount') or ''} {trade.get('currency') or ''}".strip()


def articles(folder: Path, status: dict) -> list[Article]:
    out = folder / "out"
    names = sorted(entry.name for entry in os.scandir(out) if entry.is_file() and not entry.name.startswith(".")) \
        if out.is_dir() else []
    previews = status.get("previews") or {}
    found = []
    for stem in status.get("stems") or []:
        try:
            record = json.loads((out / f"{stem}.json").read_text("utf-8"))
        except (OSError, ValueError):
            record = {}
        files = [(name, KIND.get(Path(name).suffix, "file")) for name in names
                 if Path(name).stem == stem]
        files.sort(key=lambda pair: FORMAT_ORDER.index(Path(pair[0]).suffix)
                   if Path(pair[0]).suffix in FORMAT_ORDER else len(FORMAT_ORDER))
        found.append(Article(stem, record.get("title") or stem, key_facts(record), record.get("visits") or [],
                             record.get("agreements") or [], files, bool(previews.get(stem)),
                             (record.get("source") or {}).get("path") or ""))
    return found


def other_files(folder: Path, status: dict) -> list[str]:
    """Files of the build that belong to no article: the combined workbook, backups."""
    out = folder / "out"
    stems = set(status.get("stems") or [])
    return sorted(entry.name for entry in os.scandir(out) if entry.is_file() and not entry.name.startswith(".")
                  and Path(entry.name).stem not in stems) if out.is_dir() else []
