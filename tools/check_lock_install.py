"""Prove that `make` installs exactly the locks, whatever the package index offers next.

A lock is meant to make set-up immune to new releases upstream. This check plays the index moving on:
it builds a newer release of a locked package (an empty wheel, version 99) into a `--find-links`
folder, creates a fresh virtual environment with the pip that `python3.11 -m venv` brings, runs the
Makefile's install of requirements/run.txt against it, and checks that the locked version, not the
newer one, is what got installed. CI runs it from `.ci/run`. Standard library only.

    python tools/check_lock_install.py            # exit 0 when the install held to the lock
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_LOCK = ROOT / "requirements" / "run.txt"
# A package that another locked package asks for with an extra (weasel: smart-open[http]): the case
# that broke the bundled pip when smart-open 9.0.4 appeared on the index.
PACKAGE = "smart-open"
NEWER = "99.0.0"


def locked_version(lock: Path, package: str) -> str:
    """The version ``lock`` pins ``package`` to."""
    match = re.search(rf"^{re.escape(package)}==(\S+)", lock.read_text(encoding="utf-8"), re.MULTILINE)
    if match is None:
        raise SystemExit(f"{lock} does not pin {package}")
    return match.group(1)


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_newer_wheel(folder: Path, package: str, version: str) -> Path:
    """An empty but valid wheel of ``package`` at ``version`` in ``folder``."""
    dist = package.replace("-", "_")
    info = f"{dist}-{version}.dist-info"
    files = {
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n".encode(),
        f"{info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: kompass\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    record = [_record_line(name, data) for name, data in files.items()] + [f"{info}/RECORD,,"]
    wheel = folder / f"{dist}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return wheel


def installed_version(python: Path, package: str) -> str:
    """The version of ``package`` installed for ``python``."""
    code = f"import importlib.metadata as m; print(m.version({package!r}))"
    return subprocess.run(
        [str(python), "-c", code], check=True, capture_output=True, text=True
    ).stdout.strip()


def main() -> int:
    expected = locked_version(RUN_LOCK, PACKAGE)
    with tempfile.TemporaryDirectory(prefix="kompass-lock-check-") as tmp:
        links, venv = Path(tmp) / "links", Path(tmp) / "venv"
        links.mkdir()
        build_newer_wheel(links, PACKAGE, NEWER)
        env = os.environ | {"PIP_FIND_LINKS": f"{links} {os.environ.get('PIP_FIND_LINKS', '')}".strip()}
        python = os.environ.get("PYTHON") or "python3.11"
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        bundled = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "--version"], capture_output=True, text=True
        ).stdout.split()[1]
        print(f"fresh venv with the bundled pip {bundled}; {PACKAGE} {NEWER} offered in {links}")
        # The venv exists already, so make does not create it again: the Makefile's own install steps
        # (the pinned pip, then the run lock) are what is checked.
        install = ["make", "-C", str(ROOT), f"VENV={venv}", f"{venv}/.installed-run"]
        if subprocess.run(install, env=env).returncode != 0:
            print(
                f"FAILED: `make` could not install {RUN_LOCK.name} with {PACKAGE} {NEWER} on offer",
                file=sys.stderr,
            )
            return 1
        found = installed_version(venv / "bin" / "python", PACKAGE)
    if found != expected:
        print(f"FAILED: {PACKAGE} {found} installed, the lock pins {expected}", file=sys.stderr)
        return 1
    print(f"ok: {PACKAGE} {found} installed as locked, {NEWER} on offer ignored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
