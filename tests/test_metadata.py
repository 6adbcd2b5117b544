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


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("6-8 december 2006", date(2006, 12, 6), date(2006, 12, 8)),
        ("Analys av Ale Kommun 2009-08-26--28", date(2009, 8, 26), date(2009, 8, 28)),
        ("2007-09-19--21", date(2007, 9, 19), date(2007, 9, 21)),
        ("2014-01-21--2014-01-23", date(2014, 1, 21), date(2014, 1, 23)),
        ("2010-06-15 – 17", date(2010, 6, 15), date(2010, 6, 17)),
        ("oktober 2006", date(2006, 10, 1), date(2006, 10, 31)),
        ("VALLENTUNA KOMMUN FEBRUARI 2017", date(2017, 2, 1), date(2017, 2, 28)),
        ("KUNGÄLVS KOMMUN OKTOBER 2017", date(2017, 10, 1), date(2017, 10, 31)),
    ],
)
def test_evaluation_dates_of_every_era(line: str, start: date, end: date) -> None:
    meta = extract_metadata(doc_from(f"Kommunkompassen\n\nAnalys av Umeå kommun\n\n{line}"))
    assert (meta.evaluation_start, meta.evaluation_end, meta.year) == (start, end, end.year)


@pytest.mark.parametrize(
    ("title", "report_date"),
    [
        (
            "RAPPORT 2005-11-09 1 (29)\nKommunkompassen\nAnalys av Umeå kommun\n21-22 juni 2005",
            date(2005, 11, 9),
        ),
        ("Sveriges Kommuner och Landsting 2008-01-04 1 (33)\nAnalys av Umeå kommun", date(2008, 1, 4)),
        (
            "Kommun Kompassen\nANALYS AV\nBORÅS KOMMUN\n2015\nSveriges Kommuner och Landsting\n2015-05-05",
            date(2015, 5, 5),
        ),
        ("RAPPORT 2009-11-19\nKommunkompassen\nAnalys av Ale Kommun 2009-08-26--28", date(2009, 11, 19)),
        ("Kommunkompassen\nAnalys av Ale kommun 2009-08-26--28", None),
        ("Kommunkompassen\nAnalys av Umeå kommun\n19-21 september 2007", None),
    ],
)
def test_report_date(title: str, report_date: date | None) -> None:
    assert extract_metadata(doc_from(title)).report_date == report_date


@pytest.mark.parametrize(
    ("title", "name", "code", "year"),
    [
        ("KommunKompassen\nANALYS AV\nBORÅS KOMMUN\n2015", "Borås", "1490", 2015),
        ("KOMMUNKOMPASSEN ANALYS AV KARLSKOGA KOMMUN 2014", "Karlskoga", "1883", 2014),
        ("Kommun Kompassen\nKALIX KOMMUN 2012\nANALYS AV", "Kalix", "2514", 2012),
        ("KommunKompassen\nANALYS AV STRÄNGNÄS KOMMUN\n2014", "Strängnäs", "0486", 2014),
        ("KommunKompassen\nANALYS AV HELSINGBORGS STAD\n2014", "Helsingborg", "1283", 2014),
        ("KommunKompassen\nAnalys av Region Gotland\n2019", "Gotland", "0980", 2019),
        ("KOMMUNKOMPASSEN\nREGION GOTLAND\n2016", "Gotland", "0980", 2016),
    ],
)
def test_title_pages_of_later_eras(title: str, name: str, code: str, year: int) -> None:
    meta = extract_metadata(doc_from(title))
    assert (meta.municipality, meta.municipality_code, meta.year) == (name, code, year)


@pytest.mark.parametrize(
    ("lines", "evaluators"),
    [
        (
            ["Leif Eldås, Sveriges Kommuner och Landsting", "", "Lena Tegenfeldt, Uddevalla kommun"],
            [("Leif Eldås", "Sveriges Kommuner och Landsting"), ("Lena Tegenfeldt", "Uddevalla kommun")],
        ),
        (
            [
                "Utvärderare: Märit Melbi, Sveriges Kommuner och Landsting, Lena Tegenfeldt,",
                "Orust kommun",
                "Sveriges Kommuner och Landsting",
                "2015-05-05",
            ],
            [("Märit Melbi", "Sveriges Kommuner och Landsting"), ("Lena Tegenfeldt", "Orust kommun")],
        ),
        (
            ["Leif Eldås, Bengt-Olof Knuttson och Anders Norrlid, SKL"],
            [("Leif Eldås", "SKL"), ("Bengt-Olof Knuttson", "SKL"), ("Anders Norrlid", "SKL")],
        ),
        (
            ["J. Henrik Bergström, SKL", "Britt-Marie Hedlund, Knivsta kommun"],
            [("J. Henrik Bergström", "SKL"), ("Britt-Marie Hedlund", "Knivsta kommun")],
        ),
        (
            ["Utvärderare: Lars Strid, senior konsult (SKL) och Anders Bergenek, Halmstad"],
            [("Lars Strid", "senior konsult (SKL)"), ("Anders Bergenek", "Halmstad")],
        ),
        (
            ["UTVÄRDERARE: LARS STRID (F.D. SKL) OCH JOSEPHINE HÄRDIN"],
            [("LARS STRID", "F.D. SKL"), ("JOSEPHINE HÄRDIN", "")],
        ),
        (
            ["UTVÄRDERARE:", "LISA PÅHITT", "SVERIGES KOMMUNER OCH REGIONER", "MATS TÄNKT", "YSTADS KOMMUN"],
            [("LISA PÅHITT", "SVERIGES KOMMUNER OCH REGIONER"), ("MATS TÄNKT", "YSTADS KOMMUN")],
        ),
        (
            ["Eva Fiktiv", "Sveriges Kommuner och Landsting", "Gustav Påhittad Härnösands kommun"],
            [("Eva Fiktiv", "Sveriges Kommuner och Landsting"), ("Gustav Påhittad", "Härnösands kommun")],
        ),
        (
            [
                "ANALYS AV",
                "GRÄSTORPS KOMMUN",
                "Arbetet sker med Harald Baldersheim och Morten Ögård, Oslo Universitet",
            ],
            [],
        ),
    ],
)
def test_evaluators_in_every_form(lines: list[str], evaluators: list[tuple[str, str]]) -> None:
    meta = extract_metadata(doc_from("Kommunkompassen\n" + "\n".join(lines)))
    assert [(e.name, e.organisation) for e in meta.evaluators] == evaluators


def test_evaluation_dates_from_the_evaluation_section() -> None:
    text = (
        "KommunKompassen\nANALYS AV GRÄSTORPS KOMMUN\n2014\n\n1 Vad är Kommunkompassen?\n\n"
        + "Text om verktyget.\n\n" * 90
        + "Utvärderingen\n\nUtvärderingen genomfördes den 28-30 oktober 2014 genom intervjuer.\n"
    )
    meta = extract_metadata(doc_from(text))
    assert (meta.evaluation_start, meta.evaluation_end, meta.year) == (
        date(2014, 10, 28),
        date(2014, 10, 30),
        2014,
    )


def test_evaluation_dates_from_a_sentence_about_the_visit() -> None:
    text = (
        "Kommunkompassen\nAnalys av Tranemo kommun\n\n"
        + "Text.\n\n" * 60
        + "Platsbesöket gjordes 6-8 december 2006."
    )
    meta = extract_metadata(doc_from(text))
    assert (meta.evaluation_start, meta.evaluation_end) == (date(2006, 12, 6), date(2006, 12, 8))


def test_body_dates_of_another_year_than_the_title_are_not_the_evaluation() -> None:
    text = (
        "KommunKompassen\nANALYS AV GRÄSTORPS KOMMUN\n2014\n\n"
        + "Text.\n\n" * 60
        + "Den förra utvärderingen gjordes i oktober 2011.\n"
    )
    meta = extract_metadata(doc_from(text))
    assert (meta.evaluation_start, meta.evaluation_end, meta.year) == (None, None, 2014)


@pytest.mark.parametrize(
    ("lines", "evaluators"),
    [
        (
            ["Utvärderare: Lars Strid, senior konsult (SKL), Lotta Ricklander, SKL och Lars Kolmodin, SKL"],
            [("Lars Strid", "senior konsult (SKL)"), ("Lotta Ricklander", "SKL"), ("Lars Kolmodin", "SKL")],
        ),
        (
            ["Kalix kommun", "Märit Melbi, SKL", "Ingmar Kärrsten, Halmstad", "2013-01-03"],
            [("Märit Melbi", "SKL"), ("Ingmar Kärrsten", "Halmstad")],
        ),
        (
            [
                "Sektionen för Demokrati och styrning 2007-02-02",
                "RAPPORT 1 (27)",
                "Ingmar Kärrsten, Falkenbergs kommun",
            ],
            [("Ingmar Kärrsten", "Falkenbergs kommun")],
        ),
    ],
)
def test_evaluators_of_published_title_pages(lines: list[str], evaluators: list[tuple[str, str]]) -> None:
    meta = extract_metadata(doc_from("Kommunkompassen\n" + "\n".join(lines)))
    assert [(e.name, e.organisation) for e in meta.evaluators] == evaluators


@pytest.mark.parametrize(
    ("printed", "reported"),
    [
        ("30-31 februari 2007", '"30-31 februari 2007"'),
        ("19-21 september 9999", '"september 9999"'),
        ("31 april 2010", '"31 april 2010"'),
        ("2009-13-02--04", '"2009-13-02--04"'),
    ],
)
def test_a_date_that_names_no_real_day_is_reported_and_not_read(printed: str, reported: str) -> None:
    doc = doc_from(f"Kommunkompassen\nAnalys av Umeå kommun\n{printed}\n")
    metadata = extract_metadata(doc)
    assert (metadata.evaluation_start, metadata.evaluation_end) == (None, None)
    (loss,) = metadata.losses
    assert (loss.line, loss.count) == (3, 1)
    assert loss.message == f"a date that names no real day ({reported}): not read as a date"


def test_the_body_may_still_date_a_report_whose_title_page_misprints_the_date() -> None:
    doc = doc_from(
        "Kommunkompassen\nAnalys av Umeå kommun\n30-31 februari 2007\n\nUtvärderingen\n\n"
        "Utvärderingen genomfördes 19-21 september 2007.\n"
    )
    metadata = extract_metadata(doc)
    assert (metadata.evaluation_start, metadata.evaluation_end) == (date(2007, 9, 19), date(2007, 9, 21))
    assert [loss.line for loss in metadata.losses] == [3]


def test_real_dates_and_leap_days_are_not_reported() -> None:
    doc = doc_from("Kommunkompassen\nAnalys av Umeå kommun\n28-29 februari 2008\n")
    metadata = extract_metadata(doc)
    assert (metadata.evaluation_start, metadata.losses) == (date(2008, 2, 28), ())


@pytest.mark.parametrize(
    ("title", "name", "code"),
    [
        # OCR loses the dots and ring of capitals (fuzz seeds 170010, 170018, 170023).
        ("ANALYS AV\n\nSTROMSTAD KOMMUN", "Strömstad", "1486"),
        ("Analys av Ornsköldsvik kommun", "Örnsköldsvik", "2284"),
        ("Analys av Angelholms kommun", "Ängelholm", "1292"),
    ],
)
def test_a_municipality_read_without_the_dots_of_its_capitals(title: str, name: str, code: str) -> None:
    meta = extract_metadata(doc_from(title))
    assert (meta.municipality, meta.municipality_code) == (name, code)
