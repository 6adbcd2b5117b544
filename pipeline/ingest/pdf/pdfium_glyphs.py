"""Step 1, glyphs, read by pdfium instead of pdfminer (experimental, not the default).

pdfium's text page gives each character's text, origin, matrix, font size and advance in C; this
module turns them into the same :class:`Glyph` records as ``glyphs`` does, with the box computed
as pdfminer's ``LTChar`` computes it: from the origin to the advance along the baseline, and from
the font's descent to the descent plus the font size across it. Glyphs drawn invisible (render
mode 3 or 7) and glyphs an opaque image is painted over afterwards are kept apart as ``hidden``,
as ``glyphs`` does. Ruling lines still come from pdfminer (``glyphs.page_rulings``): pdfplumber
stays the way rulings and the PDF's structure are read.

A page with a ``/Rotate`` entry is not read here (pdfium's coordinates are the unturned page's):
the reader falls back to pdfminer for it. Select this reader with ``glyph_reader="pdfium"`` on
``read_pdf`` or ``KOMPASS_GLYPH_READER=pdfium``; docs/pdf-input.md has the comparison.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NamedTuple

import pypdfium2
import pypdfium2.raw as pdfium_c

from pipeline.ingest.pdf.glyphs import INVISIBLE_RENDER_MODES, Box, Glyph

# pdfium writes a character its font maps to no Unicode as the character code itself; pdfminer
# writes "(cid:N)", which the later steps know (a bullet may be one).
UNMAPPED = "(cid:{})"
# What pdfium's text page puts between runs of text (spaces, line breaks) without a glyph drawn.
GENERATED = 1
# pdfium writes a hyphen that ends a printed line as this code; pdfminer gives the hyphen.
LINE_END_HYPHEN = 2


class PdfiumDrawing(NamedTuple):
    """What pdfium reads on a page: its visible upright glyphs in drawing order, the glyphs drawn
    invisible, and each image with the number of visible glyphs drawn before it and whether it is
    opaque (the shape ``glyphs`` uses to find glyphs painted over)."""

    glyphs: list[Glyph]
    invisible: list[Glyph]
    images: list[tuple[Box, int, bool]]


class PdfiumGlyphs:
    """The glyphs of the pages of one open PDF; use :func:`open_pdfium_glyphs` so it is closed."""

    def __init__(self, document: Any) -> None:
        self._document = document

    def page_drawing(
        self, page_number: int, height: float, bottom_edge: float, descents: Mapping[str, float]
    ) -> PdfiumDrawing:
        """Page ``page_number`` (1-based) as glyphs in kompass's coordinates: points, ``top`` down
        from the top of the page, placed as ``glyphs`` places them on a media box whose lower edge
        is at ``bottom_edge``. ``descents`` gives fonts' descents per point by name (without a
        subset tag) as pdfminer reads them from the PDF (``glyphs.font_descents``): pdfium's come
        from the font file or, for a standard font not embedded, from its stand-in font."""
        page = self._document[page_number - 1]
        try:
            order, images = _page_objects(page.raw)
            textpage = page.get_textpage()
            try:
                return _read_chars(textpage.raw, (height, bottom_edge), order, images, descents)
            finally:
                textpage.close()
        finally:
            page.close()


@contextmanager
def open_pdfium_glyphs(data: bytes) -> Iterator[PdfiumGlyphs]:
    """A glyph reader over the PDF in ``data``, closed when the block ends."""
    document = pypdfium2.PdfDocument(data)
    try:
        yield PdfiumGlyphs(document)
    finally:
        document.close()


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _page_objects(page: Any) -> tuple[dict[int, int], list[tuple[Box, int]]]:
    """Each text object's place in drawing order (by address), and each opaque or see-through
    image's box (in pdfium's space: y up) with its place, descending into form XObjects."""
    order: dict[int, int] = {}
    images: list[tuple[Box, int]] = []

    def walk(count: int, get: Any) -> None:
        for index in range(count):
            obj = get(index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                order[_address(obj)] = len(order)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
                if pdfium_c.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1):
                    opaque = not pdfium_c.FPDFPageObj_HasTransparency(obj)
                    box = Box(x0.value, y0.value, x1.value, y1.value)
                    images.append((box, len(order) if opaque else -1))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                walk(count, lambda i, form=obj: pdfium_c.FPDFFormObj_GetObject(form, i))

    walk(pdfium_c.FPDFPage_CountObjects(page), lambda i: pdfium_c.FPDFPage_GetObject(page, i))
    return order, images


def _read_chars(
    textpage: Any,
    place: tuple[float, float],
    order: dict[int, int],
    images: list[tuple[Box, int]],
    descents: Mapping[str, float],
) -> PdfiumDrawing:
    height, top = place
    # pdfminer's y starts at the media box's lower edge, which ``glyphs`` adds once more when it
    # turns y into ``top``; pdfium's y is the page's own. The offset media box of the awkward page
    # in tests/test_pdfium_glyphs.py checks that both land on the same ``top``.
    offset = top
    glyphs: list[Glyph] = []
    invisible: list[Glyph] = []
    # Per text object: its render mode, font, font descent (per point of size) and drawing place.
    objects: dict[int, tuple[bool, Any, float, int]] = {}
    # Per font and character, its advance per point of size.
    widths: dict[tuple[int, int], float] = {}
    width = ctypes.c_float()
    # The number of visible glyphs drawn before each text object's place.
    drawn_before: list[tuple[int, int]] = []
    matrix = pdfium_c.FS_MATRIX()
    loose = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == GENERATED:
            continue
        obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        key = _address(obj)
        known = objects.get(key)
        if known is None:
            known = objects[key] = _text_object(obj, order.get(key, len(order)), descents)
        hidden, font, descent, place_index = known
        pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        if not (a * d > 0 and b * c <= 0):
            continue  # not upright, as glyphs skips it
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage, index):
            text = UNMAPPED.format(code)
        else:
            text = "-" if code == LINE_END_HYPHEN else chr(code)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        # The box as LTChar's: from the origin over the advance along the baseline, and from the
        # descent to the descent plus the font size across it, through the character's matrix.
        advance = widths.get((key, code)) if text != "-" else -1.0
        if advance is None:
            found = font and pdfium_c.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1.0), width)
            advance = widths[(key, code)] = width.value * size if found else -1.0
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
        # No width for this character, or a hyphen, whose code pdfium looks its width up by is
        # another (the soft hyphen's, narrower): pdfium's loose box, which reaches out to the ink.
        if advance < 0:
            pdfium_c.FPDFText_GetLooseCharBox(textpage, index, loose)
            advance = (loose.right - loose.left) / a
        low = descent * size
        x0, y0, x1, y1 = _matrix_rect(a, b, c, d, x.value, y.value + offset, (advance, low, low + size))
        glyph = Glyph(text, x0, x1, height - y1 + top, height - y0 + top, y1 - y0)
        if hidden:
            invisible.append(glyph)
        else:
            drawn_before.append((place_index, len(glyphs)))
            glyphs.append(glyph)
    return PdfiumDrawing(glyphs, invisible, _placed_images(images, drawn_before, height))


def _matrix_rect(
    a: float, b: float, c: float, d: float, x: float, y: float, extent: tuple[float, float, float]
) -> tuple[float, float, float, float]:
    """The bounds of the text-space rectangle from (0, low) to (advance, high) through the matrix
    (a, b, c, d) at the origin (x, y), as pdfminer's ``apply_matrix_rect``."""
    advance, low, high = extent
    xs = (c * low + x, a * advance + c * low + x, c * high + x, a * advance + c * high + x)
    ys = (d * low + y, b * advance + d * low + y, d * high + y, b * advance + d * high + y)
    return min(xs), min(ys), max(xs), max(ys)


def _text_object(obj: Any, place_index: int, descents: Mapping[str, float]) -> tuple[bool, Any, float, int]:
    """Whether the text object is drawn invisible, its font and the font's descent per point,
    and its place."""
    hidden = pdfium_c.FPDFTextObj_GetTextRenderMode(obj) in INVISIBLE_RENDER_MODES
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    return hidden, font, _descent(font, descents) if font else 0.0, place_index


def _descent(font: Any, descents: Mapping[str, float]) -> float:
    """The font's descent per point of size: as pdfminer reads it where known, else pdfium's."""
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
    known = descents.get(buffer.value.decode("latin-1").split("+")[-1])
    if known is not None:
        return known
    descent = ctypes.c_float()
    return descent.value if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), descent) else 0.0


def _placed_images(
    images: list[tuple[Box, int]], drawn_before: list[tuple[int, int]], height: float
) -> list[tuple[Box, int, bool]]:
    """Each image in kompass's coordinates (where pdfminer's and pdfium's y agree) with the
    number of visible glyphs drawn before it and whether it is opaque (a see-through image was
    marked with place -1)."""
    placed = []
    for box, image_place in images:
        before = sum(1 for text_place, _ in drawn_before if text_place < image_place)
        turned = Box(box.x0, height - box.bottom, box.x1, height - box.top)
        placed.append((turned, before, image_place >= 0))
    return placed
