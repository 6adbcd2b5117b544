"""Printed marks that carry a document's structure, declared once for text exports, PDFs, scans
and the extractors: the glyphs that mark a list item."""

from __future__ import annotations

import regex

# The glyphs word processors draw before a list item (dashes aside: whether a dash is a bullet
# depends on what follows it, which each reader decides). U+F0xx are the Symbol and Wingdings
# glyphs that PDFs of Word's bullets give when their font maps no text to them.
BULLET_GLYPHS = frozenset(
    "•●◦▪▫■□○◆◇‣⁃∙·➢➤►▸▹✓✔❖→\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf075\uf0e0"
)
# A character class matching any bullet glyph, for the readers' patterns.
BULLET_GLYPH_CLASS = "[" + "".join(regex.escape(glyph) for glyph in sorted(BULLET_GLYPHS)) + "]"
