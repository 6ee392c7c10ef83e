"""Words as the matcher sees them: normalised, clitic-stripped, with stop words marked.

The comparison, the candidate index and the benchmarks must cut text the same way, or a pair
the scorer would accept is never proposed by the index. Tokens carry offsets into the
normalised text so that matched words can be highlighted in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..extract.gazetteer import gazetteer, lookup_forms
from ..normalize import strip_clitics

__all__ = ["Token", "tokenize", "stem", "stopwords", "is_arabic", "script_of", "WORD", "VERSION"]

# Changes whenever ``stem`` cuts words differently: the frozen statistics and the matches
# built from them are then recomputed (``verify match`` sees the stored version differ).
VERSION = "2"

_STOPWORD_DIR = Path(__file__).resolve().parents[2] / "data" / "stopwords"
WORD = re.compile(r"\w+")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word: its matching form, its span in the normalised text, and whether it is a stop word."""

    stem: str
    start: int
    end: int
    stop: bool


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """All languages' stop words in one set: the scripts do not overlap, so one set is safe."""
    words: set[str] = set()
    for path in sorted(_STOPWORD_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line)
    return frozenset(words)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light stem so that ``والجيش``/``الجيش``/``جيش`` and ``reports``/``report`` meet.

    Only prefixes are stripped in Arabic: suffixes carry gender and number that a contradiction
    check may need, and fuzzy token matching absorbs the rest.
    """
    if _ARABIC.match(word):
        return _arabic_stem(word)
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _arabic_stem(word: str) -> str:
    """A known name keeps the letters that only look like clitics (كركوك, لبنان), and its
    variants with clitics meet it (بكركوك, للبنان); other words lose one leading clitic.
    A name written with the article stems without it, as ``strip_clitics`` has it
    (العراق, والعراق and عراق meet)."""
    forms = gazetteer().forms
    for form in lookup_forms(word):
        if form in forms:
            return form[2:] if form.startswith("ال") and form[2:] in forms else form
    return strip_clitics(word)


@lru_cache(maxsize=16384)
def tokenize(norm: str) -> tuple[Token, ...]:
    """Cut normalised text into tokens; ``norm`` must come from ``verify.normalize``."""
    stops = stopwords()
    out = []
    for m in WORD.finditer(norm):
        word = m.group()
        s = stem(word)
        out.append(Token(s, m.start(), m.end(), word in stops or s in stops))
    return tuple(out)


def is_arabic(text: str) -> bool:
    """Whether the text is written mostly in Arabic script (Arabic, Persian, Kurdish)."""
    return script_of(text) == "arabic"


def script_of(text: str) -> str:
    """``arabic``, ``latin`` or ``other``: cross-lingual pairs are decided by script, not language tags."""
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text.lower()))
    if arabic == latin == 0:
        return "other"
    return "arabic" if arabic >= latin else "latin"
