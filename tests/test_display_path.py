"""display_path shows a file as a user would write it, the way pathlib's relative_to does."""

import os
from pathlib import Path

import pytest

from reports.articles import display_path


def _reference(path) -> str:
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return Path(os.path.realpath(path)).relative_to(os.path.realpath(os.getcwd())).as_posix()
    except ValueError:
        return path.as_posix()


@pytest.fixture
def tree(tmp_path, monkeypatch):
    (tmp_path / "work" / "data").mkdir(parents=True)
    (tmp_path / "work" / "data" / "a.txt").write_text("= A–B relations =\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("= A–B relations =\n")
    (tmp_path / "work" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "work" / "data" / "link.txt").symlink_to(tmp_path / "elsewhere" / "b.txt")
    (tmp_path / "work" / "data" / "back.txt").symlink_to(tmp_path / "work" / "data" / "a.txt")
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path


@pytest.mark.parametrize("name", ["work/data/a.txt", "work/data/../data/a.txt", "work/linked/b.txt",
                                  "work/data/link.txt", "work/data/back.txt", "elsewhere/b.txt", "work",
                                  "work/data", "work/missing.txt"])
def test_absolute_paths_as_relative_to_gives_them(tree, name):
    path = tree / name
    assert display_path(path) == _reference(path)
    assert display_path(str(path)) == _reference(path)


def test_inside_the_working_folder_and_outside(tree):
    assert display_path(tree / "work" / "data" / "a.txt") == "data/a.txt"
    assert display_path(tree / "work") == "."
    assert display_path(tree / "elsewhere" / "b.txt") == (tree / "elsewhere" / "b.txt").as_posix()
    assert display_path("data//a.txt") == "data/a.txt"


def test_the_root_as_working_folder(tree, monkeypatch):
    monkeypatch.chdir("/")
    path = tree / "work" / "data" / "a.txt"
    assert display_path(path) == _reference(path)
