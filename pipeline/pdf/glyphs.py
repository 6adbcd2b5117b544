"""Step 1, glyphs: what pdfminer draws on a page, as glyphs with boxes and ruling lines.

pdfminer's interpreter runs the page's content stream and hands each character to a device. Its
layout device builds an ``LTChar`` object per character (matrix, font, colour space, graphic
state) that kompass would only turn into a :class:`Glyph`; three quarters of the time of reading
a page went there. :class:`GlyphRecorder` is a device that records the glyph directly, computing
its box with the same arithmetic as ``LTChar`` (so the boxes are the same floats), and leaves
lines, rectangles and figures to pdfminer's layout device, which draws few of them. Everything
after this step is plain geometry on :class:`Glyph` and :class:`Rule`, testable on made-up pages.

Coordinates are PDF points with ``top`` measured down from the top of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTContainer, LTCurve, LTItem, LTLine, LTRect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import Matrix, apply_matrix_rect
from pdfplumber.page import Page

# A drawn line or rectangle at most this thick (points) is a ruling line.
RULE_THICKNESS = 2.0


class Glyph(NamedTuple):
    """One drawn character: its text, box and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


class Rule(NamedTuple):
    """A ruling line (a drawn line or a thin rectangle), horizontal or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def is_horizontal(self) -> bool:
        return self.x1 - self.x0 > self.bottom - self.top


class GlyphRecorder(PDFPageAggregator):
    """A pdfminer device that keeps each upright character as a :class:`Glyph` in drawing order.

    Boxes are in pdfminer's page space (``y`` up from the bottom) until :func:`page_glyphs`
    turns them over. Characters that are not upright (rotated or mirrored text: margin notes,
    watermarks) are skipped, as before.
    """

    def __init__(self, rsrcmgr: PDFResourceManager, pageno: int) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=None)
        self.glyphs: list[tuple[str, float, float, float, float, float]] = []

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        """Record the character and return its advance, as pdfminer's layout device does."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        adv: float = font.char_width(cid) * fontsize * scaling
        a, b, c, d, _e, _f = matrix
        if not (a * d * scaling > 0 and b * c <= 0):
            return adv  # not upright
        # The box as LTChar computes it, in the same order of operations.
        if font.is_vertical():
            vx, vy = font.char_disp(cid)  # type: ignore[misc]
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        x0, y0, x1, y1 = apply_matrix_rect(matrix, bbox)
        size = x1 - x0 if font.is_vertical() else y1 - y0
        self.glyphs.append((text, x0, y0, x1, y1, size))
        return adv


def page_glyphs(page: Page) -> tuple[list[Glyph], list[Rule]]:
    """The page's upright glyphs in drawing order and its ruling lines."""
    device = GlyphRecorder(page.pdf.rsrcmgr, page.page_number)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    height = float(page.height)
    left, top = float(page.mediabox[0]), float(page.mediabox[1])
    glyphs = [
        Glyph(text, x0 + left, x1 + left, height - y1 + top, height - y0 + top, size)
        for text, x0, y0, x1, y1, size in device.glyphs
    ]
    rules: list[Rule] = []
    for item in _walk(device.get_result()):
        if isinstance(item, LTLine | LTRect):
            rule = _rule(item, height, left, top)
            if rule is not None:
                rules.append(rule)
    return glyphs, rules


def _walk(container: LTContainer[Any]) -> Iterator[LTItem]:
    """The layout's objects in drawing order, descending into figures (form XObjects)."""
    for item in container:
        if isinstance(item, LTContainer):
            yield from _walk(item)
        else:
            yield item


def _rule(item: LTCurve, height: float, left: float, top: float) -> Rule | None:
    width, tall = item.x1 - item.x0, item.y1 - item.y0
    if (width <= RULE_THICKNESS) == (tall <= RULE_THICKNESS):
        return None  # a dot, a filled box or a diagonal: no ruling line
    return Rule(item.x0 + left, height - item.y1 + top, item.x1 + left, height - item.y0 + top)
