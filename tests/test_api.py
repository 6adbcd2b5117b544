"""The front door: pipeline.digitize does what `kompass run` does, and the package loads lightly."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import pipeline
from pipeline.cli import main
from pipeline.model.schema import TABLES
from pipeline.tables.writers import write_tables
from tests.conftest import ROOT, UMEA

README = ROOT / "README.md"
HEAVY = ("pandas", "pyarrow", "spacy", "pdfplumber")


def _readme_one_liner() -> str:
    """The code of the README's ``python -c "import pipeline; ..."`` example."""
    match = re.search(r'python -c "(import pipeline;[^"]+)"', README.read_text(encoding="utf-8"))
    assert match, "README lost its python -c example of the front door"
    return match.group(1)


@pytest.fixture(scope="module")
def cli_and_library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, pd.DataFrame]]:
    """The CLI's output folder for `corpus/` and the tables of the README's one-liner, both run
    from the repository root so that ``source_file`` reads the same."""
    out = tmp_path_factory.mktemp("cli")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = CliRunner().invoke(main, ["run", "corpus/", "--out", str(out), "--no-cache"])
        assert result.exit_code == 0, result.output
        namespace: dict[str, object] = {"print": lambda *_: None}
        exec(_readme_one_liner(), namespace)
    tables = namespace["tables"]
    assert isinstance(tables, dict)
    return out, tables


def test_the_documented_one_liner_returns_the_tables_the_cli_writes(
    cli_and_library: tuple[Path, dict[str, pd.DataFrame]],
) -> None:
    out, tables = cli_and_library
    assert list(tables) == [t.name for t in TABLES]
    for name, df in tables.items():
        pd.testing.assert_frame_equal(df, pd.read_parquet(out / f"{name}.parquet"), obj=name)
    assert len(tables["question_scores"]) == 37
    assert tables["reports"]["source_file"].tolist() == ["corpus/umea_2007.txt"]


def test_the_library_tables_write_the_cli_bytes(
    cli_and_library: tuple[Path, dict[str, pd.DataFrame]], tmp_path: Path
) -> None:
    out, tables = cli_and_library
    write_tables(tables, tmp_path, ["csv"])
    for declared in TABLES:
        csv = f"{declared.name}.csv"
        assert (tmp_path / csv).read_bytes() == (out / csv).read_bytes(), csv
    assert (tmp_path / "datapackage.json").read_bytes() != b""


def test_result_carries_findings_by_report_and_counts() -> None:
    result = pipeline.digitize(UMEA, workers=1)
    (report,) = result.reports
    findings = result.findings[report.report_id]
    assert sorted(f.found for f in findings if f.severity == "error") == ["25", "497", "75", "79"]
    assert (result.ok, result.failed, result.severities["error"]) == (1, 0, 4)
    assert len(result.tables["issues"]) == len(findings) == sum(result.severities.values())


def test_a_missing_path_and_a_folder_without_reports_are_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nowhere\.pdf"):
        pipeline.digitize(tmp_path / "nowhere.pdf")
    (tmp_path / "notes.docx").write_bytes(b"not a report")
    with pytest.raises(pipeline.NoReportFilesError, match=rf"no report files found in {tmp_path} \("):
        pipeline.digitize([tmp_path])


def test_public_names_resolve_and_py_typed_ships() -> None:
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None, name
    assert set(pipeline.__all__) - {"__version__"} == set(pipeline._EXPORTS)
    assert resources.files("pipeline").joinpath("py.typed").is_file()
    with pytest.raises(AttributeError, match="no attribute 'digitise'"):
        _ = pipeline.digitise  # type: ignore[attr-defined]


def test_the_command_line_loads_no_heavy_library() -> None:
    probe = f"import sys, pipeline, pipeline.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_the_program_loads_the_library_with_the_collector_paused_then_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pipeline import cli

    frozen: list[bool] = []
    monkeypatch.setattr(cli.gc, "freeze", lambda: frozen.append(cli.gc.isenabled()))
    monkeypatch.delitem(sys.modules, "pipeline.api", raising=False)  # as in a fresh `kompass run`
    with cli._loading_the_library():  # main() called from a process that goes on: nothing paused
        assert cli.gc.isenabled()
    monkeypatch.setattr(cli, "_OWN_PROCESS", True)  # the kompass program (cli.command)
    with cli._loading_the_library():
        assert not cli.gc.isenabled()
    assert cli.gc.isenabled() and frozen == [False]
    monkeypatch.setitem(sys.modules, "pipeline.api", pipeline)  # loaded already: nothing paused
    with cli._loading_the_library():
        assert cli.gc.isenabled()
    assert frozen == [False]


def test_python_m_pipeline_is_the_kompass_command() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--help"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Usage: kompass run [OPTIONS] INPUTS...")


def test_the_version_is_the_one_pyproject_declares() -> None:
    # `kompass --version` prints pipeline.model.version's, without reading the installed metadata;
    # pyproject.toml takes the package's version from the same place.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = project["tool"]["setuptools"]["dynamic"]["version"]
    assert version == {"attr": "pipeline.model.version.__version__"}
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output == f"kompass, version {pipeline.__version__}\n"


def test_run_options_are_one_value_also_given_by_name() -> None:
    from pipeline.run.options import RunOptions

    base = RunOptions(workers=2, ocr="never")
    assert RunOptions.of(base, timeout=0) == RunOptions(workers=2, timeout=0, ocr="never")
    assert RunOptions.of(base, timeout=0).limits.timeout is None  # 0: no limit
    assert RunOptions.of() == RunOptions()
    with pytest.raises(TypeError, match="unknown run options: progress"):
        RunOptions.of(progress=print)
    with pytest.raises(ValueError, match="ocr must be one of"):
        pipeline.digitize(UMEA, ocr="sometimes")


def test_the_front_door_does_what_kompass_run_does(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = pipeline.digitize_into(UMEA, out, pipeline.RunOptions(workers=1), formats=["csv"])
    assert result.ok == 1
    assert (out / "report" / "index.html").is_file() and (out / "report.html").is_file()
    assert (out / "question_scores.csv").is_file() and (out / "datapackage.json").is_file()
    # Written again without the report, the earlier one goes: it would describe other tables.
    pipeline.digitize(UMEA, workers=1).write(out, ["csv"])
    assert not (out / "report.html").exists() and (out / "question_scores.csv").is_file()


def test_the_output_lock_is_taken_again_by_the_process_that_holds_it(tmp_path: Path) -> None:
    from pipeline.tables.writers import output_lock

    with output_lock(tmp_path), output_lock(tmp_path, wait=False):
        pass  # the run holds it while digitizing, then writes under it
    with output_lock(tmp_path, wait=False):  # released: free again
        pass
