"""Reports of every edition, as text and PDF, against the tables they must give.

The fixtures and their expected output are written by ``tests/fixtures/make_editions.py``. Each
aspect of each report (metadata, area scores, totals, sub-area scores, comparisons, observations,
findings) is its own test, so that what a fixture still misses is visible one aspect at a time.
Aspects that wait for work on other branches are ``xfail(strict=True)``: they fail the moment
they pass, so the mark is removed when that work is merged.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.editions.edition import edition_by_id
from pipeline.ingest import read_document
from pipeline.model.records import (
    AreaScore,
    Comparison,
    Extraction,
    Metadata,
    QuestionScore,
    Severity,
    YearTotal,
)
from pipeline.run.process import digitize
from pipeline.validation import RULES, validate

FIXTURES = Path(__file__).parent / "fixtures"
EDITIONS = FIXTURES / "editions"
NAMES = sorted(path.name.removesuffix(".expected.json") for path in EDITIONS.glob("*.expected.json"))
ASPECTS = ("report", "area_scores", "year_totals", "question_scores", "comparisons", "observations", "issues")

TABLES = "waits for the table reader by header words (helper `tables`)"
# (fixture, aspect) -> why it is expected to fail for now; a format suffix (":pdf") narrows it.
THIS_BRANCH = "metadata, report date and edition lookup: in progress on this branch (helper `editions`)"
_LATER_EDITIONS = ("kk2010_grastorp_2014", "kk2010_karlskrona_2014", "kk2010_kramfors_2013",
                   "kk2010_strangnas_2016", "kk2020_tomelilla_2022", "kk2020_vallentuna_2021")  # fmt: skip
PENDING: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def digitized() -> dict[str, Extraction]:
    """Every fixture, as text and as PDF, digitized once."""
    results = {}
    for name in NAMES:
        for suffix in ("txt", "pdf"):
            results[f"{name}.{suffix}"] = digitize(read_document(EDITIONS / f"{name}.{suffix}"))
    return results


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EDITIONS / f"{name}.expected.json").read_text(encoding="utf-8"))
    return data


def _report(ext: Extraction) -> dict[str, Any]:
    meta = ext.metadata
    return {
        "municipality": meta.municipality,
        "municipality_code": meta.municipality_code,
        "year": meta.year,
        "framework": ext.edition,
        "report_date": _iso(getattr(meta, "report_date", None)),
        "evaluation_start": _iso(meta.evaluation_start),
        "evaluation_end": _iso(meta.evaluation_end),
        "evaluators": "; ".join(
            f"{e.name} ({e.organisation})" if e.organisation else e.name for e in meta.evaluators
        ),
    }


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


def _comparison_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Comparisons by column (kind and label), then by area with the total row last."""
    return sorted(rows, key=lambda r: (r["kind"], r["label"], r["area"] is None, r["area"] or 0))


def _actual(ext: Extraction, aspect: str) -> Any:
    if aspect == "report":
        return _report(ext)
    if aspect == "area_scores":
        rows = [{"year": s.year, "area": s.area, "score": s.score, "printed_name": s.printed_name}
                for s in ext.area_scores]  # fmt: skip
        return sorted(rows, key=lambda r: (r["year"], r["area"]))
    if aspect == "year_totals":
        return sorted(({"year": t.year, "total": t.total} for t in ext.year_totals), key=lambda r: r["year"])
    if aspect == "question_scores":
        return [{"area": q.area, "question_id": q.question_id, "question": q.question,
                 "max_score": q.max_score, "score": q.score} for q in ext.question_scores]  # fmt: skip
    if aspect == "comparisons":
        rows = [{"label": c.label, "kind": c.kind, "area": c.area, "value": c.value, "unit": c.unit}
                for c in ext.comparisons]  # fmt: skip
        return _comparison_order(rows)
    if aspect == "observations":
        return [
            {"area": o.area, "kind": o.kind, "position": o.position, "text": o.text} for o in ext.observations
        ]
    return _findings(ext)


def _findings(ext: Extraction) -> list[dict[str, Any]]:
    """Errors and warnings (infos are not planted), as (rule, severity, area, year, question)."""
    rows = [{"rule": f.rule, "severity": str(f.severity), "area": f.area, "year": f.year,
             "question_id": f.question_id} for f in ext.findings if f.severity != Severity.INFO]  # fmt: skip
    return sorted(rows, key=_finding_key)


def _finding_key(row: dict[str, Any]) -> tuple[str, int, int, str]:
    return (row["rule"], row["area"] or 0, row["year"] or 0, row["question_id"] or "")


def _wanted(name: str, aspect: str) -> Any:
    wanted = _expected(name)[aspect]
    if aspect == "issues":
        rows = [{k: v for k, v in row.items() if k != "why"} for row in wanted]
        return sorted(rows, key=_finding_key)
    if aspect in ("area_scores", "year_totals"):
        return sorted(wanted, key=lambda r: (r["year"], r.get("area", 0)))
    if aspect == "comparisons":
        return _comparison_order(wanted)
    return wanted


def _cases() -> list[Any]:
    cases = []
    for name in NAMES:
        for aspect in ASPECTS:
            for suffix in ("txt", "pdf"):
                reason = PENDING.get((name, aspect)) or PENDING.get((name, f"{aspect}:{suffix}"))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(name, aspect, suffix, marks=marks, id=f"{name}-{aspect}-{suffix}"))
    return cases


@pytest.mark.parametrize(("name", "aspect", "suffix"), _cases())
def test_fixture_aspect(digitized: dict[str, Extraction], name: str, aspect: str, suffix: str) -> None:
    assert _actual(digitized[f"{name}.{suffix}"], aspect) == _wanted(name, aspect)


def test_generator_reproduces_the_committed_text_and_expectations(tmp_path: Path, monkeypatch: Any) -> None:
    """The committed text exports and expected outputs are what the generator writes today."""
    sys.path.insert(0, str(FIXTURES))
    try:
        import make_editions
    finally:
        sys.path.remove(str(FIXTURES))
    monkeypatch.setattr(make_editions, "OUT", tmp_path)
    for fixture in make_editions.FIXTURES:
        make_editions.write_fixture(fixture, pdf=False)
        for suffix in (".txt", ".expected.json"):
            written = (tmp_path / f"{fixture.name}{suffix}").read_bytes()
            assert written == (EDITIONS / f"{fixture.name}{suffix}").read_bytes(), fixture.name
    assert len(make_editions.FIXTURES) == len(NAMES) >= 7


def test_every_planted_inconsistency_names_its_reason() -> None:
    for name in NAMES:
        for issue in _expected(name)["issues"]:
            assert issue["why"] and issue["severity"] in {"error", "warning"}, (name, issue)


@pytest.mark.parametrize("name", NAMES)
def test_expected_figures_give_exactly_the_planted_findings(name: str) -> None:
    """The validator, given a fixture's expected figures, finds exactly its planted errors and warnings.

    This checks the expectations themselves, independently of the extractors: a planted
    inconsistency that the figures do not contain, or one they contain unplanted, fails here.
    A printed change compares the fixture's two own years.
    """
    wanted = _expected(name)
    years = sorted({r["year"] for r in wanted["area_scores"]})
    compared = (years[0], years[-1]) if len(years) == 2 else (None, None)
    extraction = Extraction(
        metadata=Metadata(
            municipality=wanted["report"]["municipality"],
            municipality_code=wanted["report"]["municipality_code"],
            year=wanted["report"]["year"],
        ),
        area_scores=tuple(
            AreaScore(r["area"], r["printed_name"], r["year"], r["score"]) for r in wanted["area_scores"]
        ),
        year_totals=tuple(YearTotal(r["year"], r["total"]) for r in wanted["year_totals"]),
        question_scores=tuple(
            QuestionScore(r["area"], r["question_id"], r["question"], r["max_score"], r["score"])
            for r in wanted["question_scores"]
        ),
        edition=wanted["report"]["framework"],
        comparisons=tuple(
            Comparison(r["label"], r["kind"], r["area"], r["value"], r["unit"], None, None, *compared)
            for r in wanted["comparisons"]
        ),
    )
    extraction = dataclasses.replace(
        extraction, findings=validate(extraction, edition_by_id(extraction.edition))
    )
    declared = {rule.slug for rule in RULES}
    planted = [row for row in _wanted(name, "issues") if row["rule"] in declared]
    assert _findings(extraction) == planted
