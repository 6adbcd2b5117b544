"""Edition files (declared structure, checked on load) and the one edition-lookup policy."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import regex

from pipeline.editions.edition import edition_by_id, editions_for_year, load_editions
from pipeline.editions.edition_file import EditionFileError, read_edition_file
from pipeline.editions.edition_lookup import (
    area_number,
    area_number_pattern,
    decide_edition,
    denoted_area,
    question_id_pattern,
)
from pipeline.model.records import AreaScore, Extraction, Metadata, QuestionScore, Severity, YearTotal
from pipeline.run.process import digitize
from pipeline.validation import edition, scores, validate
from tests.conftest import doc_from

FIXTURES = Path(__file__).parent / "fixtures" / "editions"
NAMES_2002 = [area.name for area in edition_by_id("kk2002-rev2007").areas]  # type: ignore[union-attr]
NAMES_2010 = [
    "Offentlighet och demokrati", "Tillgänglighet och brukarorientering", "Politisk styrning och kontroll",
    "Ledarskap, ansvar och delegation", "Resultat och effektivitet",
    "Kommunen som arbetsgivare, personalpolitik", "Verksamhetsutveckling", "Kommun som samhällsbyggare",
]  # fmt: skip
NAMES_2015 = [*NAMES_2010[:1], "Brukarfokus, tillgänglighet och bemötande", *NAMES_2010[2:6],
              "Ständiga förbättringar", "Kommunen som samhällsbyggare"]  # fmt: skip
NAMES_2020 = [
    "Offentlighet och demokrati", "Samhällsutveckling", "Styrning och kontroll", "Effektivitet",
    "Brukarens fokus", "Kvalitetsutveckling", "Arbetsliv", "Chefs- och ledarskap samt medarbetarskap",
]  # fmt: skip

VALID = """
id = "demo"
title = "Demo"
first_year = 2030
[[areas]]
number = 1
name = "Ett"
[[questions]]
id = "1.1"
max = 100
text = "Fråga"
"""


def test_shipped_editions_and_their_years() -> None:
    editions = {f.edition_id: (f.first_year, f.last_year, f.is_partial) for f in load_editions()}
    assert editions == {
        "kk2002": (2002, 2006, True),
        "kk2002-rev2007": (2007, 2010, False),
        "kk2010": (2010, 2019, True),
        "kk2020": (2020, None, True),
    }
    assert all(len(f.areas) == 8 and f.area_max == 100 for f in load_editions())
    assert [f.edition_id for f in editions_for_year(2010)] == ["kk2002-rev2007", "kk2010"]
    assert [f.edition_id for f in editions_for_year(2031)] == ["kk2020"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (VALID.replace('title = "Demo"\n', ""), "demo.toml: missing key 'title'"),
        (
            VALID.replace("first_year = 2030", 'first_year = "2030"'),
            "key 'first_year' must be a whole number",
        ),
        (VALID.replace("max = 100", 'max = "100"'), "key 'questions[0].max' must be a number"),
        (VALID.replace('name = "Ett"', 'namn = "Ett"'), "unknown key 'areas[0].namn'"),
        (
            VALID.replace('name = "Ett"', 'name = "Ett"\nvariants = "Ettan"'),
            "'areas[0].variants' must be a list",
        ),
        (
            VALID.replace('id = "1.1"', 'id = "2.1"'),
            "'questions[0].id' must be '<area>.<n>' of a listed area",
        ),
        (
            VALID.replace("first_year = 2030", "first_year = 2030\nlast_year = 2020"),
            "'last_year' (2020) is before",
        ),
        (VALID.replace("[[areas]]", "areas = 3\n[[nothing]]"), "demo.toml: "),
        ("id = ", "demo.toml: not valid TOML"),
    ],
)
def test_edition_file_errors_name_the_file_and_the_key(text: str, message: str) -> None:
    with pytest.raises(EditionFileError, match=regex.escape(message)):
        read_edition_file("demo.toml", text)


def test_a_valid_edition_file_reads() -> None:
    data = read_edition_file("demo.toml", VALID)
    assert data["areas"][0]["name"] == "Ett" and data["questions"][0]["max"] == 100


@pytest.mark.parametrize(
    ("year", "names", "edition"),
    [
        (2007, NAMES_2002, "kk2002-rev2007"),
        (2005, NAMES_2002, "kk2002"),
        (2005, [], "kk2002"),
        (2014, NAMES_2010, "kk2010"),
        (2018, NAMES_2015, "kk2010"),
        (2021, NAMES_2020, "kk2020"),
        (2024, [], "kk2020"),
        # A year of change: both tools in use, the names decide.
        (2010, NAMES_2002, "kk2002-rev2007"),
        (2010, NAMES_2010, "kk2010"),
        # Names of another edition than the year's: read by the names.
        (2009, NAMES_2010, "kk2010"),
        (2019, NAMES_2020, "kk2020"),
        # One or two wordings shared with another edition never overrule the year.
        (2012, ["Verksamhetsutveckling", "Kommunen som samhällsbyggare", "Personalpolitik"], "kk2010"),
        (None, NAMES_2020, "kk2020"),
        (None, [], None),
        (1999, [], None),
    ],
)
def test_edition_from_year_and_printed_names(year: int | None, names: list[str], edition: str | None) -> None:
    found = decide_edition(year, names)
    assert (found.edition_id if found else None) == edition


def test_which_area_a_name_denotes_with_and_without_the_edition() -> None:
    assert denoted_area("Effektivitet") == 4  # the 2020 tool's area 4, its exact wording
    assert denoted_area("Effektivitet", edition_by_id("kk2010")) == 5  # "Resultat och effektivitet"
    assert denoted_area("Ständiga förbättringar") == 7
    assert denoted_area("Kommunen som arbetsgivare") == 6
    assert denoted_area("Kommunens ekonomi") is None


def test_area_numbers_and_question_ids_come_from_the_editions() -> None:
    numbers = sorted({area.number for f in load_editions() for area in f.areas})
    assert [n for n in range(0, 12) if area_number(str(n)) is not None] == numbers == list(range(1, 9))
    pattern = regex.compile(rf"^{question_id_pattern()}$")
    assert pattern.match("8.12") and not pattern.match("9.1") and not pattern.match("1")
    assert regex.fullmatch(area_number_pattern(), "8") and not regex.fullmatch(area_number_pattern(), "0")


def _totals(values: list[float], total: float, year: int = 2013) -> Extraction:
    return Extraction(
        area_scores=tuple(AreaScore(n, f"Område {n}", year, v) for n, v in enumerate(values, 1)),
        year_totals=(YearTotal(year, total),),
    )


KRAMFORS_2011 = [51.0, 45, 62, 34, 52, 27, 39, 53]  # published as "51 %" …, total 359, sum 363


@pytest.mark.parametrize(
    ("values", "total", "rule"),
    [
        (KRAMFORS_2011, 359, "total_rounding_difference"),  # 4 = 8 areas x half a point
        (KRAMFORS_2011, 358, "total_mismatch"),  # 5: more than rounding explains
        (KRAMFORS_2011, 363, None),
        ([56.0, 55, 64.5, 71.5, 45, 68.5, 57, 80], 497, "total_mismatch"),  # Umeå 2003: exact halves
    ],
)
def test_totals_of_rounded_areas(values: list[float], total: float, rule: str | None) -> None:
    found = list(scores.total_mismatch(_totals(values, total), None))
    assert [f.rule for f in found] == ([rule] if rule else [])
    if rule == "total_rounding_difference":
        assert found[0].severity == Severity.WARNING and "up to 4" in found[0].message


def _with_year(year: int, **fields: object) -> Extraction:
    return dataclasses.replace(Extraction(metadata=Metadata(year=year)), **fields)  # type: ignore[arg-type]


def test_edition_year_mismatch_fires_only_when_read_by_names() -> None:
    kk2010 = edition_by_id("kk2010")
    [finding] = edition.edition_year_mismatch(_with_year(2008), kk2010)
    assert (finding.rule, finding.severity, finding.year, finding.expected, finding.found) == (
        "edition_year_mismatch", Severity.WARNING, 2008, "kk2002-rev2007", "kk2010",
    )  # fmt: skip
    assert list(edition.edition_year_mismatch(_with_year(2014), kk2010)) == []


def test_partial_edition_checks_printed_maxima_and_says_what_it_did_not_check() -> None:
    questions = tuple(QuestionScore(6, f"6.{i}", "x", m, 10) for i, m in enumerate((40, 30, 20), 1))
    extraction = _with_year(2014, question_scores=questions)
    rules = {f.rule: f for f in validate(extraction, edition_by_id("kk2010"))}
    assert rules["area_max_mismatch"].found == "90"
    assert rules["edition_maxima_unknown"].severity == Severity.INFO
    assert "question_unknown" not in rules and "question_missing" not in rules
    full = {f.rule for f in validate(extraction, edition_by_id("kk2002-rev2007"))}
    assert "edition_maxima_unknown" not in full and "question_max_mismatch" in full


def _digitized_text(text: str) -> Extraction:
    return digitize(doc_from(text))


def test_a_report_read_by_its_names_says_its_year_suggests_another_edition() -> None:
    """The Grästorp fixture (2010 tool) as if evaluated in 2009, when the 2002 tool was in use."""
    text = (FIXTURES / "kk2010_grastorp_2014.txt").read_text(encoding="utf-8")
    extraction = _digitized_text(text.replace("28-30 oktober 2014", "28-30 oktober 2009"))
    assert (extraction.metadata.year, extraction.edition) == (2009, "kk2010")
    [finding] = [f for f in extraction.findings if f.rule == "edition_year_mismatch"]
    assert (finding.year, finding.expected, finding.found) == (2009, "kk2002-rev2007", "kk2010")


def test_a_report_of_its_own_years_edition_has_no_mismatch() -> None:
    extraction = _digitized_text((FIXTURES / "kk2020_vallentuna_2021.txt").read_text(encoding="utf-8"))
    assert extraction.edition == "kk2020"
    assert not [f for f in extraction.findings if f.rule == "edition_year_mismatch"]


@pytest.mark.parametrize(
    ("year", "when"), [(1999, "in use in 1999"), (None, "in use in its year (not found)")]
)
def test_framework_unknown_says_why(year: int | None, when: str) -> None:
    [finding] = edition.framework_unknown(_with_year(year) if year else Extraction(), None)
    assert when in finding.message and finding.year == year
