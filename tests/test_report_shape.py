"""Only documents with a report's structure become reports."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.report_shape import has_title, report_shape
from extractors.sections import find_area_sections
from pipeline.cli import main
from pipeline.model.errors import NotAReportError
from pipeline.run.process import digitize, extract
from tests.conftest import ROOT, UMEA, doc_from
from tests.not_reports import MEMO, NOT_REPORTS, PRESS_RELEASE, WEB_PAGE


def shape_of(text: str):
    doc = doc_from(text)
    extraction = extract(doc)
    return report_shape(doc, extraction.area_scores, extraction.question_scores, find_area_sections(doc))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (PRESS_RELEASE, 'no title page ("Kommunkompassen" / "Analys av <kommun>"); no area sections'),
        (MEMO, "no title page"),
        (WEB_PAGE, "no title page"),
        ((ROOT / "README.md").read_text(encoding="utf-8"), "no title page"),
    ],
    ids=["press-release", "memo", "web-page", "readme"],
)
def test_documents_about_an_evaluation_are_not_reports(text: str, reason: str) -> None:
    with pytest.raises(NotAReportError) as raised:
        digitize(doc_from(text))
    assert str(raised.value).startswith("not a Kommunkompassen report: ")
    assert reason in str(raised.value)


def test_umea_has_every_part_of_a_report() -> None:
    shape = shape_of(UMEA.read_text(encoding="utf-8"))
    assert (shape.title, shape.sections, shape.tables, shape.is_report) == (True, 1.0, True, True)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Kommunkompassen\n\nAnalys av Umeå kommun", True),
        ("Kommun Kompassen\nANALYS AV\nBORÅS KOMMUN\n2015", True),
        ("1 KOMMUNKOMPASSEN ANALYS AV KARLSKOGA KOMMUN 2014", True),
        ("KommunKompassen KINDA KOMMUN 2011 ANALYS AV.", False),  # a sentence's full stop
        ("KommunKompassen KINDA KOMMUN 2011 ANALYS AV", True),
        ("Kommunkompassen visar att kommunen är på rätt väg\nSKL:s analys av kommunen", False),
        ("Kommunkompassen\n\nEtt verktyg för analys av kommuner.", False),
        ("Analys av Umeå kommun", False),
    ],
)
def test_title_forms(title: str, expected: bool) -> None:
    assert has_title(doc_from(f"{title}\n\nText.\n")) is expected


def test_a_report_without_a_title_page_still_reads_by_its_sections_and_tables() -> None:
    text = UMEA.read_text(encoding="utf-8").replace("Analys av Umeå kommun", "Umeå kommun")
    shape = shape_of(text)
    assert (shape.title, shape.is_report) == (False, True)


@pytest.mark.slow
def test_a_folder_of_reports_beside_other_documents(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(UMEA, inputs / "umea_2007.txt")
    shutil.copy(ROOT / "tests" / "fixtures" / "umea_2007_a4_ruled.pdf", inputs / "umea_2007.pdf")
    shutil.copy(ROOT / "README.md", inputs / "README.md")
    for name, text in NOT_REPORTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(inputs), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8") as handle:
        rows = {Path(row["source_file"]).name: row for row in csv.DictReader(handle)}
    assert {name: row["status"] for name, row in rows.items()} == {
        "umea_2007.txt": "ok",
        "umea_2007.pdf": "ok",
        "README.md": "failed",
        "pressmeddelande.txt": "failed",
        "tjansteskrivelse.txt": "failed",
        "webbsida.md": "failed",
    }
    assert all(
        row["error"].startswith("not a Kommunkompassen report: ")
        for row in rows.values()
        if row["status"] == "failed"
    )
    with (tmp_path / "out" / "evaluations.csv").open(encoding="utf-8") as handle:
        assert {row["report_id"] for row in csv.DictReader(handle)} == {
            rows["umea_2007.txt"]["report_id"],
            rows["umea_2007.pdf"]["report_id"],
        }


def test_a_memo_with_area_names_as_headings_is_still_no_report() -> None:
    names_2007 = {
        "Offentlighet och demokrati": "Offentlighet och demokratisk kontroll",
        "Politisk styrning och kontroll": "Tydlighet i samspelet mellan politiker och tjänstemän",
        "Ledarskap, ansvar och delegation": "Ledning, decentralisering och delegering",
        "Resultat och effektivitet": "Kontroll och rapportering",
    }
    memo = MEMO
    for new, old in names_2007.items():
        memo = memo.replace(f"\n{new}\n", f"\n{old}\n")
    shape = shape_of(memo)
    assert (shape.title, shape.sections, shape.tables, shape.is_report) == (False, 0.5, False, False)
    assert "area sections only under area names" in shape.why_not()
