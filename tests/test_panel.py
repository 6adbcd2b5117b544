"""The pivot recipes of docs/tables.md for the ``panel`` table, run as printed on the Skövde batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.api import digitize

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "tests" / "fixtures" / "history"
NAMES = ("kk2002_skovde_2003", "kk2002_skovde_2005", "kk2002_skovde_2007")


def docs_recipe() -> str:
    """The first Python block of the ``panel`` section of docs/tables.md."""
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    section = text[text.index("## `panel`") :]
    start = section.index("```python\n") + len("```python\n")
    return section[start : section.index("```\n", start)]


def test_the_docs_pivots_give_one_score_per_municipality_year_and_area(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = digitize([HISTORY / f"{name}.txt" for name in NAMES], workers=1)
    result.write(tmp_path / "output")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, Any] = {}
    exec(compile(docs_recipe(), "docs/tables.md", "exec"), scope)  # our own docs' code, not input data
    wide, wide_sql, totals = scope["wide"], scope["wide_sql"], scope["totals"]
    assert wide.shape == (3, 8)
    assert wide.loc[("1496", 2005)].tolist() == [52.5, 61, 58, 66.5, 49, 54, 55, 70]  # the 2005 report's
    assert totals.tolist() == [424.5, 466, 485]
    assert list(wide_sql.columns) == ["municipality_code", "year", *(str(a) for a in range(1, 9))]
    assert wide_sql["3"].tolist() == [52.5, 58, 60]
    assert pd.Series(wide_sql["year"]).tolist() == [2003, 2005, 2007]
