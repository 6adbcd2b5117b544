"""The errors kompass raises on purpose, under one base class.

Each says what is wrong with an input in words fit for the ``error`` column of the ``reports``
table. They live here, apart from the code that raises them, so that a module that catches an
error need not import the module that raises it (``pipeline.ingest`` and the PDF reader used to
import each other for this).
"""

from __future__ import annotations


class KompassError(Exception):
    """Base class of the errors below: an input kompass cannot digitize, and why."""


class IngestError(KompassError):
    """A file that cannot be read as a report; the message says why, for the ``error`` column.

    ``sha256`` is the digest of the file's bytes when they could be read.
    """

    def __init__(self, message: str, sha256: str | None = None) -> None:
        super().__init__(message)
        self.sha256 = sha256


class PdfError(IngestError):
    """A ``.pdf`` file that cannot be read: not a PDF, truncated, damaged, password-protected,
    or without text that can be decoded."""


class NotAReportError(KompassError):
    """The document reads fine but is not a Kommunkompassen evaluation report."""


class NoReportFilesError(KompassError):
    """None of the inputs is, or holds, a report file kompass reads (.txt, .md or .pdf)."""
