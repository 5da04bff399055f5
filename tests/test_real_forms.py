"""Forms real copies of relations articles take, found on pages nobody here wrote.

The sentences are written the way Wikipedia writes them, with other countries and people."""

from reports.readers import browser, choose


def _sections(article):
    return [(s.heading, [getattr(b, "text", None) and b.text.text for b in s.blocks]) for s in article.sections]


# Today's skin: "[edit]" stands on its own line below the heading, or opens the next line.
EDIT_BELOW = """Jump to content

Chile–Estonia relations

From Wikipedia, the free encyclopedia

Chile–Estonia relations are the bilateral relations between Chile and Estonia. Both are members of the United Nations.

History

[edit]

Chile and Estonia established diplomatic relations in 1992.[1]

Trade
[edit]In 2020, trade between both nations amounted to US$20 million.[2]
"""


def test_edit_below_a_heading_names_the_line_above_it():
    article = browser.parse(EDIT_BELOW, "x.txt")
    assert _sections(article) == [
        ("History", ["Chile and Estonia established diplomatic relations in 1992."]),
        ("Trade", ["In 2020, trade between both nations amounted to US$20 million."])]
    assert article.sections[0].line == 9  # the heading's own line


# A mirror of Wikipedia: none of its chrome, no "[edit]", a table of contents with numbers.
MIRROR = """World Library
Flag as Inappropriate
Email this Article

Kenya–Portugal relations


Kenya–Portugal relations



Kenya–Portugal relations are the bilateral relations between Kenya and Portugal. Kenya has an embassy in Lisbon.[1]


  • History 1
  • Economic relations 2
  • References 3


Portuguese Embassy in Nairobi

Relations between both nations were established on 3 March 1965.[2]

Economic relations

In 2019, trade between both nations amounted to US$48 million.[3]
"""


def test_a_mirror_copy_is_read_as_copied_text_with_its_headings(tmp_path):
    path = tmp_path / "kenya-portugal.txt"
    path.write_text(MIRROR, encoding="utf-8")
    assert choose(path).NAME == "browser"
    article = browser.parse(MIRROR, "x.txt")
    assert [s.heading for s in article.sections] == ["Economic relations"]
    lead = " ".join(b.text.text for b in article.lead)
    assert "History 1" not in lead and "established on 3 March 1965" in lead


def test_a_mirror_without_contents_takes_headings_by_their_words():
    text = MIRROR.replace("  • History 1\n  • Economic relations 2\n  • References 3\n", "")
    text = text.replace("Portuguese Embassy in Nairobi\n", "History\n")
    article = browser.parse(text, "x.txt")
    assert [s.heading for s in article.sections] == ["History", "Economic relations"]


def test_wikitext_and_plain_form_are_not_taken_for_copies(tmp_path):
    wiki = tmp_path / "a.txt"
    wiki.write_text("'''Kenya–Portugal relations''' are ...\n\nKenya–Portugal relations\n", encoding="utf-8")
    assert choose(wiki).NAME == "wikitext"
    plain = tmp_path / "b.txt"
    plain.write_text("= Kenya–Portugal relations =\n\nKenya–Portugal relations\n", encoding="utf-8")
    assert choose(plain).NAME == "plain"


def test_a_paragraph_above_a_list_caption_is_not_the_caption():
    text = """Chile–Estonia relations

From Wikipedia, the free encyclopedia

Chile–Estonia relations are the bilateral relations between Chile and Estonia, both members of the United Nations.
Both nations have signed the following agreements:[1]
- Agreement on Cultural Cooperation (1995)
- Agreement on Visa Waiver (2001)
"""
    article = browser.parse(text, "x.txt")
    last = article.lead[-1]
    assert last.caption.text == "Both nations have signed the following agreements:"
    assert [i.text for i in last.items] == ["Agreement on Cultural Cooperation (1995)", "Agreement on Visa Waiver (2001)"]
