"""Script-independent keys, so that رايان ديلون meets Ryan Dillon and كركوك meets Kirkuk.

A key is a consonant skeleton: both scripts are reduced to the same small set of consonant
classes, vowels (and the letters Arabic uses as vowels: ا و ي ع ء ة) are dropped, the article
(``al-``/``ال``) is removed from each word, words are joined and doubled classes collapsed.
Classes are coarse on purpose where transliteration is unstable (``g`` is written ج, ك, غ or
ق; ``th`` is ث or ت), and kept apart where it is stable (``kh`` is always خ, ``sh`` always ش).
Different names can share a key (Amman and Oman are both ``mn``), so a key match is evidence,
never proof; tests/test_keys.py measures how often pairs meet and collide.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .normalize import normalize_text

__all__ = ["entity_key", "person_key", "surname_key", "word_keys", "strip_titles", "TITLES"]

_ARABIC = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "د": "d", "ذ": "d", "ض": "d",
    "ظ": "z", "ز": "z", "ژ": "z", "س": "s", "ص": "s", "ش": "c", "چ": "c",
    "ج": "k", "ك": "k", "ک": "k", "گ": "k", "ق": "k", "غ": "k", "خ": "x",
    "ح": "h", "ه": "h", "ف": "f", "ڤ": "f", "ل": "l", "ڵ": "l", "م": "m", "ن": "n",
    "ر": "r", "ڕ": "r",
}
# Latin digraphs first, then single letters; vowels and y/w vanish like Arabic long vowels.
_LATIN_DIGRAPHS = (("sch", "c"), ("sh", "c"), ("ch", "c"), ("kh", "x"), ("gh", "k"),
                   ("th", "t"), ("dh", "d"), ("ph", "f"), ("zh", "z"), ("ck", "k"))
_LATIN = {
    "b": "b", "p": "b", "t": "t", "d": "d", "z": "z", "s": "s", "c": "k", "k": "k",
    "q": "k", "g": "k", "j": "k", "x": "ks", "h": "h", "f": "f", "v": "f", "l": "l",
    "m": "m", "n": "n", "r": "r",
}
_LATIN_ARTICLES = frozenset("al el ul as ash ad ar az ez at an adh ath".split())
_NG = re.compile(r"ng(?=[bcdfghjklmnpqrstvwxz])")
_ABDUL = re.compile(r"^(abd|abu)(?:ul|el|al|oul)$")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

TITLES = frozenset(normalize_text(t) for t in """
col col. colonel gen gen. general lt lt. lieutenant maj maj. major capt capt. captain sgt sgt.
brig brig. adm adm. admiral dr dr. mr mr. mrs mrs. ms ms. sen sen. senator rep rep. gov gov.
governor president pres. king prince emir queen sheikh shaikh sheik sayyed sayyid sir prof prof. imam mullah
العقيد الجنرال اللواء العميد الفريق المقدم الرائد النقيب الملازم المشير الأدميرال الشيخ
الملك الأمير الملكة السيد السيدة الدكتور الدكتورة د. المهندس الأستاذ الحاج الإمام الملا سماحة فضيلة
""".split())


def _skeleton_latin(word: str) -> str:
    if word in _LATIN_ARTICLES:
        return ""
    word = _ABDUL.sub(r"\1", word)
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]  # Fallujah, Salih, Fatah: -ah/-ih is ة, ح or ه, all dropped at the end
    word = _NG.sub("n", word)  # Washington: واشنطن drops the g before a consonant
    out = []
    i = 0
    while i < len(word):
        for digraph, cls in _LATIN_DIGRAPHS:
            if word.startswith(digraph, i):
                out.append(cls)
                i += len(digraph)
                break
        else:
            ch = word[i]
            if ch == "c" and i + 1 < len(word) and word[i + 1] in "eiy":
                out.append("s")
            else:
                out.append(_LATIN.get(ch, ""))
            i += 1
    return "".join(out)


def _skeleton_arabic(word: str) -> str:
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if len(word) > 2 and word[-1] in "هح":
        word = word[:-1]  # final ة/ه/ح: romanised -a, -ah or -ih, so dropped on both sides
    return "".join(_ARABIC.get(ch, "") for ch in word)


def _fold_latin(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def word_keys(name: str) -> tuple[str, ...]:
    """The skeleton of each word of ``name`` (empty skeletons dropped)."""
    text = normalize_text(_fold_latin(name))
    keys = []
    for match in _WORD.finditer(text):
        word = match.group().replace("’", "'")
        if word.isascii():
            skeleton = "".join(_skeleton_latin(p) for p in re.split(r"[-']", word) if p)
        else:
            skeleton = _skeleton_arabic(word)
        if skeleton:
            keys.append(skeleton)
    return tuple(keys)


def _collapse(skeleton: str) -> str:
    return re.sub(r"(.)\1+", r"\1", skeleton)


def entity_key(name: str) -> str:
    """The script-independent key of a name: its words' skeletons joined, doubles collapsed.

    Joining the words lets ``Tuz Khurmatu`` meet ``طوزخورماتو`` and ``Abdul Rahman`` meet
    ``عبد الرحمن``.
    """
    return _collapse("".join(word_keys(name)))


def strip_titles(name: str) -> tuple[str | None, str]:
    """Split leading honorifics and ranks off a person's name: ``("Col.", "Ryan Dillon")``."""
    words = name.split()
    titles = []
    while len(words) > 1 and normalize_text(words[0]) in TITLES:
        titles.append(words.pop(0))
    return (" ".join(titles) or None), " ".join(words)


def person_key(name: str) -> str:
    """The key of a person's name without titles, so ``Col. Ryan Dillon`` meets ``رايان ديلون``."""
    return entity_key(strip_titles(name)[1])


def surname_key(name: str) -> str:
    """The key of the last word of a person's name (``Dillon``), for joins within one report."""
    keys = word_keys(strip_titles(name)[1])
    return _collapse(keys[-1]) if keys else ""
