"""Statements of a report: extracting them through the extractor hook and storing them.

Each statement's ``uid`` is a hash of the report's content hash, the statement's kind, its
normalised text and its occurrence number, so re-extraction after the rules improve keeps every
statement whose words did not change — and with it the matches, verdict links, reviews and
flags that point at it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Iterable

from sqlite_utils import Database

from .model import ExtractedStatement, Mention
from .normalize import normalize_text
from .plugins import collect


def statement_uid(content_hash: str, kind: str, norm: str, occurrence: int) -> str:
    """The stable id of a statement; see the module docstring for why these inputs."""
    digest = hashlib.sha256(f"{content_hash}\x1f{kind}\x1f{norm}\x1f{occurrence}".encode())
    return digest.hexdigest()[:20]


def extractors_for(language: str | None) -> list:
    """Extractors registered for ``language``, plugins first, then the catch-all ones."""
    found = collect("register_extractors")
    exact = [e for e in found if language and language in getattr(e, "languages", ())]
    wildcard = [e for e in found if "*" in getattr(e, "languages", ())]
    return exact + wildcard


def extract(text: str, *, language: str | None, published: str | None) -> list[ExtractedStatement]:
    """Run the first extractor that handles the language (a plugin may override a built-in)."""
    when = None
    if published:
        when = datetime.strptime(published[:19], "%Y-%m-%dT%H:%M:%S")
    for extractor in extractors_for(language):
        result = extractor.extract(text, language=language, published=when)
        if result is not None:
            return list(result)
    return []


def _entity_id(db: Database, mention: Mention, language: str | None) -> int | None:
    if not mention.entity or not mention.key or mention.type in ("date", "number"):
        return None
    row = db.execute("SELECT id FROM entities WHERE type = ? AND key = ?",
                     [mention.type, mention.key]).fetchone()
    entity_id = row[0] if row else db["entities"].insert(
        {"name": mention.entity, "type": mention.type, "key": mention.key}).last_pk
    db.execute("INSERT OR IGNORE INTO entity_aliases(entity_id, alias, language) VALUES (?,?,?)",
               [entity_id, mention.surface, language])
    return entity_id


def store_statements(db: Database, report_id: int, content_hash: str, language: str | None,
                     extracted: Iterable[ExtractedStatement]) -> dict[str, int]:
    """Write a report's statements, keeping rows whose uid survives; returns counts.

    Runs inside the caller's transaction: a report is never visible without its statements.
    """
    existing = {row[0]: row[1] for row in db.execute(
        "SELECT uid, id FROM statements WHERE report_id = ?", [report_id])}
    seen: dict[tuple[str, str], int] = {}
    report_speakers: dict = {}
    kept = added = 0
    keep_ids = set()
    mention_rows: list[tuple] = []
    for position, statement in enumerate(extracted):
        norm = normalize_text(statement.text)
        occurrence = seen.get((statement.kind, norm), 0)
        seen[(statement.kind, norm)] = occurrence + 1
        uid = statement_uid(content_hash, statement.kind, norm, occurrence)
        speaker_id = None
        if statement.speaker is not None:
            from .speakers import resolve_speaker

            speaker_id = resolve_speaker(db, statement.speaker, report_speakers=report_speakers)
        row = {
            "uid": uid, "report_id": report_id, "sentence": statement.sentence,
            "position": position, "text": statement.text, "norm": norm, "kind": statement.kind,
            "quote": statement.quote, "speaker_id": speaker_id,
            "speaker_text": statement.speaker.surface if statement.speaker else None,
            "anonymous": int(statement.anonymous), "start": statement.start,
            "end": statement.end, "language": language,
        }
        if uid in existing:
            statement_id = existing[uid]
            db["statements"].update(statement_id, row)
            db.execute("DELETE FROM mentions WHERE statement_id = ?", [statement_id])
            kept += 1
        else:
            statement_id = db["statements"].insert(row).last_pk
            added += 1
        keep_ids.add(statement_id)
        mention_rows.extend(
            (statement_id, _entity_id(db, m, language), m.type, m.surface, m.value, m.key,
             m.start, m.end) for m in statement.mentions)
    db.conn.executemany(
        'INSERT INTO mentions(statement_id, entity_id, type, surface, value, key, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mention_rows)
    stale = [sid for sid in existing.values() if sid not in keep_ids]
    for statement_id in stale:
        db.execute("DELETE FROM statements WHERE id = ?", [statement_id])
    return {"kept": kept, "added": added, "removed": len(stale)}


def reextract(db: Database, *, progress=None) -> dict[str, int]:
    """Re-run extraction over every stored report (``verify extract``), one transaction each."""
    totals = {"reports": 0, "kept": 0, "added": 0, "removed": 0}
    rows = db.execute("SELECT id, content_hash, language, text, published_at FROM reports "
                      "ORDER BY id").fetchall()
    for report_id, content_hash, language, text, published in rows:
        extracted = extract(text, language=language, published=published)
        with db.atomic():
            counts = store_statements(db, report_id, content_hash, language, extracted)
        totals["reports"] += 1
        for key, value in counts.items():
            totals[key] += value
        if progress:
            progress.update(json.dumps(totals))
    return totals
