"""SQL functions, so a fact-checker's own queries see text the way the pipeline does.

``verify_normalize`` is the normalisation of the stored ``norm`` column and the full-text
index, ``verify_similarity`` the fuzzy score matching starts from, ``verify_key`` the
script-independent entity key (``verify_key('رايان ديلون') = verify_key('Ryan Dillon')``).
"""

from __future__ import annotations

import sqlite3

from rapidfuzz import fuzz

from verify.normalize import normalize_text


def verify_normalize(text: str | None) -> str | None:
    """Normalised text, or NULL for NULL (SQL functions must not raise on missing values)."""
    return None if text is None else normalize_text(str(text))


def verify_similarity(a: str | None, b: str | None) -> float | None:
    """Token-set similarity of the normalised texts, 0..1, so word order and case do not matter."""
    if a is None or b is None:
        return None
    return fuzz.token_set_ratio(normalize_text(str(a)), normalize_text(str(b))) / 100.0


def verify_key(name: str | None) -> str | None:
    """The entity key of a name; imported late because verify.keys may grow heavy imports."""
    if name is None:
        return None
    from verify.keys import entity_key

    return entity_key(str(name))


def register(conn: sqlite3.Connection) -> None:
    """Add the functions to one connection; deterministic so SQLite may use them in indexes."""
    conn.create_function("verify_normalize", 1, verify_normalize, deterministic=True)
    conn.create_function("verify_similarity", 2, verify_similarity, deterministic=True)
    conn.create_function("verify_key", 1, verify_key, deterministic=True)
