"""A report's status tells the truth: ``ok`` when nothing was lost, ``partial`` when a finding of a
rule declared ``loses_content`` says a table, rows, cells or characters are missing, ``failed``
when the file was not digitized; ``--fail-on partial`` stops on partial and failed reports."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.editions.edition import edition_by_id
from pipeline.model.records import Extraction, Report
from pipeline.run.outcome import trouble
from pipeline.run.process import failed_report, process_file
from pipeline.validation import CONTENT_LOSS_RULES, RULES, lost_content, report_status, validate
from tests.conftest import ROOT, UMEA
from tests.test_rules_fire import CASES

# The Umeå 2007 summary table ("Tabell 2"), from its header row to its TOTALT row.
SUMMARY_FIRST, SUMMARY_LAST = "\t2003\t2005\t2007\n", "TOTALT\t497\t608\t646\n"
# An edition fixture that prints no score table (planted, see tests/fixtures/editions_data.py).
WITHOUT_SCORE_TABLE = ROOT / "tests" / "fixtures" / "editions" / "kk2010_kramfors_2013.txt"


def _without_summary_table(folder: Path) -> Path:
    text = UMEA.read_text(encoding="utf-8")
    start, end = text.index(SUMMARY_FIRST), text.index(SUMMARY_LAST) + len(SUMMARY_LAST)
    path = folder / "umea_2007_without_summary.txt"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


def test_the_corpus_report_as_printed_is_ok() -> None:
    report = process_file(UMEA)
    assert report.status == "ok" and not lost_content(report.extraction.findings)


def test_a_report_without_its_summary_table_is_partial(tmp_path: Path) -> None:
    report = process_file(_without_summary_table(tmp_path))
    assert report.status == "partial" and report.error is None
    assert "summary_table_missing" in {f.rule for f in lost_content(report.extraction.findings)}
    assert report.extraction.question_scores, "the rest of the report is still read"


def test_a_report_without_its_score_table_is_partial() -> None:
    report = process_file(WITHOUT_SCORE_TABLE)
    assert report.status == "partial"
    assert [f.rule for f in lost_content(report.extraction.findings)] == ["score_table_missing"]


LOSS_CASES = sorted(slug for slug in CASES if slug in CONTENT_LOSS_RULES)


def test_the_content_loss_rules_are_declared_on_the_rules() -> None:
    assert set(LOSS_CASES) == {
        "content_lost", "summary_table_missing", "score_table_missing", "area_score_table_missing",
        "score_missing", "question_missing", "area_total_missing", "report_year_not_in_summary",
        "area_section_missing", "municipality_unknown", "score_rows_lost", "year_total_missing",
        "observations_missing", "evaluation_entries_unread", "score_values_doubtful", "observation_doubtful",
        "claim_missing", "evaluation_year_unread",
    }  # fmt: skip
    assert {rule.slug for rule in RULES if rule.loses_content} == CONTENT_LOSS_RULES


@pytest.mark.parametrize("slug", LOSS_CASES)
def test_any_content_loss_finding_makes_the_report_partial(slug: str, umea: Extraction) -> None:
    altered = CASES[slug].alter(umea)
    findings = validate(altered, edition_by_id(altered.edition))
    assert slug in {f.rule for f in findings}
    assert report_status(findings) == "partial"
    assert report_status(f for f in findings if f.rule == slug) == "partial", "the rule alone"


@pytest.mark.parametrize("slug", ["total_mismatch", "ocr_uncertain", "table_row_misaligned"])
def test_findings_that_lose_nothing_leave_the_report_ok(slug: str, umea: Extraction) -> None:
    altered = CASES[slug].alter(umea)
    findings = validate(altered, edition_by_id(altered.edition))
    assert slug in {f.rule for f in findings} and not lost_content(findings)
    assert report_status(findings) == "ok"


def _report(status: str) -> Report:
    return Report(report_id=status, source_file=f"{status}.txt", sha256="", input_format="text",
                  pages=None, status=status)  # fmt: skip


def test_fail_on_partial_stops_on_partial_and_failed_reports_only() -> None:
    ok, partial = _report("ok"), _report("partial")
    failed = failed_report(Path("bad.txt"), "cannot be read")
    assert trouble([ok, partial], Counter(warning=1), "partial") == "--fail-on partial: 1 partial report(s)"
    assert trouble([ok, partial, failed], Counter(), "partial") == (
        "--fail-on partial: 1 failed file(s), 1 partial report(s)"
    )
    assert trouble([ok, partial], Counter(warning=1), "failed") is None
    assert trouble([ok], Counter(warning=3), "partial") is None
    assert trouble([ok, partial], Counter(), "error") == "--fail-on error: 1 partial report(s)"
    assert trouble([partial, partial], Counter(), None) is None, "partial reports were digitized"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["run", *args, "--format", "csv", "--no-report", "--no-cache"])
    return result.exit_code, result.stderr


def test_run_counts_and_names_partial_reports_and_fail_on_partial_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = [str(UMEA), str(_without_summary_table(tmp_path))]
    code, stderr = _run(*inputs, "--out", str(out), "--fail-on", "partial")
    assert code == 1, stderr
    assert "2 documents: 1 ok, 1 partial, 0 failed;" in stderr
    assert "content lost: summary_table_missing" in stderr
    assert stderr.splitlines()[-1] == "Error: --fail-on partial: 1 partial report(s)"
    reports = pd.read_csv(out / "reports.csv")
    assert reports.set_index("source_file")["status"].to_dict() == {
        str(UMEA): "ok", inputs[1]: "partial",
    }  # fmt: skip
    assert reports["error"].isna().all()
    assert _run(*inputs, "--out", str(out), "--fail-on", "failed")[0] == 0
    assert _run(str(UMEA), "--out", str(out), "--fail-on", "partial")[0] == 0
