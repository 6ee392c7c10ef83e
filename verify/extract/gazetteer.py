"""The curated gazetteer (data/gazetteer/*.csv) plus countries from pycountry, as one lookup.

Entities are looked up by their normalised form (verify.normalize) with Arabic clitics
stripped, so ``بكركوك``, ``وكركوك`` and ``Kirkuk`` all find Kirkuk. Each entity's key is the
key of its English name, so every alias, in any script, carries the same key.
"""

from __future__ import annotations

import csv
import gettext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from ..keys import entity_key
from ..normalize import normalize_text

__all__ = ["Entry", "Gazetteer", "gazetteer", "DATA"]

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
