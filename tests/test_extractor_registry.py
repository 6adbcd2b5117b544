"""The extractor registry: every extractor module has an entry, every entry reads what is there
before it, and every record it yields reaches a table or a check."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import cast

import pytest

from extractors.registry import EDITION, EXTRACTORS, YEAR, Sources, extractor, records
from pipeline.editions.edition import edition_by_id
from pipeline.model.document import Document
from pipeline.model.records import Extraction
from pipeline.run.process import extract

ROOT = Path(__file__).resolve().parent.parent
EXTRACTORS_DIR = ROOT / "extractors"
# Fields of Extraction no extractor fills: the edition decided, the validator's findings, the OCR
# readings placed by ingest.
NOT_EXTRACTED = {"edition", "findings", "ocr_readings"}
# Where records are used: the row builders and the validation checks.
USERS = (ROOT / "pipeline" / "tables", ROOT / "pipeline" / "validation")


def extractor_functions(folder: Path) -> dict[str, str]:
    """The extractors in ``folder``: each module's public ``extract_…`` functions whose first
    parameter is a ``Document``, by function name, with their module's name."""
    found = {}
    for path in sorted(folder.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("extract_"):
                continue
            first = node.args.args[0] if node.args.args else None
            if (
                first is not None
                and isinstance(first.annotation, ast.Name)
                and first.annotation.id == "Document"
            ):
                found[node.name] = path.stem
    return found


def registered_functions(registry: Path) -> set[str]:
    """The ``extract_…`` functions the registry module imports from extractor modules."""
    tree = ast.parse(registry.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("extractors.")
        for alias in node.names
        if alias.name.startswith("extract_")
    }


def unregistered(folder: Path, registry: Path) -> list[str]:
    registered = registered_functions(registry)
    return sorted(
        f"{module}.{name}" for name, module in extractor_functions(folder).items() if name not in registered
    )


def test_every_extractor_module_is_registered() -> None:
    found = extractor_functions(EXTRACTORS_DIR)
    assert {"extract_metadata", "extract_claims", "extract_summary_rows"} <= set(found)
    assert unregistered(EXTRACTORS_DIR, EXTRACTORS_DIR / "registry.py") == []


def test_an_unregistered_extractor_is_found(tmp_path: Path) -> None:
    (tmp_path / "tallies.py").write_text(
        "from pipeline.model.document import Document\n\n"
        "def extract_tallies(doc: Document) -> tuple[int, ...]:\n    return ()\n\n"
        "def extract_words(lines: list[str]) -> list[str]:\n    return lines\n"  # a helper: not a Document
    )
    registry = tmp_path / "registry.py"
    registry.write_text("from extractors.metadata import extract_metadata\n")
    assert unregistered(tmp_path, registry) == ["tallies.extract_tallies"]
    registry.write_text("from extractors.tallies import extract_tallies\n")
    assert unregistered(tmp_path, registry) == []


def test_entries_read_only_what_comes_before_them() -> None:
    names = [entry.name for entry in EXTRACTORS]
    assert len(set(names)) == len(names)
    for index, entry in enumerate(EXTRACTORS):
        for read in entry.reads:
            assert read in (YEAR, EDITION) or read in names[:index], f"{entry.name} reads {read}"


@pytest.fixture(scope="module")
def results(umea_doc: Document) -> dict[str, object]:
    doc = umea_doc
    found: dict[str, object] = {}
    for entry in EXTRACTORS:
        found[entry.name] = entry.read(Sources(doc, found, year=2007))
    return found


class UnreadDocument:
    """A stand-in for a document that fails when anything of it is read."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the document was read again (.{name})")


def test_entries_that_read_the_edition_read_no_document(
    umea_doc: Document, results: dict[str, object]
) -> None:
    # Read again by the decided edition, such an entry puts its result together from what earlier
    # entries read, so that each source is read once.
    edition = edition_by_id("kk2002-rev2007")
    again = [entry for entry in EXTRACTORS if EDITION in entry.reads]
    assert [entry.name for entry in again] == ["summary_table"]
    for entry in again:
        unread = entry.read(Sources(cast(Document, UnreadDocument()), results, 2007, edition))
        assert unread == entry.read(Sources(umea_doc, results, 2007, edition))
        assert len(records({entry.name: unread})["area_scores"]) == 24


def test_every_extraction_field_is_filled_by_an_entry(results: dict[str, object]) -> None:
    fields = {f.name for f in dataclasses.fields(Extraction)}
    filled = set(records(results))
    assert filled <= fields
    assert filled == fields - NOT_EXTRACTED


def test_every_record_reaches_a_table_or_a_check(results: dict[str, object]) -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for folder in USERS for path in folder.rglob("*.py"))
    unused = sorted(name for name in records(results) if f".{name}" not in source)
    assert unused == []


def test_fields_filled_by_several_entries_are_joined_in_registry_order(results: dict[str, object]) -> None:
    headings = records(results)["area_headings"]
    contexts = [heading.context for heading in headings]
    assert contexts == sorted(contexts, key=["summary_table", "score_table", "section_heading"].index)
    assert len(set(contexts)) == 3


def test_extract_reads_the_registry(umea_doc: Document) -> None:
    extraction = extract(umea_doc)
    assert extraction.edition == "kk2002-rev2007"
    assert extraction.metadata.year == 2007
    assert len(extraction.question_scores) > 30
    assert extraction.claims
    assert extractor("claims").reads == ("summary_table", YEAR, "sections")
