"""Fact-checkers' ratings on one scale: ``rating_value`` 0 (false) … 1 (true).

Every fact-checker has its own scale (PolitiFact's six steps, AFP's labels, Misbar's Arabic
words, a 1–5 number), and reliability can only add verdicts up once they share one. Two
sources of truth, in this order:

1. The label (``alternateName``), looked up in ``data/ratings.csv`` (``label,value,language,
   note``; users add their fact-checkers' words there, or pass their own table). Google shows
   only the label, so the label is what a fact-checker checks before publishing; numbers are
   often left at defaults or run the other way round (1 = True on some sites).
2. The number (``ratingValue``) on its ``worstRating``…``bestRating`` scale, schema.org's
   defaults 1…5 when the scale is missing.

A label with an empty value in the table (``Unproven``, ``ساخر``) is a verdict without a truth
value: it is kept, with ``rating_value`` NULL, and moves no score.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..normalize import normalize_text
from ..paths import data_path

__all__ = ["RatingTable", "Rating", "RatingError", "load_table", "label_key", "normalise_rating",
           "label_for"]

_PUNCT = re.compile(r"[\s\-_.,;:!?'\"()\[\]/،؛؟]+")
_DEFAULT_BEST, _DEFAULT_WORST = 5.0, 1.0  # schema.org Rating defaults
_EXPORT_LABELS = {"True": 1.0, "Mostly true": 0.75, "Half true": 0.5, "Mostly false": 0.25,
                  "False": 0.0}


class RatingError(ValueError):
    """A rating that cannot be put on the scale; the message is the one-line reason."""


@dataclass(frozen=True)
class Rating:
    """A normalised rating: the reviewer's label, its 0–1 value, and a warning if any."""

    label: str | None
    value: float | None
    warning: str | None = None


def label_key(label: str) -> str:
    """The form labels are looked up by: normalised (alef, taa marbuta, case), punctuation folded."""
    return _PUNCT.sub(" ", normalize_text(label)).strip()


class RatingTable:
    """Label → value, read from a CSV that users extend."""

    def __init__(self, rows: dict[str, float | None]) -> None:
        self._values = rows

    @classmethod
    def from_csv(cls, path: Path) -> "RatingTable":
        """Read ``label,value[,language,note]``; a bad row is an error naming its line."""
        values: dict[str, float | None] = {}
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                key = label_key(row.get("label") or "")
                if not key:
                    raise RatingError(f"{path}:{line}: empty label")
                raw = (row.get("value") or "").strip()
                value = None
                if raw:
                    try:
                        value = float(raw)
                    except ValueError:
                        raise RatingError(f"{path}:{line}: value {raw!r} is not a number") from None
                    if not 0.0 <= value <= 1.0:
                        raise RatingError(f"{path}:{line}: value {value} outside 0…1")
                values[key] = value
        return cls(values)

    def __contains__(self, label: str) -> bool:
        return label_key(label) in self._values

    def value(self, label: str) -> float | None:
        """The value of a known label (None for a label that carries no truth value)."""
        return self._values[label_key(label)]


@lru_cache(maxsize=4)
def load_table(path: Path | None = None) -> RatingTable:
    """The shipped table (``data/ratings.csv``) or a user's own."""
    return RatingTable.from_csv(path or data_path("ratings.csv"))


def _number(value: object, name: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise RatingError(f"{name} {value!r} is not a number")
    try:
        number = float(str(value).strip().replace("٫", "."))
    except ValueError:
        raise RatingError(f"{name} {value!r} is not a number") from None
    if not math.isfinite(number):
        raise RatingError(f"{name} {value!r} is not a number")
    return number


def normalise_rating(rating_value: object = None, *, best: object = None, worst: object = None,
                     label: str | None = None, table: RatingTable | None = None) -> Rating:
    """Put one reviewRating on the 0–1 scale, or raise RatingError with the reason.

    A known label wins over the number (see the module docstring); a number outside its own
    scale is an error only when no known label can stand in for it, since the label is what
    readers of the fact-check saw.
    """
    table = table or load_table()
    label = (label or "").strip() or None
    known = label is not None and label in table
    number = None
    try:
        number = _scaled(rating_value, best, worst)
    except RatingError:
        if not known:
            raise
    if known:
        value = table.value(label)
        warning = None
        if value is not None and number is not None and abs(value - number) > 0.5:
            warning = (f"label {label!r} ({value:g}) and ratingValue ({number:.2f} on its scale) "
                       "disagree; the label was used")
        return Rating(label, value, warning)
    if number is None:
        if label:
            raise RatingError(f"rating label {label!r} is not in the ratings table "
                              "(add it to data/ratings.csv) and there is no ratingValue")
        raise RatingError("reviewRating has neither a label (alternateName) nor a ratingValue")
    return Rating(label, number)


def _scaled(rating_value: object, best: object, worst: object) -> float | None:
    """A ratingValue on 0…1 by its own scale; None when there is no number."""
    number = _number(rating_value, "ratingValue")
    if number is None:
        return None
    top = _number(best, "bestRating")
    bottom = _number(worst, "worstRating")
    top = _DEFAULT_BEST if top is None else top
    bottom = _DEFAULT_WORST if bottom is None else bottom
    if top == bottom:
        raise RatingError(f"bestRating and worstRating are both {top:g}: no scale")
    if not min(top, bottom) <= number <= max(top, bottom):
        raise RatingError(f"ratingValue {number:g} outside its scale "
                          f"{bottom:g} (worst) … {top:g} (best)")
    return (number - bottom) / (top - bottom)


def label_for(value: float) -> str:
    """An English label for a value that came without one (export needs ``alternateName``)."""
    return min(_EXPORT_LABELS, key=lambda label: abs(_EXPORT_LABELS[label] - value))
