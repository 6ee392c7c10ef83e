"""Speaker identity across reports: one ``speakers`` row per person, organisation or source.

People are keyed by the consonant skeleton of their name without titles (verify.keys), so
``Col. Ryan Dillon``, ``Ryan Dillon`` and ``رايان ديلون`` are one row, with each spelling kept
in ``speaker_aliases``. A lone surname (``Dillon``) is too weak to join across reports: it joins
the speaker with that surname named earlier in the same report, or a known speaker with that
surname *and* the same role; otherwise it gets a row of its own, never someone else's quotes.
Anonymous and media speakers are keyed by their normalised wording (``مصادر كردية``), so the
same wording meets and nothing else does: they count as unknown when statements are compared.
"""

from __future__ import annotations

import re

from sqlite_utils import Database

from .extract.gazetteer import gazetteer
from .keys import entity_key, person_key, strip_titles, surname_key
from .model import SpeakerRef
from .normalize import normalize_text

__all__ = ["resolve_speaker", "speaker_key"]

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PUNCT = re.compile(r"[^\w\s]")


def _language(text: str) -> str:
    return "ar" if _ARABIC.search(text) else "en"


def _wording_key(text: str) -> str:
    words = _PUNCT.sub(" ", normalize_text(text)).split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def speaker_key(ref: SpeakerRef) -> str:
    """The identity key of a speaker: name skeleton for people and organisations, wording else."""
    if ref.kind == "person":
        return person_key(ref.name)
    if ref.kind == "organisation":
        known = gazetteer().get(" ".join(normalize_text(ref.name).replace("-", " ").split()))
        return known.key if known else entity_key(ref.name)  # التحالف الدولي = US-led coalition
    return _wording_key(ref.name)


def _is_bare_surname(ref: SpeakerRef) -> bool:
    return ref.kind == "person" and len(strip_titles(ref.name)[1].split()) == 1 and ref.name != ref.role


def _add_alias(db: Database, speaker_id: int, alias: str) -> None:
    db.execute("INSERT OR IGNORE INTO speaker_aliases(speaker_id, alias, language) VALUES (?, ?, ?)",
               [speaker_id, alias, _language(alias)])


def _role_key(role: str | None) -> str:
    return _wording_key(role) if role else ""


def _surname_match(db: Database, ref: SpeakerRef) -> int | None:
    """A known person with this surname and the same role, if exactly one."""
    surname = surname_key(ref.name)
    role = _role_key(ref.role)
    if not surname or not role:
        return None
    rows = db.execute("SELECT id, name, role FROM speakers WHERE kind = 'person' AND key LIKE ?",
                      ["%" + surname]).fetchall()
    hits = [r[0] for r in rows if surname_key(r[1]) == surname and _role_key(r[2]) == role]
    return hits[0] if len(hits) == 1 else None


def resolve_speaker(db: Database, ref: SpeakerRef, *, report_speakers: dict) -> int:
    """Find or create the speaker row for ``ref``; returns its id.

    ``report_speakers`` belongs to one report: it maps surname keys of people named there to
    their ids, and this function fills it, so a later bare surname in the report joins them.
    """
    title, bare_name = strip_titles(ref.name) if ref.kind == "person" else (None, ref.name)
    if _is_bare_surname(ref):
        surname = surname_key(bare_name)
        found = report_speakers.get(surname) or _surname_match(db, ref)
        if found:
            _add_alias(db, found, ref.name)
            return found
        key = f"{person_key(bare_name)}?{_role_key(ref.role)}"  # a surname alone joins only its own kind
    else:
        key = speaker_key(ref)
    if not key:
        key = _wording_key(ref.name) or ref.name
    row = db.execute("SELECT id FROM speakers WHERE kind = ? AND key = ?", [ref.kind, key]).fetchone()
    if row:
        speaker_id = row[0]
        db.execute("UPDATE speakers SET role = coalesce(role, ?), title = coalesce(title, ?) WHERE id = ?",
                   [ref.role, ref.title or title, speaker_id])
    else:
        speaker_id = db["speakers"].insert({
            "name": bare_name, "key": key, "kind": ref.kind, "role": ref.role,
            "title": ref.title or title,
        }).last_pk
    _add_alias(db, speaker_id, ref.name)
    if ref.kind == "person" and not _is_bare_surname(ref):
        report_speakers.setdefault(surname_key(bare_name), speaker_id)
    return speaker_id
