"""Printed marks that carry a document's structure, declared once for text exports, PDFs, scans
and the extractors: the glyphs that mark a list item, and the forms of a page number."""

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

# A line that is a page number, in any of the usual forms: "12", "12 (27)", "- 12 -", "(12)",
# "Sida 12 av 27", "s. 12", "Page 12 of 27", "12/27"; the page is the group ``page``.
PAGE_NUMBER = regex.compile(
    r"^\s*(?:(?:sida|page|s\.)\s*)?[-–(]?\s*(?P<page>\d{1,3})\s*[-–)]?(?:\s*(?:\(|av|of|/)\s*\d{1,3}\s*\)?)?\s*$",
    regex.IGNORECASE,
)
