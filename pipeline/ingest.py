"""Ingest: input files to :class:`Document`. The only module that reads files or decodes text.

Text exports come in the encodings older word processors wrote: UTF-8 with or without a byte
order mark, or Windows-1252 (Latin-1); line endings may be CRLF. PDFs go through ``pipeline.pdf``,
the one package that touches pdfplumber.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pipeline.defaults import DEFAULT_OCR
from pipeline.document import Document
from pipeline.errors import IngestError

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


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise IngestError(f"{path} is a directory, not a file") from exc
    except PermissionError as exc:
        raise IngestError(f"cannot read {path}: permission denied") from exc
    except OSError as exc:
        raise IngestError(f"cannot read {path}: {exc.strerror or exc}") from exc


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a text export and the encoding it was read with.

    UTF-8 (a byte order mark is dropped) is tried first: Windows-1252 bytes for å, ä and ö are
    never valid UTF-8, so a file that decodes as UTF-8 is UTF-8. Otherwise Windows-1252, and
    Latin-1 for the few bytes Windows-1252 leaves undefined.
    """
    if b"\x00" in data:
        raise IngestError("not a text file: it contains binary data (NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise IngestError("text in an unknown encoding")  # pragma: no cover - latin-1 decodes any bytes


def read_document(path: Path, ocr: str = DEFAULT_OCR) -> Document:
    """Read a report file into a document, or raise :class:`IngestError` with a clear reason.

    ``ocr`` says which pages of a PDF are read by OCR (see :data:`pipeline.defaults.OCR_MODES`).
    """
    kind = input_format(path)
    if kind == "unsupported":
        raise IngestError(f"unsupported file type {path.suffix or '(none)'}: expected .txt, .md or .pdf")
    data = read_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise IngestError("the file is empty", sha256)
    if kind == "pdf":
        # Imported here: pdfplumber and pdfminer load only when a PDF is read.
        from pipeline.pdf import read_pdf

        try:
            return read_pdf(data, source=str(path), sha256=sha256, ocr=ocr)
        except IngestError as exc:
            exc.sha256 = sha256
            raise
    try:
        text, encoding = decode_text(data)
    except IngestError as exc:
        exc.sha256 = sha256
        raise
    log.debug("%s: read as %s", path, encoding)
    return Document.from_text(text, source=str(path), sha256=sha256)
