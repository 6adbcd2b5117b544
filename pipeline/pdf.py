"""PDF ingest with pdfplumber: the only module that touches pdfplumber."""

from __future__ import annotations

from pipeline.document import Document


def read_pdf(data: bytes, source: str, sha256: str) -> Document:
    """Read a PDF report into a document (lines in reading order with page numbers)."""
    from pipeline.ingest import IngestError

    raise IngestError("PDF input is not supported yet")
