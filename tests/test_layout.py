"""Layouts (reports/layout.py): every way a layout file can be wrong is one error that
names the file and the field; through the CLI it is one line and exit code 2."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from reports.cli import cli
from reports.errors import LayoutError
from reports.layout import load_layout


@pytest.mark.parametrize("toml, message", [
    ('[page]\nsize = "A3"', "page size 'A3' is not one of A4, Letter"),
    ("[page]\nmargin_top_mm = 61", "page.margin_top_mm must be a number of millimetres between 0 and 60"),
    ("[page]\nmargin_left_mm = -1", "page.margin_left_mm must be a number of millimetres between 0 and 60"),
    ('[page]\nmargin_right_mm = "20"', "page.margin_right_mm must be a number of millimetres between 0 and 60"),
    ('[fonts]\nbody = "Comic Sans"', "fonts.body must be one of "),
    ('[fonts]\nheadings = "Wingdings"', "fonts.headings must be one of "),
    ("[fonts]\nsize = 3", "fonts.size must be a point size between 4 and 72"),
    ("[fonts]\ntitle_size = 73", "fonts.title_size must be a point size between 4 and 72"),
    ('[colors]\nprimary = "blue"', "colors.primary must be a colour like '#1F3A5F'"),
    ('[sections]\norder = ["summary", "gossip"]', "sections.order has unknown parts ['gossip']; known: "),
    ("[labels]\nbrief = 3", "every label must be a string"),
])
def test_each_invalid_field_is_named(tmp_path, toml, message):
    path = tmp_path / "bad.toml"
    path.write_text(toml + "\n", "utf-8")
    with pytest.raises(LayoutError) as raised:
        load_layout(str(path))
    assert str(raised.value).startswith(f"{path}: {message}")


def test_a_valid_override_changes_only_its_field(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[page]\nsize = "Letter"\n[labels]\nbrief = "Nota"\n', "utf-8")
    layout, default = load_layout(str(path)), load_layout("default")
    assert (layout.page.size, layout.label("brief")) == ("LETTER", "Nota")
    assert layout.fonts == default.fonts and layout.order == default.order
    assert layout.fingerprint() != default.fingerprint()


def test_missing_file_and_bad_toml(tmp_path):
    with pytest.raises(LayoutError, match=r": no such layout file$"):
        load_layout(str(tmp_path / "nowhere.toml"))
    bad = tmp_path / "broken.toml"
    bad.write_text("[page\nsize = A4\n", "utf-8")
    with pytest.raises(LayoutError, match=rf"^{bad}: invalid TOML: "):
        load_layout(str(bad))
    with pytest.raises(LayoutError, match=r"^no layout named 'nope' \(available: .*default"):
        load_layout("nope")


@pytest.mark.parametrize("content", ["[page\n", '[colors]\nprimary = "blue"\n'])
def test_an_invalid_layout_stops_the_build_with_one_line(tmp_path, content):
    path = tmp_path / "bad.toml"
    path.write_text(content, "utf-8")
    result = CliRunner().invoke(cli, ["build", "data/georgia-mexico.txt", "--layout", str(path),
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"reports: {path}: ")
    assert not (tmp_path / "out").exists()


# -- [document]: who the documents are from ----------------------------------------------------


def test_document_organisation_and_author_default_to_nobody():
    for name in ("default", "es"):
        layout = load_layout(name)
        assert (layout.document.organisation, layout.document.author) == ("", "")
        assert "Ministr" not in repr(dict(layout.metadata))


def test_document_keys_are_read_and_shown_to_every_format(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[document]\norganisation = "  Foreign\\nOffice "\nauthor = "Desk A"\n', "utf-8")
    layout = load_layout(str(path))
    assert (layout.document.organisation, layout.document.author) == ("Foreign Office", "Desk A")
    assert (layout.metadata["company"], layout.metadata["author"]) == ("Foreign Office", "Desk A")
    assert layout.fingerprint() != load_layout("default").fingerprint()


def test_metadata_author_and_company_of_older_layouts_still_count(tmp_path):
    path = tmp_path / "old.toml"
    path.write_text('[metadata]\nauthor = "Old Desk"\ncompany = "Old Ministry"\n', "utf-8")
    layout = load_layout(str(path))
    assert (layout.document.organisation, layout.document.author) == ("Old Ministry", "Old Desk")


@pytest.mark.parametrize("toml, message", [
    ('[document]\norganization = "X"\n', "[document] organization: unknown key; did you mean [document] organisation?"),
    ('[document]\nauthr = "X"\n', "[document] authr: unknown key; did you mean [document] author?"),
    ("[document]\nauthor = 3\n", "document.author must be a string"),
    ('[document]\norganisation = ["a"]\n', "document.organisation must be a string"),
])
def test_a_wrong_document_key_is_named(tmp_path, toml, message):
    path = tmp_path / "bad.toml"
    path.write_text(toml, "utf-8")
    with pytest.raises(LayoutError) as raised:
        load_layout(str(path))
    assert str(raised.value) == f"{path}: {message}"
