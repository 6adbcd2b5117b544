"""Whether the locks in requirements/ were made from the dependencies pyproject.toml declares now.

`make lock` writes a fingerprint of the declared dependencies into each lock it makes; `make`
refuses to install from a lock whose fingerprint differs, so a dependency added to pyproject.toml
without `make lock` fails loudly instead of leaving an environment that works only on one machine.
Standard library only: it runs before any environment exists.

    python tools/lock_fingerprint.py              # print the fingerprint
    python tools/lock_fingerprint.py check LOCK   # exit 1 unless LOCK carries it
    python tools/lock_fingerprint.py direct       # a regex matching the direct dependencies' names
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
MARKER = "# dependencies-fingerprint: "


def fingerprint(pyproject: Path = PYPROJECT) -> str:
    """A short hash of everything in ``pyproject`` that decides what a lock contains."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data.get("project", {})
    declared = {
        "requires-python": project.get("requires-python"),
        "dependencies": sorted(project.get("dependencies", [])),
        "optional-dependencies": {
            extra: sorted(deps) for extra, deps in project.get("optional-dependencies", {}).items()
        },
    }
    canonical = json.dumps(declared, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def lock_fingerprint(lock: Path) -> str | None:
    """The fingerprint a lock file was made with, or None when it carries none."""
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(MARKER):
            return line.removeprefix(MARKER).strip()
    return None


def check(lock: Path, pyproject: Path = PYPROJECT) -> str | None:
    """Why ``lock`` is out of date with ``pyproject``, or None when it is current."""
    if not lock.exists():
        return f"{lock} is missing: run `make lock`"
    if lock_fingerprint(lock) != fingerprint(pyproject):
        return f"the dependencies in {pyproject.name} changed since {lock} was made: run `make lock`"
    return None


def direct_names(pyproject: Path = PYPROJECT) -> list[str]:
    """The normalised names of every dependency pyproject.toml declares (all extras included)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    declared = [*project.get("dependencies", [])]
    for extra in project.get("optional-dependencies", {}).values():
        declared.extend(extra)
    names = {re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]).lower()
             for requirement in declared}
    return sorted(names)


def main(argv: list[str]) -> int:
    if not argv:
        print(fingerprint())
        return 0
    if argv == ["direct"]:
        print("|".join(name.replace("-", "[-_.]") for name in direct_names()))
        return 0
    if argv[0] == "check" and len(argv) > 1:
        problems = [p for p in (check(Path(lock)) for lock in argv[1:]) if p]
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
