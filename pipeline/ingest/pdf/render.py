"""Page images from PDF bytes with pypdfium2: the one module that renders pages.

OCR reads scanned pages from these images, and the audit report crops them around a finding.
pypdfium2 comes with pdfplumber, so rendering needs nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image

POINTS_PER_INCH = 72.0
# In a page image rendered here in grey, darker than this (0 black - 255 white) is ink: one
# threshold for every step that looks for ink (deskew, rulings, bullets, Tesseract's words).
INK_BELOW = 128
# White paper in such an image.
WHITE = 255


class PageRenderer:
    """Renders pages of one open PDF; use :func:`open_renderer` so the document is closed."""

    def __init__(self, document: object) -> None:
        self._document = document

    def __len__(self) -> int:
        return len(self._document)  # type: ignore[arg-type]

    def page_image(self, page_number: int, dpi: float, grayscale: bool = True) -> Image:
        """Page ``page_number`` (1-based) as an image at ``dpi`` pixels per inch, rotation applied."""
        page = self._document[page_number - 1]  # type: ignore[index]
        try:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=grayscale)
            image = bitmap.to_pil()
            return image.convert("L") if grayscale else image.convert("RGB")
        finally:
            page.close()

    def region_image(
        self, page_number: int, box: tuple[float, float, float, float], dpi: float, margin: float = 0
    ) -> Image:
        """The part of a page inside ``box`` (x0, top, x1, bottom in points, top measured down from
        the top of the page), widened by ``margin`` points on every side and kept on the page.

        Only the region is rendered (a strip costs a fraction of the whole page), also on a turned
        page: pdfium cuts the region after turning the page, in the page's coordinates as shown."""
        page = self._document[page_number - 1]  # type: ignore[index]
        try:
            return _render_region(page, box, dpi, margin)
        finally:
            page.close()


def _pixels(
    box: tuple[float, float, float, float], dpi: float, margin: float, width: int, height: int
) -> tuple[int, int, int, int]:
    """``box`` widened by ``margin`` as pixel edges at ``dpi``, kept within ``width`` x ``height``
    and at least one pixel each way."""
    scale = dpi / POINTS_PER_INCH
    x0, top, x1, bottom = box
    left = min(max(0, int((x0 - margin) * scale)), width - 1)
    upper = min(max(0, int((top - margin) * scale)), height - 1)
    right = min(width, int((x1 + margin) * scale) + 1)
    lower = min(height, int((bottom + margin) * scale) + 1)
    return left, upper, max(right, left + 1), max(lower, upper + 1)


def _render_region(page: Any, box: tuple[float, float, float, float], dpi: float, margin: float) -> Image:
    page_width, page_height = page.get_size()
    scale = dpi / POINTS_PER_INCH
    left, upper, right, lower = _pixels(box, dpi, margin, int(page_width * scale), int(page_height * scale))
    # pypdfium2 crops (left, bottom, right, top) points off the page's edges before rendering.
    crop = (left / scale, page_height - lower / scale, page_width - right / scale, upper / scale)
    bitmap = page.render(scale=scale, crop=tuple(max(0.0, c) for c in crop))
    return bitmap.to_pil().convert("RGB")


@contextmanager
def open_renderer(data: bytes) -> Iterator[PageRenderer]:
    """A renderer over the PDF in ``data``, closed when the block ends."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        yield PageRenderer(document)
    finally:
        document.close()
