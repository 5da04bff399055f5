"""The PDF brief (reports/exporters/_pdf): facts in the extracted text, fonts,
structure, safety, determinism, layouts. Every PDF is built once per module."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from itertools import combinations

import pytest

from conftest import SEED_IDS, export_in_another_process, needs, pdf_text, reader_facts, write_article
from reports.exporters import _pdf
from reports.facts_view import date_parts, money_label
from reports.layout import load_layout

pypdf = pytest.importorskip("pypdf")

LONG_WORD = "Zy" * 5000                                    # 10,000 characters, no break
LONG_NAME = ("Wolfeschlegelsteinhausenbergerdorff " * 9)[:300].strip()
HOSTILE = ["<b>bold</b>", "<font name=x>Club</font>", "AT&T", "<para>", "]]>"]
OWN_WORDS = ["Ąžuolas", "ėjo", "ūkininkas", "Ģirts", "Őrs", "Řehoř", "Łódź"]

OWN_ARTICLE = f"""= Hostland–Guestia relations =

The nations of Hostland and Guestia established diplomatic relations on 3 March 1995. Both nations are members of the United Nations and the {HOSTILE[0]} &amp; {HOSTILE[1]}.

==History==
In 1995, the {HOSTILE[3]} tag, {HOSTILE[4]} and {HOSTILE[2]} appeared. {" ".join(OWN_WORDS)} met in 1997. ᏣᎳ appear in 1999.

{LONG_WORD}

===Recent years===
In 2001, something else happened.

==High-level visits==
High-level visits from Hostland to Guestia
{chr(10).join(f"- President Łukasz Person{i} ({1990 + i % 30})" for i in range(90))}
- Minister {LONG_NAME} (2003)

==Agreements==
Both nations signed an Agreement on <i>Culture</i> & Sport (1999).

==Economic relations==
In 2020, trade between both nations totaled US$1.2 billion. Hostland's main exports to Guestia include: cheese, <b>wine</b>, and wood.

==Non-resident diplomatic missions==
- Hostland is accredited to Guestia from its embassy in Győr, Hungary.

==Strange section==
Some unknown text in 2005.
"""


def _build(record, layout, path):
    warnings = _pdf.export(record, layout, path)
    return path, warnings



@pytest.fixture(scope="session")
def default_layout():
    """This module renders whole articles: the default layout with nothing left to the dossier."""
    from reports.layout import load_layout
    return load_layout("tests/fixtures/whole-article.toml")

@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def briefs(seed_records, default_layout, out):
    """{id: (path, warnings)} of the three seed briefs."""
    return {rid: _build(record, default_layout, out / f"{rid}.pdf") for rid, record in seed_records.items()}


@pytest.fixture(scope="module")
def own(out, default_layout):
    """The hostile article of this module: (record, path, warnings)."""
    from reports.articles import load

    record = load(write_article(out, "hostland-guestia.txt", OWN_ARTICLE))
    path, warnings = _build(record, default_layout, out / "own.pdf")
    return record, path, warnings


@pytest.fixture(scope="module")
def texts(briefs, own):
    found = {rid: pdf_text(path) for rid, (path, _) in briefs.items()}
    found["own"] = pdf_text(own[1])
    return found


def all_pdfs(briefs, own):
    return [path for path, _ in briefs.values()] + [own[1]]


# -- facts -----------------------------------------------------------------------------------


@needs("pdftotext")
@pytest.mark.parametrize("rid", SEED_IDS)
def test_every_fact_of_a_seed_is_in_the_text(rid, seed_records, default_layout, texts):
    record, text = seed_records[rid], texts[rid]
    wanted = [v.person for v in record.visits] + [a.title for a in record.agreements]
    wanted += [m.city for m in record.missions]
    wanted += [money_label(t.total_usd, default_layout) for t in record.trade]
    wanted += [str(date_parts(e.date)[0]) for e in record.events]
    wanted += [p for e in record.exports for p in e.products]
    missing = [w for w in wanted if w not in text]
    assert not missing, missing
    assert record.source.sha256 in text and record.source.path in text


@needs("pdftotext")
def test_diacritics_survive(texts):
    assert "Ignatavičius" in texts["lithuania-mexico"]
    assert "Šiauliai" in texts["lithuania-mexico"]
    assert "Drnovšek" in texts["mexico-slovenia"]
    for word in OWN_WORDS:
        assert word in texts["own"], word


@needs("pdftotext")
def test_line_citations_and_page_numbers(texts, seed_records, default_layout):
    text = texts["georgia-mexico"]
    for visit in seed_records["georgia-mexico"].visits:
        assert default_layout.label("line_cite", line=visit.line) in text
    pages = len(re.findall(r"Page \d+ of (\d+)", text))
    assert pages >= 2 and f"Page {pages} of {pages}" in text


# -- fonts, structure, metadata --------------------------------------------------------------


@needs("pdffonts")
def test_every_font_is_embedded_and_none_is_helvetica(briefs, own):
    for path in all_pdfs(briefs, own):
        lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert lines, path
        for line in lines:
            emb = line.split()[-5]  # columns: name type encoding emb sub uni object ID
            assert emb == "yes", line
            assert "Helvetica" not in line and "DejaVu" in line, line


@needs("qpdf")
def test_qpdf_finds_no_damage(briefs, own):
    for path in all_pdfs(briefs, own):
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def _outline(reader):
    titles = []
    for item in reader.outline:
        if isinstance(item, list):
            titles += [("  " + i.title, reader.get_destination_page_number(i)) for i in item]
        else:
            titles.append((item.title, reader.get_destination_page_number(item)))
    return titles


def test_outline_has_one_entry_per_section(briefs, default_layout):
    reader = pypdf.PdfReader(briefs["georgia-mexico"][0])
    titles = [title for title, _ in _outline(reader)]
    parts = ["key_facts", "summary", "timeline", "visits", "agreements", "trade", "missions",
             "history", "see_also", "source_notes"]
    assert titles == [default_layout.label(part) for part in parts]
    pages = [page for _, page in _outline(reader)]
    assert pages == sorted(pages) and pages[-1] > 0  # bookmarks point at their own pages


def test_subsections_and_unknown_sections_are_nested_bookmarks(own, default_layout):
    titles = [title for title, _ in _outline(pypdf.PdfReader(own[1]))]
    assert "  Recent years" in titles and "  Strange section" in titles
    assert default_layout.label("other_sections") in titles


def test_key_facts_link_to_their_sections(briefs):
    reader = pypdf.PdfReader(briefs["lithuania-mexico"][0])
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    targets = {reader.get_page_number(link["/Dest"][0].get_object()) for link in links}
    assert len(links) >= 5 and targets - {0}  # some facts link beyond page one


def test_metadata(briefs, default_layout):
    reader = pypdf.PdfReader(briefs["mexico-slovenia"][0])
    meta = reader.metadata
    assert meta.title == "Mexico–Slovenia relations"
    assert meta.author == default_layout.document.author
    assert meta.creator == default_layout.metadata["creator"]
    assert "Mexico" in meta["/Keywords"] and "Slovenia" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == default_layout.metadata["language"]


# -- safety ----------------------------------------------------------------------------------


@needs("pdftotext")
def test_markup_in_articles_prints_literally(texts):
    for hostile in HOSTILE:
        assert hostile in texts["own"], hostile
    assert "Agreement on <i>Culture</i> & Sport" in texts["own"]
    assert "<b>wine</b>" in texts["own"]


@needs("pdftotext")
def test_long_words_and_names_wrap_instead_of_failing(own, texts):
    # The word is broken over ~130 lines and three pages (headers and footers between).
    raw = subprocess.run(["pdftotext", str(own[1]), "-"], capture_output=True, text=True, check=True).stdout
    assert "".join(re.findall(r"[Zy]{2,}", raw)) == LONG_WORD
    assert LONG_NAME.replace(" ", "") in re.sub(r"\s+", "", texts["own"])


@needs("pdftotext")
def test_long_visit_table_repeats_its_header_on_every_page(own, default_layout):
    _, path, _ = own
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    # Full names: table rows only (page one's bottom line names the latest visit too).
    with_visits = [p for p in pages[1:] if "Łukasz Person" in p]
    assert len(with_visits) >= 2
    assert all(default_layout.label("office") in page for page in with_visits)


@needs("pdftotext")
def test_characters_outside_the_fonts_are_substituted_with_one_warning(own, texts):
    warnings = own[2]
    # Cherokee: a script neither DejaVu nor the Noto fallbacks draw (CJK now has fonts).
    assert len(warnings) == 1 and "U+13B3" in warnings[0]
    assert "\ufffd\ufffd appear in 1999" in texts["own"]


def test_control_characters_are_removed_with_a_warning(seed_records, default_layout, out):
    record = dataclasses.replace(seed_records["georgia-mexico"], summary="Bell\x07 and\x0b tab")
    warnings = _pdf.export(record, default_layout, out / "control.pdf")
    assert any("control characters" in w for w in warnings)


# -- determinism and layouts -----------------------------------------------------------------


def test_two_builds_are_byte_identical(seed_records, default_layout, briefs, out):
    again = out / "again.pdf"
    _pdf.export(seed_records["georgia-mexico"], default_layout, again)
    assert again.read_bytes() == briefs["georgia-mexico"][0].read_bytes()
    elsewhere = export_in_another_process("pdf", "georgia-mexico", "tests/fixtures/whole-article.toml",
                                          out / "elsewhere.pdf")
    assert elsewhere == briefs["georgia-mexico"][0].read_bytes()


def test_document_date_comes_from_source_date_epoch(seed_records, default_layout, out, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = out / "epoch.pdf"
    _pdf.export(seed_records["georgia-mexico"], default_layout, path)
    assert pypdf.PdfReader(path).metadata["/CreationDate"].startswith("D:20231114")


@needs("pdftotext")
def test_spanish_layout_gives_spanish_labels_and_dates(seed_records, spanish_layout, out):
    path = out / "es.pdf"
    _pdf.export(seed_records["georgia-mexico"], spanish_layout, path)
    text = pdf_text(path)
    assert "8 de junio de 1992" in text
    assert spanish_layout.label("key_facts") in text and spanish_layout.label("visits") in text
    assert "Página 1 de" in text or spanish_layout.label("page_of", page=1, pages=3) in text
    assert pypdf.PdfReader(path).trailer["/Root"]["/Lang"] == "es-ES"


@needs("pdftotext")
def test_page_size_fonts_order_and_citations_come_from_the_layout(seed_records, tmp_path):
    toml = write_article(tmp_path, "letter.toml", '[page]\nsize = "Letter"\nmargin_left_mm = 30\n'
                         '[fonts]\nbody = "DejaVu Serif"\n[pdf]\nshow_line_citations = false\ndossier_only = []\n'
                         '[sections]\norder = ["summary", "visits", "history", "sources"]\n')
    layout = load_layout(str(toml))
    path = tmp_path / "letter.pdf"
    _pdf.export(seed_records["georgia-mexico"], layout, path)
    reader = pypdf.PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert [title for title, _ in _outline(reader) if not title.startswith(" ")] == [
        layout.label(p) for p in ("summary", "visits", "history", "source_notes")]
    text = pdf_text(path)
    assert "Nika Gilauri" in text and layout.label("line_cite", line=19) not in text
    assert "Mexico remained neutral" in text  # the history's paragraphs, which cite their lines by default
    assert not re.search(r"\bl\. \d+", text)  # no line citation anywhere, in prose or tables
    assert "DejaVuSerif" in subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout


# -- the timeline ----------------------------------------------------------------------------


def _label_boxes(drawing):
    """(x0, y0, x1, y1) of every text in a drawing, as reportlab would set it."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    boxes = []
    for item in drawing.contents:
        if isinstance(item, String):
            width = stringWidth(item.text, item.fontName, item.fontSize)
            x0 = item.x - {"start": 0, "middle": width / 2, "end": width}[item.textAnchor]
            boxes.append((x0, item.y - item.fontSize * 0.2, x0 + width, item.y + item.fontSize * 0.8))
    return boxes


@pytest.mark.parametrize("rid", SEED_IDS)
def test_timeline_labels_never_overlap(rid, seed_records, default_layout):
    from reportlab.lib.units import mm

    from reports.exporters._pdf.timeline import pen
    from reports.exporters._timeline import drawing as timeline
    from reports.exporters._reportlab_text.fonts import TextGate
    from reports.exporters._pdf.styles import make_styles

    gate = TextGate(frozenset(range(0x30000)), "?")
    styles = make_styles(default_layout)
    drawing = timeline.drawing(seed_records[rid], 170 * mm, 62 * mm, pen(styles, gate, default_layout),
                               default_layout)
    boxes = _label_boxes(drawing)
    assert len(boxes) > 10
    for a, b in combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    assert drawing.height <= 62 * mm


def test_timeline_marks_are_filled_in_the_layouts_colours(seed_records, default_layout):
    """Events are circles in the primary colour, visits diamonds in the accent colour, on
    the timeline and in its legend: an unfilled mark is invisible (no stroke)."""
    from reportlab.graphics.shapes import Circle, Polygon
    from reportlab.lib.units import mm

    from reports.exporters._pdf.timeline import pen
    from reports.exporters._timeline import drawing as timeline
    from reports.exporters._reportlab_text.fonts import TextGate
    from reports.exporters._pdf.styles import make_styles

    styles = make_styles(default_layout)
    gate = TextGate(frozenset(range(0x30000)), "?")
    drawing = timeline.drawing(seed_records["georgia-mexico"], 170 * mm, 62 * mm, pen(styles, gate, default_layout),
                               default_layout)
    circles = [item for item in drawing.contents if isinstance(item, Circle)]
    diamonds = [item for item in drawing.contents if isinstance(item, Polygon) and len(item.points) == 8]
    assert len(circles) >= 2 and len(diamonds) >= 2  # marks and the legend's one of each
    primary, accent = (default_layout.colors[key].lstrip("#").lower() for key in ("primary", "accent"))
    assert {mark.fillColor.hexval()[2:].lower() for mark in circles} == {primary}
    assert {mark.fillColor.hexval()[2:].lower() for mark in diamonds} == {accent}


@needs("pdftotext")
def test_the_footer_stands_in_the_bottom_margin_clear_of_the_text(briefs, default_layout):
    """On every page, "Page X of Y" lies inside the bottom margin, at least a line of its
    size below the text frame, and on the page."""
    path, _ = briefs["lithuania-mexico"]
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    word = default_layout.label("page_of", page=1, pages=1).split()[0]
    pages = re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', html, re.S)
    assert len(pages) >= 2
    frame_bottom_mm, size = default_layout.page.margin_bottom_mm, default_layout.fonts.small_size
    for height, body in pages:
        tops = [(float(top), float(bottom)) for top, bottom, text in
                re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', body) if text == word]
        assert tops, f"no {word!r} on a page"
        top, bottom = tops[-1]
        frame_bottom = float(height) - frame_bottom_mm * 72 / 25.4
        assert frame_bottom + size <= top and bottom <= float(height), (top, bottom, frame_bottom)


@needs("pdftotext")
def test_characters_beyond_the_basic_plane_are_substituted(tmp_path, default_layout, seed_records):
    """reportlab maps them wrongly for text extraction (😀 came back as another
    character), so they are drawn as the substitute, with a warning."""
    record = seed_records["georgia-mexico"]
    visit = dataclasses.replace(record.visits[0], person="Ana 😀 Ruiz")
    record = dataclasses.replace(record, visits=(visit, *record.visits[1:]))
    warnings = _pdf.export(record, default_layout, tmp_path / "e.pdf")
    assert any("U+1F600" in w for w in warnings)
    text = pdf_text(tmp_path / "e.pdf")
    assert "Ana \ufffd Ruiz" in text and "ὠ" not in text


@needs("pdftotext")
@pytest.mark.parametrize("rid", SEED_IDS)
def test_every_fact_kind_is_in_the_text(rid, seed_records, default_layout, texts):
    """Summary, key facts, trade sentences, see-also items, re-established date and every
    section paragraph: a part that goes blank fails here, not only a missing year."""
    record, layout = seed_records[rid], default_layout
    organisation = rf" {re.escape(layout.document.organisation)}" if layout.document.organisation else ""
    page_break = (rf"{organisation} {layout.label('page_of', page='[0-9]+', pages='[0-9]+')} "
                  rf"{re.escape(record.title)} {re.escape(layout.label('brief'))} ")
    text = re.sub(page_break, " ", texts[rid])  # the furniture a paragraph running over a page holds
    # The brief writes each mission once (bottom line and missions table) and trade as
    # figures: the key-fact rows of representation and the trade sentences are the dossier's.
    left = {t.text for t in record.trade}
    missing = [w for w in reader_facts(record, layout)
               if w not in text and w not in left and not w.startswith(layout.label("representation"))]
    assert not missing, missing


@needs("pdftotext")
def test_visit_tables_list_each_direction_by_date(texts, seed_records):
    """lithuania-mexico's article lists a 2008 visit before two of 2002 and 2004."""
    record = seed_records["lithuania-mexico"]
    text = texts["lithuania-mexico"]
    table = text[text.index("From Lithuania to Mexico"):text.index("From Mexico to Lithuania")]
    people = re.findall(r"(20\d\d) \S+(?: \S+)? (Valdas Adamkus|Antanas Valionis|Arturas Paulauskas|Oskaras Jusys)",
                        table)
    assert [person for _, person in people] == [
        "Valdas Adamkus", "Antanas Valionis", "Arturas Paulauskas", "Valdas Adamkus", "Oskaras Jusys"]
    assert [v.person for v in record.visits][:3] == ["Valdas Adamkus", "Valdas Adamkus", "Antanas Valionis"]


@needs("pdftotext")
@pytest.mark.parametrize("record_id", SEED_IDS)
def test_every_page_says_its_number_of_the_real_total(record_id, default_build, default_layout):
    out, _ = default_build
    path = out / f"{record_id}.pdf"
    pages = len(pypdf.PdfReader(path).pages)
    text = pdf_text(path)
    for page in range(1, pages + 1):
        assert default_layout.label("page_of", page=page, pages=pages) in text
