"""What the wheel ships: every subpackage and the built-in layouts."""

import sys

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_subpackage_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    found = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "reports").rglob("__init__.py")}
    assert found | {"reports.layouts"} == set(config["packages"])
    assert config["package-dir"]["reports.layouts"] == "layouts"


def test_layouts_folder_holds_the_builtin_layouts():
    from reports.layout import builtin_names

    assert {"default", "es"} <= set(builtin_names())
    assert {p.stem for p in (ROOT / "layouts").glob("*.toml")} == set(builtin_names())
