"""Ingest: input files to :class:`Document`. The only module that reads files or decodes text.

Files are opened without blocking and only regular files are read (a named pipe or a device is
refused). Text exports are decoded by ``pipeline.ingest.text_decoding``; PDFs go through
``pipeline.ingest.pdf``, the one package that touches pdfplumber.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from pipeline.ingest.text_decoding import NotTextError, decode_text
from pipeline.model.defaults import DEFAULT_OCR
from pipeline.model.document import Document
from pipeline.model.errors import IngestError

if TYPE_CHECKING:
    from pipeline.ingest.pdf import PageProgress, PageSlots

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES


def input_format(path: Path) -> str:
    """``text`` or ``pdf`` from the file name, or ``unsupported``."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    return "unsupported"


# Characters of a file name that would break a table row (many CSV readers end a line at a lone
# carriage return) or turn the text around it (a right-to-left override shows "gpj.exe" as
# "exe.jpg"): control characters and bidirectional formatting marks.
_UNSAFE_IN_NAMES = regex.compile(r"[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def display_path(path: Path) -> str:
    """``path`` as text that can always be written and reads as it is: bytes of a file name that
    are not UTF-8 (a Latin-1 name from an old zip) are shown as ``\\xe5`` escapes instead of
    breaking the tables, and so are control characters and bidirectional marks (``\\r``,
    ``\\u202e``)."""
    text = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    return _UNSAFE_IN_NAMES.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def special_file_kind(mode: int) -> str | None:
    """What kind of special file ``mode`` (from ``stat``) describes, or ``None`` for a regular file."""
    kinds = (
        (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
    )  # fmt: skip
    return next((name for test, name in kinds if test(mode)), None if stat.S_ISREG(mode) else "not a file")


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    The file is opened without blocking, so a named pipe or a device never hangs the reader; only
    a regular file is read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except PermissionError as exc:
        raise IngestError(f"cannot read {display_path(path)}: permission denied") from exc
    except OSError as exc:
        raise IngestError(f"cannot read {display_path(path)}: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        kind = special_file_kind(info.st_mode)
        if kind is not None:
            raise IngestError(f"not read: {display_path(path)} is {kind}, not a regular file")
        limit = -1 if max_bytes is None else max_bytes + 1
        try:
            data = b"" if 0 < limit <= info.st_size else handle.read(limit)
        except OSError as exc:
            raise IngestError(f"cannot read {display_path(path)}: {exc.strerror or exc}") from exc
    if max_bytes is not None and (info.st_size > max_bytes or len(data) > max_bytes):
        raise IngestError(f"over the file size limit: the file has more than {max_bytes:,} bytes")
    return data


def read_document(
    path: Path, data: bytes | None = None, ocr: str = DEFAULT_OCR, on_ocr_page: PageProgress | None = None,
    page_slots: PageSlots | None = None,
) -> Document:  # fmt: skip
    """Read a report file (or its ``data`` already read) into a document.

    ``ocr`` says which pages of a PDF are read by OCR (see :data:`pipeline.model.defaults.OCR_MODES`);
    ``on_ocr_page(done, total)`` is called after each page OCR read; ``page_slots`` lends idle
    cores to read several scanned pages at a time.
    Raises :class:`IngestError` with a clear reason.
    """
    kind = input_format(path)
    if kind == "unsupported":
        raise IngestError(f"unsupported file type {path.suffix or '(none)'}: expected .txt, .md or .pdf")
    if data is None:
        data = read_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise IngestError("the file is empty", sha256)
    if kind == "pdf":
        # Imported here: pdfplumber and pdfminer load only when a PDF is read.
        from pipeline.ingest.pdf import read_pdf

        try:
            return read_pdf(
                data, source=str(path), sha256=sha256, ocr=ocr, on_ocr_page=on_ocr_page, page_slots=page_slots
            )
        except IngestError as exc:
            exc.sha256 = sha256
            raise
    try:
        decoded = decode_text(data)
    except NotTextError as exc:
        raise IngestError(str(exc), sha256) from exc
    log.debug("%s: read as %s", path, decoded.encoding)
    return Document.from_text(
        decoded.text, source=str(path), sha256=sha256, encoding=decoded.encoding, losses=decoded.losses
    )
