"""benchmarks/run_all.py: one command, one Markdown table. Only its shape is checked,
on the cheapest figures in --quick mode; no timing is asserted (a shared machine is noisy)."""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.heavy  # a few seconds: two builds' start-up

RUN_ALL = ROOT / "benchmarks" / "run_all.py"


def run_all(*args: str, **env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, str(RUN_ALL), *args], capture_output=True, text=True, env=env, timeout=300)


def cells(line: str) -> list[str]:
    """The cells of a Markdown table row (a `\\|` inside a cell is not a border)."""
    assert line.startswith("|") and line.endswith("|"), line
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line[1:-1])]


def test_quick_run_prints_one_table_of_figure_value_target_met():
    result = run_all("--quick", "--only", "help,one-page")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [line for line in lines if line.startswith("|")]
    assert lines[:len(rows)] == rows  # the table first, in one piece
    assert cells(rows[0]) == ["figure", "value", "target", "met"]
    assert cells(rows[1]) == ["---"] * 4
    body = [cells(row) for row in rows[2:]]
    assert len(body) == 2 and all(len(row) == 4 for row in body)
    one_page, help_ = body  # the order, whatever the order of --only
    assert "one wikitext page" in one_page[0] and "--help" in help_[0]
    for figure, value, target, met in body:
        assert re.fullmatch(r"\d+\.\d\d s", value), value
        assert target and met in ("✓", "✗")
    assert "CPUs" in lines[-1]  # where it was measured, under the table


def test_peer_rows_say_skipped_without_pandoc(tmp_path):
    result = run_all("--only", "plain-peer,wiki-peer", PATH=str(tmp_path))  # no pandoc, no soffice on it
    assert result.returncode == 0, result.stderr
    rows = [cells(line) for line in result.stdout.splitlines()[2:4]]
    assert [(value, met) for _, value, _, met in rows] == [("skipped: pandoc not installed", "–")] * 2
    assert all(figure.startswith(("100 plain", "9 wikitext")) and target for figure, _, target, _ in rows)


def test_unknown_figure_is_refused_with_the_names():
    result = run_all("--only", "help,nosuch")
    assert result.returncode == 2
    assert "nosuch" in result.stderr and "plain-peer" in result.stderr


def test_list_names_every_figure():
    names = run_all("--list").stdout.split()
    assert names[0] == "plain-peer" and {"wiki-peer", "big-wiki", "memory", "help"} <= set(names)
