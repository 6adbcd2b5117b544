"""Hundreds of one-change variants of the corpus report give the corpus report's facts."""

from __future__ import annotations

import pytest

from pipeline.ingest import read_document
from pipeline.model.document import Document
from pipeline.run.process import digitize
from tests.conftest import UMEA
from tests.variants import Variant, all_variants, facts

ORIGINAL_TEXT = UMEA.read_text(encoding="utf-8")
ORIGINAL = digitize(read_document(UMEA))
VARIANTS = all_variants(ORIGINAL_TEXT, ORIGINAL)


def test_the_generator_makes_many_distinct_variants() -> None:
    assert len(VARIANTS) >= 250
    assert len({v.name for v in VARIANTS}) == len(VARIANTS)
    assert all(v.text != ORIGINAL_TEXT for v in VARIANTS)


def test_the_original_has_the_facts_the_variants_are_held_to() -> None:
    original = facts(ORIGINAL)
    assert len(original["claims"]) == 8
    assert len(original["observations"]) == 71
    assert len(original["sections"]) == 8
    assert len(original["evaluations"]) > 40


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_variant_reads_like_the_original(variant: Variant) -> None:
    expected = variant.adjust(facts(ORIGINAL))
    found = facts(digitize(Document.from_text(variant.text)))
    assert {key: found[key] for key in expected if found[key] != expected[key]} == {}
