"""Pair scorers registered through ``register_scorers``: the built-in ones, and how compare finds them.

A scorer is one more opinion on whether two statements say the same thing: an object with a
``name`` and ``score(a, b, *, language)`` returning a similarity in [0, 1] (or None when it
does not apply, say to a language it does not know). The built-in character-level scorers
below are inputs of compare's combined score under their names; a scorer under any other name
(an embedding model a user has) can raise the combined score to its own value, and its value is
kept in ``details["scorers"]``. No scorer can make a pair ``contradicts``: that needs a
difference shown in the text.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from ..hookspecs import hookimpl
from ..normalize import normalize_text as _normalize_text

__all__ = ["CharacterScorer", "SortedWordsScorer", "scorers", "BUILTIN"]


BUILTIN = ("characters", "sorted_words")


@lru_cache(maxsize=16384)
def normalize_text(text: str) -> str:
    """Each statement is scored against many candidates: normalise it once."""
    return _normalize_text(text)


class CharacterScorer:
    """Character edit similarity of the normalised texts: typos, clitics, spelling variants."""

    name = "characters"

    def score(self, a: str, b: str, *, language: str | None = None) -> float:
        return fuzz.ratio(normalize_text(a), normalize_text(b)) / 100.0


class SortedWordsScorer:
    """Edit similarity after sorting the words: the same words in another order."""

    name = "sorted_words"

    def score(self, a: str, b: str, *, language: str | None = None) -> float:
        return fuzz.token_sort_ratio(normalize_text(a), normalize_text(b)) / 100.0




@hookimpl
def register_scorers(register):
    register(CharacterScorer())
    register(SortedWordsScorer())


@lru_cache(maxsize=1)
def scorers() -> tuple:
    """Registered scorers, one per name, plugins before built-ins (loaded once per process)."""
    from ..plugins import collect

    chosen: dict[str, object] = {}
    for scorer in collect("register_scorers"):
        chosen.setdefault(scorer.name, scorer)
    return tuple(chosen.values())
