"""What a spreadsheet program shows of the excel dialect, measured in LibreOffice Calc itself with
Swedish settings (headless: a file converted to CSV, sheet by sheet, and the cells' text read back).

The CSV files hold the code "0127", but Calc takes it for the number 127 when it opens them; the
workbook beside them, ``kompass.xlsx``, keeps every text cell as printed (codes, ids such as "7.5",
and a formula a report prints, which it shows and never runs). Skipped where Calc is not installed
(``tools/system-packages.sh`` installs it).
"""

from __future__ import annotations

import datetime
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import regex
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.schema import TABLES, table
from pipeline.tables import workbook
from pipeline.tables.rows import frame
from tests.conftest import UMEA

SOFFICE = Path("/usr/bin/soffice")
CALC = Path("/usr/lib/libreoffice/program/libsclo.so")
# The Text CSV filter's options: ";" (59) between fields, '"' (34) around them, UTF-8 (76), from
# line 1, every column of type Standard (as the import dialog offers it), Swedish (1053) numbers;
# on export, every sheet to a file of its own (-1).
IMPORT = "59,34,76,1,,1053"
EXPORT = "59,34,76,1,,1053,false,true,false,false,false,-1"
FORMULA = '=HYPERLINK("http://example.invalid","Klicka här")'


def _calc(source: Path, out: Path) -> None:
    """``source`` opened by Calc (a CSV with the import options) and saved as CSV into ``out``."""
    if not (SOFFICE.exists() and CALC.exists()):
        pytest.skip(
            "LibreOffice Calc (Debian libreoffice-calc-nogui) is not installed: run tools/system-packages.sh"
        )
    profile = out.parent / "calc-profile"  # a profile of its own: another LibreOffice may be running
    command = [
        str(SOFFICE), "--headless", f"-env:UserInstallation={profile.as_uri()}",
        *([f"--infilter=Text - txt - csv (StarCalc):{IMPORT}"] if source.suffix == ".csv" else []),
        "--convert-to", f"csv:Text - txt - csv (StarCalc):{EXPORT}", "--outdir", str(out), str(source),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding="utf-8")


def _only(folder: Path) -> Path:
    (path,) = folder.glob("*.csv")  # named after the file and its one sheet
    return path


@pytest.fixture(scope="module")
def excel_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run of the corpus report, one of its bullets a formula, with the excel dialect."""
    folder = tmp_path_factory.mktemp("spreadsheet")
    text = UMEA.read_text(encoding="utf-8")
    assert "- **Prenumerationstjänst.**" in text
    text = text.replace("- **Prenumerationstjänst.**", f"- {FORMULA}")
    (folder / "umea.txt").write_text(text, encoding="utf-8")
    out = folder / "out"
    arguments = ["run", str(folder / "umea.txt"), "--out", str(out), "--csv-dialect", "excel", "--no-report"]
    result = CliRunner().invoke(main, [*arguments, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.slow
def test_calc_keeps_every_text_of_the_workbook_as_printed(excel_out: Path, tmp_path: Path) -> None:
    _calc(excel_out / workbook.FILE_NAME, tmp_path / "calc")
    for declared in TABLES:
        shown = _read(tmp_path / "calc" / f"kompass-{declared.name}.csv")
        printed = pd.read_parquet(excel_out / f"{declared.name}.parquet")
        assert list(shown.columns) == list(declared.column_names)
        assert len(shown) == len(printed), declared.name
        for column in (c.name for c in declared.columns if c.type == "string"):
            assert shown[column].tolist() == printed[column].fillna("").tolist(), (declared.name, column)
    coverage = _read(tmp_path / "calc" / "kompass-coverage.csv")
    assert {"0127", "0182", "0123"} <= set(coverage["municipality_code"])  # Botkyrka, Nacka, Järfälla
    scores = _read(tmp_path / "calc" / "kompass-question_scores.csv")
    assert {"7.5", "2.1"} <= set(scores["question_id"])  # ids, never numbers or dates
    assert "7.5" in set(scores["score"])  # a number: Calc writes it with its own decimal mark
    observations = _read(tmp_path / "calc" / "kompass-observations.csv")
    assert FORMULA in set(observations["text"])  # shown as printed, not run


@pytest.mark.slow
def test_calc_reads_the_csv_codes_as_numbers_and_runs_no_formula(excel_out: Path, tmp_path: Path) -> None:
    # Why the workbook is there: the CSV files are right, but Calc guesses a column's type. And
    # the CSV files' neutralised formula stays text in Calc too.
    _calc(excel_out / "coverage.csv", tmp_path / "coverage")
    _calc(excel_out / "observations.csv", tmp_path / "observations")
    assert "0127" in (excel_out / "coverage.csv").read_text(encoding="utf-8-sig")
    codes = set(_read(_only(tmp_path / "coverage"))["municipality_code"])
    assert "127" in codes and "0127" not in codes
    assert "'" + FORMULA in set(_read(_only(tmp_path / "observations"))["text"])


def _frame(name: str, rows: list[dict[str, object]]) -> pd.DataFrame:
    return frame(name, [{c: row.get(c) for c in table(name).column_names} for row in rows])


def test_a_text_too_long_for_a_cell_is_cut_with_a_mark_and_a_full_sheet_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_ROWS", 3)  # a header and two rows a sheet
    monkeypatch.setattr(workbook, "MAX_TEXT", 10)
    names = ["0127.txt", "x" * 12, "=1+1", "0180.txt", "b.txt"]
    reports = _frame("reports", [
        {"report_id": f"r{n}", "source_file": name, "input_format": "text", "status": "ok",
         "evaluation_start": datetime.date(2007, 9, 19)} for n, name in enumerate(names)
    ])  # fmt: skip
    scores = _frame("area_scores", [{"report_id": "r0", "year": 2007, "area": 1, "score": 7.5,
                                    "is_report_year": True, "printing": 1}])  # fmt: skip
    path = tmp_path / "book.xlsx"
    with path.open("wb") as file:
        workbook.write_workbook({"reports": [reports], "area_scores": [scores]}, file, None)  # type: ignore[arg-type]
    with zipfile.ZipFile(path) as archive:
        sheets = regex.findall(r'<sheet name="([^"]+)"', archive.read("xl/workbook.xml").decode())
        xml = "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml"))
    assert sheets == ["reports", "reports (2)", "reports (3)", "area_scores"]
    assert "<f>" not in xml and "=1+1" in xml  # a text cell, never a formula
    assert "x" * 9 + workbook.CUT_MARK in xml and "x" * 10 not in xml
    assert "<v>7.5</v>" in xml and 't="b"' in xml  # a number and a boolean
