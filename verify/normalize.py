"""The one normalisation used everywhere: storage, full-text index, matching, search.

Matching and search only agree with each other if they see text the same way, and highlights
only land on the right words if every normalised offset can be mapped back to the original.
So normalisation is a per-cluster map (a base character plus the combining marks that follow
it): each cluster becomes zero or more normalised characters, and every normalised character
remembers the original cluster it came from. Because no cluster looks at its neighbours, any
span of normalised text that starts and ends on a cluster boundary maps back to an original
slice that normalises to exactly that span.

What it does (DESIGN.md, "Normalisation"): Unicode NFKC; Arabic diacritics, superscript alef
and tatweel removed; ``أ إ آ ٱ`` → ``ا``; ``ى`` → ``ي``; ``ة`` → ``ه``; Arabic-Indic and
Persian digits → ASCII; ``، ؛ ؟`` → ``, ; ?``; every double quotation-mark style → ``"``;
case folded. Persian and Kurdish letters are kept. Whitespace is mapped to a plain space but
never collapsed, and invisible format characters (bidi marks, ZWNJ) are dropped.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

__all__ = ["Normalized", "normalize", "normalize_text", "strip_clitics", "CLITICS"]

_REMOVED = {chr(c) for c in range(0x064B, 0x0660)}  # harakat, tanwin, shadda, sukun, hamza marks
_REMOVED |= {"\u0670", "\u0640"}  # superscript alef, tatweel
_REMOVED |= {chr(c) for c in range(0x0610, 0x061B)}  # Quranic honorific marks
_REMOVED |= {chr(c) for c in range(0x06D6, 0x06EE)} - {"\u06E5", "\u06E6"}  # Quranic annotation

_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "،": ",", "؛": ";", "؟": "?", "٫": ".", "٬": ",",
    '"': '"', "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"',
    "‹": '"', "›": '"', "〝": '"', "〞": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
}
for _i in range(10):
    _LETTERS[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _LETTERS[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian, Urdu)

# Clitics stripped for entity lookup only, longest first so "وال" wins over "و".
CLITICS: tuple[str, ...] = ("بال", "وال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class Normalized:
    """Normalised text with, for each of its characters, the original cluster it came from.

    ``starts[i]``/``ends[i]`` are the original offsets of the cluster that produced ``text[i]``.
    ``boundaries`` are the normalised positions where a cluster's output begins (plus the end):
    spans between two boundaries map back exactly.
    """

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    boundaries: frozenset[int]
    original_length: int

    @property
    def offsets(self) -> Sequence[int]:
        """Original start offset of each normalised character (the map back to the original)."""
        return self.starts

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the original span that produced it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalised text of {len(self.text)}")
        if start == end:
            at = self.starts[start] if start < len(self.text) else self.original_length
            return at, at
        return self.starts[start], self.ends[end - 1]

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span to the smallest normalised span covering what it produced."""
        lo = next((i for i, e in enumerate(self.ends) if e > start), len(self.text))
        hi = next((i for i in range(len(self.text) - 1, -1, -1) if self.starts[i] < end), lo - 1)
        return lo, max(lo, hi + 1)


_cache: dict[str, str] = {}


def _map_cluster(cluster: str) -> str:
    """Normalise one cluster; memoised because news text repeats a few hundred clusters."""
    out = _cache.get(cluster)
    if out is not None:
        return out
    pieces = []
    for ch in unicodedata.normalize("NFKC", cluster):
        if ch in _REMOVED:
            continue
        mapped = _LETTERS.get(ch)
        if mapped is not None:
            pieces.append(mapped)
        elif ch.isspace():
            pieces.append(" ")
        elif unicodedata.category(ch) == "Cf":
            continue
        else:
            pieces.append(ch.casefold())
    out = "".join(pieces)
    if len(_cache) < 200_000:
        _cache[cluster] = out
    return out


# Marks that NFKC never composes with anything and that normalisation removes: a cluster of
# a base and only these marks normalises like its characters one by one, so text without
# any other mark can take the fast path through str.translate.
_SIMPLE_REMOVED = _REMOVED - {"\u0653", "\u0654", "\u0655"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The cluster pattern and the 'needs cluster processing' pattern, built once (~0.2 s)."""
    ranges, start = [], None
    for cp in range(0x300, sys.maxunicode + 2):
        mark = cp <= sys.maxunicode and unicodedata.category(chr(cp))[0] == "M"
        if mark and start is None:
            start = cp
        elif not mark and start is not None:
            ranges.append((start, cp - 1))
            start = None
    marks = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    complex_marks = "".join(
        re.escape(chr(cp)) for a, b in ranges for cp in range(a, b + 1)
        if chr(cp) not in _SIMPLE_REMOVED)
    return re.compile(f"(?s).[{marks}]*"), re.compile(f"[{complex_marks}]")


class _CharTable(dict):
    """``str.translate`` table filled on demand with each character's normalised form."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _map_cluster(chr(code))
        return value


_TABLE = _CharTable()


def normalize(text: str) -> Normalized:
    """Normalise ``text`` and keep the map back to the original offsets."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    boundaries = set()
    pos = 0
    for match in _patterns()[0].finditer(text):
        piece = _map_cluster(match.group())
        if not piece:
            continue
        i, j = match.span()
        boundaries.add(pos)
        out.append(piece)
        k = len(piece)
        starts.extend([i] * k)
        ends.extend([j] * k)
        pos += k
    boundaries.add(pos)
    return Normalized("".join(out), starts, ends, frozenset(boundaries), len(text))


def normalize_text(text: str) -> str:
    """The normalised text alone, for indexing and lookups where offsets are not needed."""
    clusters, needs_clusters = _patterns()
    if not needs_clusters.search(text):
        return text.translate(_TABLE)
    return "".join(map(_map_cluster, clusters.findall(text)))


def strip_clitics(word: str) -> str:
    """Strip one leading Arabic clitic for entity lookup, keeping at least three letters.

    Only entity lookup uses this: stripping in general text would turn ``بلد`` into ``لد``.
    """
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic):]
    return word
