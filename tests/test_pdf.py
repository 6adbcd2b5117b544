"""The Umeå report as PDFs in two layouts (tests/fixtures/make_pdfs.py) gives the facts of the text.

``umea_2007_a4_ruled.pdf``: A4, Helvetica, justified, glyph bullets, ruled tables, the score table
as two tables side by side, running header and "N (M)" footer. ``umea_2007_letter_stacked.pdf``:
Letter, Times, fake bold, typed dashes, borderless tables, one stacked score table with wrapped
questions that runs over page breaks (a row split by one), "Sida N av M" footer.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from pipeline.cli import main
from pipeline.ingest import read_document
from pipeline.model.document import Document
from pipeline.model.records import Extraction
from pipeline.run.process import digitize

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LAYOUTS = ("a4_ruled", "letter_stacked")
# Where a record was found; everything else must come out of a PDF as it comes out of the text.
PROVENANCE = frozenset({"page", "line", "first_page", "first_line"})
# A finding's message may say where it was found; its fields say what was found. Its evidence (the
# printed line, boxes on the page) is provenance: a PDF joins and places lines its own way.
NOT_COMPARED = {"Finding": frozenset({"message", "printed_line", "box", "compared"})}


def fixture_pdf(layout: str) -> Path:
    return FIXTURES / f"umea_2007_{layout}.pdf"


@pytest.fixture(scope="session", params=LAYOUTS)
def layout(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def pdf_docs() -> dict[str, Document]:
    return {name: read_document(fixture_pdf(name)) for name in LAYOUTS}


@pytest.fixture(scope="session")
def pdf_extractions(pdf_docs: dict[str, Document]) -> dict[str, Extraction]:
    return {name: digitize(doc) for name, doc in pdf_docs.items()}


def comparable(value: Any) -> Any:
    """A record as nested tuples without its provenance, so text and PDF results compare."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        skipped = PROVENANCE | NOT_COMPARED.get(type(value).__name__, frozenset())
        return tuple(
            (f.name, comparable(getattr(value, f.name)))
            for f in dataclasses.fields(value)
            if f.name not in skipped and not f.name.endswith(("_page", "_line"))
        )
    if isinstance(value, tuple | list):
        return tuple(comparable(item) for item in value)
    return value


def located(value: Any) -> list[Any]:
    """Every record inside ``value`` that has a line (or first line) field."""
    found = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = {f.name for f in dataclasses.fields(value)}
        if names & {"line", "first_line"}:
            found.append(value)
        for name in names:
            found += located(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            found += located(item)
    return found


# A row of the side-by-side score table in the text export (header, area or sub-question row).
SCORE_TABLE_ROW = re.compile(r"^\t*(?:Max- poäng|[1-8](?:\.\d+)? .*\t)")


def without_markup(text: str) -> str:
    """A line of the text export as a word processor prints it: ``**bold**`` and ``*italic*`` as type."""
    text = re.sub(r"\*\*(\S(?:.*?\S)?)\*\*", r"\1", text)
    return re.sub(r"(?<![\w*])\*(\S(?:[^*]*?\S)?)\*(?![\w*])", r"\1", text).strip(" ")


# --- the facts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Extraction)])
def test_every_extracted_fact_equals_the_text(
    field: str, layout: str, umea: Extraction, pdf_extractions: dict[str, Extraction]
) -> None:
    from_text = comparable(getattr(umea, field))
    from_pdf = comparable(getattr(pdf_extractions[layout], field))
    if isinstance(from_text, tuple) and field != "metadata":
        # The stacked layout lists the sub-questions in another order; the records are the same.
        from_text, from_pdf = sorted(from_text, key=repr), sorted(from_pdf, key=repr)
    assert from_pdf == from_text


def test_the_known_facts_are_there(layout: str, pdf_extractions: dict[str, Extraction]) -> None:
    extraction = pdf_extractions[layout]
    assert extraction.metadata.municipality == "Umeå" and extraction.metadata.year == 2007
    assert len(extraction.question_scores) == 37 and len(extraction.area_scores) == 24
    assert {(t.year, t.total) for t in extraction.year_totals} == {(2003, 497), (2005, 608), (2007, 646)}
    assert {
        (f.rule, f.area, f.question_id, f.year) for f in extraction.findings if f.severity == "error"
    } == {
        ("area_sum_mismatch", 5, None, 2007),
        ("area_sum_mismatch", 7, None, 2007),
        ("total_mismatch", None, None, 2003),
        ("score_exceeds_max", 7, "7.1", 2007),
    }


def test_every_record_has_its_page(layout: str, pdf_extractions: dict[str, Extraction]) -> None:
    records = located(pdf_extractions[layout])
    assert len(records) > 60
    for record in records:
        line = getattr(record, "line", getattr(record, "first_line", None))
        page = getattr(record, "page", getattr(record, "first_page", None))
        assert line is None or (page is not None and page >= 1), record


def test_scores_carry_the_page_they_are_printed_on(
    layout: str, pdf_extractions: dict[str, Extraction]
) -> None:
    extraction = pdf_extractions[layout]
    pages = {q.page for q in extraction.question_scores}
    assert len(pages) >= 2  # the score table runs over a page break in both layouts
    assert all(s.page is not None and s.page < min(pages) for s in extraction.area_scores)


# --- the document ---------------------------------------------------------------------------------


def test_document_knows_its_pages_and_format(layout: str, pdf_docs: dict[str, Document]) -> None:
    doc = pdf_docs[layout]
    with pdfplumber.open(fixture_pdf(layout)) as pdf:
        assert doc.pages == len(pdf.pages)
    assert doc.input_format == "pdf"
    assert all(line.page is not None and 1 <= line.page <= doc.pages for line in doc.lines)
    assert all(line.bbox is not None for line in doc.lines if not line.is_blank)


def test_every_paragraph_of_the_text_is_one_line_of_the_pdf(
    layout: str, umea_doc: Document, pdf_docs: dict[str, Document]
) -> None:
    pdf_lines = {line.text for line in pdf_docs[layout].lines}
    restacked = layout == "letter_stacked"  # its score table is one stacked table: compared by row below
    expected = [
        without_markup(line.text)
        for line in umea_doc.lines
        if not line.is_blank and not (restacked and SCORE_TABLE_ROW.match(line.text))
    ]
    missing = [text for text in expected if text not in pdf_lines]
    assert not missing


@pytest.mark.parametrize(
    "text",
    [
        "Sveriges Kommuner och Landsting",  # the A4 running header
        "Kommunkompassen – Umeå kommun 2007",  # the Letter running header
    ],
)
def test_running_headers_and_page_numbers_are_gone(
    layout: str, text: str, pdf_docs: dict[str, Document]
) -> None:
    lines = [line.text for line in pdf_docs[layout].lines]
    assert text not in lines
    assert not [t for t in lines if re.fullmatch(r"\d+ \(\d+\)|Sida \d+ av \d+", t)]


def test_side_by_side_rows_keep_their_empty_cells(pdf_docs: dict[str, Document]) -> None:
    lines = [line.text for line in pdf_docs["a4_ruled"].lines]
    assert "\t\t\t5.4 Kontroll- och uppföljningsrutiner.\t20\t17" in lines
    assert "1 Offentlighet och demokratisk kontroll\t\t\t5 Kontroll och rapportering\t\t" in lines
    assert "\tMax- poäng\tEgna poäng\t\tMax- poäng\tEgna poäng" in lines


@pytest.mark.parametrize(
    "row",
    [
        "5.2 Hur sker rapporteringen från tvärssektoriella projekt och program, avseende processer och "
        "resultat?\t20\t12",
        "3.3 Hur rapporterar tjänstemännen till den politiska nivån och vilka möjligheter har politikerna "
        "att utöva tillsyn över förvaltningen?\t30\t25,5",
        "4.3 Lokala initiativ med avsikt att hitta egna intäktskällor eller etablera samarbete med externa "
        "organ för att stärka serviceutbudet?\t20\t20",
        "2 Tillgänglighet och medborgar-/brukarorientering\t\t",
    ],
)
def test_wrapped_cells_are_one_cell_of_one_row(row: str, pdf_docs: dict[str, Document]) -> None:
    lines = [line.text for line in pdf_docs["letter_stacked"].lines]
    assert row in lines


def test_stacked_table_over_page_breaks_has_one_header_and_the_split_row_joined(
    pdf_docs: dict[str, Document],
) -> None:
    rows = [line for line in pdf_docs["letter_stacked"].lines if "\t" in line.text]
    score_rows = [line for line in rows if re.match(r"^\d\.\d+ ", line.text)]
    assert len(score_rows) == 37
    assert len({line.page for line in score_rows}) >= 3
    assert [line.text for line in rows].count("\tMax- poäng\tEgna poäng") == 1
    split = next(line for line in score_rows if line.text.startswith("1.3 "))
    assert split.text == "1.3 Hur informeras medborgarna om resultat?\t20\t13"
    assert split.page == min(line.page for line in score_rows)


def test_fake_bold_and_glyph_bullets_read_as_the_text(layout: str, pdf_docs: dict[str, Document]) -> None:
    lines = [line.text for line in pdf_docs[layout].lines]
    assert "- Framgångsrik presstrategi och bra informationsflöde genom befintliga kanaler." in lines
    assert not any("FFrr" in text or "•" in text for text in lines)


# --- the command line -----------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_writes_pdf_reports_with_pages_and_provenance(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in LAYOUTS:
        (inputs / f"{name}.pdf").write_bytes(fixture_pdf(name).read_bytes())
    (inputs / "umea_2007.txt").write_bytes((CORPUS / "umea_2007.txt").read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(inputs), "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    import pandas as pd

    reports = pd.read_csv(out / "reports.csv", dtype=str).set_index("source_file")
    pdfs = reports[reports["input_format"] == "pdf"]
    assert len(pdfs) == 2 and set(pdfs["status"]) == {"ok"}
    assert pdfs["pages"].astype(int).min() > 20
    scores = pd.read_csv(out / "question_scores.csv", dtype=str)
    pdf_scores = scores[scores["report_id"].isin(pdfs["report_id"])]
    assert len(pdf_scores) == 2 * 37 and pdf_scores["page"].notna().all()
    text_scores = scores[~scores["report_id"].isin(pdfs["report_id"])]
    columns = ["question_id", "question", "max_score", "score"]
    for report_id in pdfs["report_id"]:
        from_pdf = pdf_scores[pdf_scores["report_id"] == report_id][columns].sort_values("question_id")
        assert from_pdf.reset_index(drop=True).equals(
            text_scores[columns].sort_values("question_id").reset_index(drop=True)
        )
