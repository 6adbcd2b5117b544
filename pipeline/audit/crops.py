"""Page crops for the report: the region around a finding's value, with the value and the figures
it was compared with highlighted, as small PNG images.

Only errors and warnings get crops, at a low resolution and a capped size, so a report of a large
batch stays quick to write and to open; each is a file beside the report's pages. The pages are
rendered by :mod:`pipeline.ingest.pdf.render`, in a worker process under ``--timeout`` and
``--max-memory`` (:class:`CropDrawer`): a PDF that renders for ever, needs gigabytes, or was
replaced by a named pipe since the run costs its report's crops, with a note, never the report.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def _crops_of_data(data: bytes, findings: Iterable[Sequence[Highlight]]) -> list[list[Crop]]:
    """For each finding's highlights, one crop per page they are on (a page the PDF lacks gives none)."""
    from pipeline.ingest.pdf import open_renderer

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


@dataclass(frozen=True)
class CropRequest:
    """What the crop worker is asked: the crops of the PDF at ``path`` (as it was read: its
    SHA-256, if known) for each finding's highlights, reading at most ``max_file_bytes``."""

    path: str
    sha256: str
    findings: tuple[tuple[Highlight, ...], ...]
    max_file_bytes: int | None


class CropError(Exception):
    """No crops for a report; the message is the note the report shows instead."""


def _draw_in_worker(request: CropRequest) -> list[bytes]:
    """The crop worker's answer: a JSON header (each finding's crops' page and size, or why there
    are none), then each crop's PNG bytes in order. The file is read as the digitizing read it:
    without blocking, only a regular file, within the size limit."""
    from pipeline.ingest import IngestError, read_bytes

    path = Path(request.path)
    try:
        data = read_bytes(path, request.max_file_bytes)
    except IngestError as exc:
        missing = not os.path.lexists(path)
        return [json.dumps({"missing": True} if missing else {"unreadable": str(exc)}).encode()]
    if request.sha256 and hashlib.sha256(data).hexdigest() != request.sha256:
        return [json.dumps({"changed": True}).encode()]
    crops = _crops_of_data(data, request.findings)
    header = [[{"page": c.page, "width": c.width, "height": c.height} for c in cs] for cs in crops]
    return [json.dumps({"crops": header}).encode(), *(c.png for cs in crops for c in cs)]


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_TEXT_ONLY = "the evidence is shown as text only."


class CropDrawer:
    """Draws the report's crops in a worker process under ``timeout`` (seconds a report's crops
    may take) and ``max_memory`` (bytes the worker may add), so no source document is opened in
    the main process; use it in a ``with`` block. A report whose crops fail or run over gets a
    note instead (:class:`CropError`) and the next report a fresh worker."""

    def __init__(self, timeout: float | None, max_memory: int | None) -> None:
        from pipeline.run.guard import GuardedWorker

        self._worker = GuardedWorker(_draw_in_worker, timeout, max_memory)
        self._max_file_bytes = None if max_memory is None else max_memory // 4

    def __enter__(self) -> CropDrawer:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self._worker.close(kill=kind is not None)

    def crops(
        self, path: Path, sha256: str, findings: Sequence[Sequence[Highlight]], shown_as: str
    ) -> list[list[Crop]]:
        """For each finding's highlights, one crop per page they are on (in page order) of the PDF at
        ``path`` if it still has the SHA-256 ``sha256``; :class:`CropError` with the note to show
        (naming the file ``shown_as``) otherwise."""
        from pipeline.run.guard import GuardedError

        request = CropRequest(str(path), sha256, tuple(tuple(m) for m in findings), self._max_file_bytes)
        try:
            header, *pngs = self._worker.call(request)
            answer = json.loads(header)
        except (GuardedError, ValueError) as exc:
            raise CropError(f"The pages of {shown_as} could not be rendered ({exc}): {_TEXT_ONLY}") from None
        if not isinstance(answer, dict):
            answer = {}
        if answer.get("missing"):
            raise CropError(f"{shown_as} is not there any more: {_TEXT_ONLY}")
        if answer.get("changed"):
            raise CropError(f"{shown_as} has changed since it was read: {_TEXT_ONLY}")
        if "crops" not in answer:
            reason = answer.get("unreadable", "no answer")
            raise CropError(f"The pages of {shown_as} could not be read ({reason}): {_TEXT_ONLY}")
        return _crops_from(answer["crops"], pngs, len(findings), shown_as)


def _crops_from(header: Any, pngs: list[bytes], findings: int, shown_as: str) -> list[list[Crop]]:
    """The crops the worker's header and PNG parts describe, checked: sizes are whole numbers,
    every part is a PNG, and there are as many as the header says."""
    try:
        sizes = [[(int(c["page"]), int(c["width"]), int(c["height"])) for c in cs] for cs in header]
    except (TypeError, KeyError, ValueError):
        sizes = []
    if (
        len(sizes) != findings
        or sum(map(len, sizes)) != len(pngs)
        or not all(png.startswith(_PNG_SIGNATURE) for png in pngs)
    ):
        raise CropError(f"The pages of {shown_as} could not be rendered (a damaged answer): {_TEXT_ONLY}")
    parts = iter(pngs)
    return [[Crop(page, next(parts), width, height) for page, width, height in cs] for cs in sizes]
