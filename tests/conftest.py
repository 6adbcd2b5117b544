"""Shared fixtures: the corpus report, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.document import Document
from pipeline.ingest import read_document
from pipeline.process import digitize
from pipeline.records import Extraction

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
UMEA = CORPUS / "umea_2007.txt"


def doc_from(text: str) -> Document:
    """A document from a snippet, for extractor tests on real lines of a report."""
    return Document.from_text(text)


@pytest.fixture(scope="session")
def umea_doc() -> Document:
    return read_document(UMEA)


@pytest.fixture(scope="session")
def umea(umea_doc: Document) -> Extraction:
    return digitize(umea_doc)
