"""Faults around a run: concurrent runs, killed runs, Ctrl-C, odd options, spreadsheets."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run.batch import worker_count
from pipeline.tables.writers import OutputBusyError, neutralise_formula, output_lock
from tests.conftest import ROOT, UMEA

UMEA_TEXT = UMEA.read_text(encoding="utf-8")
KOMPASS = [str(Path(sys.executable).parent / "kompass")]
# The child scripts take Ctrl-C as a terminal's program does: a shell's background job (a suite
# started with `&` from a script) inherits SIGINT ignored, and Python then keeps it ignored.
TAKES_CTRL_C = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
# A kompass whose workers take forever over every document: stands in for a long batch.
SLOW_KOMPASS = TAKES_CTRL_C + """
import sys, time
from pipeline.run import workers
workers.process_data = lambda *args: time.sleep(600)
from pipeline.cli import main
main(["run", *sys.argv[1:]])
"""


def _csvs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def _folder(base: Path, name: str, texts: dict[str, str]) -> Path:
    folder = base / name
    folder.mkdir()
    for file_name, text in texts.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_two_concurrent_runs_leave_one_consistent_set_of_tables(tmp_path: Path) -> None:
    """Two runs into one --out mixed their tables in 11 of 20 trials."""
    first = _folder(tmp_path, "a", {"umea.txt": UMEA_TEXT, "letter.txt": "Hej!\n"})
    second = _folder(tmp_path, "b", {"umea_copy.md": UMEA_TEXT + "\nTillagd rad.\n"})
    expected = []
    for folder in (first, second):
        reference = tmp_path / f"ref_{folder.name}"
        subprocess.run([*KOMPASS, "run", str(folder), "--out", str(reference), "--format", "csv",
                        "--workers", "1"], check=True, capture_output=True)  # fmt: skip
        expected.append(_csvs(reference))
    assert expected[0] != expected[1]
    for trial in range(5):
        out = tmp_path / f"out{trial}"
        runs = [
            subprocess.Popen(
                [*KOMPASS, "run", str(folder), "--out", str(out), "--format", "csv", "--workers", "1"],
                stderr=subprocess.PIPE,
            )
            for folder in (first, second)
        ]
        outputs = [run.communicate(timeout=300)[1].decode() for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        assert _csvs(out) in expected
        assert not list(out.glob(".*.partial"))
        package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        for resource in package["resources"]:  # the manifest written last names these very files
            digest = hashlib.sha256((out / resource["path"]).read_bytes()).hexdigest()
            assert resource["hash"] == f"sha256:{digest}"


HOLD_THE_LOCK = """
import sys
from pathlib import Path
from pipeline.tables.writers import output_lock
with output_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_second_run_can_be_told_not_to_wait(tmp_path: Path) -> None:
    # The first run is another process (one process takes its own lock again, see test_api).
    command = [sys.executable, "-c", HOLD_THE_LOCK, str(tmp_path)]
    first = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        busy = pytest.raises(OutputBusyError, match="another kompass run is writing")
        with busy, output_lock(tmp_path, wait=False):
            pass  # pragma: no cover - never reached
    finally:
        assert first.stdin is not None
        first.stdin.close()
        first.wait(timeout=60)
    with output_lock(tmp_path, wait=False):
        pass  # free again once the first run is done


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _start_slow_run(tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    folder = _folder(tmp_path, "in", {"a.txt": UMEA_TEXT, "b.txt": UMEA_TEXT + "\n"})
    script = tmp_path / "slow_kompass.py"
    script.write_text(SLOW_KOMPASS, encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, str(script), str(folder), "--out", str(tmp_path / "out"), "--workers", "2"],
        cwd=ROOT, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while len(workers := _children(run.pid)) < 2:
        assert time.monotonic() < deadline and run.poll() is None, "the workers never started"
        time.sleep(0.2)
    return run, workers


def _gone_within(pids: set[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _alive(pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_no_worker_outlives_a_killed_run(tmp_path: Path, sig: signal.Signals) -> None:
    """SIGTERM or SIGKILL to the main process left the workers alive forever."""
    run, workers = _start_slow_run(tmp_path)
    try:
        run.send_signal(sig)
        assert _gone_within(workers, 30), _alive(workers)
        run.communicate(timeout=180)  # the run itself ends too (after its clean-up, for SIGTERM)
    finally:
        for pid in _alive(workers):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_ctrl_c_stops_the_run_without_worker_tracebacks(tmp_path: Path) -> None:
    run, workers = _start_slow_run(tmp_path)
    try:
        os.killpg(run.pid, signal.SIGINT)  # what the terminal sends to the whole process group
        _, stderr = run.communicate(timeout=180)
        assert _gone_within(workers, 30)
        assert run.returncode != 0 and b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr
    finally:
        for pid in _alive(workers):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "soon"])
def test_timeout_must_be_a_finite_number(value: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(tmp_path), "--timeout", value])
    assert result.exit_code == 2 and "--timeout" in result.output


@pytest.mark.parametrize(("value", "ok"), [("2GiB", True), ("1500M", True), ("0", True), ("10MiB", False),
                                           ("lots", False)])  # fmt: skip
@pytest.mark.slow
def test_max_memory_takes_sizes(value: str, ok: bool, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(UMEA), "--out", str(tmp_path), "--max-memory", value])
    assert (result.exit_code == 0) is ok, result.output


@pytest.mark.slow
def test_workers_are_capped_at_the_cores_with_a_note(tmp_path: Path) -> None:
    cores, _ = worker_count(None)
    assert worker_count(cores) == (cores, None)
    assert worker_count(cores + 62)[0] == cores
    options = ["--out", str(tmp_path), "--workers", str(cores + 62)]
    result = CliRunner().invoke(main, ["run", str(UMEA), *options])
    assert result.exit_code == 0
    assert f"--workers {cores + 62} is more than the {cores} cores available: using {cores}" in result.output


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","klicka")', '\'=HYPERLINK("http://x","klicka")'),
        ("+1+1", "'+1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("-3", "-3"), ("+2,5", "+2,5"), ("7.5", "7.5"), ("Umeå", "Umeå"), ("a=b", "a=b"),
    ],
)  # fmt: skip
def test_formula_cells_are_neutralised(cell: str, written: str) -> None:
    assert neutralise_formula(cell) == written


@pytest.mark.slow
def test_csv_neutralises_a_formula_bullet_and_parquet_keeps_it(tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://example.invalid","Klicka här")'
    text = UMEA_TEXT.replace("- **Prenumerationstjänst.**", f"- {formula}")
    folder = _folder(tmp_path, "in", {"umea.txt": text})
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["run", str(folder), "--out", str(out)]).exit_code == 0
    csv_text = pd.read_csv(out / "observations.csv", dtype=str)["text"].tolist()
    parquet_text = pd.read_parquet(out / "observations.parquet")["text"].tolist()
    assert "'" + formula in csv_text and formula not in csv_text
    assert formula in parquet_text


CTRL_C_DURING_FORK = TAKES_CTRL_C + """
import os, signal, sys, time
from pipeline.run.guard import process_context, start_worker, stop_worker
sent = []
def interrupt_once():
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # Python's handler runs here, inside the after-fork hook
os.register_at_fork(after_in_parent=interrupt_once)
def serve(conn, parent):
    conn.recv()
try:
    process, conn = start_worker(process_context(), serve)
except KeyboardInterrupt:
    print("interrupted")
    sys.exit(0)
stop_worker(process, conn)
print("lost")
"""


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="after-fork hooks run on fork"
)
def test_a_ctrl_c_while_a_worker_is_forked_is_not_lost(tmp_path: Path) -> None:
    """A Ctrl-C that came while a worker was forked was raised in an after-fork hook, where Python
    drops exceptions: the run went on reading (seen once in fifteen runs on a loaded machine)."""
    script = tmp_path / "fork_interrupted.py"
    script.write_text(CTRL_C_DURING_FORK, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.stdout.decode().split() == ["interrupted"], done.stderr.decode()
