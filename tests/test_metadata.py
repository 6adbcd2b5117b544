from __future__ import annotations

from datetime import date

import pytest

from extractors.metadata import extract_metadata
from tests.conftest import doc_from


def test_umea_metadata(umea_doc) -> None:
    meta = extract_metadata(umea_doc)
    assert (meta.municipality, meta.municipality_code, meta.year) == ("Umeå", "2480", 2007)
    assert (meta.evaluation_start, meta.evaluation_end) == (date(2007, 9, 19), date(2007, 9, 21))
    assert [(e.name, e.organisation, e.line) for e in meta.evaluators] == [
        ("Leif Eldås", "Sveriges Kommuner och Landsting", 20),
        ("Lena Tegenfeldt", "Uddevalla kommun", 22),
    ]
    assert meta.line == 9


@pytest.mark.parametrize(
    ("title", "name", "code"),
    [
        ("Analys av Umeå kommun", "Umeå", "2480"),
        ("Analys av Malmö stad", "Malmö", "1280"),
        ("Utvärdering av Falu kommun", "Falun", "2080"),
        ("Analys av Upplands Väsby kommun", "Upplands Väsby", "0114"),
        ("Kommunkompassen\n\nNacka kommun", "Nacka", "0182"),
    ],
)
def test_municipality_from_title(title: str, name: str, code: str) -> None:
    meta = extract_metadata(doc_from(title))
    assert (meta.municipality, meta.municipality_code) == (name, code)


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("19-21 september 2007", date(2007, 9, 19), date(2007, 9, 21)),
        ("19 – 21 september 2007", date(2007, 9, 19), date(2007, 9, 21)),
        ("30 september - 2 oktober 2009", date(2009, 9, 30), date(2009, 10, 2)),
        ("4 oktober 2005", date(2005, 10, 4), date(2005, 10, 4)),
        ("12 och 13 mars 2008", date(2008, 3, 12), date(2008, 3, 13)),
    ],
)
def test_evaluation_dates(line: str, start: date, end: date) -> None:
    meta = extract_metadata(doc_from(f"Analys av Umeå kommun\n\n{line}"))
    assert (meta.evaluation_start, meta.evaluation_end, meta.year) == (start, end, end.year)


def test_unknown_municipality_keeps_printed_name_without_code() -> None:
    meta = extract_metadata(doc_from("Analys av Atlantis kommun"))
    assert (meta.municipality, meta.municipality_code) == ("Atlantis", None)


def test_prose_is_not_an_evaluator() -> None:
    text = "Analys av Umeå kommun\nDet har använts i ett flertal kommuner, i samtliga nordiska länder."
    assert extract_metadata(doc_from(text)).evaluators == ()
