"""Bullet glyphs are declared once (pipeline.model.marks): text exports, PDFs and the extractors read
the same marks."""

from __future__ import annotations

import pytest

from extractors.bullets import BULLET
from pipeline.ingest.pdf.words import bullet_glyph
from pipeline.model.marks import BULLET_GLYPHS
from pipeline.model.text_furniture import BULLET_START


@pytest.mark.parametrize("glyph", sorted(BULLET_GLYPHS))
def test_every_reader_takes_a_bullet_glyph_as_a_bullet(glyph: str) -> None:
    assert bullet_glyph(f"{glyph}Styrkor") == glyph  # a PDF word
    assert BULLET_START.match(f"{glyph} Styrkor")  # a list item across a text export's page break
    match = BULLET.match(f"{glyph} Styrkor")  # the extractors' list items
    assert match is not None and match["glyph"] == glyph and match["text"] == "Styrkor"
