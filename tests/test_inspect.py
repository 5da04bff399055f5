"""`reports inspect` shows where each visit and agreement was read (origin) and its lines."""

from click.testing import CliRunner

from reports.cli import cli

ARTICLE = "tests/articles/japan-peru-prose.txt"


def _output():
    result = CliRunner().invoke(cli, ["inspect", ARTICLE])
    assert result.exit_code == 0
    return result.output.splitlines()


def test_each_visit_and_agreement_shows_its_origin_and_lines():
    lines = _output()
    assert "  visit      list    l. 16 + l. 8  Peru → Japan: President Alan García (2009)" in lines
    assert any(line.startswith("  visit      prose   l. 8  ") and "Katsuya Okada (2010)" in line for line in lines)
    assert "  agreement  section l. 23 + l. 8  Agreement on Technical Cooperation (2009)" in lines
    assert any(line.startswith("  agreement  prose   l. 6  Treaty of Peace") for line in lines)


def test_the_summary_line_stays_first():
    lines = _output()
    assert lines[0] == f"{ARTICLE}: Japan–Peru relations"
    assert lines[1].startswith("  established 1873-08-21; ")
