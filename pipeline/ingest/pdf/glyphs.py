"""Step 1, glyphs: what pdfminer draws on a page, as glyphs with boxes and ruling lines.

pdfminer's interpreter runs the page's content stream and hands each character to a device. Its
layout device builds an ``LTChar`` object per character (matrix, font, colour space, graphic
state) that kompass would only turn into a :class:`Glyph`; three quarters of the time of reading
a page went there. :class:`GlyphRecorder` is a device that records the glyph directly, computing
its box with the same arithmetic as ``LTChar`` (so the boxes are the same floats), and leaves
lines, rectangles and figures to pdfminer's layout device, which draws few of them. Everything
after this step is plain geometry on :class:`Glyph` and :class:`Ruling`, testable on made-up pages.

The recorder also notes what a reader cannot see: text drawn invisible (render mode 3, or 7: clip
only), and text drawn first and then painted over by an opaque image (both are how OCRmyPDF and
scanners lay a searchable text layer on a page image), and how much of the page images cover. A
scan's words are what its image shows, not what its hidden layer says (``scans``).

Coordinates are PDF points with ``top`` measured down from the top of the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTContainer, LTCurve, LTItem, LTLine, LTRect
from pdfminer.pdfdevice import PDFTextSeq
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager, PDFTextState
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.utils import Matrix, Point, apply_matrix_rect
from pdfplumber.page import Page

# A drawn line or rectangle at most this thick (points) is a ruling line.
RULE_THICKNESS = 2.0
# Text render modes that paint nothing: 3 (neither fill nor stroke) and 7 (add to the clip only).
INVISIBLE_RENDER_MODES = frozenset({3, 7})
# Image dictionary keys that let what is under an image show through: a soft mask, a colour-key or
# stencil mask, or the image itself a stencil.
SEE_THROUGH_KEYS = ("SMask", "Mask", "ImageMask")


class TextBox(NamedTuple):
    """Text on a page with its box (PDF points, top measured down), font size and how sure its
    reading is: the shape of a glyph, of a word and of a word OCR read, declared once."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    # How sure the text is read, from 0 to 100: Tesseract's confidence in a word it read; what a
    # text layer draws is read as drawn.
    confidence: float = 100.0


class Glyph(TextBox):
    """One drawn character: its text, box and font size."""

    __slots__ = ()  # as lean as the tuple it is


class Ruling(NamedTuple):
    """A ruling line (a drawn line or a thin rectangle), horizontal or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def is_horizontal(self) -> bool:
        return self.x1 - self.x0 > self.bottom - self.top


class Box(NamedTuple):
    """A rectangle on the page: x0, top, x1, bottom."""

    x0: float
    top: float
    x1: float
    bottom: float


class PageDrawing(NamedTuple):
    """What a page draws: its visible glyphs and ruling lines, the glyphs a reader cannot see
    (``hidden``: drawn invisible or under an opaque image) and the share of the page its images
    cover (``image_share``, 0 to 1)."""

    glyphs: list[Glyph]
    rules: list[Ruling]
    hidden: list[Glyph]
    image_share: float


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
        # Glyphs drawn in an invisible render mode, and each image with the number of glyphs
        # drawn before it and whether it hides what is under it.
        self.invisible: list[Glyph] = []
        self.images: list[tuple[Box, int, bool]] = []
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

    def render_string(
        self, textstate: PDFTextState, seq: PDFTextSeq, ncs: Any, graphicstate: PDFGraphicState
    ) -> None:
        """Draw a string; in an invisible render mode its glyphs go to :attr:`invisible`."""
        if textstate.render not in INVISIBLE_RENDER_MODES:
            super().render_string(textstate, seq, ncs, graphicstate)
            return
        drawn, self.glyphs = self.glyphs, self.invisible
        try:
            super().render_string(textstate, seq, ncs, graphicstate)
        finally:
            self.glyphs = drawn

    def render_image(self, name: str, stream: PDFStream) -> None:
        """Keep the image in the layout and note where it lies and what it covers."""
        super().render_image(name, stream)
        height, left, top = self._place
        figure = self.cur_item
        box = Box(figure.x0 + left, height - figure.y1 + top, figure.x1 + left, height - figure.y0 + top)
        opaque = not any(stream.get(key) for key in SEE_THROUGH_KEYS)
        self.images.append((box, len(self.glyphs), opaque))

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


class RulingRecorder(PDFPageAggregator):
    """A pdfminer device that skips text and images: only lines, rectangles and figures are laid
    out, for a page whose glyphs another reader gives (``pdfium_glyphs``)."""

    def render_string(
        self, textstate: PDFTextState, seq: PDFTextSeq, ncs: Any, graphicstate: PDFGraphicState
    ) -> None:
        return None

    def render_image(self, name: str, stream: PDFStream) -> None:
        return None


def page_glyphs(page: Page) -> PageDrawing:
    """The page's visible upright glyphs in drawing order, its ruling lines, its hidden glyphs and
    the share of it that images cover."""
    height = float(page.height)
    left, top = page_place(page)
    device = GlyphRecorder(page.pdf.rsrcmgr, page.page_number, height, left, top)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    rules = _rules(device.get_result(), height, left, top)
    return drawing_of(page, device.glyphs, rules, device.invisible, device.images)


def page_rulings(page: Page) -> list[Ruling]:
    """The page's ruling lines alone: its text is not laid out."""
    height = float(page.height)
    left, top = page_place(page)
    device = RulingRecorder(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    return _rules(device.get_result(), height, left, top)


def page_place(page: Page) -> tuple[float, float]:
    """Where the page's media box starts (left, and its lower edge), which pdfminer's coordinates
    leave out and the glyphs' boxes put back."""
    return float(page.mediabox[0]), float(page.mediabox[1])


def font_descents(page: Page) -> dict[str, float]:
    """The descent per point of size of each font in the page's resources, by its name without a
    subset tag, as pdfminer reads it (the font descriptor's, or a standard font's metrics)."""
    descents: dict[str, float] = {}
    fonts = page.page_obj.resources.get("Font") if isinstance(page.page_obj.resources, dict) else None
    for spec in (resolve1(fonts) or {}).values():
        try:
            font = page.pdf.rsrcmgr.get_font(None, resolve1(spec))
        except Exception:  # a damaged font is left to the glyph reader's own metrics
            continue
        name = str(getattr(font, "fontname", "")).split("+")[-1]
        descents.setdefault(name, font.get_descent())
    return descents


def drawing_of(
    page: Page,
    glyphs: list[Glyph],
    rules: list[Ruling],
    invisible: list[Glyph],
    images: list[tuple[Box, int, bool]],
) -> PageDrawing:
    """A page's drawing from the glyphs a reader recorded, each image with the number of glyphs
    drawn before it and whether it is opaque: glyphs painted over go with the invisible ones."""
    height = float(page.height)
    left, top = page_place(page)
    seen, covered = _uncovered(glyphs, images)
    share = _image_share(images, Box(left, top, left + float(page.width), top + height))
    return PageDrawing(seen, rules, invisible + covered, share)


def _rules(layout: LTContainer[Any], height: float, left: float, top: float) -> list[Ruling]:
    rules: list[Ruling] = []
    for item in _walk(layout):
        if isinstance(item, LTLine | LTRect):
            rule = _rule(item, height, left, top)
            if rule is not None:
                rules.append(rule)
    return rules


def _uncovered(glyphs: list[Glyph], images: list[tuple[Box, int, bool]]) -> tuple[list[Glyph], list[Glyph]]:
    """The glyphs no opaque image was drawn over afterwards, and those one was (by the glyph's
    centre: what is painted later hides what was painted before)."""
    covers = [(box, before) for box, before, opaque in images if opaque]
    if not covers:
        return glyphs, []
    seen: list[Glyph] = []
    covered: list[Glyph] = []
    for index, glyph in enumerate(glyphs):
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        hidden = any(
            index < before and box.x0 <= x <= box.x1 and box.top <= y <= box.bottom for box, before in covers
        )
        (covered if hidden else seen).append(glyph)
    return seen, covered


def _image_share(images: list[tuple[Box, int, bool]], page: Box) -> float:
    """The share of the page the images cover, each clipped to the page (overlaps counted once
    per image, so the sum is capped at the whole page)."""
    whole = (page.x1 - page.x0) * (page.bottom - page.top)
    area = 0.0
    for box, _before, _opaque in images:
        w = min(box.x1, page.x1) - max(box.x0, page.x0)
        h = min(box.bottom, page.bottom) - max(box.top, page.top)
        if w > 0 and h > 0:
            area += w * h
    return min(1.0, area / whole) if whole > 0 else 0.0


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
