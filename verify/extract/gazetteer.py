"""The curated gazetteer (data/gazetteer/*.csv) plus countries from pycountry, as one lookup.

Entities are looked up by their normalised form (verify.normalize): the word as written first,
then with its Arabic clitics stripped only when the whole word names nothing, so ``بكركوك``,
``وكركوك`` and ``Kirkuk`` all find Kirkuk while ``كركوك``, ``بغداد`` and ``لبنان`` keep the first
letters that look like clitics. Each entity's key is the key of its English name, so every
alias, in any script, carries the same key.
"""

from __future__ import annotations

import csv
import gettext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from ..keys import entity_key
from ..normalize import CLITICS, normalize_text

__all__ = ["Entry", "Gazetteer", "gazetteer", "lookup_forms", "DATA"]

DATA = Path(__file__).resolve().parents[2] / "data" / "gazetteer"


@dataclass(frozen=True)
class Entry:
    name: str  # canonical (English) name
    type: str  # place, organisation, title, role
    kind: str  # city, country, party, rank, honorific ...
    key: str


class Gazetteer:
    """Normalised surface form -> entry, and the longest form length in words for scanning."""

    def __init__(self) -> None:
        self.forms: dict[str, Entry] = {}
        self.first_words: set[str] = set()  # a cheap test before trying n-grams at a position
        self.max_words = 1

    def add(self, surface: str, entry: Entry) -> None:
        form = " ".join(normalize_text(surface).replace("-", " ").split())
        if not form or form in self.forms:
            return
        self.forms[form] = entry
        self.first_words.add(form.split()[0])
        self.max_words = max(self.max_words, len(form.split()))
        if form.startswith("ال") and len(form) > 4:
            self.forms.setdefault(form[2:], entry)  # "عراق" after a clitic was stripped
            self.first_words.add(form[2:].split()[0])

    def get(self, form: str) -> Entry | None:
        return self.forms.get(form)

    def lookup(self, words: list[str]) -> tuple[Entry, int] | None:
        """The entry that normalised ``words`` name, and how many letters of clitics lead the
        first word (بكركوك: 1): tried in the order of :func:`lookup_forms`."""
        rest = words[1:]
        for first in lookup_forms(words[0]):
            entry = self.forms.get(" ".join([first, *rest]))
            if entry is not None:
                return entry, len(words[0]) - len(first)
        return None

    def may_start(self, word: str) -> bool:
        """Whether a name in the gazetteer may start at normalised ``word`` (a cheap test)."""
        return any(form in self.first_words for form in lookup_forms(word))


_SHORTEST_FIRST = tuple(sorted(CLITICS, key=len))
_CONJUNCTIONS = ("و", "ف")


def lookup_forms(word: str) -> list[str]:
    """The forms of a normalised word to look a name up by, best first: the word as written
    (كركوك, لبنان: their first letters are the name's), then one clitic off (بكركوك, للبنان,
    والعراق), then a conjunction and a preposition off (وبالعراق), each leaving three letters.

    Callers stop at the first form that names something, so a clitic is stripped only when
    the whole word is not a known name.
    """
    forms = [word]
    for clitic in _SHORTEST_FIRST:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            forms.append(word[len(clitic):])
    if word[:1] in _CONJUNCTIONS:
        inner = word[1:]
        for clitic in _SHORTEST_FIRST:
            if clitic not in _CONJUNCTIONS and inner.startswith(clitic) and len(inner) - len(clitic) >= 3:
                forms.append(inner[len(clitic):])
    return list(dict.fromkeys(forms))


def _load_csv(gaz: Gazetteer, path: Path, type_: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            entry = Entry(row["en"], type_, row["kind"], entity_key(row["en"]))
            for surface in [row["en"], row["ar"], *row["aliases"].split("|")]:
                if surface.strip():
                    gaz.add(surface.strip(), entry)


def _load_countries(gaz: Gazetteer) -> None:
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        entry = Entry(name, "place", "country", entity_key(name))
        for surface in {country.name, name, getattr(country, "official_name", country.name)}:
            gaz.add(surface, entry)
            gaz.add(arabic.gettext(surface), entry)


_COUNTRY_EXTRA = {
    "United States": ["US", "U.S.", "USA", "America", "أمريكا", "أميركا", "الولايات المتحدة الأمريكية",
                      "الولايات المتحدة الأميركية", "الولايات المتحدة"],
    "Syria": ["سوريا", "سورية"],
    "Iran": ["إيران"],
    "Russian Federation": ["Russia", "روسيا"],
    "United Kingdom": ["UK", "Britain", "بريطانيا", "المملكة المتحدة"],
    "Turkey": ["Türkiye", "تركيا"],
    "Saudi Arabia": ["السعودية", "المملكة العربية السعودية"],
    "Palestine, State of": ["Palestine", "فلسطين"],
    "Iraq": ["العراق"],
}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built once per process (a few thousand forms)."""
    gaz = Gazetteer()
    _load_csv(gaz, DATA / "places.csv", "place")
    _load_csv(gaz, DATA / "organisations.csv", "organisation")
    _load_csv(gaz, DATA / "titles.csv", "title")
    for name, aliases in _COUNTRY_EXTRA.items():
        country = pycountry.countries.get(name=name)
        canonical = getattr(country, "common_name", None) or name
        entry = Entry(canonical, "place", "country", entity_key(canonical))
        for alias in aliases:
            gaz.add(alias, entry)
    _load_countries(gaz)
    return gaz
