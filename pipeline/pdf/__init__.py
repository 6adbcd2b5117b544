"""PDF reports to documents: the layout steps, with :func:`read_pdf` as their one entry point.

``reader`` opens the file and reads it page by page; the steps follow in this order, one module
each: ``glyphs`` (what pdfminer drew: glyphs and ruling lines) → ``words`` → ``printed_lines`` →
``furniture`` (running headers, footers and page numbers dropped) → ``tables`` (where the tables
are and their columns) → ``rows`` (a table's rows and cells) → ``lines`` (paragraphs, bullets and
table rows as the document's lines); ``steps`` chains the steps after the words. ``render``
renders page images (pypdfium2) for the audit report's crops. Code outside the package imports
only what ``__all__`` names (a test checks it).
"""

from pipeline.pdf.reader import read_pdf
from pipeline.pdf.render import open_renderer

__all__ = ["open_renderer", "read_pdf"]
