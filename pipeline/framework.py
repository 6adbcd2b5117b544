"""Editions of the Kommunkompassen evaluation tool, read from the data files in ``frameworks/``.

An edition lists its eight areas (with the name variants reports use) and its sub-questions with
their max points. Adding an edition of the tool is adding a TOML file; nothing here changes.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

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
    """One edition of the tool: areas, sub-questions and the years it was used."""

    framework_id: str
    title: str
    first_year: int
    last_year: int
    area_max: float
    areas: tuple[AreaSpec, ...]
    questions: tuple[QuestionSpec, ...]

    def area(self, number: int) -> AreaSpec | None:
        return next((area for area in self.areas if area.number == number), None)

    def question(self, question_id: str) -> QuestionSpec | None:
        return next((q for q in self.questions if q.question_id == question_id), None)

    def questions_in(self, area: int) -> tuple[QuestionSpec, ...]:
        return tuple(q for q in self.questions if q.area == area)

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def match_area_name(self, printed: str) -> int | None:
        """The number of the area a printed name refers to, or ``None`` if it matches none."""
        tokens = name_tokens(printed)
        if not tokens:
            return None
        best_area, best_overlap = None, 0.0
        for area in self.areas:
            for variant in (area.name, *area.variants):
                other = name_tokens(variant)
                overlap = len(tokens & other) / len(tokens | other)
                if overlap > best_overlap:
                    best_area, best_overlap = area.number, overlap
        return best_area if best_overlap >= _AREA_NAME_MIN_OVERLAP else None


def name_tokens(name: str) -> frozenset[str]:
    """The meaningful words of an area name, lower-cased, for comparing wordings."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return frozenset(word for word in _NAME_TOKEN.findall(folded) if word not in _NAME_FILLER)


def _parse(data: dict[str, object]) -> Framework:
    areas = tuple(
        AreaSpec(number=int(a["number"]), name=str(a["name"]), variants=tuple(a.get("variants", ())))
        for a in data["areas"]  # type: ignore[attr-defined]
    )
    questions = tuple(
        QuestionSpec(
            question_id=str(q["id"]),
            area=int(str(q["id"]).split(".")[0]),
            max_score=float(q["max"]),
            text=str(q["text"]),
        )
        for q in data["questions"]  # type: ignore[attr-defined]
    )
    return Framework(
        framework_id=str(data["id"]),
        title=str(data["title"]),
        first_year=int(data["first_year"]),  # type: ignore[call-overload]
        last_year=int(data["last_year"]),  # type: ignore[call-overload]
        area_max=float(data.get("area_max", 100)),  # type: ignore[arg-type]
        areas=areas,
        questions=questions,
    )


@cache
def load_frameworks() -> tuple[Framework, ...]:
    """Every edition shipped in ``pipeline/frameworks``, oldest first."""
    folder = resources.files("pipeline") / "frameworks"
    editions = [
        _parse(tomllib.loads(entry.read_text(encoding="utf-8")))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    ]
    return tuple(sorted(editions, key=lambda f: f.first_year))


def framework_for_year(year: int | None) -> Framework | None:
    """The edition in use in ``year``, or ``None`` when no shipped edition covers it."""
    if year is None:
        return None
    return next((f for f in load_frameworks() if f.covers(year)), None)


def any_framework() -> Framework:
    """The newest shipped edition, for matching area names when the year is unknown."""
    return load_frameworks()[-1]
