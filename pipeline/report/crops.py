"""Page crops for the report: the region around a finding's value, with the value and the figures
it was compared with highlighted, as small PNG images.

Only errors and warnings get crops, at a low resolution and a capped size, so a report of a large
batch stays quick to write and to open; each is a file beside the report's pages. The pages are
rendered by :mod:`pipeline.ingest.pdf.render`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.model.document import Box

DPI = 100
MARGIN = 12.0  # points of page around the boxes
PAGE_WIDE = 10_000.0  # points: wider than any page; the renderer keeps the region on the page
MAX_HEIGHT = 260.0  # points: a taller region is cut down to the part around the value
VALUE_COLOUR = (220, 30, 30)
COMPARED_COLOUR = (30, 90, 220)
CROPPED_SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Highlight:
    """What to mark on a page: the value's box, or a box of a figure it was compared with."""

    page: int
    box: Box
    is_value: bool


@dataclass(frozen=True)
class Crop:
    """A PNG crop of one page, and its size in pixels."""

    page: int
    png: bytes
    width: int
    height: int


def parse_boxes(text: str | None) -> list[Highlight]:
    """The ``compared_boxes`` column's "page x0 top x1 bottom; …" as highlights."""
    out = []
    for part in (text or "").split(";"):
        values = part.split()
        if len(values) == 5:
            page, *box = (float(v) for v in values)
            out.append(Highlight(int(page), (box[0], box[1], box[2], box[3]), is_value=False))
    return out


def _region(marks: Sequence[Highlight]) -> Box:
    """A strip across the whole page (so the value's row shows whole, with its labels) from above
    the highest box to below the lowest, cut to MAX_HEIGHT around the value if taller."""
    x0, x1 = 0.0, PAGE_WIDE
    top, bottom = min(m.box[1] for m in marks) - MARGIN, max(m.box[3] for m in marks) + MARGIN
    if bottom - top > MAX_HEIGHT:
        anchor = next((m.box for m in marks if m.is_value), marks[0].box)
        middle = (anchor[1] + anchor[3]) / 2
        top, bottom = max(top, middle - MAX_HEIGHT / 2), min(bottom, middle + MAX_HEIGHT / 2)
    return (x0, top, x1, bottom)


def _png(image: object) -> bytes:
    buffer = io.BytesIO()
    # 16 colours keep black text on white and the two highlight colours legible at a quarter of the
    # bytes; the fast octree palette costs a tenth of the default's time.
    from PIL.Image import Quantize

    image.quantize(16, method=Quantize.FASTOCTREE).save(buffer, format="PNG")  # type: ignore[attr-defined]
    return buffer.getvalue()


def _draw(renderer: object, page: int, marks: Sequence[Highlight]) -> Crop:
    from PIL import ImageDraw

    region = _region(marks)
    image = renderer.region_image(page, region, DPI)  # type: ignore[attr-defined]
    scale = DPI / 72.0
    # region_image keeps the region on the page: measure from where the crop really starts.
    origin_x, origin_y = max(region[0], 0.0), max(region[1], 0.0)
    draw = ImageDraw.Draw(image)
    for mark in sorted(marks, key=lambda m: m.is_value):  # the value drawn last, on top
        x0, top, x1, bottom = mark.box
        left, upper = (x0 - origin_x) * scale - 2, (top - origin_y) * scale - 2
        right, lower = (x1 - origin_x) * scale + 2, (bottom - origin_y) * scale + 2
        colour = VALUE_COLOUR if mark.is_value else COMPARED_COLOUR
        draw.rectangle((left, upper, right, lower), outline=colour, width=2)
    return Crop(page, _png(image), image.width, image.height)


def crops_of_pdf(path: Path, findings: Iterable[Sequence[Highlight]]) -> list[list[Crop]]:
    """For each finding's highlights, one crop per page they are on (in page order).

    Raises ``OSError`` when the file cannot be read; a page that cannot be rendered gives no crop.
    """
    from pipeline.ingest.pdf import open_renderer

    data = path.read_bytes()
    out: list[list[Crop]] = []
    with open_renderer(data) as renderer:
        for marks in findings:
            pages = sorted({m.page for m in marks})
            crops = []
            for page in pages:
                if 1 <= page <= len(renderer):
                    crops.append(_draw(renderer, page, [m for m in marks if m.page == page]))
            out.append(crops)
    return out
