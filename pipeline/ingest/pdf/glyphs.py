"""Step 1, glyphs: what pdfminer draws on a page, as glyphs with boxes and ruling lines.

pdfminer's interpreter runs the page's content stream and hands each character to a device. Its
layout device builds an ``LTChar`` object per character (matrix, font, colour space, graphic
state) that kompass would only turn into a :class:`Glyph`; three quarters of the time of reading
a page went there. :class:`GlyphRecorder` is a device that records the glyph directly, computing
its box with the same arithmetic as ``LTChar`` (so the boxes are the same floats), and leaves
lines, rectangles and figures to pdfminer's layout device, which draws few of them. Everything
after this step is plain geometry on :class:`Glyph` and :class:`Ruling`, testable on made-up pages.

Coordinates are PDF points with ``top`` measured down from the top of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTContainer, LTCurve, LTItem, LTLine, LTRect
from pdfminer.pdfdevice import PDFTextSeq
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import Matrix, Point, apply_matrix_rect
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


class Ruling(NamedTuple):
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

    Characters that are not upright (rotated or mirrored text: margin notes, watermarks) are
    skipped. ``height``, ``left`` and ``top`` place the page: boxes are turned from pdfminer's
    space (``y`` up from the bottom of the media box) into ``top`` down from the top of the page.
    """

    def __init__(
        self, rsrcmgr: PDFResourceManager, pageno: int, height: float, left: float, top: float
    ) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=None)
        self.glyphs: list[Glyph] = []
        self._place = (height, left, top)
        # Per font, each character code's text and width: a page draws a few dozen characters
        # a few thousand times, and pdfminer looks both up anew each time.
        self._chars: dict[int, dict[int, tuple[str, float]]] = {}

    def _char(self, font: PDFFont, cid: int) -> tuple[str, float]:
        chars = self._chars.setdefault(id(font), {})
        known = chars.get(cid)
        if known is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            known = chars[cid] = (text, font.char_width(cid))
        return known

    def _record(self, text: str, x0: float, y0: float, x1: float, y1: float, size: float) -> None:
        height, left, top = self._place
        self.glyphs.append(Glyph(text, x0 + left, x1 + left, height - y1 + top, height - y0 + top, size))

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
        """Record one character (of vertical text: horizontal text goes through
        :meth:`render_string_horizontal`) and return its advance, as pdfminer's layout device does."""
        text, width = self._char(font, cid)
        adv: float = width * fontsize * scaling
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
        self._record(text, x0, y0, x1, y1, x1 - x0 if font.is_vertical() else y1 - y0)
        return adv

    def render_string_horizontal(
        self,
        seq: PDFTextSeq,
        matrix: Matrix,
        pos: Point,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        charspace: float,
        wordspace: float,
        rise: float,
        dxscale: float,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> Point:
        """pdfminer's loop over a string's characters with the character inlined: most of the
        time of reading a page is here. Each value is computed as pdfminer computes it
        (``translate_matrix``, then ``LTChar``'s box through ``apply_matrix_rect``), operation
        for operation, so the boxes are the same floats."""
        x, y = pos
        a, b, c, d, e, f = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        descent = font.get_descent() * fontsize
        low, high = descent + rise, descent + rise + fontsize
        # The parts of apply_matrix_pt's ``a * x + c * y + e`` that do not change along the string.
        a0_clow, a0_chigh = a * 0 + c * low, a * 0 + c * high
        b0_dlow, b0_dhigh = b * 0 + d * low, b * 0 + d * high
        clow, chigh, dlow, dhigh = c * low, c * high, d * low, d * high
        glyphs = self.glyphs
        height, left, top = self._place
        chars = self._chars.setdefault(id(font), {})
        needcharspace = False
        for obj in seq:
            if isinstance(obj, int | float):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                continue  # pdfminer logs and skips what is neither a number nor a string
            for cid in font.decode(obj):
                if needcharspace:
                    x += charspace
                text, width = chars.get(cid) or self._char(font, cid)
                adv = width * fontsize * scaling
                if upright:
                    e2, f2 = x * a + y * c + e, x * b + y * d + f
                    aadv, badv = a * adv, b * adv
                    left1, right1 = a0_clow + e2, aadv + clow + e2
                    right2, left2 = aadv + chigh + e2, a0_chigh + e2
                    bottom1, bottom2 = b0_dlow + f2, badv + dlow + f2
                    top1, top2 = badv + dhigh + f2, b0_dhigh + f2
                    x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
                    y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
                    glyphs.append(
                        Glyph(text, x0 + left, x1 + left, height - y1 + top, height - y0 + top, y1 - y0)
                    )
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        return (x, y)


def page_glyphs(page: Page) -> tuple[list[Glyph], list[Ruling]]:
    """The page's upright glyphs in drawing order and its ruling lines."""
    height = float(page.height)
    left, top = float(page.mediabox[0]), float(page.mediabox[1])
    device = GlyphRecorder(page.pdf.rsrcmgr, page.page_number, height, left, top)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    rules: list[Ruling] = []
    for item in _walk(device.get_result()):
        if isinstance(item, LTLine | LTRect):
            rule = _rule(item, height, left, top)
            if rule is not None:
                rules.append(rule)
    return device.glyphs, rules


def _walk(container: LTContainer[Any]) -> Iterator[LTItem]:
    """The layout's objects in drawing order, descending into figures (form XObjects)."""
    for item in container:
        if isinstance(item, LTContainer):
            yield from _walk(item)
        else:
            yield item


def _rule(item: LTCurve, height: float, left: float, top: float) -> Ruling | None:
    width, tall = item.x1 - item.x0, item.y1 - item.y0
    if (width <= RULE_THICKNESS) == (tall <= RULE_THICKNESS):
        return None  # a dot, a filled box or a diagonal: no ruling line
    return Ruling(item.x0 + left, height - item.y1 + top, item.x1 + left, height - item.y0 + top)
