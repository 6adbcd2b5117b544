"""Finding ids (issues.issue_id) stay the same from run to run, and a corrected report re-keys only
the findings its correction touches; an auditor's review file is joined on them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.records import Finding, Severity
from pipeline.run.process import process_file
from pipeline.tables.database import FILE_NAME
from pipeline.tables.review import Verdict, load_review
from pipeline.tables.spill import build_tables
from pipeline.validation.finding_ids import finding_ids, finding_subject
from tests.conftest import UMEA

# What a finding is, without where it is (page, line) or how it is worded (message).
WHAT = ["rule", "area", "question_id", "year", "expected", "found", "printed_line"]
AREA_5_ROW = "5 Kontroll och rapportering\t45\t71\t79\n"


def _issues(path: Path) -> pd.DataFrame:
    return build_tables([process_file(path)])["issues"]


def _keyed(issues: pd.DataFrame) -> dict[tuple[object, ...], str]:
    what = issues[WHAT].astype(object).where(issues[WHAT].notna(), None)
    return dict(zip(what.itertuples(index=False, name=None), issues["issue_id"], strict=True))


@pytest.fixture(scope="module")
def original() -> pd.DataFrame:
    return _issues(UMEA)


def test_a_rerun_gives_the_same_ids(original: pd.DataFrame) -> None:
    again = _issues(UMEA)
    assert again["issue_id"].tolist() == original["issue_id"].tolist()
    assert original["issue_id"].is_unique and len(original) == 23
    assert original["issue_id"].str.fullmatch(r"[0-9a-f]{16}").all()


def test_a_corrected_figure_rekeys_only_the_findings_it_touches(
    original: pd.DataFrame, tmp_path: Path
) -> None:
    # Two edits: a line added at the top (every later line number shifts) and area 5's 2007 total
    # changed from 79 to 80 in the summary table.
    text = UMEA.read_text(encoding="utf-8")
    assert AREA_5_ROW in text
    edited = tmp_path / "umea_2007.txt"
    edited.write_text("Reviderad version\n" + text.replace(AREA_5_ROW, AREA_5_ROW.replace("79\n", "80\n")),
                      encoding="utf-8")  # fmt: skip
    changed = _issues(edited)
    before, after = _keyed(original), _keyed(changed)
    kept = before.keys() & after.keys()
    # The findings that stayed what they were keep their ids although their lines moved down.
    assert len(kept) == 22
    assert all(before[what] == after[what] for what in kept)
    lines = original.set_index("issue_id")["line"].dropna()
    moved = changed.set_index("issue_id")["line"].reindex(lines.index).dropna()
    assert len(moved) > 10 and (moved == lines[moved.index] + 1).all()
    # Area 5's own finding has new values, so a new id; the figure's new findings get new ids.
    gone = {what[:6] for what in before.keys() - kept}
    new = {what[:6] for what in after.keys() - kept}
    assert gone == {("area_sum_mismatch", 5, None, 2007, "78", "79")}
    assert new == {
        ("area_sum_mismatch", 5, None, 2007, "78", "80"), ("total_mismatch", None, None, 2007, "647", "646"),
        ("narrative_score_mismatch", 5, None, 2007, "80", "79"),
        ("narrative_change_mismatch", 5, None, 2007, "9", "8"),
    }  # fmt: skip
    assert not set(changed["issue_id"]) & {before[what] for what in before.keys() - kept}


def test_the_same_report_under_another_name_keeps_its_ids(original: pd.DataFrame, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "umea_kopia.txt"
    copy.parent.mkdir()
    copy.write_bytes(UMEA.read_bytes())
    moved = _issues(copy)
    assert moved["report_id"][0] != original["report_id"][0]
    assert moved["issue_id"].tolist() == original["issue_id"].tolist()


def test_findings_alike_in_everything_get_their_own_ids() -> None:
    twice = [Finding("total_mismatch", Severity.ERROR, "m", year=2007, expected="1", found="2")] * 2
    first, second = finding_ids("2480/2007", twice)
    assert first != second
    assert finding_ids("2480/2007", twice[:1]) == [first]  # the first keeps the id it has alone


def test_the_subject_is_municipality_and_year_else_the_file() -> None:
    assert finding_subject("2480", 2007, "ab" * 32) == "2480/2007"
    assert finding_subject(None, 2007, "ab" * 32) == "sha256:" + "ab" * 32
    finding = [Finding("lead_in_names_other", Severity.WARNING, "m", expected="Umeå", found="Tyresö")]
    assert finding_ids("2480/2007", finding) != finding_ids("2480/2009", finding)


def test_white_space_in_the_printed_line_does_not_matter() -> None:
    tabs = Finding("area_sum_mismatch", Severity.ERROR, "m", area=5, printed_line="5 Kontroll\t45  71\t79")
    spaces = Finding("area_sum_mismatch", Severity.ERROR, "x", area=5, printed_line=" 5 Kontroll 45 71 79")
    assert finding_ids("s", [tabs]) == finding_ids("s", [spaces])


def _review(path: Path, *rows: str) -> Path:
    path.write_text("\n".join(["issue_id,verdict,note,reviewer,rule", *rows]) + "\n", encoding="utf-8")
    return path


def test_a_review_joins_verdicts_and_marks_new_findings(original: pd.DataFrame, tmp_path: Path) -> None:
    confirmed, false_alarm = original["issue_id"][0], original["issue_id"][5]
    review = _review(
        tmp_path / "review.csv",
        f"{confirmed},confirmed,checked against the printed table,Ada,area_sum_mismatch",
        f'{false_alarm},False Alarm,"the report says so, twice",Bo,',
        "0000000000000000,fixed in source,a finding no longer found,Ada,",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(UMEA), "--out", str(out), "--format", "all", "--review", str(review)]
    )
    assert result.exit_code == 0, result.output
    issues = pd.read_csv(out / "issues.csv", dtype={"issue_id": "string", "is_new": "boolean"})
    reviewed = issues.set_index("issue_id")
    assert reviewed.loc[confirmed, ["verdict", "review_note", "reviewer"]].tolist() == [
        "confirmed", "checked against the printed table", "Ada",
    ]  # fmt: skip
    assert reviewed.loc[false_alarm, ["verdict", "review_note"]].tolist() == [
        "false alarm", "the report says so, twice",
    ]  # fmt: skip
    assert issues["is_new"].sum() == len(issues) - 2 == 21
    assert not reviewed.loc[[confirmed, false_alarm], "is_new"].any()
    connection = sqlite3.connect(out / FILE_NAME)
    counts = connection.execute("SELECT findings, new_since_review FROM findings_per_report").fetchall()
    connection.close()
    assert counts == [(23, 21)]
    manifest = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["kompass"]
    assert manifest["options"]["review"]["file"] == str(review)
    # The audit report shows each finding's id, its verdict, and which findings are new.
    (page,) = (out / "report" / "reports").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert f'<code class="issue-id">{confirmed}</code>' in html
    assert "review: <b>confirmed</b>: checked against the printed table (Ada)" in html
    assert html.count('<b class="new">new since the review</b>') == 21 == html.count('data-review="new"')
    # the index's triage row counts them, and its review filter can pick the report out
    index = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert '<td class="num">2</td><td class="num">21</td>' in index
    assert 'data-review="new reviewed"' in index


def test_without_a_review_the_review_columns_are_empty(original: pd.DataFrame) -> None:
    assert original[["verdict", "review_note", "reviewer", "is_new"]].isna().all().all()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["abc,maybe,,"], "line 2: verdict 'maybe' is not one of \"confirmed\""),
        (["abc,confirmed,,", "abc,false alarm,,"], "line 3: finding abc is reviewed twice"),
    ],
)
def test_a_review_file_at_fault_is_named_with_its_line(tmp_path: Path, rows: list[str], message: str) -> None:
    review = _review(tmp_path / "review.csv", *rows)
    args = ["run", str(UMEA), "--out", str(tmp_path / "out"), "--review", str(review)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and message in result.output
    assert not (tmp_path / "out" / "issues.csv").exists()


def test_a_review_saved_by_a_swedish_spreadsheet_is_read(tmp_path: Path) -> None:
    review = tmp_path / "review.csv"
    review.write_bytes("\ufeffissue_id;verdict;note;reviewer\r\nabc;Confirmed;ok;Åsa\r\n".encode())
    assert load_review(review).verdicts == {"abc": Verdict("confirmed", "ok", "Åsa")}
