"""The audit report (OUT/report/: the index, a page per report and per municipality, the crops) and
the evidence columns of the issues table.

The run over the corpus, both fixture PDFs and a hostile copy of the corpus report is shared with
the browser test (``audit_out`` in conftest.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import markupsafe
import pandas as pd
import pytest
import regex
from click.testing import CliRunner

from pipeline.audit import AUDIT_FILE, AUDIT_FOLDER, render_audit
from pipeline.audit.tables_in import read_package
from pipeline.cli import main
from tests.conftest import FIXTURE_PDFS, INJECTION, ON_AUDIT_RUN, UMEA, read_frames

pytestmark = ON_AUDIT_RUN
SEVERITY_COUNTS = {"error": 4, "warning": 5}


@pytest.fixture(scope="module")
def issues(audit_out: Path) -> pd.DataFrame:
    return pd.read_parquet(audit_out / "issues.parquet")


def _html(files: Iterable[tuple[str, bytes]]) -> str:
    """The report's pages, one after the other (the index last, as written)."""
    return "\n".join(data.decode("utf-8") for name, data in files if name.endswith(".html"))


def _written(folder: Path) -> list[tuple[str, bytes]]:
    pages = sorted(folder.rglob("*.html"), key=lambda p: p.name == "index.html")
    return [(str(p.relative_to(folder)), p.read_bytes()) for p in pages]


@pytest.fixture(scope="module")
def html(audit_out: Path) -> str:
    return _html(_written(audit_out / AUDIT_FOLDER))


def _sections(html: str) -> dict[str, str]:
    """Each report's section of the HTML, by its source file."""
    parts = regex.findall(r'<section class="report".*?</section>', html, flags=regex.DOTALL)
    titles = [regex.search(r"— ([^<]+)</h1>", part) for part in parts]
    return {title.group(1): part for title, part in zip(titles, parts, strict=True) if title}


def _of(issues: pd.DataFrame, audit_out: Path, source: Path) -> pd.DataFrame:
    reports = pd.read_parquet(audit_out / "reports.parquet")
    report_id = reports.loc[reports["source_file"] == str(source), "report_id"].item()
    return issues[issues["report_id"] == report_id]


@pytest.mark.parametrize("pdf", FIXTURE_PDFS, ids=lambda p: p.stem)
def test_value_box_of_7_1_is_the_printed_25_and_its_max_20_is_compared(
    issues: pd.DataFrame, audit_out: Path, pdf: Path
) -> None:
    finding = _of(issues, audit_out, pdf).query("rule == 'score_exceeds_max'").iloc[0]
    assert finding["found"] == "25" and finding["expected"] == "20"
    assert "7.1" in finding["printed_line"] and finding["printed_line"].split()[-2:] == ["20", "25"]
    width, height = finding["x1"] - finding["x0"], finding["bottom"] - finding["top"]
    assert 0 < width < 20 and 0 < height < 15  # one short number, not the row
    (compared,) = [box.split() for box in finding["compared_boxes"].split(";")]
    page, x0, _, x1, _ = map(float, compared)
    assert page == finding["page"] and x1 < finding["x0"] and x1 - x0 < 20  # the 20 left of the 25


@pytest.mark.parametrize("pdf", FIXTURE_PDFS, ids=lambda p: p.stem)
def test_area_5_sum_compares_the_summary_row_with_its_sub_question_rows(
    issues: pd.DataFrame, audit_out: Path, pdf: Path
) -> None:
    finding = _of(issues, audit_out, pdf).query("rule == 'area_sum_mismatch' and area == 5").iloc[0]
    assert finding["printed_line"].startswith("5 ") and finding["found"] == "79"
    scores = pd.read_parquet(audit_out / "question_scores.parquet")
    rows = scores[(scores["report_id"] == finding["report_id"]) & (scores["area"] == 5)]
    boxes = [list(map(float, box.split())) for box in finding["compared_boxes"].split(";")]
    assert len(boxes) == len(rows) == 4
    assert {int(b[0]) for b in boxes} == set(rows["page"]) != {finding["page"]}


def test_text_input_has_the_printed_line_and_no_box(issues: pd.DataFrame, audit_out: Path) -> None:
    of_text = _of(issues, audit_out, UMEA)
    finding = of_text.query("rule == 'score_exceeds_max'").iloc[0]
    printed = UMEA.read_text(encoding="utf-8").splitlines()[int(finding["line"]) - 1]
    assert finding["printed_line"] == printed
    assert of_text[["x0", "top", "x1", "bottom", "compared_boxes"]].isna().all().all()


@pytest.mark.parametrize("source", [UMEA, *FIXTURE_PDFS], ids=lambda p: p.stem)
def test_report_lists_every_finding(html: str, issues: pd.DataFrame, audit_out: Path, source: Path) -> None:
    section = _sections(html)[str(source)]
    shown = regex.findall(r'data-severity="(\w+)"', section)
    expected = _of(issues, audit_out, source)["severity"].value_counts().to_dict()
    assert {s: shown.count(s) for s in set(shown)} == expected
    assert {s: expected[s] for s in SEVERITY_COUNTS} == SEVERITY_COUNTS and expected["info"] > 0
    crops = section.count('<img class="crop"')
    # PDFs: a crop per error and warning (area sums span two pages, the 2003 total two); text: none
    assert crops == 0 if source == UMEA else crops >= 9
    assert 'data-severity="info"' not in section.split('<img class="crop"')[-1].split("</div>")[0]


def test_overview_counts_and_charts(html: str) -> None:
    assert regex.search(r"<tr><td>area_sum_mismatch</td><td class=\"num\">8</td>", html)
    assert "kk2002-rev2007" in html
    assert html.count('<section class="municipality">') == 1
    assert html.count("<svg") == 1 and "Umeå (2480)" in html
    # the panel's rows under the chart: 2007 from its own report, 2003 and 2005 repeated by it
    panel = regex.search(r'<table class="panel">.*?</table>', html, flags=regex.DOTALL)
    assert panel and panel.group().count("its own report") == 8
    assert panel.group().count("a later report") == 16


def test_injected_markup_is_escaped(html: str) -> None:
    # the one script of each page is the filter script, allowed by its hash
    scripts = regex.findall(r"<script>(.*?)</script>", html, flags=regex.DOTALL)
    assert len(scripts) == html.count("<!DOCTYPE html>") and len(set(scripts)) == 1
    assert "<script" not in regex.sub(r"<script>.*?</script>", "", html, flags=regex.DOTALL)
    assert "onerror=" not in html.replace("onerror=&#34;", "")
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;&lt;img src=x onerror=" in html
    assert str(markupsafe.escape(INJECTION.strip())) in html


@pytest.mark.slow
def test_hostile_names_and_messages_are_escaped_in_every_part(audit_out: Path) -> None:
    package = read_package(audit_out)
    tables = read_frames(audit_out, package)
    evil = '<img src=x onerror="alert(1)">$x$'
    tables["reports"]["municipality"] = evil
    tables["panel"]["municipality"] = evil
    tables["issues"]["message"] = evil
    tables["reports"].loc[0, "status"] = "failed"
    tables["reports"].loc[0, "error"] = evil
    html = _html(render_audit(tables, package))
    assert "<img src=x" not in html
    assert html.count("&lt;img src=x onerror=&#34;alert(1)&#34;&gt;") > 3
    # the chart escapes its text itself (the SVG is inserted as markup)
    chart = regex.search(r"<svg.*?</svg>", html, flags=regex.DOTALL)
    assert chart and '&lt;img src=x onerror="alert(1)"&gt;$x$ (2480)</text>' in chart.group()


def test_without_the_pdfs_the_evidence_is_text(audit_out: Path) -> None:
    package = read_package(audit_out)
    tables = read_frames(audit_out, package)
    tables["reports"]["source_file"] = tables["reports"]["source_file"].str.replace("tests/", "gone/")
    html = _html(render_audit(tables, package))
    assert '<img class="crop"' not in html
    assert html.count("is not there any more: the evidence is shown as text only.") == 2
    assert (
        html.count('<pre class="printed">')
        == (read_frames(audit_out, package)["issues"]["printed_line"].notna()).sum()
    )


@pytest.mark.slow
def test_kompass_report_rebuilds_from_the_folder(audit_out: Path, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    shutil.copytree(audit_out, copy, ignore=shutil.ignore_patterns(AUDIT_FILE, AUDIT_FOLDER, "*.parquet"))
    result = CliRunner().invoke(main, ["report", str(copy)])
    assert result.exit_code == 0, result.output
    rebuilt, original = copy / AUDIT_FOLDER, audit_out / AUDIT_FOLDER
    names = sorted(str(p.relative_to(original)) for p in original.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(rebuilt)) for p in rebuilt.rglob("*") if p.is_file())
    assert sum(name.endswith(".png") for name in names) >= 18
    # from the CSV files alone, the same report (the crops the same images)
    for name in names:
        assert (rebuilt / name).read_bytes() == (original / name).read_bytes(), name
    assert (copy / AUDIT_FILE).read_text(encoding="utf-8") == (audit_out / AUDIT_FILE).read_text(
        encoding="utf-8"
    )


def test_kompass_report_on_a_folder_without_a_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 1 and "holds no datapackage.json" in result.output


def test_no_report_leaves_none_behind_and_only_removes_what_kompass_wrote(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    run = ["run", str(UMEA), "--out", str(out), "--format", "csv", "--no-cache"]
    assert CliRunner().invoke(main, run).exit_code == 0
    folder = out / AUDIT_FOLDER
    assert (out / AUDIT_FILE).exists() and (folder / "index.html").exists()
    # A person's own file in the folder, and a link to a folder outside, that the list names.
    (folder / "notes.txt").write_text("mine")
    elsewhere.mkdir()
    (elsewhere / "index.html").write_text("not kompass's")
    (folder / "reports").rename(tmp_path / "reports-moved")
    (folder / "reports").symlink_to(elsewhere, target_is_directory=True)
    result = CliRunner().invoke(main, [*run, "--no-report"])
    assert result.exit_code == 0, result.output
    assert not (out / AUDIT_FILE).exists() and (out / "issues.csv").exists()
    assert not (folder / "index.html").exists() and not (folder / "municipalities").exists()
    assert (folder / "notes.txt").read_text() == "mine" and (elsewhere / "index.html").exists()
    assert (folder / "reports").is_symlink()


def test_a_later_report_removes_the_pages_of_reports_no_longer_in_the_batch(
    audit_out: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "out"
    shutil.copytree(audit_out, copy)
    before = {p.name for p in (copy / AUDIT_FOLDER / "reports").iterdir()}
    package = read_package(copy)
    tables = read_frames(copy, package)
    kept = tables["reports"]["source_file"] == str(UMEA)
    tables["reports"] = tables["reports"][kept]
    import pipeline

    assert {"write_report", "remove_report"} <= set(pipeline.__all__)
    index = pipeline.write_report(str(copy), tables)
    after = {p.name for p in (copy / AUDIT_FOLDER / "reports").iterdir()}
    assert index == copy / AUDIT_FOLDER / "index.html" and len(before) == 4 and len(after) == 1
    assert not (copy / AUDIT_FOLDER / "crops").exists()  # Umeå is text: no crops, the PDFs' gone


def test_every_finding_with_a_page_shows_it_also_without_a_line(audit_out: Path) -> None:
    package = read_package(audit_out)
    tables = read_frames(audit_out, package)
    issues = tables["issues"]
    with_page = issues.index[issues["page"].notna()]
    issues.loc[with_page[:5], "line"] = pd.NA  # a finding on a page, on no line of it
    html = _html(render_audit(tables, package))
    shown = regex.findall(r"· page (\d+)(, line \d+)?", html)
    assert len(shown) == len(with_page) > 5
    assert sum(1 for _, line in shown if not line) == 5


def test_chart_lines_each_have_their_own_colour_and_marker() -> None:
    from pipeline.audit.charts import Series, chart_svg, line_style

    series = [Series(f"s{n}", ((2003, n), (2007, n + 1)), dashed=n >= 8) for n in range(16)]
    svg = chart_svg("t", series)
    styles = [line_style(n, s.dashed) for n, s in enumerate(series)]
    assert len({s["color"] for s in styles}) == 16 and len({s["marker"] for s in styles}) == 10
    assert len({(s["color"], s["marker"]) for s in styles}) == 16
    strokes = set(regex.findall(r'<polyline [^>]*stroke="(#[0-9a-f]{6})"', svg))
    assert {s["color"] for s in styles} <= strokes


def test_a_region_renders_as_the_same_part_of_the_whole_page() -> None:
    from PIL import ImageChops

    from pipeline.ingest.pdf import open_renderer

    with open_renderer(FIXTURE_PDFS[0].read_bytes()) as renderer:
        region = renderer.region_image(4, (80.0, 100.0, 400.0, 120.0), dpi=100, margin=6)
        page = renderer.page_image(4, dpi=100, grayscale=False)
    scale = 100 / 72
    cut = page.crop((int(74 * scale), int(94 * scale), int(406 * scale) + 1, int(126 * scale) + 1))
    assert region.size == cut.size and region.width > 5 * region.height
    difference = ImageChops.difference(region, cut).convert("L")
    changed = difference.point(lambda v: 255 if v > 64 else 0).histogram()[255]
    assert changed < 0.01 * region.width * region.height
    assert region.convert("L").getextrema()[0] < 100  # dark text is in it, not a blank strip
