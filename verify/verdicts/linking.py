"""Link verdicts to the statements they are about, with the same ``compare()`` as matching.

A fact-check names a claim in its own words (``claimReviewed``), not a statement id, so each
verdict is compared with the statements that could be it. Candidates come from the full-text
index (``statements_fts``): the claim's rarest words, OR-ed, best-ranked first, so a verdict is
compared with a few dozen statements and never with all of them. ``compare`` then decides:

- ``same_quote`` and ``paraphrase`` mean the verdict is about that statement: they become
  ``verdict_links`` rows (with the relation and score), and the best of them
  ``verdicts.statement_id``;
- ``misattributed`` (the claim credits the words to someone else), ``contradicts`` (the same
  claim with another figure), ``related`` and ``unrelated`` are not links. A verdict on
  al-Obeidi saying Dillon's words is no verdict on Dillon, and a False on "thousands" is no
  False on "hundreds": reliability reads every link as a verdict on the linked statement.

Links are keyed by statement ``uid``, which survives re-extraction, and the run is incremental:
``verify match`` calls ``link_verdicts`` after every ingest, and only new verdicts meet all
statements while old verdicts meet only statements added since the last run.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from sqlite_utils import Database

from ..match import compare
from ..normalize import normalize_text

__all__ = ["link_verdicts", "LINK_RELATIONS"]

LINK_RELATIONS = ("same_quote", "paraphrase")  # the verdict is about the statement itself
_CANDIDATES = 20  # on ANS, 15 found as many true links as 40, at a third of the time
_QUERY_WORDS = 12
_MAX_COMPARED = 2000  # per verdict and run: a bound on the work, far above any real claim
_STATE = ("verdict_links.statements_upto", "verdict_links.verdicts_upto",
          "verdict_links.statements_seen")
_WORD = re.compile(r"\w+")


def _state(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM match_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _set_state(db: Database, key: str, value: object) -> None:
    db.execute("INSERT INTO match_state(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, str(value)])


def _seen_statements(db: Database, upto: int) -> str:
    """What the statements up to ``upto`` were: their count and the uid at ``upto``.

    SQLite reuses the highest row ids after a delete, so re-extraction at the end of the table
    can put new statements under an old id; when this fingerprint changes, every verdict meets
    every statement again (links are upserted, so that only adds what was missed).
    """
    count = db.execute("SELECT count(*) FROM statements WHERE id <= ?", [upto]).fetchone()[0]
    top = db.execute("SELECT uid FROM statements WHERE id = ?", [upto]).fetchone()
    return f"{count}:{top[0] if top else ''}"


def _query(db: Database, claim: str) -> str | None:
    """An FTS5 query of the claim's rarest indexed words (common words rank nothing)."""
    words = list(dict.fromkeys(w for w in _WORD.findall(normalize_text(claim)) if len(w) > 1))
    if not words:
        return None
    marks = ",".join("?" * len(words))
    counts = dict(db.execute(
        f"SELECT term, doc FROM temp.verdict_vocab WHERE term IN ({marks})", words).fetchall())
    present = sorted((w for w in words if w in counts), key=lambda w: counts[w])
    chosen = present[:_QUERY_WORDS]
    return " OR ".join(f'"{w}"' for w in chosen) if chosen else None


_SELECT = ("SELECT s.id, s.uid, s.text, s.quote, s.language, sp.name, sp.kind FROM statements s "
           "LEFT JOIN speakers sp ON sp.id = s.speaker_id")
_KEYS = ("id", "uid", "text", "quote", "language", "speaker", "speaker_kind")


def _candidates(db: Database, claim: str, after: int) -> list[dict]:
    """The statements past ``after`` that share the claim's rarest words, best-ranked first."""
    query = _query(db, claim)
    if query is None:
        return []
    rows = db.execute(
        f"{_SELECT} JOIN statements_fts f ON f.rowid = s.id "
        "WHERE statements_fts MATCH ? AND f.rowid > ? ORDER BY f.rank LIMIT ?",
        [query, after, _CANDIDATES]).fetchall()
    return [dict(zip(_KEYS, row)) for row in rows]


def _neighbours(db: Database, ids: list[int], after: int, seen: set[int]) -> list[dict]:
    """Statements past ``after`` that matching joined to ``ids`` with the same words or claim.

    A quote carried by hundreds of reports outruns any candidate limit; the matcher has
    already grouped those copies, so the links follow its matches (each still confirmed by
    ``compare`` against the verdict). Matches are made when a statement arrives, so each
    involves a statement new since the last run: following old links to new statements, and
    new links to any statement, finds every copy without walking old matches again.
    """
    marks = ",".join("?" * len(ids))
    rels = ",".join("?" * len(LINK_RELATIONS))
    rows = db.execute(
        f"""
        SELECT b_id FROM matches WHERE a_id IN ({marks}) AND relation IN ({rels}) AND b_id > ?
        UNION SELECT a_id FROM matches WHERE b_id IN ({marks}) AND relation IN ({rels}) AND a_id > ?
        """, [*ids, *LINK_RELATIONS, after, *ids, *LINK_RELATIONS, after]).fetchall()
    fresh = [r[0] for r in rows if r[0] not in seen][:_MAX_COMPARED]
    if not fresh:
        return []
    marks = ",".join("?" * len(fresh))
    return [dict(zip(_KEYS, row)) for row in
            db.execute(f"{_SELECT} WHERE s.id IN ({marks})", fresh).fetchall()]


def _speaker(name: str | None, kind: str | None) -> SimpleNamespace | None:
    return SimpleNamespace(name=name, kind=kind or "person") if name else None


def _link_one(db: Database, verdict: dict, after: int) -> None:
    """Link one verdict to the statements it is about among those it has not met yet.

    Those are the statements past ``after``, and any statement the matcher joined to one of
    them (a new copy's older original included, when the candidate limit had cut it).
    """
    claimant = _speaker(verdict["claimant"], None)
    linked_before = [r[0] for r in db.execute(
        "SELECT s.id FROM verdict_links l JOIN statements s ON s.uid = l.statement_uid "
        "WHERE l.verdict_id = ?", [verdict["id"]]).fetchall()]
    seen: set[int] = set(linked_before)
    batch = _candidates(db, verdict["claim_text"], after)
    if linked_before:
        batch += _neighbours(db, linked_before, after, seen)
    while batch and len(seen) < _MAX_COMPARED:
        linked_now = []
        for cand in batch:
            if cand["id"] in seen:
                continue
            seen.add(cand["id"])
            if verdict["language"] and cand["language"] and verdict["language"] != cand["language"]:
                continue  # no translation model: a claim never spans two languages
            result = compare(verdict["claim_text"], cand["text"], language=cand["language"],
                             speaker_a=claimant,
                             speaker_b=_speaker(cand["speaker"], cand["speaker_kind"]),
                             quote_b=cand["quote"])
            if result.relation not in LINK_RELATIONS:
                continue
            db.execute(
                "INSERT INTO verdict_links(verdict_id, statement_uid, score, relation) "
                "VALUES (?,?,?,?) ON CONFLICT(verdict_id, statement_uid) DO UPDATE SET "
                "score = excluded.score, relation = excluded.relation",
                [verdict["id"], cand["uid"], round(result.score, 4), result.relation])
            linked_now.append(cand["id"])
        batch = _neighbours(db, linked_now, 0, seen) if linked_now else []


def _choose_best(db: Database) -> None:
    """``verdicts.statement_id``: the strongest link, same words before same claim, else NULL.

    A shortened quote scores as high as the full one (it is found whole inside the claim), so
    among equal scores the statement whose words are closest in length to the claim wins.
    """
    db.execute(
        """
        UPDATE verdicts SET statement_id = (
            SELECT s.id FROM verdict_links l JOIN statements s ON s.uid = l.statement_uid
            JOIN verdicts v ON v.id = l.verdict_id
            WHERE l.verdict_id = verdicts.id
            ORDER BY l.relation = 'same_quote' DESC, l.score DESC,
                     abs(length(coalesce(s.quote, s.text)) - length(v.claim_text)), s.id
            LIMIT 1)
        """)


def link_verdicts(db: Database, *, rebuild: bool = False) -> dict:
    """Link verdicts to statements; incremental unless ``rebuild``; returns counts for the summary.

    New verdicts meet every statement, older ones only the statements added since the last
    run, so re-running changes nothing when nothing was added. Counts: ``verdicts`` (in the
    database), ``checked`` (compared this run), ``links`` (rows in verdict_links),
    ``new_links``, ``linked`` (verdicts about a statement), ``unlinked``.
    """
    statements_upto = int(_state(db, _STATE[0]) or 0)
    verdicts_upto = int(_state(db, _STATE[1]) or 0)
    if statements_upto and _state(db, _STATE[2]) != _seen_statements(db, statements_upto):
        statements_upto = 0
    top_statement = db.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0]
    top_verdict = db.execute("SELECT coalesce(max(id), 0) FROM verdicts").fetchone()[0]
    keys = ("id", "claim_text", "claimant", "language")
    with db.atomic():
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.verdict_vocab "
                   "USING fts5vocab('main', 'statements_fts', 'row')")
        if rebuild:
            db.execute("DELETE FROM verdict_links")
            statements_upto = verdicts_upto = 0
        # Links to statements that are gone (not re-extracted under the same uid) go too.
        db.execute("DELETE FROM verdict_links WHERE statement_uid NOT IN (SELECT uid FROM statements)")
        before = db.execute("SELECT count(*) FROM verdict_links").fetchone()[0]
        checked = 0
        for row in db.execute(f"SELECT {', '.join(keys)} FROM verdicts ORDER BY id").fetchall():
            verdict = dict(zip(keys, row))
            after = 0 if verdict["id"] > verdicts_upto else statements_upto
            if after < top_statement:
                _link_one(db, verdict, after)
                checked += 1
        _choose_best(db)
        _set_state(db, _STATE[0], top_statement)
        _set_state(db, _STATE[1], top_verdict)
        _set_state(db, _STATE[2], _seen_statements(db, top_statement))
        db.execute("DROP TABLE temp.verdict_vocab")
    links = db.execute("SELECT count(*) FROM verdict_links").fetchone()[0]
    total = db.execute("SELECT count(*) FROM verdicts").fetchone()[0]
    linked = db.execute("SELECT count(*) FROM verdicts WHERE statement_id IS NOT NULL").fetchone()[0]
    return {"verdicts": total, "checked": checked, "links": links,
            "new_links": links - before, "linked": linked, "unlinked": total - linked}
