"""PDF reports to documents: the layout steps, with :func:`read_pdf` as their one entry point.

``reader`` opens the file and reads it page by page; the steps follow in this order, one module
each: ``glyphs`` (what pdfminer drew: glyphs and ruling lines) → ``words`` → ``printed_lines`` →
``furniture`` (running headers, footers and page numbers dropped) → ``tables`` (where the tables
are and their columns) → ``rows`` (a table's rows and cells) → ``lines`` (paragraphs, bullets and
table rows as the document's lines); ``steps`` chains the steps after the words. Pages without a
text layer are read by OCR (``scans``: ``render`` → ``deskew`` → ``image_rulings`` → ``tesseract``,
which reads with the library in the process through ``tesseract_library`` or runs the program
through ``tesseract_process``) into words that go through the same steps;
``render`` also renders the audit report's crops. ``pdfium_glyphs`` is an experimental glyph
reader on pdfium, off by default (docs/pdf-input.md compares it with ``glyphs``). Code outside
the package imports only what ``__all__`` names (a test checks it).
"""

from pipeline.ingest.pdf.reader import read_pdf
from pipeline.ingest.pdf.render import open_renderer
from pipeline.ingest.pdf.scans import OCR_DPI, PageProgress, PageSlots
from pipeline.ingest.pdf.tesseract import LANGUAGE as OCR_LANGUAGE
from pipeline.ingest.pdf.tesseract import OCR_PACKAGES, tesseract_version
from pipeline.ingest.pdf.tesseract import PAGE_SEGMENTATION as OCR_PAGE_SEGMENTATION
from pipeline.ingest.pdf.tesseract_library import image_to_data as ocr_in_process

__all__ = [
    "OCR_DPI",
    "OCR_LANGUAGE",
    "OCR_PACKAGES",
    "OCR_PAGE_SEGMENTATION",
    "PageProgress",
    "PageSlots",
    "ocr_in_process",
    "open_renderer",
    "read_pdf",
    "tesseract_version",
]
