"""reports/readers/header.py: the note before a fetched page's text."""

from reports.document import Page
from reports.readers.header import read_note, with_note

PAGE = Page("Chile–Ghana relations", "42", "2024-01-01T00:00:00Z", "https://wiki.example/wiki/X?oldid=42")


def test_the_note_keeps_the_pages_lines_and_reads_back():
    text = "Line one.\nLine two.\n"
    written = with_note(PAGE, text)
    assert written.count("\n") == text.count("\n") and written.endswith(text)
    assert read_note(written) == (PAGE, text, None)


def test_a_file_without_a_note_is_read_as_it_is():
    assert read_note("'''Chile''' and '''Ghana'''") == (None, "'''Chile''' and '''Ghana'''", None)


def test_an_edited_text_keeps_its_page_but_not_its_revision():
    page, text, warning = read_note(with_note(PAGE, "Line one.\n") + "Added.\n")
    assert page == Page("Chile–Ghana relations", None, None, "https://wiki.example/wiki/X")
    assert "edited after revision 42 was fetched" in warning


def test_a_damaged_note_is_a_warning_and_the_text_is_read_whole():
    damaged = '<!-- reports fetch: {"page": -->Text'
    page, text, warning = read_note(damaged)
    assert page is None and text == damaged and "damaged" in warning
