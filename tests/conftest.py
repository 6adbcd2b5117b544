"""Shared fixtures: the corpus report, parsed once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.document import Document
from pipeline.ingest import read_document
from pipeline.process import digitize
from pipeline.records import Extraction
from tests import lanes
from tests.lanes import pytest_collection_modifyitems, pytest_runtest_protocol  # noqa: F401 (hooks)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
UMEA = CORPUS / "umea_2007.txt"


@pytest.fixture(scope="session", autouse=True)
def lane_markers() -> Iterator[None]:
    """Tesseract and Chromium start only in tests marked ``ocr`` and ``browser`` (tests/lanes.py)."""
    with pytest.MonkeyPatch.context() as patch:
        lanes.guard(patch)
        yield


def doc_from(text: str) -> Document:
    """A document from a snippet, for extractor tests on real lines of a report."""
    return Document.from_text(text)


@pytest.fixture(scope="session")
def umea_doc() -> Document:
    return read_document(UMEA)


@pytest.fixture(scope="session")
def umea(umea_doc: Document) -> Extraction:
    return digitize(umea_doc)


FIXTURE_PDFS = sorted((ROOT / "tests" / "fixtures").glob("*.pdf"))
# A line of the corpus report, and what a hostile copy of the report adds to it: markup that must
# show as text in the audit report, never run.
INJECTED_LINE = "Läs mer om Umeåregionen och samarbetet"
INJECTION = ' <script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'


@pytest.fixture(scope="session")
def audit_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder of `kompass run` over the corpus, both fixture PDFs and a copy of the
    corpus report with markup injected into a line that a finding prints."""
    from click.testing import CliRunner

    from pipeline.cli import main

    folder = tmp_path_factory.mktemp("audit")
    hostile = folder / "hostile" / "umea_injected.txt"
    hostile.parent.mkdir()
    text = UMEA.read_text(encoding="utf-8")
    assert INJECTED_LINE in text
    hostile.write_text(text.replace(INJECTED_LINE, INJECTED_LINE + INJECTION, 1), encoding="utf-8")
    out = folder / "out"
    inputs = [str(UMEA), *map(str, FIXTURE_PDFS), str(hostile)]
    result = CliRunner().invoke(main, ["run", *inputs, "--out", str(out), "--no-cache", "--workers", "2"])
    assert result.exit_code == 0, result.output
    return out
