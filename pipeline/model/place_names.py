"""Place-name facts beyond the official municipality lists: the districts of the large cities, and
municipality names that are also ordinary words or personal names."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from enum import StrEnum
from functools import cache
from importlib import resources

import regex

from pipeline.model.municipalities import Municipality, MunicipalityRegistry, fold, swedish_municipalities

# "Hyllie stadsdel", "Bromma stadsdelsnämnd", "Lundby SDN": words a district's name may carry.
_DISTRICT_SUFFIX = regex.compile(r"\s+(?:stadsdel(?:en|snämnd|sområde)?|sdn)$", regex.IGNORECASE)


class Ambiguity(StrEnum):
    """How a municipality's name can be something else.

    ``WORD``: an ordinary word ("vara", "boden"), so a capitalized occurrence is only in doubt at
    the start of a sentence. ``NAME``: also a personal or other proper name ("Mark", "Berg",
    "Ales stenar"), so every occurrence needs context that shows the place.
    """

    WORD = "word"
    NAME = "name"


def _read_csv(filename: str) -> list[dict[str, str]]:
    text = (resources.files("pipeline.model") / "data" / filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


class DistrictRegistry:
    """City districts by name, each with the municipality it belongs to."""

    def __init__(self, districts: list[tuple[str, Municipality]]) -> None:
        self._by_name: dict[str, list[tuple[str, Municipality]]] = defaultdict(list)
        for name, municipality in districts:
            self._by_name[fold(name)].append((name, municipality))

    def __len__(self) -> int:
        return sum(len(found) for found in self._by_name.values())

    def lookup(self, name: str, city: Municipality | None = None) -> tuple[str, Municipality] | None:
        """The district's official spelling and its city, or ``None``.

        A name that several cities use ("Centrum") resolves only when ``city`` says which.
        """
        key = _DISTRICT_SUFFIX.sub("", fold(name).strip(" ,.;:"))
        found = self._by_name.get(key, [])
        if city is not None:
            found = [(n, m) for n, m in found if m.code == city.code]
        return found[0] if len(found) == 1 else None


@cache
def swedish_districts() -> DistrictRegistry:
    """Districts of Stockholm, Göteborg and Malmö from ``se_districts.csv``."""
    registry = swedish_municipalities()
    rows = _read_csv("se_districts.csv")
    return DistrictRegistry(
        [(row["district"], m) for row in rows if (m := registry.by_code(row["code"])) is not None]
    )


@cache
def swedish_ambiguous_names() -> tuple[tuple[str, Ambiguity], ...]:
    """Swedish municipality names that are also words or personal names, from ``se_ambiguous_names.csv``."""
    return tuple((row["name"], Ambiguity(row["kind"])) for row in _read_csv("se_ambiguous_names.csv"))


def ambiguity_by_code(
    registry: MunicipalityRegistry, names: tuple[tuple[str, Ambiguity], ...]
) -> dict[str, Ambiguity]:
    """The ambiguity of each municipality (by code) whose name is listed in ``names``."""
    result: dict[str, Ambiguity] = {}
    for name, kind in names:
        municipality = registry.lookup(name)
        if municipality is not None and fold(municipality.name) == fold(name):
            result[municipality.code] = kind
    return result
