"""The scan simulator: a PDF printed, scanned and saved as an image-only PDF.

Pages are rendered with pypdfium2 at the scanner's resolution, then skewed, speckled, given the
next page's show-through and an office stamp, turned grey or bilevel, compressed as JPEG and
saved by Pillow as a multipage PDF without any text layer.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

STAMP_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _speckle(page: Image.Image, rng: random.Random, count: int) -> None:
    draw = ImageDraw.Draw(page)
    w, h = page.size
    for _ in range(count):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((1, 1, 2))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randint(0, 90))


def _stamp(page: Image.Image, rng: random.Random, dpi: int) -> None:
    """A received-stamp in the top margin, as an office puts on incoming post."""
    size = int(dpi * 0.18)
    font = ImageFont.truetype(STAMP_FONT, size)
    text = f"INKOM {rng.randint(1, 28):02d} {rng.choice(('MAJ', 'JUNI', 'OKT', 'DEC'))}"
    box = Image.new("L", (size * 9, size * 2), 255)
    ImageDraw.Draw(box).rectangle((2, 2, size * 9 - 3, size * 2 - 3), outline=110, width=3)
    ImageDraw.Draw(box).text((size // 2, size // 3), text, fill=110, font=font)
    box = box.rotate(rng.uniform(-8, 8), expand=True, fillcolor=255)
    page.paste(box, (page.width - box.width - dpi // 2, dpi // 8), ImageOps.invert(box))


def _degrade(
    page: Image.Image, behind: Image.Image | None, rng: random.Random, dpi: int, bilevel: bool, stamp: bool
) -> Image.Image:
    page = page.convert("L")
    if behind is not None:  # the next sheet's print seen through thin paper, mirrored and faint
        ghost = ImageOps.mirror(behind.convert("L")).resize(page.size).point(lambda v: 255 - (255 - v) // 7)
        page = ImageChops.darker(page, ghost)
    if stamp:
        _stamp(page, rng, dpi)
    _speckle(page, rng, rng.randint(20, 200))
    page = page.rotate(rng.uniform(-2.0, 2.0), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.7)))
    if bilevel:
        threshold = rng.randint(140, 180)
        return page.point(lambda v: 255 if v > threshold else 0).convert("1")
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=rng.randint(35, 75))
    return Image.open(io.BytesIO(buffer.getvalue()))


def page_count(pdf: Path) -> int:
    """The number of pages of a PDF."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def scan_pdf(source: Path, out: Path, rng: random.Random, *, bilevel: bool) -> int:
    """Write a scanned copy of `source` to `out`; returns the resolution used."""
    dpi = rng.choice((200, 300, 400)) if not bilevel else rng.choice((300, 400))
    pdf = pdfium.PdfDocument(str(source))
    try:
        pages = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    finally:
        pdf.close()
    stamped = rng.randrange(len(pages))
    scanned = [
        _degrade(
            page,
            pages[i + 1] if i + 1 < len(pages) and rng.random() < 0.5 else None,
            rng,
            dpi,
            bilevel,
            i == stamped,
        )
        for i, page in enumerate(pages)
    ]
    scanned[0].save(out, "PDF", save_all=True, append_images=scanned[1:], resolution=dpi)
    return dpi
