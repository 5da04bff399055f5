"""Changes since the last build as every exporter shows them: labelled rows and
one-line texts in the layout's language (the changes themselves: carry/diff.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .facts_view import amount_label, date_label


@dataclass(frozen=True)
class ChangeRow:
    article: str
    kind: str     # "Visit", "Trade" ... (layout labels)
    change: str   # "added", "removed", "changed"
    item: str     # which fact
    field: str
    old: str
    new: str
    line: int | None


def _label(layout, key: str, fallback: str) -> str:
    return layout.labels.get(key, fallback)


def _value(value: Any, field: str | None, layout) -> str:
    if value is None:
        return ""
    if field in ("total_usd", "amount") and isinstance(value, int):
        return amount_label(value, layout)
    if isinstance(value, bool):
        return layout.label("yes" if value else "no")
    return str(value)


def change_rows(changes, layout) -> list[ChangeRow]:
    rows = []
    for change in changes:
        field = change.get("field")
        rows.append(ChangeRow(
            article=str(change.get("article") or ""),
            kind=_label(layout, f"change_kind_{change.get('kind')}", str(change.get("kind"))),
            change=_label(layout, f"change_{change.get('change')}", str(change.get("change"))),
            item=str(change.get("item") or ""),
            field=_label(layout, field, field) if field else "",
            old=_value(change.get("old"), field, layout),
            new=_value(change.get("new"), field, layout),
            line=change.get("line")))
    return rows


def change_text(row: ChangeRow) -> str:
    """One line: "Visit added: Ana Pérez, 2023-05-02, Chile → Ghana"; a changed
    field adds "— Office: minister → president"."""
    text = f"{row.kind} {row.change}: {row.item}"
    if row.change and row.field and (row.old or row.new):
        text += f" — {row.field}: {row.old or '–'} → {row.new or '–'}"
    return text


def changes_heading(layout, since: str | None) -> str:
    return layout.label("changes_since", date=date_label(since, layout)) if since else layout.label("changes")
