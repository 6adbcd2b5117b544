"""Every recipe of docs/tables.md, taken from the page's text and run as printed on two batches (the
corpus report, and the edition fixtures' text exports, two of them of municipalities whose codes
start with 0): Python with pandas and DuckDB, the shell's sqlite3, datasette and DuckDB, R with
read.csv and with DBI. Each recipe's result is held against the tables kompass wrote, so a recipe
that breaks, or gives other figures or loses a leading zero, fails here.

A recipe that starts a program waiting for a person is run with one request instead
(``datasette FILE`` answers ``--get``); the DuckDB command runs where its sqlite extension can be
downloaded, the R recipes where R with DBI and RSQLite is installed (tools/system-packages.sh).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
import regex
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import CORPUS, ROOT

DOCS = ROOT / "docs" / "tables.md"
EDITIONS = ROOT / "tests" / "fixtures" / "editions"
BATCHES = {"corpus": [CORPUS], "editions": sorted(EDITIONS.glob("*.txt"))}
FENCE = regex.compile(r"^```(\w+)\n(.*?)^```$", regex.MULTILINE | regex.DOTALL)
RSCRIPT = shutil.which("Rscript")

pytestmark = pytest.mark.slow


def recipes(language: str) -> list[str]:
    """The fenced blocks of ``language`` in docs/tables.md, in the page's order."""
    return [body for lang, body in FENCE.findall(DOCS.read_text(encoding="utf-8")) if lang == language]


def recipe(language: str, holding: str) -> str:
    """The one block of ``language`` that holds ``holding``."""
    (found,) = [body for body in recipes(language) if holding in body]
    return found


@pytest.fixture(scope="module", params=list(BATCHES))
def batch(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``output/``, a run of the batch with every format, as the recipes expect."""
    folder = tmp_path_factory.mktemp(request.param)
    inputs = [str(path) for path in BATCHES[request.param]]
    arguments = ["run", *inputs, "--out", str(folder / "output"), "--format", "all", "--no-report"]
    result = CliRunner().invoke(main, [*arguments, "--workers", "2", "--no-cache"])
    assert result.exit_code == 0, result.output
    return folder


def _table(batch: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(batch / "output" / f"{name}.parquet")


def _wide(batch: Path) -> pd.DataFrame:
    """The panel side by side, computed here without the recipes: (code, year) -> areas and total."""
    panel = _table(batch, "panel")
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    for row in panel.itertuples():
        cell = rows.setdefault((row.municipality_code, int(row.year)), {})
        cell["total" if pd.isna(row.area) else f"area_{int(row.area)}"] = float(row.score)
    return pd.DataFrame.from_dict(rows, orient="index").sort_index()


def _shell(batch: Path, block: str, tmp_path: Path) -> str:
    """A sh block run by bash in ``batch``, the project's programs first on the PATH; a command that
    would wait for a person answers one request (``bin/datasette``), ``pip install`` only checks
    that the package is installed, and ``duckdb`` is DuckDB's Python module."""
    shims = tmp_path / "bin"
    shims.mkdir(exist_ok=True)
    venv = Path(sys.executable).parent
    (shims / "datasette").write_text(
        f'#!/bin/sh\nexec "{venv / "datasette"}" "$@" --get "$DATASETTE_GET"\n', encoding="utf-8"
    )
    (shims / "duckdb").write_text(
        f'#!/bin/sh\n[ "$1" = -c ] && exec "{sys.executable}" -c '
        '"import duckdb, sys; print(duckdb.sql(sys.argv[1]).df().to_csv(index=False))" "$2"\nexit 2\n',
        encoding="utf-8",
    )
    (shims / "pip").write_text(  # installed by the locks: only checked, the index is not asked
        f'#!/bin/sh\n[ "$1" = install ] && shift && exec "{sys.executable}" -m pip show "$@" >/dev/null\n'
        "exit 2\n",
        encoding="utf-8",
    )
    for shim in shims.iterdir():
        shim.chmod(0o755)
    path = f"{shims}:{venv}:{os.environ['PATH']}"
    environment = {**os.environ, "PATH": path, "DATASETTE_GET": "/kompass/panel_wide.json?_shape=array"}
    run = subprocess.run(
        ["bash", "-euc", block], cwd=batch, env=environment, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def _python(batch: Path, block: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(batch)
    scope: dict[str, Any] = {}
    exec(compile(block, str(DOCS), "exec"), scope)  # our own docs' code, not input data
    return scope


def test_the_panel_pivots(batch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scope = _python(batch, recipe("python", "pivot"), monkeypatch)
    expected = _wide(batch)
    wide = scope["wide"]
    assert [(code, int(year)) for code, year in wide.index] == list(expected.index)
    for area in wide.columns:
        assert wide[area].tolist() == expected[f"area_{int(area)}"].tolist()
    assert scope["totals"].tolist() == expected["total"].tolist()
    assert scope["wide_sql"]["municipality_code"].tolist() == [code for code, _ in expected.index]


def test_reading_the_tables_keeps_the_codes(batch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scope = _python(batch, recipe("python", "def read_csv"), monkeypatch)
    coverage = _table(batch, "coverage")
    assert scope["coverage"]["municipality_code"].tolist() == coverage["municipality_code"].tolist()
    assert any(code.startswith("0") for code in coverage["municipality_code"])
    assert sorted(code for (code,) in scope["codes"]) == sorted(set(coverage["municipality_code"]))
    assert len(scope["areas"]) == len(_table(batch, "area_scores"))
    assert scope["scores"].equals(_table(batch, "question_scores"))


def test_sqlite3_answers_from_the_views(batch: Path, tmp_path: Path) -> None:
    printed = _shell(batch, recipe("sh", "SELECT * FROM panel_wide"), tmp_path).splitlines()
    reports = _table(batch, "reports")
    wide, findings = printed[: len(_wide(batch))], printed[len(_wide(batch)) :]
    expected = _wide(batch)
    for line, ((code, year), scores) in zip(wide, expected.iterrows(), strict=True):
        cells = line.split("|")
        assert cells[0] == code and int(cells[2]) == year  # "0115" stays "0115"
        assert [float(v) if v else None for v in cells[4:]] == [
            None if pd.isna(scores.get(c)) else scores[c]
            for c in [*(f"area_{n}" for n in range(1, 9)), "total"]
        ]
    assert len(findings) == len(reports)
    errors = _table(batch, "issues")["severity"].eq("error").sum()
    assert sum(int(line.split("|")[6]) for line in findings) == errors


def test_the_review_file_starts_from_a_run(batch: Path, tmp_path: Path) -> None:
    _shell(batch, recipe("sh", "review.csv"), tmp_path)
    review = pd.read_csv(batch / "review.csv", dtype=str, keep_default_na=False)
    assert list(review.columns) == ["issue_id", "verdict", "note", "reviewer", "rule", "message"]
    assert review["issue_id"].tolist() == _table(batch, "issues")["issue_id"].tolist()


def test_datasette_serves_the_database(batch: Path, tmp_path: Path) -> None:
    served = json.loads(_shell(batch, recipe("sh", "datasette output/kompass.sqlite"), tmp_path))
    expected = _wide(batch)
    assert [(row["municipality_code"], row["year"]) for row in served] == list(expected.index)
    assert [row["total"] for row in served] == expected["total"].tolist()


def test_duckdb_attaches_the_database(batch: Path, tmp_path: Path) -> None:
    try:
        duckdb.sql("INSTALL sqlite")
    except duckdb.Error as error:
        reason = str(error).split(" at URL")[0][:120]
        pytest.skip(f"DuckDB's sqlite extension cannot be downloaded here: {reason}")
    printed = _shell(batch, recipe("sh", "duckdb -c"), tmp_path)
    served = pd.read_csv(io.StringIO(printed), dtype={"municipality_code": str})
    assert list(zip(served["municipality_code"], served["year"], strict=True)) == list(_wide(batch).index)


def _r(batch: Path, block: str, tmp_path: Path) -> pd.DataFrame:
    """The value of an R block's last expression, as R writes it to CSV."""
    if RSCRIPT is None:
        pytest.skip(
            "R is not installed (Debian r-base-core, r-cran-dbi, r-cran-rsqlite: tools/system-packages.sh)"
        )
    (tmp_path / "recipe.R").write_text(block, encoding="utf-8")
    script = (
        f'value <- eval(parse(file = "{tmp_path / "recipe.R"}"))\n'
        "write.csv(value, stdout(), row.names = FALSE)"
    )
    run = subprocess.run(
        [RSCRIPT, "-e", script], cwd=batch, capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return pd.read_csv(io.StringIO(run.stdout), dtype=str, keep_default_na=False)


def test_r_reads_the_csv_with_its_text_columns_as_text(batch: Path, tmp_path: Path) -> None:
    coverage = _r(batch, recipe("r", "read.csv"), tmp_path)
    expected = _table(batch, "coverage")
    assert coverage["municipality_code"].tolist() == expected["municipality_code"].tolist()  # "0127"
    assert coverage["year"].tolist() == [str(year) for year in expected["year"]]


def test_r_reads_the_database_with_dbi(batch: Path, tmp_path: Path) -> None:
    findings = _r(batch, recipe("r", "DBI::dbConnect"), tmp_path)
    reports = _table(batch, "reports").sort_values(["source_file", "report_id"])
    assert findings["municipality_code"].tolist() == reports["municipality_code"].fillna("NA").tolist()
    assert findings["report_id"].tolist() == reports["report_id"].tolist()
