"""The shape of the code, checked from the source: the layers import only downwards, the extractors
see only documents, records and editions, no import cycles, and the PDF package's insides stay
inside it.

Imports are read from each module's syntax tree, including imports inside functions: an import
put off to call time is still a dependency, and a cycle through one breaks as soon as someone
moves it to the top of the file.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pipeline", "extractors")
PDF_PACKAGE = "pipeline.ingest.pdf"

# The layers, lowest first, each a tuple of packages (or modules). A module may import modules of
# its own layer and of the layers below, never of one above: the folders show what depends on what.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("pipeline.model",),  # records, documents, the output contract, reference data
    ("pipeline.editions",),  # the evaluation tool's editions (data files) and finding a report's
    ("pipeline.ingest",),  # files to documents: text decoding, PDF layout, OCR
    ("extractors",),  # documents to records
    ("pipeline.validation",),  # records to findings
    ("pipeline.tables",),  # records to rows, and the files they are written to
    ("pipeline.run",),  # a batch: process, workers, cache
    ("pipeline.audit",),  # the audit report (OUT/report/) from written tables
    ("pipeline.api",),  # digitize, Result
    ("pipeline.cli", "pipeline.cli_types", "pipeline.cli_progress"),  # the command line
    ("pipeline", "pipeline.__main__"),  # the front door: pipeline.__all__ and `python -m pipeline`
)
# What the extractors may use of the pipeline: they take a Document and give records, so that every
# extractor test can run on a string.
EXTRACTORS_MAY_IMPORT = ("pipeline.model", "pipeline.editions")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(*folders: str) -> dict[str, Path]:
    """Every Python module under the folders, by dotted name."""
    return {module_name(path): path for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))}


def imported_names(path: Path, name: str) -> Iterator[str]:
    """The dotted names a module imports, ``from a import b`` giving both ``a`` and ``a.b``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def dependencies(known: dict[str, Path]) -> dict[str, set[str]]:
    """For each module, the modules of ``known`` it imports (a name that is not a module, such as
    a function imported from one, counts as its module)."""
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        found = set()
        for imported in imported_names(path, name):
            while imported and imported not in known:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                found.add(imported)
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    graph = dependencies(modules(*PACKAGES))
    assert len(graph) > 30  # the scan found the code
    assert cycles(graph) == []


def test_cycle_finder_sees_a_cycle_through_a_deferred_import(tmp_path: Path) -> None:
    # The shape pipeline.ingest and pipeline.ingest.pdf had: one imports the other inside a function.
    first = tmp_path / "first.py"
    first.write_text("def read():\n    from pkg import second\n")
    second = tmp_path / "second.py"
    second.write_text("from pkg.first import read\n")
    third = tmp_path / "third.py"
    third.write_text("import pkg.first\n")  # depends on the cycle, is not part of it
    known = {"pkg.first": first, "pkg.second": second, "pkg.third": third}
    assert cycles(dependencies(known)) == [["pkg.first", "pkg.second"]]


def pdf_insides_imported(known: dict[str, Path]) -> list[str]:
    """Imports of the PDF package's modules from outside it; the package itself is the door."""
    inside = f"{PDF_PACKAGE}."
    return [
        f"{name} imports {imported}"
        for name, path in known.items()
        if name != PDF_PACKAGE and not name.startswith(inside)
        for imported in imported_names(path, name)
        if imported.startswith(inside) and imported.removeprefix(inside) not in public_names()
    ]


def public_names() -> set[str]:
    tree = ast.parse(ROOT.joinpath(*PDF_PACKAGE.split("."), "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            return set(ast.literal_eval(node.value))
    raise AssertionError("pipeline/ingest/pdf/__init__.py declares no __all__")


def test_only_the_pdf_entry_point_is_imported_from_outside() -> None:
    # Tests are left out: they check the layout steps one by one on made-up pages.
    assert "read_pdf" in public_names()
    assert pdf_insides_imported(modules(*PACKAGES, "bench")) == []


@pytest.mark.parametrize(
    "source",
    [
        "from pipeline.ingest.pdf.words import Word\n",
        "import pipeline.ingest.pdf.tables\n",
        "from pipeline.ingest.pdf import steps\n",
    ],
)
def test_boundary_check_sees_an_import_of_the_insides(tmp_path: Path, source: str) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text(source)
    assert pdf_insides_imported({"extractors.outside": outside}) != []


def within(name: str, package: str) -> bool:
    """Whether module ``name`` is ``package`` or inside it (the root package ``pipeline`` holds
    only itself: its subpackages are layers of their own)."""
    return name == package or (package != "pipeline" and name.startswith(f"{package}."))


def layer(name: str) -> int | None:
    """The index in :data:`LAYERS` of the layer module ``name`` belongs to (the longest match)."""
    matches = [
        (len(package), index)
        for index, members in enumerate(LAYERS)
        for package in members
        if within(name, package)
    ]
    return max(matches)[1] if matches else None


def layer_breaches(known: dict[str, Path]) -> list[str]:
    """Imports of a module in a higher layer than the importer's."""
    return [
        f"{name} (layer {layer(name)}) imports {target} (layer {layer(target)})"
        for name, targets in sorted(dependencies(known).items())
        for target in sorted(targets)
        if (layer(name) or 0) < (layer(target) or 0)
    ]


def extractor_breaches(known: dict[str, Path]) -> list[str]:
    """Imports from ``extractors`` of pipeline modules other than documents, records and editions."""
    return [
        f"{name} imports {target}"
        for name, targets in sorted(dependencies(known).items())
        if within(name, "extractors")
        for target in sorted(targets)
        if not within(target, "extractors") and not any(within(target, p) for p in EXTRACTORS_MAY_IMPORT)
    ]


def test_every_module_is_in_a_layer() -> None:
    assert [name for name in modules(*PACKAGES) if layer(name) is None] == []


def test_layers_import_only_downwards() -> None:
    assert layer_breaches(modules(*PACKAGES)) == []


def test_extractors_import_only_the_model_and_the_editions() -> None:
    known = modules(*PACKAGES)
    assert any(within(target, "pipeline.model") for target in dependencies(known)["extractors.claims"])
    assert extractor_breaches(known) == []


@pytest.mark.parametrize(
    ("planted", "source"),
    [
        ("pipeline.model.planted", "from pipeline.tables.rows import build_tables\n"),
        # An import put off to call time counts too.
        ("pipeline.ingest.planted", "def read():\n    from pipeline.run import cache\n"),
        ("pipeline.validation.planted", "import pipeline.cli\n"),
        ("pipeline.editions.planted", "from pipeline.ingest import pdf\n"),
        ("extractors.planted", "from pipeline.validation import RULES\n"),
    ],
)
def test_layer_check_sees_an_import_that_climbs(tmp_path: Path, planted: str, source: str) -> None:
    path = tmp_path / "planted.py"
    path.write_text(source)
    known = {**modules(*PACKAGES), planted: path}
    assert {breach.split()[0] for breach in layer_breaches(known)} == {planted}


def test_layer_check_lets_an_import_go_down_or_sideways(tmp_path: Path) -> None:
    path = tmp_path / "planted.py"
    path.write_text("from pipeline.model.records import Report\nfrom pipeline.run import cache\n")
    assert layer_breaches({**modules(*PACKAGES), "pipeline.run.planted": path}) == []


def test_extractor_check_sees_an_import_of_ingest(tmp_path: Path) -> None:
    # Ingest is below the extractors, so the layer rule lets this through; the extractors' rule does not.
    path = tmp_path / "planted.py"
    path.write_text("from pipeline.ingest import text_decoding\nfrom pipeline.model import numbers\n")
    known = {**modules(*PACKAGES), "extractors.planted": path}
    assert layer_breaches(known) == []
    assert extractor_breaches(known) == [
        "extractors.planted imports pipeline.ingest",
        "extractors.planted imports pipeline.ingest.text_decoding",
    ]
