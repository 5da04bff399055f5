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
    path = write_article(tmp_path, "a.txt", "= Chile–Ghana relations =\n\n==Sport==\nFootball.\n")
    result = run("check", str(path))
    assert result.exit_code == 0
    assert f"{path.as_posix()}:3: warning: unknown section 'Sport'" in result.stdout
    assert run("check", "--strict", str(path)).exit_code == 1


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
