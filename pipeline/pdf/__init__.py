"""PDF reports to documents: the PDF layout steps, with ``read_pdf`` as their one entry point."""

from pipeline.pdf.reader import read_pdf

__all__ = ["read_pdf"]
