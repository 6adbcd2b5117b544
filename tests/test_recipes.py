"""The recipes of CONTRIBUTING.md (an edition, a rule, a table, an extractor): each step that can be
forgotten has a check here or in the test file the recipe names, so that a half-done addition
fails a test instead of shipping."""

from __future__ import annotations

import ast
import importlib
import json
import re

import pytest

from pipeline.editions.edition import load_editions
from pipeline.model.schema import TABLES, table
from pipeline.tables.rows import BATCH_BUILDERS, ROW_BUILDERS
from pipeline.validation import CHECKS
from tests.conftest import ROOT

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
EDITION_FILES = ROOT / "pipeline" / "editions" / "frameworks"
EDITION_FIXTURES = ROOT / "tests" / "fixtures" / "editions"
VALIDATION = ROOT / "pipeline" / "validation"
# Editions whose fixture is a report of the corpus rather than one of tests/fixtures/editions.
READ_FROM_THE_CORPUS = {"kk2002-rev2007": "corpus/umea_2007.txt (tests/test_cli.py reads its edition)"}
EDITION_IDS = sorted(edition.edition_id for edition in load_editions())


def test_contributing_has_the_four_recipes() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    for what in ("an edition of the tool", "a validation rule", "a table or a column", "an extractor"):
        assert f"## How to add {what}" in text


def test_every_path_a_recipe_names_exists() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    recipes = text[text.index("## How to add an edition") :]
    named = set(re.findall(r"`((?:pipeline|extractors|tests|docs)/[\w/.]+\.(?:py|md|toml))`", recipes))
    assert len(named) > 8
    missing = sorted(path for path in named if not (ROOT / path).exists() and "<id>" not in path)
    assert missing == []


# An edition: its file, the docs' table, the contract's description of reports.edition, a fixture.


def test_every_edition_file_is_loaded() -> None:
    files = sorted(EDITION_FILES.glob("*.toml"))
    assert len(files) == len(EDITION_IDS) >= 4


@pytest.mark.parametrize("edition_id", EDITION_IDS)
def test_every_edition_is_in_the_docs_table(edition_id: str) -> None:
    page = (ROOT / "docs" / "editions.md").read_text(encoding="utf-8")
    assert f"| `{edition_id}` |" in page


@pytest.mark.parametrize("edition_id", EDITION_IDS)
def test_every_edition_is_named_by_the_contract(edition_id: str) -> None:
    meaning = next(column.meaning for column in table("reports").columns if column.name == "framework")
    assert f"`{edition_id}`" in meaning


def test_every_edition_has_a_fixture_report() -> None:
    read = {
        json.loads(path.read_text(encoding="utf-8"))["report"]["framework"]
        for path in EDITION_FIXTURES.glob("*.expected.json")
    }
    assert sorted(set(EDITION_IDS) - read - set(READ_FROM_THE_CORPUS)) == []


# A rule: its module's CHECKS in the validator's sum (the firing case: tests/test_rules_fire.py,
# the docs table: tests/test_rule_declarations.py).


def test_every_module_with_checks_is_in_the_validators_sum() -> None:
    summed = set(CHECKS)
    for path in sorted(VALIDATION.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        declares = any(
            isinstance(node, ast.AnnAssign | ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "CHECKS" for t in _targets(node))
            for node in tree.body
        )
        if not declares or path.stem in ("__init__", "history"):  # history: checks across a batch
            continue
        module = importlib.import_module(f"pipeline.validation.{path.stem}")
        assert set(module.CHECKS) <= summed, f"{path.stem}.CHECKS is not in pipeline/validation/__init__.py"


def _targets(node: ast.AnnAssign | ast.Assign) -> list[ast.expr]:
    return [node.target] if isinstance(node, ast.AnnAssign) else node.targets


# A table: a row builder and a section of docs/tables.md (its columns: tests/test_schema.py).


@pytest.mark.parametrize("name", [declared.name for declared in TABLES])
def test_every_table_has_a_row_builder_and_a_docs_section(name: str) -> None:
    assert (name in ROW_BUILDERS) != (name in BATCH_BUILDERS)
    page = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert f"## `{name}`" in page and f"<!-- {name}-columns:" in page


def test_no_row_builder_without_a_table() -> None:
    declared = {t.name for t in TABLES}
    assert set(ROW_BUILDERS) | set(BATCH_BUILDERS) <= declared


# An extractor: its registry entry and its records' use, tests/test_extractor_registry.py.
