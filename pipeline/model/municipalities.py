"""The official municipality lists, and resolving a printed name to a municipality and its code."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

# "Umeå kommun", "Malmö Stad", "Göteborgs stad": the words a name may carry after it.
_SUFFIX = regex.compile(r"\s+(?:kommun|stad|kommuns|stads)$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name: str
    county_code: str
    county_name: str
    country: str = "SE"


def _read_csv(filename: str) -> list[dict[str, str]]:
    text = (resources.files("pipeline.model") / "data" / filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def fold(name: str) -> str:
    """A name normalized for lookup: NFC, case-folded, single spaces, one kind of dash."""
    text = unicodedata.normalize("NFC", name).casefold().replace("–", "-").replace("—", "-")
    return " ".join(text.split())


# The dots and ring of Swedish letters: OCR often loses them on capitals ("STROMSTAD KOMMUN",
# "Ornsköldsvik"), where they are a few pixels above the letter.
_WITHOUT_DOTS = str.maketrans("åäö", "aao")


class MunicipalityRegistry:
    """The municipalities of one or more countries, looked up by name, alias or code."""

    def __init__(self, municipalities: list[Municipality], aliases: dict[str, str] | None = None) -> None:
        self._all = tuple(municipalities)
        self._by_code = {m.code: m for m in municipalities}
        self._by_name: dict[str, Municipality] = {}
        for m in municipalities:
            # Norwegian names with several official language forms ("Trondheim - Tråante")
            # are matched on every form.
            for form in {m.name, *m.name.split(" - ")}:
                self._by_name.setdefault(fold(form), m)
        self._aliases: dict[str, Municipality] = {}
        for alias, code in (aliases or {}).items():
            if code in self._by_code:
                self._by_name.setdefault(fold(alias), self._by_code[code])
                self._aliases[alias] = self._by_code[code]
        self._by_undotted: dict[str, set[Municipality]] = {}
        for key, m in self._by_name.items():
            self._by_undotted.setdefault(key.translate(_WITHOUT_DOTS), set()).add(m)

    def __iter__(self) -> Iterator[Municipality]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def printed_names(self) -> Iterator[tuple[str, Municipality, bool]]:
        """Every name as printed, with its municipality and whether it is an official form.

        Official forms are the names (each language form of a Norwegian name); the others are
        the aliases ("Falu", "Gotlands"), which are already inflected.
        """
        for m in self._all:
            for form in dict.fromkeys([m.name, *m.name.split(" - ")]):
                yield form, m, True
        for alias, m in self._aliases.items():
            yield alias, m, False

    def by_code(self, code: str) -> Municipality | None:
        return self._by_code.get(code)

    def lookup(self, name: str) -> Municipality | None:
        """The municipality a printed name refers to.

        Accepts the bare name ("Umeå"), the name with "kommun" or "stad" ("Malmö Stad"), and the
        genitive forms reports use ("Umeås kommun", "Göteborgs Stad", "Falu kommun"); and the name
        read without the dots or ring of its "Å", "Ä", "Ö" where no other name reads so ("STROMSTAD
        KOMMUN" on a scanned title page).
        """
        key = fold(name).strip(" ,.;:")
        candidates = [key, _SUFFIX.sub("", key)]
        for candidate in list(candidates):
            if candidate.endswith("s"):
                candidates.append(candidate[:-1])
        found = next((self._by_name[c] for c in candidates if c in self._by_name), None)
        if found is not None:
            return found
        for candidate in candidates:
            # Only where one municipality's name reads so without the dots and ring.
            undotted = self._by_undotted.get(candidate.translate(_WITHOUT_DOTS), set())
            if len(undotted) == 1:
                return next(iter(undotted))
        return None


@cache
def swedish_municipalities() -> MunicipalityRegistry:
    """The 290 Swedish municipalities with their official SCB codes."""
    rows = _read_csv("se_municipalities.csv")
    aliases = {row["alias"]: row["code"] for row in _read_csv("se_aliases.csv")}
    return MunicipalityRegistry(
        [Municipality(r["code"], r["name"], r["county_code"], r["county_name"], "SE") for r in rows], aliases
    )


@cache
def norwegian_municipalities() -> MunicipalityRegistry:
    """The Norwegian municipalities (2024 division) with their kommunenummer."""
    rows = _read_csv("no_municipalities.csv")
    return MunicipalityRegistry(
        [Municipality(r["code"], r["name"], r["county_code"], r["county_name"], "NO") for r in rows]
    )
