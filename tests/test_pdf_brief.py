"""The brief's shape: two pages for an ordinary article, no page but the last more than
a third empty, a bottom line made from facts (not the article's first paragraph), key
facts only for what the record has, agreements in date order with their kind."""

import subprocess
from pathlib import Path

import pytest

from reports import load
from reports.brief_view import agreement_kind, bottom_line, brief_facts
from reports.pipeline import build
from conftest import needs

DATA = sorted(Path("data").glob("*.txt"))
ARTICLES = DATA + sorted(Path("tests/articles").glob("*.txt"))


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    out = tmp_path_factory.mktemp("briefs")
    assert build(ARTICLES, out, formats=("pdf",), combined=False).ok
    return out


def _pages(path: Path) -> list[str]:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.split("\f")[:-1]


@needs("pdftotext")
@pytest.mark.parametrize("article", DATA, ids=lambda p: p.stem)
def test_the_brief_of_each_data_article_fits_on_two_pages(article, briefs):
    assert len(_pages(briefs / f"{load(article).id}.pdf")) <= 2


@needs("pdftoppm")
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_no_page_but_the_last_is_more_than_a_third_empty(article, briefs, tmp_path):
    from PIL import Image
    pdf = briefs / f"{load(article).id}.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    for page in pages[:-1]:
        image = Image.open(page).convert("L")
        width, height = image.size
        inked = [y for y in range(height) if image.crop((0, y, width, y + 1)).getextrema()[0] < 200]
        # The footer's rule and page number sit in the bottom margin: content ends above it.
        body = [y for y in inked if y < height * 0.88]
        assert body and height * 0.88 - max(body) < height * 0.33, page.name


def test_the_bottom_line_is_made_from_facts(default_layout):
    record = load("data/georgia-mexico.txt")
    sentences = bottom_line(record, default_layout)
    text = " ".join(sentences)
    assert "since 8 June 1992" in text
    # the list gives the years; the history's sentences the months, which the brief states
    assert "Senator Gabriela Cuevas Barron to Georgia (July 2016)" in text
    assert "Foreign Minister Grigol Vashadze to Mexico (August 2011)" in text
    assert "US$15.7 million in 2023" in text
    assert record.summary.split(".")[0] not in text  # never the article's own first sentence


def test_key_facts_have_no_row_for_what_the_record_lacks(default_layout):
    record = load("tests/articles/japan-peru-prose.txt")
    labels = [fact.label for fact in brief_facts(record, default_layout)]
    assert default_layout.label("latest_trade") not in labels  # the article gives no trade figure
    assert all(default_layout.label("none") != fact.value for fact in brief_facts(record, default_layout))


def test_agreement_kinds_come_from_their_titles():
    assert agreement_kind("Treaty of Peace, Friendship, Commerce and Navigation") == "treaty"
    assert agreement_kind("Memorandum of Understanding on Political Consultations") == "memorandum"
    assert agreement_kind("Protocol amending the Convention on Double Taxation") == "protocol"
    assert agreement_kind("Agreement on Air Services") == "agreement"
    assert agreement_kind("Cultural exchange programme") is None


@needs("pdftotext")
def test_agreements_are_listed_by_date_undated_last(briefs):
    text = " ".join(" ".join(_pages(briefs / "georgia-mexico.pdf")).split())
    part = text[text.index("Agreements Date"):]
    assert part.index("2022") < part.index("undated")
