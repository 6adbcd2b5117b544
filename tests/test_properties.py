"""Arbitrary text never crashes the text extractors or the number parsing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.evaluations import extract_evaluations
from extractors.mentions import extract_mentions
from extractors.metadata import extract_metadata
from extractors.score_table import extract_question_scores
from extractors.stated_counts import extract_stated_counts
from pipeline.model.document import Document
from pipeline.model.numbers import format_number, parse_number, parse_number_words, parse_quantity
from pipeline.run.process import digitize
from tests.conftest import summary_of

# Text that looks like reports: table cells, digits, decimal commas, Swedish letters and dashes.
REPORTISH = st.text(
    alphabet=st.sampled_from(list("0123456789,.-–\t \n") + list("ÅÄÖåäöTOTALTabcdeOmrådekommunpoäng?*•")),
    max_size=400,
)
ANY_TEXT = st.text(max_size=400)
LIST_PIECES = [
    "Ale", "Umeå", "Umeås", " (2006)", " (2003, 2005)", ", ", " och ", "-Stockholms stad",
    " - Göteborgs Stad", "Hyllie", "Vara", "vara", " kommun", "(", ")", ":", ".", "\n",
    "de sex kommunerna: ", "Mark", "sju",
]  # fmt: skip


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.one_of(REPORTISH, ANY_TEXT))
def test_extractors_never_crash(text: str) -> None:
    doc = Document.from_text(text)
    extract_metadata(doc)
    summary = summary_of(doc)
    scores = extract_question_scores(doc)
    assert all(s.year >= 1900 for s in summary.area_scores)
    assert all(1 <= q.area <= 8 for q in scores.questions)


REPORT_FRAME = "Kommunkompassen\nAnalys av Umeå kommun\n\n" + "".join(
    f"Område {n} Området\n\nText.\n\n" for n in range(1, 5)
)


@settings(max_examples=100, deadline=None)
@given(st.one_of(REPORTISH, ANY_TEXT))
def test_digitize_never_crashes(text: str) -> None:
    # A title page and area headings keep the document a report, so every rule runs.
    extraction = digitize(Document.from_text(REPORT_FRAME + text))
    assert all(f.message for f in extraction.findings)


@given(st.text(max_size=30))
def test_parse_number_never_crashes(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


NUMBERISH = st.lists(
    st.sampled_from(
        ["en", "ett", "två", "och", "halv", "sju", "tio", "tjugo", "hundra", "tre", "7,5", "-", " "]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=200)
@given(st.one_of(NUMBERISH, st.text(max_size=40)))
def test_number_words_never_crash(text: str) -> None:
    for value in (parse_number_words(text), parse_quantity(text)):
        assert value is None or isinstance(value, float)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(LIST_PIECES), max_size=25).map("".join))
def test_list_and_mention_extractors_never_crash_on_list_like_text(text: str) -> None:
    doc = Document.from_text("Följande kommuner har utvärderats: " + text)
    listing = extract_evaluations(doc)
    assert all(e.year is None or 1000 <= e.year <= 2999 for e in listing.evaluations)
    assert all(m.count >= 1 for m in extract_mentions(doc, subject_code="2480"))
    extract_stated_counts(doc)


@given(st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False, allow_infinity=False))
def test_printed_decimal_commas_round_trip(value) -> None:
    printed = f"{value}".replace(".", ",")
    assert parse_number(printed) == float(value)
    assert parse_number(format_number(float(value)) or "") == float(value)
