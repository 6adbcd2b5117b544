"""Editions of the Kommunkompassen evaluation tool, read from the data files in ``frameworks/``.

An edition lists its eight areas (with the name variants reports use) and, where they are known,
its sub-questions with their max points. Adding an edition of the tool is adding a TOML file;
nothing here changes. Which edition a report is read by is decided in ``edition_lookup.py``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

from pipeline.editions.edition_file import EditionFileError, read_edition_file

__all__ = ["AreaSpec", "EditionFileError", "Framework", "QuestionSpec", "framework_by_id", "load_frameworks"]

# Words that carry no meaning when comparing area names ("Tydlighet i samspelet politiker –
# tjänstemän" against "Tydlighet i samspelet mellan politiker och tjänstemän").
_NAME_FILLER = frozenset({"och", "i", "mellan", "av", "som", "för", "med"})
_NAME_TOKEN = regex.compile(r"\p{L}+")
# A name whose words overlap an area's this much (Jaccard index) is taken as that area.
_AREA_NAME_MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    question_id: str
    area: int
    max_score: float
    text: str


@dataclass(frozen=True, slots=True)
class AreaSpec:
    number: int
    name: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Framework:
    """One edition of the tool: areas, sub-questions and the years it was used.

    ``last_year`` is ``None`` for an edition still in use. ``questions`` is empty for a partial
    edition, whose sub-areas and their max points are not publicly known: then the max points the
    report prints are all there is, and rules that need the edition's own maxima say they were not
    checked.
    """

    framework_id: str
    title: str
    first_year: int
    last_year: int | None
    area_max: float
    areas: tuple[AreaSpec, ...]
    questions: tuple[QuestionSpec, ...]

    def area(self, number: int) -> AreaSpec | None:
        return next((area for area in self.areas if area.number == number), None)

    def question(self, question_id: str) -> QuestionSpec | None:
        return next((q for q in self.questions if q.question_id == question_id), None)

    def questions_in(self, area: int) -> tuple[QuestionSpec, ...]:
        return tuple(q for q in self.questions if q.area == area)

    @property
    def is_partial(self) -> bool:
        """Whether the edition's sub-areas and their max points are unknown."""
        return not self.questions

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def match_area_name(self, printed: str) -> int | None:
        """The number of the area a printed name refers to, or ``None`` if it matches none."""
        return self.area_match(printed)[0]

    def area_match(self, printed: str) -> tuple[int | None, float]:
        """The area a printed name refers to and how closely (1.0: every word), or ``(None, best)``."""
        tokens = name_tokens(printed)
        if not tokens:
            return None, 0.0
        best_area, best_overlap = None, 0.0
        for area in self.areas:
            for variant in (area.name, *area.variants):
                other = name_tokens(variant)
                overlap = len(tokens & other) / len(tokens | other)
                if overlap > best_overlap:
                    best_area, best_overlap = area.number, overlap
        if best_overlap >= _AREA_NAME_MIN_OVERLAP:
            return best_area, best_overlap
        return None, best_overlap


def name_tokens(name: str) -> frozenset[str]:
    """The meaningful words of an area name, lower-cased, for comparing wordings."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return frozenset(word for word in _NAME_TOKEN.findall(folded) if word not in _NAME_FILLER)


def _parse(data: dict[str, Any]) -> Framework:
    areas = tuple(
        AreaSpec(number=a["number"], name=a["name"], variants=tuple(a.get("variants", ())))
        for a in data["areas"]
    )
    questions = tuple(
        QuestionSpec(
            question_id=q["id"], area=int(q["id"].split(".")[0]), max_score=float(q["max"]), text=q["text"]
        )
        for q in data.get("questions", ())
    )
    return Framework(
        framework_id=data["id"],
        title=data["title"],
        first_year=data["first_year"],
        last_year=data.get("last_year"),
        area_max=float(data.get("area_max", 100)),
        areas=areas,
        questions=questions,
    )


@cache
def load_frameworks() -> tuple[Framework, ...]:
    """Every edition shipped in ``pipeline/editions/frameworks``, oldest first.

    Each file is checked against its declared structure (``pipeline/editions/edition_file.py``); a file that
    does not have it raises :class:`EditionFileError` naming the file and the key.
    """
    folder = resources.files("pipeline.editions") / "frameworks"
    editions = [
        _parse(read_edition_file(entry.name, entry.read_text(encoding="utf-8")))
        for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".toml")
    ]
    ids = [edition.framework_id for edition in editions]
    if len(set(ids)) != len(ids):
        raise EditionFileError(f"pipeline/editions/frameworks: an edition id is used twice: {sorted(ids)}")
    return tuple(sorted(editions, key=lambda f: (f.first_year, f.framework_id)))


def framework_by_id(framework_id: str | None) -> Framework | None:
    """The shipped edition named ``framework_id`` (as ``reports.framework`` gives it), or ``None``."""
    return next((f for f in load_frameworks() if f.framework_id == framework_id), None)


def frameworks_for_year(year: int | None) -> tuple[Framework, ...]:
    """The editions in use in ``year`` (a year of change has two), oldest first."""
    if year is None:
        return ()
    return tuple(f for f in load_frameworks() if f.covers(year))
