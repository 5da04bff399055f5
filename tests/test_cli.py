"""The command line, through click's CliRunner."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED_IDS, comparable, expected, write_article

from reports import __version__
from reports.cli import cli


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, list(args), catch_exceptions=False)
    return invoke


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_inspect_json_reproduces_the_fixtures(run):
    result = run("inspect", "--json")
    assert result.exit_code == 0
    assert comparable(json.loads(result.stdout)) == [expected(record_id) for record_id in SEED_IDS]


def test_inspect_summary(run):
    result = run("inspect", "data/lithuania-mexico.txt")
    assert result.exit_code == 0
    assert "Lithuania–Mexico relations" in result.output
    assert "established 1938-05-31, re-established 1991-11-05" in result.output
    assert "16 events, 7 visits, 4 agreements, 1 trade, 2 exports, 4 missions; 0 warnings" in result.output


def test_check_reports_file_and_line(run, tmp_path):
    path = write_article(tmp_path, "a.txt", "= Chile–Ghana relations =\n\n==Curiosities==\nFootball.\n")
    result = run("check", str(path))
    assert result.exit_code == 0
    assert f"{path.as_posix()}:3: warning: unknown section 'Curiosities'" in result.stdout
    assert run("check", "--strict", str(path)).exit_code == 0  # kept as text: nothing lost


def test_ordinary_sections_are_kept_quietly_and_strict_fails_on_loss(run, tmp_path):
    sections = "".join(f"=={heading}==\nText.\n" for heading in (
        "Culture", "Education", "Tourism", "Migration", "Sports", "Military cooperation", "Cultural relations"))
    path = write_article(tmp_path, "a.txt", f"= Chile–Ghana relations =\n\nLead.\n{sections}")
    result = run("check", str(path))
    assert result.exit_code == 0 and result.stdout == ""
    lossy = write_article(tmp_path, "b.txt", "= Chile–Ghana relations =\n\nLead.\n\n==High-level visits==\n"
                          "High-level visits from Chile to Ghana\n- President Ana Ruiz\n- Minister Luis Paz\n")
    result = run("check", "--strict", str(lossy))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "visit without a date" in lines[0] and lines[0].endswith("(and 1 more like it)")


def test_build_prints_the_warnings_check_prints(tmp_path):
    path = "tests/articles/every-check-warning.txt"
    checked = CliRunner().invoke(cli, ["check", path])
    built = CliRunner().invoke(cli, ["build", path, "--out", str(tmp_path), "--format", "json", "-j", "1"])
    assert built.exit_code == 0
    warnings = [line for line in built.stderr.splitlines() if ": warning: " in line]
    assert warnings == checked.stdout.splitlines()
    quiet = CliRunner().invoke(cli, ["build", path, "--out", str(tmp_path / "q"), "--format", "json", "-q"])
    assert ": warning: " not in quiet.stderr


def test_bad_file_in_a_batch(run, tmp_path):
    write_article(tmp_path, "good.txt", "= Chile–Ghana relations =\n\nLead.\n")
    (tmp_path / "bad.txt").write_bytes(b"= Caf\xe9 broken")
    result = run("inspect", "--json", str(tmp_path))
    assert result.exit_code == 1
    assert [r["id"] for r in json.loads(result.stdout)] == ["chile-ghana"]
    assert "bad.txt:1: error: the text is not UTF-8" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_layout_and_format_are_one_line_errors(run, tmp_path):
    result = run("build", "--layout", "nope", "--out", str(tmp_path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "no layout named 'nope'" in result.stderr
    result = run("build", "--format", "json,odt", "--out", str(tmp_path))
    assert result.exit_code == 2 and "unknown format 'odt'" in result.stderr


def test_layouts_lists_the_builtin_ones(run):
    result = run("layouts")
    assert result.exit_code == 0
    assert {line.split()[0] for line in result.output.splitlines()} >= {"default", "es"}


def test_python_dash_m_and_help_start_without_heavy_imports():
    code = ("import sys, reports.cli; "
            "heavy = [m for m in ('reportlab', 'docx', 'openpyxl', 'babel') if m in sys.modules]; "
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
    help_run = subprocess.run([sys.executable, "-m", "reports", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert help_run.returncode == 0 and "build" in help_run.stdout


def test_size_limit_is_configurable(run, tmp_path):
    path = write_article(tmp_path, "a.txt", "= Chile–Ghana relations =\n\n" + "Lead text. " * 20000)
    refused = run("check", "--max-size", "0.1", str(path))
    assert refused.exit_code == 1
    assert "over the limit of 104,857 bytes" in refused.stdout
    assert run("check", "--max-size", "1", str(path)).exit_code == 0
    assert run("build", "--max-size", "0.1", "--format", "json", "--out", str(tmp_path / "out"),
               str(path)).exit_code == 1


# Every warning `reports check` can give, each once, with its line (tests/articles/every-check-warning.txt).
EVERY_CHECK_WARNING = [
    "4: warning: infobox line without 'Key: value'",
    "9: warning: visits list without a direction: its caption should say 'from A to B'",
    "11: warning: visit without a date: 'President Ana Ruiz'",
    "12: warning: visit without a person's name: 'President (2003)'",
    "14: warning: agreement not understood: '(2001)'",
    "16: warning: trade sentence with an amount or year that could not be read: 'In 2020, trade amounted to US$ a lot.'",
    '17: warning: trade figure of 900,000,000,000,000 US$ is not plausible: left out',
    "18: warning: trade figure in a currency other than US dollars not read: 'In 2022, trade totaled €5,5 million.'",
    "20: warning: no diplomatic mission understood in 'Relations are handled elsewhere.'",
    "21: warning: unknown section 'Curiosities': kept as text, no facts read from it",
    '22: warning: control characters removed',
    '23: warning: section without a heading',
]


def test_check_gives_each_warning_by_its_message(run):
    path = "tests/articles/every-check-warning.txt"
    result = run("check", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"{path}:{line}" for line in EVERY_CHECK_WARNING]
    assert result.stderr == f"checked 1 article: 0 errors, {len(EVERY_CHECK_WARNING)} warnings\n"
    strict = run("check", "--strict", path)
    assert strict.exit_code == 1 and strict.stdout == result.stdout


def test_exit_codes_of_inspect_and_check_on_errors(run, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    for command in ("check", "inspect"):
        result = run(command, str(tmp_path / "bad.txt"))
        assert result.exit_code == 1, command
        assert f"{(tmp_path / 'bad.txt').as_posix()}: error: the article is empty" in result.output
    assert run("check", "data").exit_code == 0 and run("inspect", "data").exit_code == 0


def test_ctrl_c_exits_130_with_one_line(run, tmp_path, monkeypatch):
    import reports.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(reports.pipeline, "build", interrupted)
    result = run("build", "--out", str(tmp_path))
    assert result.exit_code == 130
    assert result.stderr == "reports: interrupted; finished files are in place, no partial files left\n"


def test_build_exit_codes(run, tmp_path):
    assert run("build", "data/georgia-mexico.txt", "--format", "json", "--out", str(tmp_path / "ok")).exit_code == 0
    assert run("build", str(tmp_path / "nowhere"), "--format", "json", "--out", str(tmp_path / "no")).exit_code == 1
    assert run("build", "--format", "odt", "--out", str(tmp_path / "bad")).exit_code == 2


# -- layouts that say what is wrong ----------------------------------------------------------


def _layout_file(tmp_path, text):
    path = tmp_path / "mine.toml"
    path.write_text(text, "utf-8")
    return str(path)


@pytest.mark.parametrize("text, message", [
    ('[colours]\nprimary = "#000000"\n', "[colours]: unknown table; did you mean [colors]?"),
    ('[page]\nsise = "A4"\n', "[page] sise: unknown key; did you mean [page] size?"),
    ('descripton = "x"\n', "descripton: unknown key; did you mean description?"),
    ('[nonsense]\nx = 1\n', "[nonsense]: unknown table"),
])
def test_a_misspelt_layout_table_or_key_fails_with_its_name(tmp_path, text, message):
    from reports.errors import LayoutError
    from reports.layout import load_layout

    with pytest.raises(LayoutError) as raised:
        load_layout(_layout_file(tmp_path, text))
    assert str(raised.value).endswith(message)
    result = CliRunner().invoke(cli, ["build", "data/georgia-mexico.txt", "--out", str(tmp_path / "out"),
                                      "--layout", _layout_file(tmp_path, text)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_layouts_lists_page_size_and_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts" / "letter.toml").write_text('description = "US"\n[page]\nsize = "Letter"\n', "utf-8")
    (tmp_path / "layouts" / "broken.toml").write_text('[colours]\n', "utf-8")
    result = CliRunner().invoke(cli, ["layouts"])
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert lines["default"].split()[1:3] == ["A4", "en-GB"]
    assert lines["es"].split()[1] == "A4" and lines["es"].split()[2].startswith("es")
    assert lines["letter"].split()[1:3] == ["Letter", "en-GB"]
    assert "did you mean [colors]?" in lines["broken"]


def test_a_folder_named_like_a_layout_does_not_shadow_it(tmp_path, monkeypatch):
    from reports.layout import load_layout

    monkeypatch.chdir(tmp_path)
    (tmp_path / "es").mkdir()
    assert load_layout("es").source == "built-in es"


def test_a_missing_word_template_is_one_error_before_any_article(tmp_path):
    layout = _layout_file(tmp_path, '[docx]\ntemplate = "nowhere.docx"\n')
    result = CliRunner().invoke(cli, ["build", "data", "--out", str(tmp_path / "out"), "--layout", layout])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"reports: [docx] template 'nowhere.docx' not found (layout {layout})"]
    assert not list((tmp_path / "out").glob("*.pdf"))
