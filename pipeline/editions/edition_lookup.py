"""Which edition of the tool a report is read by, and what an area name or number denotes.

The one policy every extractor and rule uses: a report is matched to its edition by its year AND
the area names it prints. The year names the editions in use then (two in a year of change); the
printed names (summary-table rows, section headings, score-table headings) are compared with each
edition's wordings. The year decides unless the names clearly belong to another edition (a
municipality evaluated with the new tool early, a report scored with both tools): then the names
decide, and ``edition_year_mismatch`` says so. No extractor picks "the newest" edition on its own.

Before the edition is known, ``denoted_area`` answers "which area does this name denote, in any
edition", so that a summary table printing names alone can be read; once decided, extractors are
given the edition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.editions.edition import Edition, editions_for_year, load_editions

# The names must match at least this many areas of an edition, and this many more than the year's
# editions, before they overrule the year: one or two shared wordings ("Verksamhetsutveckling" is
# area 7 of both the 2002 and the 2010 tool) never do.
MIN_AREAS_TO_OVERRULE = 4
MIN_MARGIN_TO_OVERRULE = 2
# The word before an area's number in a heading or a table label, in any case: "Område 3",
# "Huvudområde 3", "OMRÅDE 3", and as OCR reads it from a bold heading, the ring of the "å" lost
# ("Omrade 3"). Followed by whitespace and :func:`area_number_pattern`.
AREA_WORD = r"(?i:(?:huvud)?omr[åa]de)"


@cache
def area_number_pattern() -> str:
    """A regex alternative matching the area numbers of every shipped edition ("1" … "8")."""
    distinct = {area.number for f in load_editions() for area in f.areas}
    # Longer numbers first, so that "10" is never read as "1".
    numbers = sorted(distinct, key=lambda n: (-len(str(n)), n))
    return "(?:" + "|".join(str(n) for n in numbers) + ")"


@cache
def question_id_pattern() -> str:
    """A regex matching a sub-area id as reports print it: an area number, a dot, one or two digits."""
    return rf"{area_number_pattern()}\.\d{{1,2}}"


def area_number(text: str) -> int | None:
    """The area number ``text`` is, if it is one of an edition's."""
    return int(text) if regex.fullmatch(area_number_pattern(), text.strip()) else None


def denoted_area(printed: str, edition: Edition | None = None) -> int | None:
    """The area a printed name denotes: in ``edition`` when the edition is known, else the
    closest wording of any edition (the best match; among equals, the newest edition's)."""
    if edition is not None:
        return edition.match_area_name(printed)
    return denotation(printed).area(None)


@dataclass(frozen=True)
class Denotation:
    """A printed name matched once against every edition's wordings: :meth:`area` is
    :func:`denoted_area` by any edition, or before the edition is known, without matching again."""

    printed: str
    # Each shipped edition with the area its wordings give the name and how closely.
    matches: tuple[tuple[Edition, int | None, float], ...]

    def area(self, edition: Edition | None) -> int | None:
        """The area the name denotes in ``edition``; with none, by the closest wording of any."""
        if edition is not None:
            for candidate, area, _ in self.matches:
                if candidate is edition:
                    return area
            return edition.match_area_name(self.printed)  # an edition not shipped
        best_area, best_overlap = None, 0.0
        for _, area, overlap in self.matches:
            if area is not None and overlap >= best_overlap:
                best_area, best_overlap = area, overlap
        return best_area


def denotation(printed: str) -> Denotation:
    """``printed`` matched against every shipped edition's wordings."""
    return Denotation(printed, tuple((edition, *edition.area_match(printed)) for edition in load_editions()))


def denoting_editions(printed: str, area: int) -> tuple[str, ...]:
    """The ids of the editions in which ``printed`` is a wording of area ``area``."""
    return tuple(f.edition_id for f in load_editions() if f.match_area_name(printed) == area)


def areas_matched(edition: Edition, names: Iterable[str]) -> int:
    """How many distinct areas of ``edition`` the printed names match."""
    return len({area for name in names if (area := edition.match_area_name(name)) is not None})


def decide_edition(year: int | None, names: Iterable[str]) -> Edition | None:
    """The edition a report of ``year`` printing area names ``names`` is read by.

    Among the editions in use in ``year``, the one whose wordings the names match best (the newer
    on a tie). Another edition only when its wordings match at least ``MIN_AREAS_TO_OVERRULE``
    areas and ``MIN_MARGIN_TO_OVERRULE`` more than the year's best; with no year, the edition the
    names match best. ``None`` when neither year nor names point to a shipped edition.
    """
    names = tuple(names)
    scores = {f.edition_id: areas_matched(f, names) for f in load_editions()}
    in_year = editions_for_year(year)
    year_best = max(in_year, key=lambda f: (scores[f.edition_id], f.first_year), default=None)
    names_best = max(load_editions(), key=lambda f: (scores[f.edition_id], f.first_year))
    best_score = scores[names_best.edition_id]
    if year_best is None:
        return names_best if best_score >= MIN_AREAS_TO_OVERRULE or (year is None and best_score) else None
    margin = best_score - scores[year_best.edition_id]
    if best_score >= MIN_AREAS_TO_OVERRULE and margin >= MIN_MARGIN_TO_OVERRULE:
        return names_best
    return year_best
