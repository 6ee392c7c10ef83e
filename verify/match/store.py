"""``verify match``: find candidates through the index, compare them, store the matches.

Only statements not matched yet are compared (``matched_at`` is NULL), against every
statement; ``rebuild`` clears the matches and treats every statement as new. Because the
index keys come from frozen statistics and candidacy is symmetric, both roads give the same
``matches`` rows. Scoring runs in worker processes (fork) that share the index built once in
the parent and read the statement texts they need from the database themselves.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import defaultdict
from datetime import datetime, timezone
from multiprocessing import get_context
from typing import Any, Callable, Iterable, NamedTuple

import numpy as np
from sqlite_utils import Database

from ..model import Mention
from .compare import Comparison, compare, time_apart
from .index import CandidateIndex, Keys, Vocabulary, content_stems, statement_keys
from .tokens import VERSION as TOKENS_VERSION

__all__ = ["match_database", "load_vocabulary", "refresh_vocabulary", "stale_vocabulary"]

_CHUNK = 400


def refresh_vocabulary(db: Database, vocab: Vocabulary | None = None) -> Vocabulary:
    """Recompute (unless given) and freeze the document frequencies of every stored statement."""
    if vocab is None:
        vocab = Vocabulary.from_stems(content_stems(norm) for (norm,) in db.execute("SELECT norm FROM statements"))
    with db.atomic():
        db.execute("DELETE FROM match_stats")
        db.conn.executemany("INSERT INTO match_stats(token, df) VALUES (?, ?)", vocab.df.items())
        db.conn.executemany("INSERT OR REPLACE INTO match_state(key, value) VALUES (?, ?)",
                            [("statements", str(vocab.n)), ("tokens", TOKENS_VERSION),
                             ("computed_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))])
    return vocab


def stale_vocabulary(db: Database) -> bool:
    """Whether frozen statistics exist but were counted with words cut another way (an older
    verify): their stems no longer meet the ones the index computes now."""
    state = dict(db.execute("SELECT key, value FROM match_state WHERE key IN ('statements', 'tokens')").fetchall())
    return "statements" in state and state.get("tokens", "1") != TOKENS_VERSION


def load_vocabulary(db: Database) -> Vocabulary | None:
    """The frozen statistics, or None when they were never computed."""
    row = db.execute("SELECT value FROM match_state WHERE key = 'statements'").fetchone()
    if row is None:
        return None
    return Vocabulary(dict(db.execute("SELECT token, df FROM match_stats").fetchall()), int(row[0]))


class _Speaker(NamedTuple):
    """Who a stored statement is credited to, hashable so comparisons can be cached."""

    name: str
    kind: str


# State shared with forked workers (set in the parent right before the pool starts).
_STATE: dict[str, Any] = {}


def _db_path(db: Database) -> str | None:
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            return path
    return None


def _fetch(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, dict]:
    """Text, quote, speaker and mentions of the statements a chunk needs."""
    ids = sorted(set(ids))
    out: dict[int, dict] = {}
    for i in range(0, len(ids), 900):
        part = ids[i:i + 900]
        marks = ",".join("?" * len(part))
        for sid, text, norm, quote, anonymous, name, kind, published in conn.execute(
                f"SELECT s.id, s.text, s.norm, s.quote, s.anonymous, sp.name, sp.kind, r.published_at "
                f"FROM statements s JOIN reports r ON r.id = s.report_id "
                f"LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id IN ({marks})", part):
            speaker = None
            if name and not anonymous:
                speaker = _Speaker(name, kind or "person")
            out[sid] = {"text": text, "norm": norm, "quote": quote, "speaker": speaker, "mentions": [],
                        "published": (published or "")[:10] or None}
        for sid, mtype, surface, value, key, start, end in conn.execute(
                f'SELECT statement_id, type, surface, value, key, start, "end" FROM mentions '
                f"WHERE statement_id IN ({marks}) ORDER BY id", part):
            out[sid]["mentions"].append(Mention(type=mtype, surface=surface, start=start, end=end,
                                                value=value, key=key))
    return out


def _score_chunk(groups: list[int]) -> list[tuple]:
    """Compare one chunk of new groups with their candidates; return ``matches`` rows."""
    index: CandidateIndex = _STATE["index"]
    members: list[list[tuple[int, int, str | None, bool]]] = _STATE["members"]
    vocab: Vocabulary = _STATE["vocab"]
    new: np.ndarray = _STATE["new"]
    pairs: list[tuple[int, int, str]] = [(g, g, "exact") for g in groups if len(members[g]) > 1]
    pairs += index.candidates(groups, new)
    wanted: list[tuple[int, int, str]] = []
    for g, h, how in pairs:
        for i, (x, rx, ux, nx) in enumerate(members[g]):
            for j, (y, ry, uy, ny) in enumerate(members[h]):
                if (g == h and j <= i) or not (nx or ny) or rx == ry or (ux and ux == uy):
                    continue
                wanted.append((min(x, y), max(x, y), how))
    if not wanted:
        return []
    conn = _STATE.get("conn")
    if conn is None:
        conn = sqlite3.connect(_STATE["path"], timeout=60)
        _STATE["conn"] = conn
    data = _fetch(conn, (i for a, b, _ in wanted for i in (a, b)))
    cache: dict[tuple, Comparison] = {}
    rows = []
    for a, b, how in wanted:
        sa, sb = data[a], data[b]
        # Syndicated copies repeat one text pair many times: compare it once.
        key = (sa["text"], sb["text"], sa["quote"], sb["quote"], sa["speaker"], sb["speaker"],
               time_apart(sa["published"], sb["published"]))
        c = cache.get(key)
        if c is None:
            c = compare(sa["text"], sb["text"], quote_a=sa["quote"], quote_b=sb["quote"],
                        speaker_a=sa["speaker"], speaker_b=sb["speaker"], mentions_a=sa["mentions"],
                        mentions_b=sb["mentions"], idf=vocab.idf, norm_a=sa["norm"], norm_b=sb["norm"],
                        published_a=sa["published"], published_b=sb["published"])
            cache[key] = c
        relation = c.relation
        if relation == "unrelated":
            continue
        row = c.as_row()
        rows.append((a, b, row["quote_score"], row["text_score"], row["entity_score"], row["score"],
                     relation, json.dumps(row["details"], ensure_ascii=False), how))
    return rows


def _norm_hash(norm: str) -> bytes:
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=12).digest()


def match_database(db: Database, *, rebuild: bool = False, refresh_stats: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   processes: int | None = None, stage: Callable[[str], None] | None = None) -> dict:
    """Match every statement not matched yet (all of them with ``rebuild``); return counts.

    The vocabulary statistics are computed on the first run and then frozen, so a later
    ``rebuild`` derives exactly the matches that incremental runs stored;
    ``refresh_stats`` recomputes them, and since the index keys change with them it implies
    ``rebuild``: matches derived under two sets of statistics would not agree. Statistics
    counted by an older tokenizer are refreshed the same way. ``stage`` hears what the run is
    doing before scoring starts (reading and indexing a million statements takes a while);
    ``progress`` hears the scored chunks.
    """
    say = stage or (lambda text: None)
    started = time.perf_counter()
    refresh_stats = refresh_stats or stale_vocabulary(db)
    rebuild = rebuild or refresh_stats
    if rebuild:
        with db.atomic():
            db.execute("DELETE FROM matches")
            db.execute("UPDATE statements SET matched_at = NULL")

    say("reading statements")
    group_of: dict[bytes, int] = {}
    members: list[list[tuple[int, int, str | None, bool]]] = []
    norms: list[str] = []
    new_ids: list[int] = []
    for sid, report_id, norm, unmatched, url in db.execute(
            "SELECT s.id, s.report_id, s.norm, s.matched_at IS NULL, r.url FROM statements s "
            "JOIN reports r ON r.id = s.report_id ORDER BY s.id"):
        h = _norm_hash(norm)
        g = group_of.get(h)
        if g is None:
            g = group_of[h] = len(members)
            members.append([])
            norms.append(norm)
        members[g].append((sid, report_id, url, bool(unmatched)))
        if unmatched:
            new_ids.append(sid)
    del group_of
    if not new_ids:
        return {"statements": 0, "groups": len(members), "matches": 0, "seconds": 0.0}

    say(f"indexing {len(members):,} distinct texts")
    stems = [content_stems(norm) for norm in norms]
    del norms
    vocab = None if refresh_stats else load_vocabulary(db)
    if vocab is None:
        vocab = refresh_vocabulary(db, Vocabulary.from_stems(stems, (len(m) for m in members)))
    mentions: dict[int, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    for sid, mtype, key, value in db.execute("SELECT statement_id, type, key, value FROM mentions"):
        mentions[sid].append((mtype, key, value))
    # The speaker is a key too: a translation of a quote shares its speaker and little else.
    for sid, key in db.execute("SELECT s.id, sp.key FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
                               "WHERE s.anonymous = 0 AND sp.kind IN ('person', 'organisation')"):
        mentions[sid].append(("speaker", key, None))
    keys: list[Keys] = []
    for g, group_stems in enumerate(stems):
        # The first statement's mentions: a later copy (say with "yesterday" resolved to another
        # day) must not change the keys of pairs already matched.
        keys.append(statement_keys(group_stems, vocab, mentions.get(members[g][0][0], ())))
    del stems, mentions
    index = CandidateIndex(keys, vocab)
    del keys  # the index holds what it needs in its matrices
    new = np.fromiter((any(m[3] for m in ms) for ms in members), dtype=bool, count=len(members))
    todo = np.flatnonzero(new).tolist()

    _STATE.clear()
    _STATE.update(index=index, members=members, vocab=vocab, new=new, path=_db_path(db))
    processes = processes or os.cpu_count() or 1
    chunks = [todo[i:i + _CHUNK] for i in range(0, len(todo), _CHUNK)]
    written = 0
    insert = ("INSERT OR REPLACE INTO matches(a_id, b_id, quote_score, text_score, entity_score, score, "
              "relation, details, method) VALUES (?,?,?,?,?,?,?,?,?)")

    def store(rows: list[tuple]) -> None:
        nonlocal written
        if rows:
            with db.atomic():
                db.conn.executemany(insert, rows)
            written += len(rows)

    if processes > 1 and _STATE["path"] and len(chunks) > 1:
        with get_context("fork").Pool(processes) as pool:
            for done, rows in enumerate(pool.imap_unordered(_score_chunk, chunks), 1):
                store(rows)
                if progress:
                    progress(done, len(chunks))
    else:
        _STATE["conn"] = db.conn
        for done, chunk in enumerate(chunks, 1):
            store(_score_chunk(chunk))
            if progress:
                progress(done, len(chunks))
    _STATE.clear()

    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with db.atomic():
        for i in range(0, len(new_ids), 900):
            part = new_ids[i:i + 900]
            db.execute(f"UPDATE statements SET matched_at = ? WHERE id IN ({','.join('?' * len(part))})",
                       [now, *part])
    relations = dict(db.execute("SELECT relation, count(*) FROM matches GROUP BY relation").fetchall())
    return {"statements": len(new_ids), "groups": len(members), "matches": written,
            "relations": relations, "seconds": round(time.perf_counter() - started, 2)}


def summary_line(counts: dict) -> str:
    """The one-line summary of ``match_database``'s counts (nested counts left out)."""
    return ", ".join(f"{value:,} {key.replace('_', ' ')}" for key, value in counts.items()
                     if isinstance(value, int))
