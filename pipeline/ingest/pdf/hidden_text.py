"""Hidden text layers: words a PDF holds but does not show, said at their page.

OCRmyPDF and many scanners lay an invisible text layer over a page image (text render mode 3, or
text painted over by the image). That layer is an earlier OCR's reading and may differ from what
is printed (a "25" hidden over a printed "15"), so it is never read silently:

- a scanned page OCR reads is read as printed, and its hidden layer is set aside, with a note;
- a scanned page OCR does not read (``--ocr never``, or no Tesseract) is read by its hidden layer,
  with a note that it may differ from what is printed;
- on a text page, hidden words are not part of what is printed: they are set aside, with a note.

Each note is a :class:`ContentLoss`, so it becomes a ``content_lost`` warning at the page.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from pipeline.ingest.pdf.scans import is_scanned
from pipeline.ingest.pdf.words import PageText
from pipeline.model.records import ContentLoss


def read_hidden_text(
    pages: Sequence[PageText], read_by_ocr: Collection[int]
) -> tuple[list[PageText], tuple[ContentLoss, ...]]:
    """The pages with the hidden words of scans OCR did not read taken as their words, and a note
    for every page that has hidden words (``read_by_ocr``: the numbers of the pages OCR read)."""
    read: list[PageText] = []
    notes: list[ContentLoss] = []
    for page in pages:
        count = len(page.hidden)
        if not count:
            read.append(page)
            continue
        where = f"page {page.number} has an invisible text layer ({count} word(s) not printed)"
        if page.number in read_by_ocr:
            note = f"{where}; it was set aside and the page read by OCR as printed"
            notes.append(ContentLoss(note, count, page.number))
            read.append(page)
        elif is_scanned(page):
            notes.append(ContentLoss(
                f"{where}; the page was read from it, without OCR, and may differ from what is printed",
                count, page.number,
            ))  # fmt: skip
            read.append(replace(page, words=page.words + page.hidden))
        else:
            note = f"{where}; it was set aside, the page's printed text was read"
            notes.append(ContentLoss(note, count, page.number))
            read.append(page)
    return read, tuple(notes)
