"""Arbitrary text never crashes the text extractors or the number parsing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.metadata import extract_metadata
from extractors.score_table import extract_question_scores
from extractors.summary_table import extract_summary_table
from pipeline.document import Document
from pipeline.numbers import format_number, parse_number
from pipeline.process import digitize

# Text that looks like reports: table cells, digits, decimal commas, Swedish letters and dashes.
REPORTISH = st.text(
    alphabet=st.sampled_from(list("0123456789,.-–\t \n") + list("ÅÄÖåäöTOTALTabcdeOmrådekommunpoäng?*•")),
    max_size=400,
)
ANY_TEXT = st.text(max_size=400)


@settings(max_examples=150, deadline=None)
@given(st.one_of(REPORTISH, ANY_TEXT))
def test_extractors_never_crash(text: str) -> None:
    doc = Document.from_text(text)
    extract_metadata(doc)
    summary = extract_summary_table(doc)
    scores = extract_question_scores(doc)
    assert all(s.year >= 1900 for s in summary.area_scores)
    assert all(1 <= q.area <= 8 for q in scores.questions)


@settings(max_examples=100, deadline=None)
@given(st.one_of(REPORTISH, ANY_TEXT))
def test_digitize_never_crashes(text: str) -> None:
    # The tool's name on the first line keeps the document a report, so every rule runs.
    extraction = digitize(Document.from_text("Kommunkompassen\n" + text))
    assert all(f.message for f in extraction.findings)


@given(st.text(max_size=30))
def test_parse_number_never_crashes(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@given(st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False, allow_infinity=False))
def test_printed_decimal_commas_round_trip(value) -> None:
    printed = f"{value}".replace(".", ",")
    assert parse_number(printed) == float(value)
    assert parse_number(format_number(float(value)) or "") == float(value)
