"""Steps 3 to 7 in order: the words of a PDF's pages to the document's lines.

Words to printed lines (``printed_lines``), two-column text read column by column (``columns``),
running headers and footers dropped (``furniture``),
tables found (``tables``) and their rows built (``rows``), paragraphs, bullets and table rows made
the document's lines (``lines``). Each step is geometry on plain values, testable on made-up pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from pipeline.ingest.pdf.columns import page_lines
from pipeline.ingest.pdf.furniture import drop_running_lines
from pipeline.ingest.pdf.lines import assemble
from pipeline.ingest.pdf.tables import find_tables
from pipeline.ingest.pdf.words import PageText
from pipeline.model.document import Line


def document_lines(pages: Sequence[PageText]) -> tuple[Line, ...]:
    """The document's lines from its pages, with page, line number within the page and box.

    Running headers, footers and page numbers are dropped and not counted as lines; a table row
    is one line with its cells separated by tabs; a paragraph or a bullet is one line, also when
    a page break splits it (it keeps the page and line where it starts); a blank line stands where
    the page leaves space between blocks.
    """
    printed = [page_lines(page.number, page.words, page.gutter) for page in pages]
    bodies = drop_running_lines(printed, [page.height for page in pages])
    numbered = [
        [dataclasses.replace(line, number=index) for index, line in enumerate(body, start=1)]
        for body in bodies
    ]
    items = find_tables(numbered, [page.rules for page in pages])
    return assemble(items, {page.number: page.width for page in pages})
