"""JSON carries the references: the record's citations and every cites list, and a
cited record survives the round trip through JSON."""

from __future__ import annotations

import json

from cited import CITATIONS, cited_record
from reports.exporters import _json
from reports.model import Relationship


def test_json_carries_citations_and_cites(seed_records):
    record = cited_record(seed_records["georgia-mexico"])
    data = json.loads(_json.dumps(record))
    assert [c["id"] for c in data["citations"]] == [c.id for c in CITATIONS]
    assert data["citations"][0] == {"id": "sre", "url": CITATIONS[0].url, "title": CITATIONS[0].title,
                                    "publisher": "SRE", "date": "2021-11-03", "accessed": "2021-11-18"}
    assert data["events"][0]["cites"] == ["c1", "sre"]
    assert all(v["cites"] == ["sre"] for v in data["visits"])
    blocks = data["sections"][-1]["blocks"]
    assert blocks[0]["cites"] == ["c1"]
    assert blocks[1]["type"] == "table" and blocks[1]["row_cites"] == [["sre"], ["bad", "nourl"]]
    assert blocks[2]["item_cites"] == [[], ["formula"]]
    assert Relationship.from_dict(data) == record


def test_plain_records_have_empty_citations(seed_records):
    data = json.loads(_json.dumps(seed_records["lithuania-mexico"]))
    assert data["citations"] == []
    assert all(event["cites"] == [] for event in data["events"])
