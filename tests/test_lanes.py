"""The test lanes hold: a test that starts Tesseract or Chromium without its marker fails, so
``make check`` (``-m "not ocr and not browser and not slow"``) never starts either program."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("engine", ["program", "library"])
def test_an_unmarked_test_that_reads_a_page_with_tesseract_fails(engine: str) -> None:
    from PIL import Image

    from pipeline.ingest.pdf.tesseract import ENGINES

    with pytest.raises(pytest.fail.Exception, match=r"starts Tesseract but is not marked @pytest\.mark\.ocr"):
        ENGINES[engine].image_to_data(Image.new("L", (8, 8), 255), "swe", "--psm 6", 10)


def test_an_unmarked_test_that_opens_chromium_fails() -> None:
    from selenium import webdriver

    unmarked = r"starts Chromium but is not marked @pytest\.mark\.browser"
    with pytest.raises(pytest.fail.Exception, match=unmarked):
        webdriver.Chrome()


def test_make_check_leaves_out_every_lane_marker_that_pyproject_declares() -> None:
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    declared = {line.split(":")[0] for line in options["ini_options"]["markers"]}
    # The lanes' markers; `fuzz` only selects the fuzzer's own checks (its slow ones are also `slow`).
    lanes = {"ocr", "browser", "slow"}
    assert declared == lanes | {"fuzz"}
    fast = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                if line.startswith("FAST"))  # fmt: skip
    assert fast == "FAST := " + " and ".join(f"not {marker}" for marker in sorted(lanes))


@pytest.mark.xdist_group("lanes")
def test_a_test_of_an_xdist_group_carries_its_group_under_loadgroup(request: pytest.FixtureRequest) -> None:
    """pytest-xdist's ``loadgroup`` finds a test's group by its node id's ``@group`` suffix: without
    it the tests of one group (one scan's OCR, the fuzz sample) go to every worker."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("only a worker of pytest-xdist's --dist loadgroup groups the tests")
    assert request.node.nodeid.endswith(
        "::test_a_test_of_an_xdist_group_carries_its_group_under_loadgroup@lanes"
    )
