"""A synthetic archive for the audit report's scale test: the tables of a small run, copied to
``count`` reports of ``count // 4`` made-up municipalities (four reports each), as the report reads
them, every third without its infos (so that the filters have something to tell apart). The
copies of a PDF keep its ``source_file`` and digest, so each gets its crops rendered."""

from __future__ import annotations

import pandas as pd


def copied_tables(tables: dict[str, pd.DataFrame], count: int) -> dict[str, pd.DataFrame]:
    """``tables`` (of a run) with every report's rows copied to make ``count`` reports."""
    bases = list(tables["reports"]["report_id"])
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in tables}
    first_of: dict[str, str] = {}
    for number in range(count):
        base, new = bases[number % len(bases)], f"{number:016x}"
        code, name = f"9{number // 4:03d}", f"Provkommun {number // 4}"
        first_of.setdefault(code, new)
        for table, df in tables.items():
            if table in ("coverage", "panel"):
                continue
            rows = df[df["report_id"] == base].copy()
            if table == "issues" and number % 3 == 2:
                rows = rows[rows["severity"] != "info"]  # every third report without infos
            rows["report_id"] = new
            if "municipality_code" in rows:
                rows["municipality_code"] = code
            if "municipality" in rows and table == "reports":
                rows["municipality"] = name
            if "issue_id" in rows:
                rows["issue_id"] = [f"{new}-{n}" for n in range(len(rows))]
            parts[table].append(rows)
    panel = tables["panel"]
    for code, report_id in first_of.items():
        rows = panel.copy()
        rows["municipality_code"], rows["report_id"] = code, report_id
        rows["municipality"] = f"Provkommun {int(code[1:])}"
        parts["panel"].append(rows)
    out = {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items() if frames}
    out["coverage"] = tables["coverage"]
    return out
