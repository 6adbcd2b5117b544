"""The PDF package's entry point: a PDF file's bytes to a :class:`Document`.

It opens the file with pdfplumber, reads each page's glyphs (``glyphs``) and words (``words``) and
closes the page right after, so memory stays flat over a batch; ``steps`` turns the pages into the
document's lines. Only this module and ``glyphs`` touch pdfplumber and pdfminer.

Files that are not readable PDFs fail with a message that says why: a password is needed, the file
is truncated, it is another kind of file, it has no text layer. A PDF that is encrypted but opens
without a password (an owner password only) is read normally.
"""

from __future__ import annotations

import io
import logging
import os
import warnings
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pdfplumber
import regex
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.ingest.pdf.glyphs import (
    PageDrawing,
    drawing_of,
    font_descents,
    page_glyphs,
    page_place,
    page_rulings,
)
from pipeline.ingest.pdf.hidden_text import read_hidden_text
from pipeline.ingest.pdf.scans import PageProgress, PageSlots, ScannedPages, pages_to_read, read_scanned_pages
from pipeline.ingest.pdf.steps import document_lines
from pipeline.ingest.pdf.tesseract import OcrUnavailable
from pipeline.ingest.pdf.type_sizes import agree_sizes
from pipeline.ingest.pdf.words import PageText, words_from_glyphs
from pipeline.model.document import Document, Line
from pipeline.model.errors import PdfError
from pipeline.model.records import ContentLoss

if TYPE_CHECKING:
    from pipeline.ingest.pdf.pdfium_glyphs import PdfiumGlyphs

log = logging.getLogger(__name__)

# pdfminer logs a warning for each oddity of a damaged file, hundreds for one report. Only the CLI
# configures logging, but in worker processes and library use they would reach stderr through
# logging's last-resort handler, so they are quieted unless the application set a level itself.
_PDFMINER_LOG = logging.getLogger("pdfminer")
if _PDFMINER_LOG.level == logging.NOTSET:
    _PDFMINER_LOG.setLevel(logging.ERROR)

# Which reader gives the glyphs: pdfminer's interpreter (the default) or, experimental and
# measured in docs/pdf-input.md, pdfium's text page (``pdfium_glyphs``). Rulings come from pdfminer
# either way.
GLYPH_READERS = ("pdfminer", "pdfium")
GLYPH_READER_VARIABLE = "KOMPASS_GLYPH_READER"

PDF_HEADER = b"%PDF-"
END_OF_FILE = b"%%EOF"
# Readers look for the header in the first, and for %%EOF in the last, 1024 bytes of a file.
MARKER_WINDOW = 1024
# pdfminer writes a glyph its font maps to no character as "(cid:N)"; a bullet may be one, but when
# this share of the words has one the text is unreadable.
UNMAPPED_GLYPH = "(cid:"
UNMAPPED_GLYPHS = regex.compile(r"\(cid:\d+\)")
UNMAPPED_SHARE = 0.3
# What a file that is not a PDF starts with, for the error message.
SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt document is one)"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
)


def read_pdf(
    data: bytes,
    source: str,
    sha256: str,
    ocr: str = "auto",
    on_ocr_page: PageProgress | None = None,
    page_slots: PageSlots | None = None,
    glyph_reader: str | None = None,
) -> Document:
    """Read a PDF report into a document: lines in reading order with page numbers and boxes.

    ``ocr`` says which pages Tesseract reads: ``auto`` the scans (no visible text, or mostly image
    with a stamp of text), ``always`` every page, ``never`` none; ``on_ocr_page(done, total)`` is
    called after each page OCR read; ``page_slots`` lends the cores left idle, to read several
    scanned pages at a time. ``glyph_reader`` (one of :data:`GLYPH_READERS`; by default the
    ``KOMPASS_GLYPH_READER`` environment variable, else ``pdfminer``) says what reads the glyphs.
    Raises :class:`PdfError` when the bytes are not a PDF that can be read without a password or
    hold no text, and when scanned pages need OCR that is not installed.
    """
    _check_markers(data)
    with warnings.catch_warnings():
        # pdfminer warns (warnings module) about repaired cross-reference tables and the like.
        warnings.simplefilter("ignore")
        pages = _read_pages(data, _glyph_reader(glyph_reader))
    to_read = set(pages_to_read(pages, ocr))
    scanned = None
    if to_read:
        scanned = _ocr(data, [p for p in pages if p.number in to_read], on_ocr_page, page_slots)
    if scanned is None:
        to_read = set()
    pages, hidden = read_hidden_text(pages, to_read)
    if scanned is not None:
        stated = [word.size for page in pages if page.number not in to_read for word in page.words]
        read = agree_sizes(scanned.pages, stated)
        pages = [read.get(page.number, page) for page in pages]
    words = [word.text for page in pages for word in page.words]
    if not words:
        raise PdfError(
            f"the PDF has no text layer (its {len(pages)} page(s) are probably scanned images); "
            + ("OCR read no text on them" if scanned else "run it with --ocr auto to read them by OCR")
        )
    if sum(1 for word in words if UNMAPPED_GLYPH in word) > UNMAPPED_SHARE * len(words):
        raise PdfError(
            "the PDF's text cannot be decoded: its fonts map the glyphs to no characters; "
            "run it with --ocr always to read it by OCR"
        )
    log.debug("%s: %d pages, %d read by OCR", source, len(pages), len(to_read))
    lines = document_lines(pages)
    return Document(
        lines=lines, source=source, input_format="pdf", pages=len(pages), sha256=sha256,
        losses=hidden + unmapped_glyph_losses(lines), ocr_pages=len(to_read),
        uncertain=scanned.readings if scanned else (), scanned_pages=frozenset(to_read),
    )  # fmt: skip


def _ocr(
    data: bytes, pages: list[PageText], on_page: PageProgress | None, page_slots: PageSlots | None
) -> ScannedPages | None:
    """What OCR reads on ``pages``; without Tesseract, None when every one of them has a hidden
    text layer to read instead (``hidden_text`` says so at each page), else an error."""
    try:
        return read_scanned_pages(data, pages, on_page, page_slots)
    except OcrUnavailable as exc:
        if all(page.hidden for page in pages):
            log.warning("OCR is unavailable (%s): scanned pages are read by their hidden text layer", exc)
            return None
        numbers = ", ".join(str(page.number) for page in pages[:5]) + (", …" if len(pages) > 5 else "")
        raise PdfError(f"page(s) {numbers} are scanned images without text: {exc}") from exc


def unmapped_glyph_losses(lines: Sequence[Line]) -> tuple[ContentLoss, ...]:
    """One loss per page that still holds glyphs without characters ("(cid:N)") once bullets are read."""
    per_page: Counter[int | None] = Counter()
    first: dict[int | None, int] = {}
    for line in lines:
        count = len(UNMAPPED_GLYPHS.findall(line.text))
        if count:
            per_page[line.page] += count
            first.setdefault(line.page, line.number)
    return tuple(
        ContentLoss(
            f"{count} glyph(s) on page {page} have no character in their font and were kept as (cid:N)",
            count,
            page=page,
            line=first[page],
        )
        for page, count in per_page.items()
    )


def _check_markers(data: bytes) -> None:
    if PDF_HEADER not in data[:MARKER_WINDOW]:
        kind = next((name for magic, name in SIGNATURES if data.startswith(magic)), None)
        if kind is None:
            kind = "plain text" if _looks_like_text(data[:MARKER_WINDOW]) else "unrecognised binary data"
        raise PdfError(f"not a PDF file: it has no %PDF header and looks like {kind}")
    # Bytes after %%EOF (a mail gateway's padding, a second appended file) are common and harmless;
    # only a file with no end marker at all was cut short.
    if END_OF_FILE not in data:
        raise PdfError("the PDF is truncated or incomplete: it has no %%EOF end marker")


def _looks_like_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("cp1252", errors="replace")
    printable = sum(1 for char in text if char.isprintable() or char in "\r\n\t")
    return printable >= 0.95 * max(len(text), 1)


def _glyph_reader(chosen: str | None) -> str:
    reader = chosen or os.environ.get(GLYPH_READER_VARIABLE) or GLYPH_READERS[0]
    if reader not in GLYPH_READERS:
        raise ValueError(f"unknown glyph reader {reader!r}: use one of {', '.join(GLYPH_READERS)}")
    return reader


def _read_pages(data: bytes, glyph_reader: str) -> list[PageText]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise _open_error(exc) from exc
    if glyph_reader == "pdfium":
        # Imported here: the default reader does not load pypdfium2 (start-up time counts).
        from pipeline.ingest.pdf.pdfium_glyphs import open_pdfium_glyphs

        with pdf, open_pdfium_glyphs(data) as pdfium:
            return _read_each_page(pdf, pdfium)
    with pdf:
        return _read_each_page(pdf, None)


def _read_each_page(pdf: pdfplumber.PDF, pdfium: PdfiumGlyphs | None) -> list[PageText]:
    pages = []
    for page in _pages(pdf):
        try:
            pages.append(_page_text(page, pdfium))
        except MemoryError:
            raise
        # A damaged page can make pdfminer raise nearly anything (syntax, type, key, zlib errors).
        except Exception as exc:
            raise PdfError(f"page {page.page_number} of the PDF cannot be read: {_reason(exc)}") from exc
        finally:
            page.close()
    return pages


def _pages(pdf: pdfplumber.PDF) -> list[Page]:
    try:
        return list(pdf.pages)
    except MemoryError:
        raise
    except Exception as exc:  # a broken page tree fails in as many ways as a broken page
        raise PdfError(f"the PDF's list of pages cannot be read: {_reason(exc)}") from exc


def _read_turned(page: Page, rotation: int) -> tuple[Page, PageDrawing]:
    """The page as it reads with ``rotation`` as its /Rotate entry, and what it draws."""
    original = page.page_obj.attrs.get("Rotate", 0)
    page.page_obj.attrs["Rotate"] = page.page_obj.rotate = rotation
    try:
        turned = Page(page.pdf, page.page_obj, page.page_number, page.initial_doctop)
        return turned, page_glyphs(turned)
    finally:
        page.page_obj.attrs["Rotate"] = page.page_obj.rotate = original


def _open_error(exc: PdfminerException) -> PdfError:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return PdfError("the PDF is password-protected: it cannot be opened without its password")
    if isinstance(cause, PDFEncryptionError):
        return PdfError(f"the PDF is encrypted in a way that cannot be read: {_reason(cause)}")
    return PdfError(f"not a readable PDF: {_reason(cause)}")


def _reason(exc: BaseException) -> str:
    detail = str(exc).strip()
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def page_drawing(page: Page, pdfium: PdfiumGlyphs | None) -> PageDrawing:
    """What the page draws, its glyphs read by pdfium when given (not on a turned page: pdfium's
    coordinates are the unturned page's) and otherwise by pdfminer."""
    if pdfium is None or page.rotation:
        return page_glyphs(page)
    _left, bottom_edge = page_place(page)
    descents = font_descents(page)
    read = pdfium.page_drawing(page.page_number, float(page.height), bottom_edge, descents)
    return drawing_of(page, read.glyphs, page_rulings(page), read.invisible, read.images)


def _page_text(page: Page, pdfium: PdfiumGlyphs | None = None) -> PageText:
    """The page's words and ruling lines, read in the direction its text runs.

    Only upright glyphs are read. A page whose text is not upright as the page is displayed (a
    page turned by its /Rotate entry, or a landscape table drawn turned) would have none: it is
    read again turned by each quarter turn until its text stands upright.
    """
    drawing = page_drawing(page, pdfium)
    if not drawing.glyphs:
        for rotation in (0, 90, 270, 180):
            if rotation != page.rotation:
                turned, turned_drawing = _read_turned(page, rotation)
                if turned_drawing.glyphs:
                    log.debug("page %d read turned to %d degrees", page.page_number, rotation)
                    page, drawing = turned, turned_drawing
                    break
    return PageText(
        page.page_number,
        float(page.width),
        float(page.height),
        tuple(words_from_glyphs(drawing.glyphs)),
        tuple(drawing.rules),
        tuple(words_from_glyphs(drawing.hidden)),
        drawing.image_share,
    )
