"""Step 1, glyphs: what pdfminer drew on a page, as glyphs with boxes and ruling lines.

pdfplumber's ``page.layout`` gives pdfminer's layout objects, and the glyphs and ruling lines are
taken straight from them. That skips pdfplumber's conversion of every glyph to a dictionary, two
thirds of the time ``page.extract_text()`` spends on a page. Everything after this step is plain
geometry on :class:`Glyph` and :class:`Ruling`, testable on made-up pages.

Coordinates are PDF points with ``top`` measured down from the top of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTItem, LTLine, LTRect
from pdfplumber.page import Page

# The same records as the reader under test, so the two readers' output compares field for field.
from pipeline.ingest.pdf.glyphs import Glyph, Ruling

# A drawn line or rectangle at most this thick (points) is a ruling line.
RULE_THICKNESS = 2.0


def page_glyphs(page: Page) -> tuple[list[Glyph], list[Ruling]]:
    """The page's upright glyphs in drawing order and its ruling lines."""
    height = float(page.height)
    left, top = float(page.mediabox[0]), float(page.mediabox[1])
    glyphs: list[Glyph] = []
    rules: list[Ruling] = []
    for item in _walk(page.layout):
        if isinstance(item, LTChar):
            if item.upright:
                glyphs.append(
                    Glyph(item.get_text(), item.x0 + left, item.x1 + left,
                          height - item.y1 + top, height - item.y0 + top, item.size)
                )  # fmt: skip
        elif isinstance(item, LTLine | LTRect):
            rule = _rule(item, height, left, top)
            if rule is not None:
                rules.append(rule)
    return glyphs, rules


def _walk(container: LTContainer[Any]) -> Iterator[LTItem]:
    """The layout's objects in drawing order, descending into figures (form XObjects)."""
    for item in container:
        if isinstance(item, LTContainer) and not isinstance(item, LTChar):
            yield from _walk(item)
        else:
            yield item


def _rule(item: LTCurve, height: float, left: float, top: float) -> Ruling | None:
    width, tall = item.x1 - item.x0, item.y1 - item.y0
    if (width <= RULE_THICKNESS) == (tall <= RULE_THICKNESS):
        return None  # a dot, a filled box or a diagonal: no ruling line
    return Ruling(item.x0 + left, height - item.y1 + top, item.x1 + left, height - item.y0 + top)
