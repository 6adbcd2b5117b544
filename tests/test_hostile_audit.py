"""The audit report's crops under the worker guard: a source PDF that renders for ever (a crop bomb),
a huge turned page, a source replaced by a named pipe, and sources found from the run's folder
when the report is made from another one.

The hostile PDFs are made here, from the Umeå fixture (``tests/fixtures/make_hostile.py``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import regex

from pipeline.audit import AUDIT_FILE, AUDIT_FOLDER, AuditLimits, render_audit
from pipeline.audit.crops import CropDrawer, CropError, Highlight
from pipeline.audit.tables_in import read_package
from pipeline.run.guard import GuardedError, GuardedWorker
from tests.conftest import FIXTURE_PDFS, read_frames
from tests.fixtures.make_hostile import draw_image_many_times, pdf_file, stream

KOMPASS = str(Path(sys.executable).parent / "kompass")
RULED = next(path for path in FIXTURE_PDFS if "ruled" in path.name)
# Page 4 of the ruled fixture has three errors in its summary table, 100-180 pt from the top.
BOMB_PAGE, BOMB_BOX = 4, (20.0, 100.0, 60.0, 180.0)


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run of ``kompass run umea.pdf bomb.pdf --no-report`` started in ``src/`` (relative
    paths), into ``out/``; the crop bomb is the ruled fixture with an image drawn 400 times beside
    the summary table of page 4, whose findings get crops."""
    folder = tmp_path_factory.mktemp("hostile_report")
    source = folder / "src"
    source.mkdir()
    shutil.copy(RULED, source / "umea.pdf")
    (source / "bomb.pdf").write_bytes(draw_image_many_times(RULED.read_bytes(), BOMB_PAGE, BOMB_BOX))
    run = [KOMPASS, "run", "umea.pdf", "bomb.pdf", "--out", "../out", "--no-report", "--format", "csv"]
    done = subprocess.run(run, cwd=source, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return folder


def _report_page(out: Path, source_file: str) -> str:
    for page in (out / AUDIT_FOLDER / "reports").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f"— {source_file}</h1>" in text:
            return text
    raise AssertionError(f"no page of {source_file}")


def test_a_crop_bomb_costs_its_crops_with_a_note_within_the_timeout(run_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(run_folder / "out", out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    started = time.monotonic()
    done = subprocess.run(
        [KOMPASS, "report", str(out), "--timeout", "4"], cwd=elsewhere, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert (out / AUDIT_FILE).is_file() and (out / AUDIT_FOLDER / "index.html").is_file()
    bomb = _report_page(out, "bomb.pdf")
    assert '<img class="crop"' not in bomb
    assert (
        "The pages of bomb.pdf could not be rendered (over the time limit: it took longer than "
        "--timeout 4 s): the evidence is shown as text only." in bomb
    )
    # The crops of the other report are drawn, its PDF found from the folder the run started in.
    umea = _report_page(out, "umea.pdf")
    assert len(regex.findall(r'<img class="crop"', umea)) >= 9 and "not there any more" not in umea
    # Reading the tables, the Umeå crops and the bomb's 4 s: far less than the bomb would take.
    assert elapsed < 60


def test_a_source_replaced_by_a_named_pipe_costs_its_crops_with_a_note(
    run_folder: Path, tmp_path: Path
) -> None:
    package = read_package(run_folder / "out")
    tables = read_frames(run_folder / "out", package)
    pipe = tmp_path / "umea.pdf"
    os.mkfifo(pipe)
    reports = tables["reports"]
    reports.loc[reports["source_file"] == "umea.pdf", "source_file"] = str(pipe)
    pages: list[str] = []
    # A report that hangs on the pipe would hang this test: it is made in a thread, waited for.
    thread = threading.Thread(
        target=lambda: pages.extend(
            d.decode() for n, d in render_audit(tables, package) if n.endswith(".html")
        ),
        daemon=True,
    )
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "the report hung on a named pipe"
    html = "\n".join(pages)
    assert f"The pages of {pipe} could not be read (not read: {pipe} is a named pipe (FIFO)" in html


def _turned_page_pdf(side: float) -> bytes:
    """One page ``side`` points square, turned a quarter, with a line of text near its top."""
    text = stream(b"BT /F1 24 Tf 72 %.0f Td (Summa 25) Tj ET" % (side - 100))
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Rotate 90 /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>" % (side, side),
        text,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])  # fmt: skip


def test_a_turned_14400_point_page_is_cropped_within_the_memory_limit(tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    path.write_bytes(_turned_page_pdf(14_400))
    limit = 400 << 20
    marks = [Highlight(1, (100.0, 14_000.0, 200.0, 14_030.0), is_value=True)]
    with CropDrawer(timeout=120, max_memory=limit) as drawer:
        (crops,) = drawer.crops(path, hashlib.sha256(path.read_bytes()).hexdigest(), [marks], "turned.pdf")
    # A strip across the page (14,400 pt at 100 dpi), not the page: 2e8 pixels would need 600 MB.
    (crop,) = crops
    assert 10_000 < crop.width <= 20_000 and crop.height < 100 and crop.png.startswith(b"\x89PNG")


def test_a_changed_source_is_named_and_an_unchanged_one_cropped(tmp_path: Path) -> None:
    path = tmp_path / "umea.pdf"
    shutil.copy(RULED, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    marks = [[Highlight(4, (396.41, 105.02, 405.31, 113.02), is_value=True)]]
    with CropDrawer(timeout=120, max_memory=1 << 30) as drawer:
        assert len(drawer.crops(path, digest, marks, "umea.pdf")[0]) == 1
        with pytest.raises(CropError, match=r"umea\.pdf has changed since it was read"):
            drawer.crops(path, "0" * 64, marks, "umea.pdf")
        with pytest.raises(CropError, match=r"gone\.pdf is not there any more"):
            drawer.crops(tmp_path / "gone.pdf", digest, marks, "gone.pdf")


def _allocate(request: int) -> list[bytes]:
    return [b"x" * request]


def _sleep(request: float) -> list[bytes]:
    time.sleep(request)
    return [b"slept"]


def test_a_guarded_worker_answers_within_its_limits_and_is_replaced_after_one() -> None:
    with GuardedWorker(_allocate, timeout=60, max_memory=200 << 20) as worker:
        assert worker.call(10) == [b"x" * 10]
        with pytest.raises(
            GuardedError, match="over the memory limit: it needed more than --max-memory 200 MiB"
        ):
            worker.call(1 << 30)
        assert worker.call(3) == [b"xxx"]  # a fresh worker
    with GuardedWorker(_sleep, timeout=1, max_memory=None) as worker:
        started = time.monotonic()
        with pytest.raises(GuardedError, match="over the time limit: it took longer than --timeout 1 s"):
            worker.call(60)
        assert time.monotonic() - started < 10
        assert worker.call(0) == [b"slept"]


def test_kompass_run_gives_the_report_its_limits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    import pipeline.api as api
    from pipeline.cli import main

    seen: list[AuditLimits] = []
    monkeypatch.setattr(api, "write_report", lambda out, limits: seen.append(limits) or out)
    text = tmp_path / "umea.txt"
    text.write_text("Kommunkompassen\n", encoding="utf-8")
    run = ["run", str(text), "--out", str(tmp_path / "out"), "--timeout", "7", "--max-memory", "300MiB"]
    CliRunner().invoke(main, run)
    assert seen == [AuditLimits(7.0, 300 << 20)]


def test_a_region_of_a_turned_page_renders_as_the_same_part_of_the_whole_page() -> None:
    from PIL import ImageChops

    from pipeline.ingest.pdf import open_renderer
    from tests.fixtures.make_hostile import rotate_pages

    box, scale = (80.0, 100.0, 400.0, 120.0), 100 / 72
    with open_renderer(rotate_pages(RULED.read_bytes())) as renderer:
        region = renderer.region_image(4, box, dpi=100, margin=6)
        page = renderer.page_image(4, dpi=100, grayscale=False)
    assert page.width > page.height  # turned: the A4 page lies on its side
    cut = page.crop((int(74 * scale), int(94 * scale), int(406 * scale) + 1, int(126 * scale) + 1))
    assert region.size == cut.size
    difference = ImageChops.difference(region, cut).convert("L")
    assert (
        difference.point(lambda v: 255 if v > 64 else 0).histogram()[255]
        < 0.01 * region.width * region.height
    )
    assert region.convert("L").getextrema()[0] < 100  # ink in it, not a blank strip
