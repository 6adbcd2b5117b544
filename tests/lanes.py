"""The test lanes: a test that starts Tesseract or Chromium must carry its marker (``ocr``,
``browser``), or ``-m "not ocr"`` would still run it. Checked where it happens: while a test runs,
the calls that start those programs fail the test when it lacks the marker.

And the order and grouping of the tests under pytest-xdist (``--dist loadgroup``): the longest
first, and the tests of one ``xdist_group`` on one worker."""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path
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
    ``tesseract_process.run``, every reading in the process through
    ``tesseract_library.image_to_data``) and Chromium require their markers."""
    from pipeline.ingest.pdf import tesseract_library, tesseract_process

    patch.setattr(tesseract_process, "run", _require("ocr", "Tesseract", tesseract_process.run))
    reading = tesseract_library.image_to_data
    patch.setattr(tesseract_library, "image_to_data", _require("ocr", "Tesseract", reading))
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The files with OCR tests first, then those with slow ones: pytest-xdist hands the tests out
    in this order, so the longest start at once and no worker is left alone with one of them at
    the end. A file's tests stay together, in their order: a worker that runs tests of one file
    one after the other sets its module fixtures up once (pytest tears them down when the next
    test is another file's), where picking out its OCR and slow tests set them up again."""
    rank: dict[Path, int] = {}
    for item in items:
        kind = 0 if item.get_closest_marker("ocr") else 1 if item.get_closest_marker("slow") else 2
        rank[item.path] = min(kind, rank.get(item.path, kind))
    items.sort(key=lambda item: rank[item.path])
    if getattr(config.option, "loadgroup", False):  # a worker of `--dist loadgroup`
        _group(items)


def _group(items: list[pytest.Item]) -> None:
    """Give each test of an ``xdist_group`` the node id suffix ``@group`` by which pytest-xdist's
    ``loadgroup`` sends a group to one worker. pytest-xdist (3.8) sets it on an attribute pytest 9
    no longer reads its node ids from, so its suffix is lost: the tests of a group went to every
    worker and each worker set up the group's session fixture, reading a scan or the fuzz sample
    twice. Here it is set where pytest keeps the id (a no-op where pytest-xdist's own took)."""
    from _pytest.nodeid import NodeId  # the one place that reaches into pytest's node ids

    for item in items:
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default"))
            for m in item.iter_markers("xdist_group")
        }
        suffix = "@" + "_".join(sorted(names))
        if names and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)  # type: ignore[attr-defined]
