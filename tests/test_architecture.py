"""The house rules of shared/DESIGN.md, read from the imports of every module: one
direction between rooms, no circles, the parsed-article model below readers and loader,
exporters that read only the record and its views, a CLI on the public API alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reports"
# What an exporter may read besides its own format's modules: the record, its layout, and
# the views derived from them for display (DESIGN.md: "exporters import the model, the
# views and the layout only").
EXPORTER_MAY_IMPORT = {"reports.model", "reports.layout", "reports.errors", "reports._version", "reports.text",
                       "reports.facts_view", "reports.brief_view", "reports.citations_view", "reports.changes_view", "reports.names",
                       "reports.headline", "reports.people", "reports.sections", "reports.dating",
                       "reports.context", "reports.exporters"}
LONGEST_MODULE = 500


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(module: str) -> list[tuple[str, str | None]]:
    """(module imported, name taken from it or None) for every import of ours in `module`."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names if alias.name.split(".")[0] == "reports"]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else []))
            if base.split(".")[0] != "reports":
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.append((submodule, None) if submodule in MODULES else (base, alias.name))
    return found


def _room(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _graph(key) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        for target, _ in _imports(module):
            # a package's __init__ naming its own submodules is no arrow back
            if key(target) != key(module) and not target.startswith(module + "."):
                graph.setdefault(key(module), set()).add(key(target))
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def _imported_by(prefix: str) -> set[str]:
    return {target for module in MODULES if module == prefix or module.startswith(prefix + ".")
            for target, _ in _imports(module)}


def _within(targets: set[str], *rooms: str) -> set[str]:
    return {t for t in targets if any(t == room or t.startswith(room + ".") for room in rooms)}


def test_the_tree_is_read():
    assert {"reports.document", "reports.loader", "reports.readers.wikitext", "reports.cli"} <= set(MODULES)
    assert ("reports.document", None) in _imports("reports.loader")


def test_no_module_imports_itself_round_a_circle():
    assert _cycles(_graph(lambda module: module)) == []


def test_no_room_imports_another_that_imports_it_back():
    assert _cycles(_graph(_room)) == []


def test_the_parsed_article_imports_nothing_of_ours():
    assert _imports("reports.document") == []


def test_readers_and_loader_know_only_the_parsed_article_between_them():
    assert _within(_imported_by("reports.readers"), "reports.loader", "reports.articles", "reports.batch") == set()
    assert _within(_imported_by("reports.loader"), "reports.readers", "reports.articles", "reports.batch",
                   "reports.exporters", "reports.pipeline", "reports.carry", "reports.cli") == set()


def test_exporters_read_the_record_its_views_and_the_layout_only():
    outside = {t for t in _imported_by("reports.exporters") if _room(t) not in EXPORTER_MAY_IMPORT
               and t not in EXPORTER_MAY_IMPORT}
    assert outside == set()


def test_the_cli_uses_the_public_api_only():
    assert {target for target, _ in _imports("reports.cli")} <= {"reports", "reports._version"}


def test_the_web_page_uses_the_public_api_only():
    outside = {target for target, _ in _imports_of_room("reports.web") if not target.startswith("reports.web")}
    assert outside <= {"reports", "reports._version"}


def _imports_of_room(room: str) -> list[tuple[str, str | None]]:
    return [found for module in MODULES if module == room or module.startswith(room + ".")
            for found in _imports(module)]


def test_no_private_name_is_imported_from_another_module():
    private = [(module, target, name) for module in MODULES for target, name in _imports(module)
               if name and name.startswith("_") and name != "__version__"]
    assert private == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_too_long_to_read(module):
    lines = MODULES[module].read_text("utf-8").count("\n")
    assert lines <= LONGEST_MODULE, f"{module}: {lines} lines"
