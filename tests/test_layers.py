"""The package's shape, read from its imports: data flows one way, layer by layer
(DESIGN.md), and no two modules import each other."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsprism"

# Layers in the order data flows; a module may import its own layer and earlier ones only.
# The first group is the foundation every layer may use (the package root, errors,
# settings, the contract's types).
LAYERS: list[set[str]] = [
    {"__init__", "errors", "settings", "readers_marker", "worker_guard", "model"},
    {"ingest"},
    {"fetch"},  # pages named in .urls files, feeds and sitemaps, fetched into a web archive
    {"learn"},
    {"nlp"},
    {"extract"},
    {"techniques"},
    {"analyzer"},  # one article through annotate, extract and techniques
    {"compare"},
    {"store"},
    {"api"},  # analyse into a store, read a case back compared
    {"report"},
    {"web"},
    {"scale"},
    {"cli", "__main__"},
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("newsprism", *parts))


def _imports(path: Path) -> set[str]:
    """The newsprism modules a file imports, type-checking imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("newsprism"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("newsprism"))
    return found


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else "__init__"
    for index, layer in enumerate(LAYERS):
        if top in layer:
            return index
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS in {__file__}")


GRAPH = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def later_imports(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a later layer in a graph of module -> imported modules."""
    return sorted(f"{m} -> {d}" for m, deps in graph.items() for d in deps if _layer(d) > _layer(m))


def mutual_imports(graph: dict[str, set[str]]) -> list[str]:
    """Every pair of modules that import each other."""
    return sorted(
        f"{a} <-> {b}" for a, deps in graph.items() for b in deps if a < b and a in graph.get(b, ())
    )


def test_every_module_has_a_layer() -> None:
    for module in GRAPH:
        _layer(module)


def test_no_module_imports_a_later_layer() -> None:
    assert later_imports(GRAPH) == []


def test_no_two_modules_import_each_other() -> None:
    assert mutual_imports(GRAPH) == []


def test_the_checks_find_what_they_look_for() -> None:
    # A store importing the web app, and two technique modules importing each other.
    bad = {
        "newsprism.store.store": {"newsprism.web.app", "newsprism.model.types"},
        "newsprism.techniques.model": {"newsprism.techniques.transformer"},
        "newsprism.techniques.transformer": {"newsprism.techniques.model"},
    }
    assert later_imports(bad) == ["newsprism.store.store -> newsprism.web.app"]
    assert mutual_imports(bad) == [
        "newsprism.techniques.model <-> newsprism.techniques.transformer"
    ]
