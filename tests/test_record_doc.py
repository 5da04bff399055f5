"""docs/record.md describes every field of the record: its tables name exactly the
JSON keys of the model's classes, so a field added or renamed without the page fails."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from reports import model

PAGE = Path(__file__).resolve().parent.parent / "docs" / "record.md"
CLASSES = {"Relationship": model.Relationship, "Section": model.Section, "Paragraph": model.Paragraph,
           "List": model.ListBlock, "Table": model.TableBlock, "Event": model.Event, "Visit": model.Visit,
           "Agreement": model.Agreement, "Trade": model.Trade, "Export": model.Export, "Mission": model.Mission,
           "Source": model.Source, "Citation": model.Citation}


def _documented() -> dict[str, set[str]]:
    """heading -> the field names in the first column of its table."""
    found: dict[str, set[str]] = {}
    heading = None
    for line in PAGE.read_text("utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
        elif heading and line.startswith("| `"):
            found.setdefault(heading, set()).add(re.match(r"\| `([^`]+)`", line).group(1))
    return found


def _json_keys(cls) -> set[str]:
    keys = {"from" if f.name == "from_" else f.name for f in fields(cls) if f.init}
    return keys | ({"type"} if any(f.name == "type" for f in fields(cls)) else set())


@pytest.mark.parametrize("heading", sorted(CLASSES))
def test_every_field_of_the_model_is_described_and_nothing_else(heading):
    assert _documented().get(heading) == _json_keys(CLASSES[heading])


def test_every_record_class_has_its_table():
    described = set(_documented())
    assert set(CLASSES) <= described
    # and the JSON a record writes uses only described keys
    record_keys = set(model.Relationship.__dataclass_fields__)
    assert {"from" if k == "from_" else k for k in record_keys} <= _documented()["Relationship"]


def test_the_cli_points_to_the_page_in_the_repository():
    from click.testing import CliRunner

    from reports.cli import cli

    help_text = CliRunner().invoke(cli, ["inspect", "--help"]).output
    assert "docs/record.md" in " ".join(help_text.split()) and PAGE.is_file()
