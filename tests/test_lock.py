"""The hashed locks in requirements/ match pyproject.toml, and the floors exclude known advisories."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN_LOCK = ROOT / "requirements" / "run.txt"
DEV_LOCK = ROOT / "requirements" / "dev.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


def _fingerprint_module():  # tools/ is no package: the script runs before any environment exists
    spec = importlib.util.spec_from_file_location("fingerprint", ROOT / "tools" / "lock_fingerprint.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lock: Path) -> dict[str, str]:
    """Package -> pinned version; fails when a pin has no hash."""
    pins: dict[str, str] = {}
    lines = lock.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        match = PIN.match(line)
        if match:
            assert number + 1 < len(lines) and "--hash=sha256:" in lines[number + 1], f"{line}: no hash"
            pins[_normalise(match.group(1))] = match.group(2)
    return pins


def _name(requirement: str) -> str:
    match = NAME.match(requirement)
    assert match, requirement
    return _normalise(match.group(0))


def _declared(extra: str | None = None) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["optional-dependencies"][extra] if extra else project["dependencies"]


def _floor(requirement: str) -> tuple[int, ...]:
    match = re.search(r">=\s*([0-9.]+)", requirement)
    assert match, f"{requirement}: no floor"
    return tuple(int(part) for part in match.group(1).split("."))


@pytest.mark.parametrize("lock", [RUN_LOCK, DEV_LOCK], ids=["run", "dev"])
def test_locks_were_made_from_the_declared_dependencies(lock: Path) -> None:
    assert _fingerprint_module().check(lock) is None


def test_fingerprint_changes_when_a_dependency_is_added(tmp_path: Path) -> None:
    fingerprint = _fingerprint_module()
    pyproject = tmp_path / "pyproject.toml"
    original = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pyproject.write_text(original, encoding="utf-8")
    assert fingerprint.check(RUN_LOCK, pyproject) is None
    added = original.replace('"click>=8.1",', '"click>=8.1",\n    "jinja2>=3",')
    pyproject.write_text(added, encoding="utf-8")
    assert "make lock" in fingerprint.check(RUN_LOCK, pyproject)


def test_run_lock_holds_the_runtime_dependencies_and_no_dev_tools() -> None:
    run = _pins(RUN_LOCK)
    for requirement in _declared():
        assert _name(requirement) in run, requirement
    for tool in ("pytest", "ruff", "mypy", "hypothesis"):
        assert tool not in run


def test_dev_lock_pins_the_same_versions_plus_the_dev_tools() -> None:
    run, dev = _pins(RUN_LOCK), _pins(DEV_LOCK)
    assert {name: dev.get(name) for name in run} == run
    for requirement in _declared("dev"):
        assert _name(requirement) in dev, requirement


def test_floors_exclude_releases_with_known_advisories() -> None:
    floors = {_name(r): _floor(r) for r in _declared()}
    assert floors["pyarrow"] > (14, 0, 0)  # CVE-2023-47248
    assert floors["pdfplumber"] >= (0, 11, 9)  # pins pdfminer.six 20251230, the first without pickle
    assert floors["pdfminer-six"] >= (20251230,)  # CVE-2025-64512


def test_make_lowest_lists_every_direct_dependency() -> None:
    names = _fingerprint_module().direct_names()
    assert {"pdfminer-six", "pdfplumber", "pyarrow", "pytest", "pandas-stubs"} <= set(names)
    assert len(names) == len(_declared()) + len(_declared("dev"))
