"""`reports diff A B` (reports/carry/compare.py): two articles, two record files, two
build folders; exit 1 when something changed, like diff."""

from __future__ import annotations

import json

from reports import build


def test_diff_of_two_articles_exits_1_and_groups_by_kind(rebuilt):
    from click.testing import CliRunner

    from reports.cli import cli

    source, _, _ = rebuilt
    result = CliRunner().invoke(cli, ["diff", "data/mexico-slovenia.txt", str(source)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == "mexico-slovenia:"
    assert "  visits:" in lines and "  trade:" in lines
    assert any("Tanja Fajon" in line and "[l. 26]" in line for line in lines)
    assert any("total_usd: 241800000 → 250500000" in line for line in lines)


def test_diff_of_the_same_records_exits_0(tmp_path):
    from click.testing import CliRunner

    from reports.cli import cli

    runner = CliRunner()
    inspected = runner.invoke(cli, ["inspect", "--json", "data/georgia-mexico.txt"])
    record = json.loads(inspected.output)[0]
    (tmp_path / "a.json").write_text(json.dumps(record), "utf-8")
    result = runner.invoke(cli, ["diff", "--json", str(tmp_path / "a.json"), "data/georgia-mexico.txt"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"georgia-mexico": []}


def test_diff_of_two_build_folders(rebuilt, tmp_path):
    from click.testing import CliRunner

    from reports.cli import cli

    source, out, _ = rebuilt
    first = tmp_path / "first"
    assert build(["data/mexico-slovenia.txt", "data/lithuania-mexico.txt"], first, formats=["json"], jobs=1).ok
    result = CliRunner().invoke(cli, ["diff", "--json", str(first), str(out)])
    assert result.exit_code == 1
    changes = json.loads(result.output)
    assert [c["kind"] for c in changes["mexico-slovenia"]][:2] == ["visits", "trade"]
    assert changes["georgia-mexico"][0]["change"] == "added"
    assert changes["lithuania-mexico"][0]["change"] == "removed"


def test_diff_of_a_missing_file_is_one_line(tmp_path):
    from click.testing import CliRunner

    from reports.cli import cli

    result = CliRunner().invoke(cli, ["diff", str(tmp_path / "nope.txt"), "data/georgia-mexico.txt"])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
