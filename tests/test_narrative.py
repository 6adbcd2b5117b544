"""Rules on the area sections against the tables, and the tables the CLI writes for them."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.editions.edition import edition_by_id
from pipeline.model.records import Claim, Extraction, ListedQuestion, QuestionScore, Severity
from pipeline.run.process import digitize
from pipeline.validation.narrative import (
    _signed,
    narrative_change_mismatch,
    narrative_score_mismatch,
    question_text_mismatch,
    wording,
)
from tests.conftest import CORPUS, UMEA, doc_from

NARRATIVE_RULES = {"narrative_score_mismatch", "narrative_change_mismatch"}
UMEA_WORDING_DIFFERENCES = [
    "1.1", "1.3", "2.4", "3.2", "3.4", "4.1", "4.2", "4.3", "5.2", "6.2", "7.1", "7.4", "7.5", "8.1",
]  # fmt: skip


def altered(text: str, old: str, new: str) -> Extraction:
    """The Umeå report digitized with one passage of its text replaced."""
    assert old in text
    return digitize(doc_from(text.replace(old, new)))


@pytest.fixture(scope="module")
def umea_text() -> str:
    return UMEA.read_text(encoding="utf-8")


def test_umea_raises_no_narrative_finding(umea: Extraction) -> None:
    assert len(umea.claims) == 8
    assert not [f for f in umea.findings if f.rule in NARRATIVE_RULES]


def test_umea_keeps_exactly_four_errors(umea: Extraction) -> None:
    assert len([f for f in umea.findings if f.severity == Severity.ERROR]) == 4


def test_umea_question_wording_differences(umea: Extraction) -> None:
    found = [f for f in umea.findings if f.rule == "question_text_mismatch"]
    assert [f.question_id for f in found] == UMEA_WORDING_DIFFERENCES
    assert {f.severity for f in found} == {Severity.INFO}
    first = found[0]
    assert (first.found, first.expected, first.line) == (
        "Hur informeras invånarna?",
        "Hur informeras medborgarna?",
        131,
    )


@pytest.mark.parametrize(
    ("old", "new", "found", "expected", "line"),
    [
        ("uppnår kommunen 73 poäng", "uppnår kommunen 74 poäng", "74", "73", 137),
        ("uppnår kommunen 79,5 poäng", "uppnår kommunen 79 poäng", "79", "79.5", 221),
        ("uppnår kommunen 98 poäng", "uppnår kommunen nittiosju poäng", "97", "98", 595),
    ],
)
def test_narrative_score_mismatch_fires(
    umea_text: str, old: str, new: str, found: str, expected: str, line: int
) -> None:
    extraction = altered(umea_text, old, new)
    findings = [f for f in extraction.findings if f.rule in NARRATIVE_RULES]
    assert [(f.rule, f.severity, f.found, f.expected, f.line) for f in findings] == [
        ("narrative_score_mismatch", Severity.ERROR, found, expected, line)
    ]
    assert f"says {found} points" in findings[0].message


@pytest.mark.parametrize(
    ("old", "new", "found", "expected", "line"),
    [
        ("En förbättring med sju poäng", "En förbättring med sex poäng", "6", "7", 137),
        ("vilket är en poäng mindre", "vilket är en poäng mer", "1", "-1", 301),
        ("ett likvärdigt resultat", "en förbättring med två poäng", "2", "0", 474),
        ("en förbättring med fyra poäng i förhållande till utvärderingen 2005",
         "en förbättring med fyra poäng i förhållande till utvärderingen 2003", "4", "18", 535),
        ("en förbättring med åtta poäng i förhållande till utvärderingen 2005",
         "en försämring med åtta poäng i förhållande till utvärderingen 2005", "-8", "8", 595),
    ],
)  # fmt: skip
def test_narrative_change_mismatch_fires(
    umea_text: str, old: str, new: str, found: str, expected: str, line: int
) -> None:
    extraction = altered(umea_text, old, new)
    findings = [f for f in extraction.findings if f.rule in NARRATIVE_RULES]
    assert [(f.rule, f.severity, f.found, f.expected, f.line) for f in findings] == [
        ("narrative_change_mismatch", Severity.ERROR, found, expected, line)
    ]


def _claim(score: float | None, change: float | None, year: int | None) -> Claim:
    return Claim(1, score, change, year, "Inom området ...", None, 10)


def test_change_rule_message_names_both_years(umea: Extraction) -> None:
    extraction = dataclasses.replace(umea, claims=(_claim(73, 5, 2003),))
    [finding] = narrative_change_mismatch(extraction, None)
    assert (finding.expected, finding.found) == ("17", "5")
    assert finding.message == (
        "Area 1: the section claims a change of +5 points since 2003, but the summary table goes from 56 "
        "in 2003 "
        "to 73 in 2007 (+17)."
    )


@pytest.mark.parametrize(
    "claim",
    [
        _claim(None, None, None),  # nothing claimed
        _claim(73, 7, None),  # compared with an unknown year
        _claim(73, 7, 1999),  # compared with a year the summary table lacks
        _claim(73, None, 2005),  # no change claimed
    ],
)
def test_rules_skip_what_cannot_be_checked(umea: Extraction, claim: Claim) -> None:
    extraction = dataclasses.replace(umea, claims=(claim,))
    assert list(narrative_score_mismatch(extraction, None)) == []
    assert list(narrative_change_mismatch(extraction, None)) == []


def test_score_rule_needs_a_report_year() -> None:
    extraction = Extraction(claims=(_claim(73, 7, 2005),))
    assert list(narrative_score_mismatch(extraction, None)) == []
    assert list(narrative_change_mismatch(extraction, None)) == []


@pytest.mark.parametrize(
    ("listed", "scored", "differs"),
    [
        ("Hur informeras invånarna?", "Hur informeras medborgarna?", True),
        ("Hur informeras invånarna om resultatet?", "Hur informeras medborgarna om resultat?", True),
        (
            "Hur metodiskt sker utvecklingen av kvalitetssystem?",
            "Hur metodiskt sker utveckling av kvalitetssystem?",
            True,
        ),
        ("Strategier för att synliggöra kostnader?", "Strategier för att synliggöra kostnader.", False),
        ("Kontroll- och uppföljningsrutiner?", "Kontroll- och uppföljningsrutiner.", False),
        ("Hur informeras  medborgarna ?", "Hur informeras medborgarna?", False),
        ("Hur informeras Medborgarna?", "hur informeras medborgarna", False),
        ("Genomförs brukar–/medborgarundersökningar?", "Genomförs brukar-/medborgarundersökningar?", False),
        ("”Tro-int”", '"Tro-int"', False),
    ],
)
def test_wording(listed: str, scored: str, differs: bool) -> None:
    assert (wording(listed) != wording(scored)) is differs


def test_question_text_rule_on_its_own() -> None:
    extraction = Extraction(
        question_scores=(QuestionScore(1, "1.1", "Hur informeras medborgarna?", 40, 28, None, 673),),
        listed_questions=(
            ListedQuestion(1, "1.1", "Hur informeras invånarna?", None, 131),
            ListedQuestion(1, "1.9", "Finns inte i tabellen?", None, 132),
        ),
    )
    [finding] = question_text_mismatch(extraction, edition_by_id("kk2002-rev2007"))
    assert (finding.rule, finding.severity, finding.question_id, finding.line) == (
        "question_text_mismatch", Severity.INFO, "1.1", 131,
    )  # fmt: skip
    assert finding.message == (
        'Sub-question 1.1 reads "Hur informeras invånarna?" in the area section but "Hur informeras '
        'medborgarna?" '
        "in the score table."
    )


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_cli_writes_observations_claims_and_issues(tmp_path: Path, umea: Extraction) -> None:
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    observations = _read(tmp_path / "observations.csv")
    assert list(observations[0]) == ["report_id", "area", "kind", "position", "text", "page", "line"]
    assert len(observations) == 71
    assert [o["text"] for o in observations] == [o.text for o in umea.observations]
    assert observations[0] == {
        "report_id": observations[0]["report_id"], "area": "1", "kind": "strength", "position": "1",
        "text": "Framgångsrik presstrategi och bra informationsflöde genom befintliga kanaler.", "page": "",
        "line": "191",
    }  # fmt: skip
    claims = _read(tmp_path / "claims.csv")
    assert list(claims[0])[:8] == [
        "report_id", "area", "claimed_score", "claimed_change", "compared_with_year", "sentence", "page",
        "line",
    ]  # fmt: skip
    expected = [
        (1, 73, 7),
        (2, 79.5, 10),
        (3, 79, -1),
        (4, 84.5, 2),
        (5, 79, 8),
        (6, 78, 0),
        (7, 75, 4),
        (8, 98, 8),
    ]
    found = [(c["area"], c["claimed_score"], c["claimed_change"], c["compared_with_year"]) for c in claims]
    assert found == [(str(area), str(score), str(change), "2005") for area, score, change in expected]
    issues = _read(tmp_path / "issues.csv")
    assert len([i for i in issues if i["rule"] == "question_text_mismatch"]) == 14
    assert not [i for i in issues if i["rule"] in NARRATIVE_RULES | {"area_name_unknown"}]


def test_wording_drops_spaces_case_and_closing_punctuation() -> None:
    assert wording("Hur  Informeras\tmedborgarna – nu ?") == "hurinformerasmedborgarna-nu"


@pytest.mark.parametrize(
    ("change", "signed"), [(-1.0, "-1"), (0.0, "0"), (0.5, "+0.5"), (1.0, "+1"), (7.0, "+7")]
)
def test_signed_change(change: float, signed: str) -> None:
    assert _signed(change) == signed


def test_a_claim_that_cannot_be_checked_does_not_stop_the_next(umea: Extraction) -> None:
    unscored = dataclasses.replace(_claim(None, None, None), area=2)
    untabled = dataclasses.replace(_claim(50, 5, 2005), area=9)
    wrong = _claim(70, 3, 2005)  # area 1: 73 in 2007, +7 since 2005
    extraction = dataclasses.replace(umea, claims=(unscored, untabled, wrong))
    assert [f.found for f in narrative_score_mismatch(extraction, None)] == ["70"]
    assert [f.found for f in narrative_change_mismatch(extraction, None)] == ["3"]


def test_a_change_against_an_empty_table_cell_is_not_checked(umea: Extraction) -> None:
    empty_2005 = tuple(
        dataclasses.replace(s, score=None) if (s.area, s.year) == (2, 2005) else s for s in umea.area_scores
    )
    claims = (dataclasses.replace(_claim(79.5, 3, 2005), area=2), _claim(73, 3, 2005))
    extraction = dataclasses.replace(umea, area_scores=empty_2005, claims=claims)
    assert [(f.area, f.found) for f in narrative_change_mismatch(extraction, None)] == [(1, "3")]
