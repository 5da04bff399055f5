"""The brief's timeline read back from the PDF (pdftotext): every label whole, drawn
or in the key under the band; none cut, none ending in "…"; each fact once; a
cancelled visit not drawn."""

import subprocess
from pathlib import Path

import pytest

from reports import load
from reports.exporters._timeline.labels import labels
from reports.pipeline import build
from conftest import needs

ARTICLES = sorted(Path("data").glob("*.txt")) + sorted(Path("tests/articles").glob("*.txt"))


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    out = tmp_path_factory.mktemp("timeline")
    assert build(ARTICLES, out, formats=("pdf",), combined=False).ok
    return out


def _page_one(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def _timeline(text: str, layout) -> str:
    """Page one from the timeline's heading to the first table header after it."""
    start = text.index(layout.label("timeline"))
    headers = [f"{layout.label(a)} {layout.label(b)}" for a, b in
               (("date", "office"), ("year", "title"), ("year", "total_usd"), ("country", "host"))]
    ends = [text.find(h, start) for h in headers + [layout.label("source_notes")]]
    return text[start:min([e for e in ends if e > 0], default=len(text))]


@needs("pdftotext")
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_every_timeline_label_is_whole_and_drawn_once(article, briefs, default_layout):
    record = load(article)
    found = labels(record, default_layout)
    text = _page_one(briefs / f"{record.id}.pdf")
    assert "…" not in text
    timeline = _timeline(text, default_layout)
    for label in found:
        # Whole: on the band or in the key, or in its shorter whole wording on the band.
        drawn = label.text if label.text in timeline else label.short
        assert drawn and drawn in timeline, label.text
        assert timeline.count(drawn) == sum(drawn in (other.text, other.short) for other in found), drawn


@needs("pdftotext")
def test_a_cancelled_visit_is_not_drawn(briefs):
    text = _page_one(briefs / "japan-peru.pdf")
    assert "Vizcarra" not in text[text.index("Timeline"):]  # nor in the key
    assert "Nov 2010 PE → JP President García" in text
