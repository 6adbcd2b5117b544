"""The test lanes: a test that starts Tesseract or Chromium must carry its marker (``ocr``,
``browser``), or ``-m "not ocr"`` would still run it. Checked where it happens: while a test runs,
the calls that start those programs fail the test when it lacks the marker."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import pytest

# The test being run (setup, call and teardown: a session fixture's OCR runs in the setup of the
# first test that asks for it).
_running: list[pytest.Item] = []


def _require(marker: str, program: str, call: Callable[..., Any]) -> Callable[..., Any]:
    def checked(*args: Any, **kwargs: Any) -> Any:
        if _running and _running[-1].get_closest_marker(marker) is None:
            pytest.fail(
                f"{_running[-1].nodeid} starts {program} but is not marked @pytest.mark.{marker}",
                pytrace=False,
            )
        return call(*args, **kwargs)

    checked.__wrapped__ = call  # type: ignore[attr-defined]
    return checked


def guard(patch: pytest.MonkeyPatch) -> None:
    """Make the calls that start Tesseract (every run of the program goes through
    ``tesseract_process.run``) and Chromium require their markers."""
    from pipeline.ingest.pdf import tesseract_process

    patch.setattr(tesseract_process, "run", _require("ocr", "Tesseract", tesseract_process.run))
    try:
        from selenium import webdriver
    except ImportError:  # without the dev extra there is no browser test to check
        return
    patch.setattr(webdriver, "Chrome", _require("browser", "Chromium", webdriver.Chrome))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, object, object]:
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The OCR tests first, then the slow ones: pytest-xdist hands the tests out in this order, so
    the longest start at once and no worker is left alone with one of them at the end."""
    items.sort(key=lambda item: (not item.get_closest_marker("ocr"), not item.get_closest_marker("slow")))
