"""A report prepared for rule matching: its text, normalised form and offset maps both ways.

Arabic rules match normalised text (hamza forms, ta marbuta and diacritics folded away), while
statements and names must be cut from the original; the two maps make that a lookup.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..normalize import normalize

__all__ = ["Document", "trim_span"]


class Document:
    """``text`` and ``norm`` with ``to_norm``/``to_orig`` offset maps (both O(1) per offset)."""

    def __init__(self, text: str) -> None:
        self.text = text
        normalized = normalize(text)
        self.norm = normalized.text
        self._starts = normalized.starts
        self._ends = normalized.ends

    def to_norm(self, offset: int) -> int:
        """The first normalised position produced at or after original ``offset``."""
        return bisect_left(self._starts, offset)

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised ``[start, end)``."""
        if start >= end:
            at = self._starts[start] if start < len(self._starts) else len(self.text)
            return at, at
        return self._starts[start], self._ends[end - 1]

    def search(self, pattern: re.Pattern, lo: int, hi: int):
        """``pattern.search`` over the normalised text of original span ``[lo, hi)``."""
        return pattern.search(self.norm, self.to_norm(lo), self.to_norm(hi))

    def orig(self, nstart: int, nend: int) -> str:
        start, end = self.to_orig(nstart, nend)
        return self.text[start:end]


def trim_span(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    """``[start, end)`` without the ``chars`` at either end: the punctuation and spaces that
    surround a speaker's words in the attribution."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
